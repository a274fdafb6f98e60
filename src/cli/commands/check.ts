import type { Command } from "commander";
import { githubFormatOption } from "./annotation-option.js";
import type { CheckOptions } from "./check-action.js";
import type { RegisterCommand } from "./register.js";

export const registerCheck: RegisterCommand = (program: Command, io, setExitCode) => {
  program
    .command("check")
    .description("Check rule files for errors and warnings (the files named form one ruleset).")
    .argument("[paths...]", "rule directories or .score files", [])
    .option("--json", "print the diagnostics as JSON on stdout")
    .option("--strict", "fail on warnings too")
    .addOption(githubFormatOption())
    .addHelpText(
      "after",
      "\nExit codes: 0 clean, 1 errors (or warnings with --strict), 2 bad usage or unreadable files.",
    )
    .action(async (paths: string[], options: CheckOptions) => {
      const { runCheck } = await import("./check-action.js");
      await runCheck(io, paths, options, setExitCode);
    });
};
