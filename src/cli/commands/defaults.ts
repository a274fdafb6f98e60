import { ConfigError, loadProjectConfig, type ProjectConfig } from "../../gitops/config.js";
import { UsageError } from "../exit-codes.js";
import type { CommandIO } from "../io.js";

/** The project configuration (`leadscore.yaml` in the working directory); a bad one is a usage error. */
export async function projectConfig(io: CommandIO): Promise<ProjectConfig> {
  try {
    return await loadProjectConfig(io.cwd);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** The rules directory used when a command is given none: `rules` in leadscore.yaml, else `rules/`. */
export async function defaultRulePaths(io: CommandIO): Promise<string[]> {
  return [(await projectConfig(io)).rules];
}
