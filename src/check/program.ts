import type { Report } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../syntax/ast.js";
import type { Bindings } from "./bindings.js";
import type { SymbolTable } from "./symbol-table.js";

/** What every check pass sees: the parsed files in path order and the declarations they make. */
export interface Program {
  files: readonly SourceFile[];
  symbols: SymbolTable;
  /** What each name in a condition stands for, filled by the resolve-names pass. */
  bindings: Bindings;
}

export type { Report } from "../diagnostics/diagnostic.js";

/** A check pass: one concern, declared as data in passes.ts, reporting and never throwing. */
export interface CheckPass {
  name: string;
  run(program: Program, report: Report): void;
}
