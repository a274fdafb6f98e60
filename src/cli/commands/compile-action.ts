import { refuseOutputsOverInputs, ruleInputFiles, writeOutputFile } from "../output-files.js";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { summarizeDiagnostics } from "../../diagnostics/render.js";
import { serializeArtifact } from "../../compile/load-artifact.js";
import { ExitCode } from "../exit-codes.js";
import type { CommandIO } from "../io.js";
import { compileRulePaths, reportDiagnostics } from "../rules-input.js";
import { defaultRulePaths } from "./defaults.js";

export interface CompileOptions {
  out?: string;
}

/** `leadscore compile`: loaded only when the command runs (see compile.ts). */
export async function runCompile(
  io: CommandIO,
  paths: string[],
  options: CompileOptions,
  setExitCode: (code: number) => void,
): Promise<void> {
  const targets = paths.length > 0 ? paths : await defaultRulePaths(io);
  const inputs = await Promise.all(targets.map((target) => ruleInputFiles(io, target)));
  await refuseOutputsOverInputs(io, [["-o", options.out]], inputs.flat());
  const result = await compileRulePaths(io, targets);
  reportDiagnostics(io, result);
  if (hasErrors(result.diagnostics) || !result.artifact) {
    io.stderr(
      `${targets.join(" ")}: ${summarizeDiagnostics(result.diagnostics, io.stylize)}; nothing written\n`,
    );
    setExitCode(ExitCode.Failed);
    return;
  }
  const text = serializeArtifact(result.artifact);
  if (!options.out) {
    io.stdout(text);
    return;
  }
  await writeOutputFile(io, options.out, text);
  const { artifact } = result;
  const rules = artifact.models.reduce((n, m) => n + m.rules.length, 0);
  io.stderr(
    `wrote ${options.out}: ruleset "${artifact.name}"${artifact.version !== null ? ` version ${artifact.version}` : ""}, ${artifact.models.length} models, ${rules} rules, ${artifact.contentHash}\n`,
  );
}
