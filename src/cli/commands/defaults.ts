import type { ProjectConfig } from "../../project/config.js";
import { UsageError } from "../exit-codes.js";
import { linkBoundary } from "../rules-input.js";
import type { CommandIO } from "../io.js";

/**
 * The project configuration (`leadscore.yaml` in the working directory); a bad one is a usage error, and
 * so is one naming a path outside the repository (unless the command line allows it).
 */
export async function projectConfig(io: CommandIO): Promise<ProjectConfig> {
  // Loaded when a command needs the configuration, not when it is given its paths (`check rules`).
  const { ConfigError, loadProjectConfig } = await import("../../project/config.js");
  const { confineConfigPaths } = await import("../../project/repository.js");
  let config: ProjectConfig;
  try {
    config = await loadProjectConfig(io.cwd);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  if (config.fromFile) await confineConfigPaths(config, io.allowOutsideRepo === true);
  return config;
}

/** The rules directory used when a command is given none: `rules` in leadscore.yaml, else `rules/`. */
export async function defaultRulePaths(io: CommandIO): Promise<string[]> {
  return [(await projectConfig(io)).rules];
}

/** Where fixture files are found: the configuration's globs in its root, links kept in the repository. */
export async function fixtureSearch(
  io: CommandIO,
  config: ProjectConfig,
): Promise<{ root: string; globs: readonly string[]; within: string | null }> {
  return { root: config.root, globs: config.fixtures, within: await linkBoundary(io, config.root) };
}
