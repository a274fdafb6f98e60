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
      if (entry.name.startsWith(".") || SKIPPED_DIRECTORIES.has(entry.name)) continue;
      const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && entry.name.endsWith(".score")) found.push(child);
    }
  }
  await walk("");
  // Code-point order, not locale order: the same on every machine.
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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
