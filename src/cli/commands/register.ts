import type { Command } from "commander";
import type { CommandIO } from "../io.js";

/**
 * A command registers itself on the program: its name, arguments, options and help, which need nothing but
 * commander. What it does lives in `<name>-action.ts`, imported only when the command runs, so that
 * `--version`, `--help` and each command load just the modules they use (the parser alone brings hundreds
 * of modules). A registration file therefore imports only types from its action module.
 *
 * A command reports failure through `setExitCode` (the highest code wins) and bad usage by throwing
 * UsageError; it never calls process.exit, so it can be tested in-process.
 */
export type RegisterCommand = (program: Command, io: CommandIO, setExitCode: (code: number) => void) => void;
