import type { Command } from "commander";
import type { RegisterCommand } from "./register.js";
import type { WatchOptions } from "./watch-action.js";

const HELP = `
Watches the rule files, the fixture files, leadscore.yaml and the --explain lead file; after each change
(changes within 100 ms count as one) it clears the screen and runs check and test again (and explain).
Ctrl-C stops it.

Exit codes: 0 stopped (with --max-runs: the last run passed), 1 the last run found problems, 2 bad usage.`;

export const registerWatch: RegisterCommand = (program: Command, io, setExitCode) => {
  program
    .command("watch")
    .description("Run check and test again whenever a rule or fixture file changes (optionally explain).")
    .option("--explain <file>", "also explain this lead (.yaml, .yml or .json) on every run")
    .option("--as-of <time>", "explain the lead as of this ISO-8601 time (default: the file's as_of)")
    .option("--max-runs <n>", "stop after this many runs (for scripts)")
    .addHelpText("after", HELP)
    .action(async (options: WatchOptions) => {
      const { runWatch } = await import("./watch-action.js");
      await runWatch(io, options, setExitCode);
    });
};
