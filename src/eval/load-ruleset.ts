import { stat } from "node:fs/promises";
import type { Artifact } from "../compile/artifact.js";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { describeFileError } from "../diagnostics/file-errors.js";
import { RulesetLoadError } from "./errors.js";
import { readRulesetText } from "./read-ruleset-file.js";
import { createRuleset, Ruleset } from "./ruleset.js";

/**
 * The compiler (and its parser) is loaded only to compile rule files: services that load a compiled
 * artifact start faster without it.
 */
function loadCompiler(): Promise<typeof import("../compile/compile-ruleset.js")> {
  return import("../compile/compile-ruleset.js");
}

function compileFailure(diagnostics: readonly Diagnostic[], where: string): RulesetLoadError {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const first = errors[0];
  const detail = first
    ? `: ${first.span.file}:${first.span.start.line}:${first.span.start.column} ${first.message}`
    : "";
  return new RulesetLoadError(
    "compile-errors",
    `the rules in ${where} have ${errors.length} error${errors.length === 1 ? "" : "s"}${detail}`,
    diagnostics,
  );
}

/**
 * A ruleset from a compiled artifact (`.json`), a rules directory, a single `.score` file, or an artifact
 * object. Rejects with RulesetLoadError, whose `reason` says what is wrong.
 */
export async function loadRuleset(source: string | Artifact): Promise<Ruleset> {
  if (source === null || (typeof source !== "string" && typeof source !== "object")) {
    throw new RulesetLoadError(
      "unreadable",
      "loadRuleset takes the path of a rules directory or a compiled artifact (.json), or an artifact object",
    );
  }
  if (typeof source !== "string") return createRuleset(source);
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(source)).isDirectory();
  } catch (error) {
    throw new RulesetLoadError("unreadable", `cannot read ${source}: ${describeFileError(error)}`);
  }
  if (isDirectory) {
    const { compileDirectory } = await loadCompiler();
    const compiled = await compileDirectory(source);
    if (compiled.artifact === null || hasErrors(compiled.diagnostics))
      throw compileFailure(compiled.diagnostics, source);
    return new Ruleset(compiled.artifact);
  }
  const text = await readRulesetText(source);
  if (source.endsWith(".score")) {
    const { compileSources } = await loadCompiler();
    const compiled = compileSources([{ path: source, text }]);
    if (compiled.artifact === null || hasErrors(compiled.diagnostics))
      throw compileFailure(compiled.diagnostics, source);
    return new Ruleset(compiled.artifact);
  }
  return createRuleset(text);
}
