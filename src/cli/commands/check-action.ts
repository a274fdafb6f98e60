import { hasErrors } from "../../diagnostics/diagnostic.js";
import { summarizeDiagnostics } from "../../diagnostics/render.js";
import { ExitCode } from "../exit-codes.js";
import type { CommandIO } from "../io.js";
import { compileRulePaths, reportDiagnostics } from "../rules-input.js";
import { defaultRulePaths } from "./defaults.js";
import { diagnosticAnnotation, printAnnotations, wantsAnnotations } from "../github-annotations.js";
import type { AnnotationFormat } from "./choices.js";

export interface CheckOptions {
  json?: boolean;
  strict?: boolean;
  format?: AnnotationFormat;
}

/** `leadscore check`: loaded only when the command runs (see check.ts). */
export async function runCheck(
  io: CommandIO,
  paths: string[],
  options: CheckOptions,
  setExitCode: (code: number) => void,
): Promise<void> {
  const targets = paths.length > 0 ? paths : await defaultRulePaths(io);
  const result = await compileRulePaths(io, targets, { checkOnly: true });
  const failed = hasErrors(result.diagnostics) || (options.strict === true && result.diagnostics.length > 0);
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
    io.stderr(
      `${targets.join(" ")}: ${summarizeDiagnostics(result.diagnostics, io.stylize)} (${files} checked)\n`,
    );
  }
  if (wantsAnnotations(io, options.format, options.json === true)) {
    printAnnotations(io, result.diagnostics.map(diagnosticAnnotation));
  }
  if (failed) setExitCode(ExitCode.Failed);
}
