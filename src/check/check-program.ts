import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../syntax/ast.js";
import { checkPasses } from "./passes.js";
import type { Program } from "./program.js";
import { emptyBindings } from "./bindings.js";
import { buildSymbolTable } from "./symbol-table.js";

export interface CheckResult {
  program: Program;
  diagnostics: Diagnostic[];
}

/** Runs the symbol table and every check pass over parsed files (in path order). Never throws. */
export function checkProgram(files: readonly SourceFile[]): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const report = (diagnostic: Diagnostic) => diagnostics.push(diagnostic);
  const symbols = buildSymbolTable(files, report);
  const program: Program = { files, symbols, bindings: emptyBindings() };
  for (const pass of checkPasses) pass.run(program, report);
  return { program, diagnostics: sortDiagnostics(diagnostics) };
}
