/**
 * The two sides of `leadscore diff`: each is a git revision (read from git, never checked out), a
 * directory of rule files named by --base-dir/--head-dir, or the working tree. Both are compiled with the same display prefix (the
 * project's rules directory), so a rule at `rules/routing.score:11` reads the same on both sides.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { compileDirectory, compileSources, type CompileResult } from "../compile/compile-ruleset.js";
import { compileGlobs, expandGlobs } from "../project/glob.js";
import type { FixtureText } from "./population-load.js";
import {
  CONFIG_FILE,
  ConfigError,
  defaultProjectConfig,
  parseProjectConfig,
  type ProjectConfig,
} from "../project/config.js";
import {
  GIT_MISSING,
  listFilesAtCommit,
  readFileAtCommit,
  openGitProject,
  readFilesAtCommit,
  readRulesAtCommit,
  resolveCommit,
  type GitProject,
  type GitResult,
} from "../git/revision.js";

export interface DiffContext {
  /** The working tree's leadscore.yaml, when the project has one. */
  config?: SideConfig;
  /** Where relative directory arguments are read from. */
  cwd: string;
  /** The project directory (of leadscore.yaml). */
  root: string;
  /** The rules directory, relative to `root`. */
  rulesDir: string;
  /** Real path that symbolic links in the working tree must stay inside (the repository); null: anywhere. */
  within: string | null;
}

/**
 * The side's own `leadscore.yaml`: its text (null when the side has none), and the settings read from it.
 * A directory side has no configuration of its own (null): it is read with the working tree's.
 */
export interface SideConfig {
  text: string | null;
  config: ProjectConfig;
}

export type DiffSide =
  | { kind: "working-tree"; label: string; compiled: CompileResult; config: SideConfig | null }
  | { kind: "directory"; label: string; dir: string; compiled: CompileResult; config: null }
  | {
      kind: "revision";
      label: string;
      project: GitProject;
      commit: string;
      compiled: CompileResult;
      config: SideConfig;
    };

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
  const options = { displayPrefix, fallbackName: fallbackNameOf(context), within: context.within };
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
      value: {
        kind: "working-tree",
        label: "working tree",
        compiled: await compileDirectory(dir, options),
        config: context.config ?? null,
      },
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
        config: null,
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
  // The revision's own leadscore.yaml says where its rules are (a pull request may move them).
  const config = await configAtCommit(project.value, commit.value, revision, context);
  if (!config.ok) return config;
  const rulesDir = config.value.config.rules;
  const rules = await readRulesAtCommit(project.value, commit.value, rulesDir, displayPrefixOf(rulesDir));
  if (!rules.ok) return rules;
  if (rules.value.sources.length === 0) {
    return { ok: false, error: `no rule files (.score) in \`${rulesDir}\` at \`${revision}\`` };
  }
  return {
    ok: true,
    value: {
      kind: "revision",
      label: revision,
      project: project.value,
      commit: commit.value,
      compiled: compileSources(rules.value.sources, { fallbackName: options.fallbackName }),
      config: config.value,
    },
  };
}

/** The `leadscore.yaml` of a revision (the conventional layout when it has none); a bad one is an error. */
async function configAtCommit(
  project: GitProject,
  commit: string,
  revision: string,
  context: DiffContext,
): Promise<GitResult<SideConfig>> {
  const listed = await listFilesAtCommit(project, commit, ".");
  if (!listed.ok) return listed;
  const root = context.config?.config.root ?? context.root;
  let text: string | null = null;
  if (listed.value.includes(CONFIG_FILE)) {
    const read = await readFileAtCommit(project, commit, CONFIG_FILE);
    if (!read.ok) return read;
    text = read.value;
  }
  try {
    const config = text === null ? defaultProjectConfig(root) : await parseProjectConfig(text, root);
    return { ok: true, value: { text, config } };
  } catch (error) {
    if (error instanceof ConfigError) {
      return { ok: false, error: `the ${CONFIG_FILE} at \`${revision}\`: ${error.message}` };
    }
    throw error;
  }
}

function directoryNotRevision(name: string, option: string): string {
  return `\`${name}\` is a directory, not a git revision: to compare with a directory, use ${option} ${name}`;
}

/**
 * The fixture files of a side: read from git at its revision, or from the working tree when the side is
 * the working tree or a directory. Paths are relative to the project directory.
 */
export async function readSideFixtures(
  side: DiffSide,
  context: DiffContext,
  globs: readonly string[],
): Promise<GitResult<FixtureText[]>> {
  if (side.kind !== "revision") {
    const files = await expandGlobs(context.root, globs, { within: context.within });
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
  const listed = await listFilesAtCommit(side.project, side.commit, ".");
  if (!listed.ok) return listed;
  // The same files the working tree would give (one glob semantics; hidden files and node_modules never).
  const files = listed.value.filter(compileGlobs(globs));
  const read = await readFilesAtCommit(side.project, side.commit, files);
  if (!read.ok) return read;
  return { ok: true, value: read.value };
}

/** The working tree's own leadscore.yaml, as a side reads it (none when the project has no file). */
export async function workingTreeConfig(config: ProjectConfig): Promise<SideConfig> {
  if (!config.fromFile) return { text: null, config };
  return { text: await readFile(path.join(config.root, CONFIG_FILE), "utf8"), config };
}

/**
 * The fixture files that differ between the sides (added, removed or edited), in path order; null when
 * the base's fixtures are not known (a directory side has none of its own).
 */
export async function changedFixtures(
  base: DiffSide,
  context: DiffContext,
  headFixtures: readonly FixtureText[],
): Promise<string[] | null> {
  if (base.config === null) return null;
  const read = await readSideFixtures(base, context, base.config.config.fixtures);
  if (!read.ok) return null;
  const before = new Map(read.value.map((fixture) => [fixture.file, fixture.text]));
  const after = new Map(headFixtures.map((fixture) => [fixture.file, fixture.text]));
  const files = [...new Set([...before.keys(), ...after.keys()])].sort();
  return files.filter((file) => before.get(file) !== after.get(file));
}
