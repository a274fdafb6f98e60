/**
 * The two sides of `leadscore diff`: each is a git revision (read from git, never checked out), a
 * directory of rule files, or the working tree. Both are compiled with the same display prefix (the
 * project's rules directory), so a rule at `rules/routing.score:11` reads the same on both sides.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { compileDirectory, compileSources, type CompileResult } from "../compile/compile-ruleset.js";
import { expandGlobs, globToRegExp } from "../project/glob.js";
import type { FixtureText } from "./population-load.js";
import {
  GIT_MISSING,
  listFilesAtCommit,
  openGitProject,
  readFilesAtCommit,
  readRulesAtCommit,
  resolveCommit,
  type GitProject,
  type GitResult,
} from "../git/revision.js";

export interface DiffContext {
  /** Where relative directory arguments are read from. */
  cwd: string;
  /** The project directory (of leadscore.yaml). */
  root: string;
  /** The rules directory, relative to `root`. */
  rulesDir: string;
}

export type DiffSide =
  | { kind: "working-tree"; label: string; compiled: CompileResult }
  | { kind: "directory"; label: string; dir: string; compiled: CompileResult }
  | { kind: "revision"; label: string; project: GitProject; commit: string; compiled: CompileResult };

/** The rules directory as paths in diagnostics and the artifact start: `rules`. */
export function displayPrefixOf(rulesDir: string): string {
  const posix = rulesDir.split(path.sep).join("/").replace(/\/+$/, "").replace(/^\.\//, "");
  return posix === "" ? "." : posix;
}

/** Without a `ruleset "…"` header, both sides are named after the rules directory, not after a temp dir. */
function fallbackNameOf(context: DiffContext): string {
  return path.basename(path.resolve(context.root, context.rulesDir));
}

async function isDirectory(target: string): Promise<boolean> {
  try {
    return (await stat(target)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Compiles one side. `spec` null means the working tree; an existing directory is read as a rules
 * directory; anything else must be a git revision. Unknown revisions and missing repositories come back
 * as errors to report as bad usage.
 */
export async function resolveSide(spec: string | null, context: DiffContext): Promise<GitResult<DiffSide>> {
  const displayPrefix = displayPrefixOf(context.rulesDir);
  const options = { displayPrefix, fallbackName: fallbackNameOf(context) };
  if (spec === null) {
    const dir = path.resolve(context.root, context.rulesDir);
    if (!(await isDirectory(dir))) {
      return {
        ok: false,
        error: `cannot read the rules directory \`${context.rulesDir}\` in the working tree`,
      };
    }
    return {
      ok: true,
      value: { kind: "working-tree", label: "working tree", compiled: await compileDirectory(dir, options) },
    };
  }
  const asDirectory = path.resolve(context.cwd, spec);
  if (await isDirectory(asDirectory)) {
    return {
      ok: true,
      value: {
        kind: "directory",
        label: spec,
        dir: asDirectory,
        compiled: await compileDirectory(asDirectory, options),
      },
    };
  }
  const project = await openGitProject(context.root);
  if (!project.ok) {
    if (project.error === GIT_MISSING) return project;
    return { ok: false, error: `\`${spec}\` is not a directory, and the project is not in a git repository` };
  }
  const commit = await resolveCommit(project.value, spec);
  if (!commit.ok) return { ok: false, error: `${commit.error} (and not a directory)` };
  const rules = await readRulesAtCommit(project.value, commit.value, context.rulesDir, displayPrefix);
  if (!rules.ok) return rules;
  if (rules.value.sources.length === 0) {
    return { ok: false, error: `no rule files (.score) in \`${context.rulesDir}\` at \`${spec}\`` };
  }
  return {
    ok: true,
    value: {
      kind: "revision",
      label: spec,
      project: project.value,
      commit: commit.value,
      compiled: compileSources(rules.value.sources, { fallbackName: options.fallbackName }),
    },
  };
}

/**
 * The fixture files of the head side: read from git at the head revision, or from the working tree when
 * the head is the working tree or a directory. Paths are relative to the project directory.
 */
export async function readHeadFixtures(
  head: DiffSide,
  context: DiffContext,
  globs: readonly string[],
): Promise<GitResult<FixtureText[]>> {
  if (head.kind !== "revision") {
    const files = await expandGlobs(context.root, globs);
    const texts: FixtureText[] = [];
    for (const file of files) {
      try {
        texts.push({ file, text: await readFile(path.join(context.root, file), "utf8") });
      } catch (error) {
        return {
          ok: false,
          error: `cannot read \`${file}\`: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        };
      }
    }
    return { ok: true, value: texts };
  }
  const listed = await listFilesAtCommit(head.project, head.commit, ".");
  if (!listed.ok) return listed;
  const matchers = globs.map((glob) => globToRegExp(glob.replace(/^\.\//, "")));
  // The same files the working tree would give: hidden directories and node_modules are skipped there too.
  const files = listed.value.filter(
    (file) =>
      matchers.some((matcher) => matcher.test(file)) &&
      !file.split("/").some((part) => part.startsWith(".") || part === "node_modules"),
  );
  const read = await readFilesAtCommit(head.project, head.commit, files);
  if (!read.ok) return read;
  return { ok: true, value: read.value };
}
