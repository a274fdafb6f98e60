import type { Command } from "commander";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { summarizeDiagnostics } from "../../diagnostics/render.js";
import { ExitCode } from "../exit-codes.js";
import { compileRulePaths, reportDiagnostics } from "../rules-input.js";
import type { RegisterCommand } from "./index.js";
import { defaultRulePaths } from "./defaults.js";

export const registerCheck: RegisterCommand = (program: Command, io, setExitCode) => {
  program
    .command("check")
    .description("Check rule files for errors and warnings (the files named form one ruleset).")
    .argument("[paths...]", "rule directories or .score files", [])
    .option("--json", "print the diagnostics as JSON on stdout")
    .option("--strict", "fail on warnings too")
    .addHelpText(
      "after",
      "\nExit codes: 0 clean, 1 errors (or warnings with --strict), 2 bad usage or unreadable files.",
    )
    .action(async (paths: string[], options: { json?: boolean; strict?: boolean }) => {
      const targets = paths.length > 0 ? paths : await defaultRulePaths(io);
      const result = await compileRulePaths(io, targets);
      const failed =
        hasErrors(result.diagnostics) || (options.strict === true && result.diagnostics.length > 0);
      if (options.json) {
        const errors = result.diagnostics.filter((d) => d.severity === "error").length;
        const report = {
          files: result.sources.map((s) => s.path),
          errors,
          warnings: result.diagnostics.length - errors,
          diagnostics: result.diagnostics,
        };
        io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        reportDiagnostics(io, result);
        const files = `${result.sources.length} file${result.sources.length === 1 ? "" : "s"}`;
        io.stderr(`${targets.join(" ")}: ${summarizeDiagnostics(result.diagnostics)} (${files} checked)\n`);
      }
      if (failed) setExitCode(ExitCode.Failed);
    });
};
