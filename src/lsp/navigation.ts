import type { Location, Position, Range, WorkspaceEdit } from "vscode-languageserver";
import type { Span } from "../syntax/ast.js";
import { nameIndex, occurrenceAt, occurrencesOf, type NamedSymbol } from "./names.js";
import { spanContains, toRange } from "./ranges.js";
import type { CheckedRuleset } from "./workspace.js";

/** Turns a span into a location: the file's URI (from its display path) and range. */
export type Locate = (span: Span) => Location | undefined;

export function symbolAt(
  ruleset: CheckedRuleset,
  display: string,
  position: Position,
): NamedSymbol | undefined {
  const occurrence = occurrenceAt(nameIndex(ruleset), display, (span) => spanContains(span, position));
  return occurrence?.symbols[0];
}

/** Where the name under the cursor is declared (the declaration that counts: the first). */
export function definition(
  ruleset: CheckedRuleset,
  display: string,
  position: Position,
  locate: Locate,
): Location[] {
  const index = nameIndex(ruleset);
  const occurrence = occurrenceAt(index, display, (span) => spanContains(span, position));
  if (!occurrence) return [];
  return occurrence.symbols.flatMap((symbol) => {
    const declaration = occurrencesOf(index, symbol).find((each) => each.declaration);
    const location = declaration === undefined ? undefined : locate(declaration.span);
    return location === undefined ? [] : [location];
  });
}

/** Every place the name under the cursor is used (and declared, when asked). */
export function references(
  ruleset: CheckedRuleset,
  display: string,
  position: Position,
  includeDeclaration: boolean,
  locate: Locate,
): Location[] {
  const symbol = symbolAt(ruleset, display, position);
  if (symbol === undefined) return [];
  return occurrencesOf(nameIndex(ruleset), symbol)
    .filter((occurrence) => includeDeclaration || !occurrence.declaration)
    .flatMap((occurrence) => locate(occurrence.span) ?? []);
}

/** What can be renamed: lists and lead fields (their names are the ruleset's own, used across files). */
function renameable(symbol: NamedSymbol | undefined): symbol is NamedSymbol {
  return symbol?.kind === "list" || symbol?.kind === "field";
}

export function prepareRename(ruleset: CheckedRuleset, display: string, position: Position): Range | null {
  const index = nameIndex(ruleset);
  const occurrence = occurrenceAt(index, display, (span) => spanContains(span, position));
  return occurrence && renameable(occurrence.symbols[0]) ? toRange(occurrence.span) : null;
}

/** A name the language reads as a name: letters, digits and `_`, not starting with a digit. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type RenameResult = { edit: WorkspaceEdit; symbol: NamedSymbol } | { error: string } | null;

/** The edits that rename a list or a lead field everywhere in the ruleset. */
export function rename(
  ruleset: CheckedRuleset,
  display: string,
  position: Position,
  newName: string,
  uriOf: (display: string) => string | undefined,
): RenameResult {
  const symbol = symbolAt(ruleset, display, position);
  if (!renameable(symbol)) return null;
  if (!NAME.test(newName)) return { error: `\`${newName}\` is not a name: use letters, digits and _` };
  const taken =
    symbol.kind === "list"
      ? ruleset.program.symbols.lists.has(newName)
      : ruleset.program.symbols.lead.has(newName);
  if (taken && newName !== symbol.name)
    return { error: `a ${symbol.kind} named \`${newName}\` exists already` };
  const changes: Record<string, { range: Range; newText: string }[]> = {};
  for (const occurrence of occurrencesOf(nameIndex(ruleset), symbol)) {
    const uri = uriOf(occurrence.span.file);
    if (uri === undefined) continue;
    changes[uri] = [...(changes[uri] ?? []), { range: toRange(occurrence.span), newText: newName }];
  }
  return { edit: { changes }, symbol };
}
