import { readdirSync, type Dirent } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export interface SourceText {
  /** Path used in diagnostics and the artifact (posix separators). */
  path: string;
  text: string;
}

const SKIPPED_DIRECTORIES = new Set(["node_modules"]);

/** Every `.score` file below `dir`, as paths relative to it with posix separators, in path order. */
export async function findRuleFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(relative: string): Promise<void> {
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    for (const entry of entries) {
      const child = classify(entry, relative, found);
      if (child !== null) await walk(child);
    }
  }
  await walk("");
  return sortPaths(found);
}

/** findRuleFiles, read synchronously (the language server answers one message at a time). */
export function findRuleFilesSync(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = classify(entry, relative, found);
      if (child !== null) walk(child);
    }
  };
  walk("");
  return sortPaths(found);
}

/** Adds a rule file to `found`; returns the relative path of a directory to walk into, else null. */
function classify(entry: Dirent, relative: string, found: string[]): string | null {
  if (entry.name.startsWith(".") || SKIPPED_DIRECTORIES.has(entry.name)) return null;
  const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
  if (entry.isDirectory()) return child;
  if (entry.isFile() && entry.name.endsWith(".score")) found.push(child);
  return null;
}

/** Code-point order, not locale order: the same on every machine. */
function sortPaths(paths: string[]): string[] {
  return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Reads a ruleset directory. `displayPrefix` is prepended to each file's path (e.g. `rules`), so that
 * diagnostics and artifact locations read `rules/enterprise.score` wherever the process runs.
 */
export async function readRuleSources(dir: string, displayPrefix = ""): Promise<SourceText[]> {
  const files = await findRuleFiles(dir);
  return Promise.all(
    files.map(async (file) => ({
      path: displayPrefix === "" ? file : path.posix.join(displayPrefix, file),
      text: await readFile(path.join(dir, file), "utf8"),
    })),
  );
}
