import type { ProjectConfig } from "../../project/config.js";
import { UsageError } from "../exit-codes.js";
import type { CommandIO } from "../io.js";

/** The project configuration (`leadscore.yaml` in the working directory); a bad one is a usage error. */
export async function projectConfig(io: CommandIO): Promise<ProjectConfig> {
  // Loaded when a command needs the configuration, not when it is given its paths (`check rules`).
  const { ConfigError, loadProjectConfig } = await import("../../project/config.js");
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
