import type { Identifier, WordLiteral } from "../syntax/ast.js";
import type { FieldType } from "./field-type.js";
import type { ListSymbol } from "./symbol-table.js";

/** What a name in a condition stands for. */
export interface Binding {
  scope: "lead" | "event" | "result";
  name: string;
  type: FieldType;
  /** Enumeration members, for an enum field or property. */
  values?: string[];
}

/**
 * The resolve pass's results, kept on the checked program so that later passes and lowering read them
 * instead of resolving again. Keyed by the AST nodes as written; a name that did not resolve is absent.
 */
export interface Bindings {
  names: Map<Identifier, Binding>;
  /** Bare words after `contains`, `starts with`, `ends with` that name a list: the list (else text). */
  listWords: Map<WordLiteral, ListSymbol>;
}

export function emptyBindings(): Bindings {
  return { names: new Map(), listWords: new Map() };
}
