import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { expandGlobs } from "./glob.js";
import { parseFixtureText } from "./fixture-parse.js";
import { byPosition, type FixtureFile, type FixtureProblem, type LoadedFixtures } from "./fixture-types.js";

/** The fixture files a directory holds, wherever below it. */
export const FIXTURE_GLOBS = ["**/*.test.yaml", "**/*.test.yml"];

export interface LoadOptions {
  /** Relative paths are read from here (default: the process's working directory). */
  cwd?: string;
}

/**
 * Reads and parses fixture files, in the order given. Never throws: an unreadable file or a broken one
 * becomes problems of that file, and the other files are read as usual.
 */
export async function loadFixtureFiles(
  paths: readonly string[],
  options: LoadOptions = {},
): Promise<LoadedFixtures> {
  const cwd = options.cwd ?? process.cwd();
  const fixtures: FixtureFile[] = [];
  const unreadable: string[] = [];
  for (const file of paths) {
    let text: string;
    try {
      text = await readFile(path.resolve(cwd, file), "utf8");
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      const problem: FixtureProblem = {
        file,
        line: 1,
        column: 1,
        message: `cannot read the file: ${reason}`,
      };
      fixtures.push({ file, asOf: null, cases: [], problems: [problem], testProblems: [] });
      unreadable.push(file);
      continue;
    }
    fixtures.push(parseFixtureText(text, file));
  }
  const problems = fixtures.flatMap((fixture) =>
    [
      ...fixture.problems,
      ...fixture.testProblems,
      ...fixture.cases.flatMap((c) => [...c.problems, ...c.testProblems]),
    ].sort(byPosition),
  );
  return { fixtures, problems, unreadable };
}

export interface FoundFixtures {
  /** Posix paths relative to `cwd` (or as given), without duplicates, in the order found. */
  files: string[];
  /** Targets that do not exist. */
  missing: string[];
}

/**
 * The fixture files named by `targets`: a file stands for itself, a directory for every `*.test.yaml`
 * below it. Without targets, the globs (the project configuration's `fixtures`) are expanded in `root`.
 */
export async function findFixtureFiles(
  cwd: string,
  targets: readonly string[],
  defaults: { root: string; globs: readonly string[] },
): Promise<FoundFixtures> {
  const files: string[] = [];
  const missing: string[] = [];
  const add = (file: string) => {
    const posix = file.split(path.sep).join("/");
    if (!files.includes(posix)) files.push(posix);
  };
  if (targets.length === 0) {
    const rootFromCwd = path.relative(cwd, defaults.root);
    for (const found of await expandGlobs(defaults.root, defaults.globs)) add(path.join(rootFromCwd, found));
    return { files, missing };
  }
  for (const target of targets) {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path.resolve(cwd, target))).isDirectory();
    } catch {
      missing.push(target);
      continue;
    }
    if (!isDirectory) add(path.normalize(target));
    else
      for (const found of await expandGlobs(path.resolve(cwd, target), FIXTURE_GLOBS))
        add(path.join(target, found));
  }
  return { files, missing };
}
