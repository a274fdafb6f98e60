import type { CommandIO } from "../io.js";

/** The rules directory used when a command is given none: the conventional `rules/`. */
export async function defaultRulePaths(_io: CommandIO): Promise<string[]> {
  return ["rules"];
}
