/**
 * The two sides of `leadscore diff`: each is a git revision (read from git, never checked out), a
 * directory of rule files named by --base-dir/--head-dir, or the working tree. Both are compiled with the same display prefix (the
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

/** What the user named for one side: a git revision, or a directory given with --base-dir/--head-dir. */
export type SideSpec = { revision: string } | { directory: string };

/**
 * Compiles one side. `spec` null means the working tree. A revision is only ever read from git: a
 * directory that happens to carry a revision's name (a pull request can add `origin/main/` holding its
 * own rules) must never stand in for it, so a revision argument that names an existing directory is an
 * error, and a directory is compared only when named with --base-dir or --head-dir. Unknown revisions
 * and missing repositories come back as errors to report as bad usage.
 */
export async function resolveSide(
  spec: SideSpec | null,
  context: DiffContext,
  option: "--base-dir" | "--head-dir" = "--base-dir",
): Promise<GitResult<DiffSide>> {
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
  if ("directory" in spec) {
    const dir = path.resolve(context.cwd, spec.directory);
    if (!(await isDirectory(dir))) {
      return { ok: false, error: `${option} \`${spec.directory}\` is not a directory` };
    }
    return {
      ok: true,
      value: {
        kind: "directory",
        label: spec.directory,
        dir,
        compiled: await compileDirectory(dir, options),
      },
    };
  }
  const revision = spec.revision;
  const alsoDirectory =
    (await isDirectory(path.resolve(context.cwd, revision))) ||
    (await isDirectory(path.resolve(context.root, revision)));
  const project = await openGitProject(context.root);
  if (!project.ok) {
    if (project.error === GIT_MISSING) return project;
    if (alsoDirectory) return { ok: false, error: directoryNotRevision(revision, option) };
    return {
      ok: false,
      error: `\`${revision}\` is not a git revision: the project is not in a git repository`,
    };
  }
  const commit = await resolveCommit(project.value, revision);
  if (!commit.ok) {
    return { ok: false, error: alsoDirectory ? directoryNotRevision(revision, option) : commit.error };
  }
  if (alsoDirectory) {
    return {
      ok: false,
      error:
        `\`${revision}\` is both a git revision and a directory: name the revision so that no directory ` +
        `has its name (a commit id, or refs/heads/…, refs/remotes/…), or compare with the directory ` +
        `using ${option}`,
    };
  }
  const rules = await readRulesAtCommit(project.value, commit.value, context.rulesDir, displayPrefix);
  if (!rules.ok) return rules;
  if (rules.value.sources.length === 0) {
    return { ok: false, error: `no rule files (.score) in \`${context.rulesDir}\` at \`${revision}\`` };
  }
  return {
    ok: true,
    value: {
      kind: "revision",
      label: revision,
      project: project.value,
      commit: commit.value,
      compiled: compileSources(rules.value.sources, { fallbackName: options.fallbackName }),
    },
  };
}

function directoryNotRevision(name: string, option: string): string {
  return `\`${name}\` is a directory, not a git revision: to compare with a directory, use ${option} ${name}`;
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
