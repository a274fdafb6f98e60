import path from "node:path";
import {
  InputOptionError,
  resolveInputOptions,
  type InputFlags,
  type InputOptions,
} from "../io/input-options.js";
import { ConfigError, loadProjectConfig, type ProjectConfig } from "../project/config.js";
import { confineConfigPaths } from "../project/repository.js";
import { UsageError } from "./exit-codes.js";
import type { CommandIO } from "./io.js";

/** leadscore.yaml in the working directory, or null when there is none; a broken one is bad usage. */
export async function projectConfigOrNull(io: CommandIO): Promise<ProjectConfig | null> {
  try {
    const config = await loadProjectConfig(io.cwd);
    if (!config.fromFile) return null;
    await confineConfigPaths(config, io.allowOutsideRepo === true);
    return config;
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * The reading options of one command run, resolved in one place: `input:` of leadscore.yaml, then the
 * population entry for the same file (when the file is one), then the flags.
 */
export async function resolveCommandInput(
  io: CommandIO,
  leadsFile: string | null,
  flags: InputFlags,
): Promise<InputOptions> {
  const config = await projectConfigOrNull(io);
  const target = leadsFile === null ? null : path.resolve(io.cwd, leadsFile);
  const entry =
    config === null || target === null
      ? undefined
      : config.population.find((p) => path.resolve(config.root, p.leads) === target);
  return inputOptionsOrUsage(() => resolveInputOptions([config?.input, entry], flags));
}

export function inputOptionsOrUsage(resolve: () => InputOptions): InputOptions {
  try {
    return resolve();
  } catch (error) {
    if (error instanceof InputOptionError) throw new UsageError(error.message);
    throw error;
  }
}

/** The reading flags, by the key they set, as the command line spells them (input-flags.ts). */
const READING_FLAGS: ReadonlyArray<[keyof InputFlags, string]> = [
  ["leadsFormat", "--leads-format"],
  ["delimiter", "--delimiter"],
  ["columns", "--columns"],
  ["missingValues", "--missing-values"],
  ["epoch", "--epoch"],
  ["onDuplicate", "--on-duplicate"],
  ["strictKeys", "--strict-keys"],
  ["outcome", "--outcome"],
];

/**
 * A population of tables (`--leads-table`, on `score` and `diff`) is read as its columns are named, one
 * row per id, by SQL: the flags of the file reader would be ignored there (`--on-duplicate keep-last`
 * would not make a table's repeated ids one lead), so they are refused instead, on both commands alike.
 */
export function refuseReadingFlagsWithTables(flags: InputFlags): void {
  const given = READING_FLAGS.find(([key]) => flags[key] !== undefined);
  if (given !== undefined) {
    throw new UsageError(
      `${given[1]} is for lead files; tables (--leads-table) are read by their column names, a lead being a row with an id no other row has: leave ${given[1]} out`,
    );
  }
}
