import { realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { walkFiles } from "./confined-files.js";

export interface SourceText {
  /** Path used in diagnostics and the artifact (posix separators). */
  path: string;
  text: string;
}

export interface RuleFilesOptions {
  /**
   * Real path that symbolic links among the rule files must stay inside (the repository); a link leading
   * outside is an OutsideRepositoryError, never a skipped file. Default: the rules directory itself;
   * null follows links anywhere.
   */
  within?: string | null;
  /** Prefix of the paths named in errors (`rules`). */
  displayPrefix?: string;
}

/**
 * Every `.score` file below `dir`, as paths relative to it with posix separators, in path order. Linked
 * files and directories are followed inside the boundary (see confined-files.ts).
 */
export async function findRuleFiles(dir: string, options: RuleFilesOptions = {}): Promise<string[]> {
  return findRuleFilesSync(dir, options);
}

/** findRuleFiles, read synchronously (the language server answers one message at a time). */
export function findRuleFilesSync(dir: string, options: RuleFilesOptions = {}): string[] {
  const within = options.within === undefined ? realpathSync(dir) : options.within;
  return walkFiles(dir, (file) => file.endsWith(".score"), {
    within,
    displayPrefix: options.displayPrefix ?? "",
  });
}

/**
 * Reads a ruleset directory. `displayPrefix` is prepended to each file's path (e.g. `rules`), so that
 * diagnostics and artifact locations read `rules/enterprise.score` wherever the process runs.
 */
export async function readRuleSources(
  dir: string,
  displayPrefix = "",
  options: Pick<RuleFilesOptions, "within"> = {},
): Promise<SourceText[]> {
  const files = await findRuleFiles(dir, { ...options, displayPrefix });
  return Promise.all(
    files.map(async (file) => ({
      path: displayPrefix === "" ? file : path.posix.join(displayPrefix, file),
      text: await readFile(path.join(dir, file), "utf8"),
    })),
  );
}
