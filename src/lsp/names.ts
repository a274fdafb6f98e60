/**
 * Every place a ruleset names a field, an event, an event property, a list or a model, declarations and
 * uses alike: the one index behind hover, go to definition, find references and rename. Uses are read
 * from what the checker resolved (program.bindings), so the editor agrees with `leadscore check` about
 * what each name stands for.
 */
import type { Binding } from "../check/bindings.js";
import type {
  EventTypeTest,
  Expr,
  Identifier,
  ModelDecl,
  RuleCondition,
  RuleDecl,
  SectionDecl,
  Span,
} from "../syntax/ast.js";
import type { CheckedRuleset } from "./workspace.js";

export type NamedSymbol =
  | { kind: "field"; name: string }
  | { kind: "event"; name: string }
  | { kind: "property"; event: string; name: string }
  | { kind: "list"; name: string }
  | { kind: "model"; name: string };

export interface Occurrence {
  span: Span;
  /** Usually one; a property named in `where` after `event in [a, b]` is the property of each. */
  symbols: NamedSymbol[];
  declaration: boolean;
}

/** A rule with where it sits, for hover. */
export interface RulePlace {
  rule: RuleDecl;
  section: SectionDecl;
  model: ModelDecl;
}

export interface NameIndex {
  occurrences: Occurrence[];
  rules: RulePlace[];
}

export function symbolKey(symbol: NamedSymbol): string {
  return symbol.kind === "property"
    ? `property:${symbol.event}.${symbol.name}`
    : `${symbol.kind}:${symbol.name}`;
}

const indexes = new WeakMap<CheckedRuleset, NameIndex>();

export function nameIndex(ruleset: CheckedRuleset): NameIndex {
  let index = indexes.get(ruleset);
  if (!index) {
    index = buildIndex(ruleset);
    indexes.set(ruleset, index);
  }
  return index;
}

function buildIndex(ruleset: CheckedRuleset): NameIndex {
  const { bindings } = ruleset.program;
  const occurrences: Occurrence[] = [];
  const rules: RulePlace[] = [];
  const add = (identifier: Identifier, symbols: NamedSymbol[], declaration = false) => {
    if (symbols.length > 0) occurrences.push({ span: identifier.span, symbols, declaration });
  };
  const eventTypes = (test: EventTypeTest | null) => {
    for (const type of test?.types ?? []) add(type, [{ kind: "event", name: type.name }]);
  };
  const expr = (node: Expr, events: readonly string[]): void => {
    switch (node.kind) {
      case "And":
      case "Or":
        for (const operand of node.operands) expr(operand, events);
        return;
      case "Not":
        expr(node.operand, events);
        return;
      case "Group":
        expr(node.expr, events);
        return;
      default:
        break;
    }
    add(node.subject, subjectSymbols(bindings.names.get(node.subject), node.subject.name, events));
    if (node.kind === "In" || node.kind === "Text") {
      const target = node.target;
      if (target.kind === "ListReference") add(target.name, [{ kind: "list", name: target.name.name }]);
      else if (target.kind === "Word") {
        const list = bindings.listWords.get(target);
        if (list)
          occurrences.push({
            span: target.span,
            symbols: [{ kind: "list", name: list.name }],
            declaration: false,
          });
      }
    }
  };
  const condition = (node: RuleCondition) => {
    if (node.kind === "ProfileCondition") expr(node.expr, []);
    else if (node.kind === "EventCondition") {
      eventTypes(node.test);
      if (node.where)
        expr(
          node.where,
          node.test.types.map((type) => type.name),
        );
    } else eventTypes(node.test);
  };

  for (const file of ruleset.files) {
    for (const decl of file.declarations) {
      switch (decl.kind) {
        case "Lead":
          for (const field of decl.fields) add(field.name, [{ kind: "field", name: field.name.name }], true);
          break;
        case "Event":
          add(decl.name, [{ kind: "event", name: decl.name.name }], true);
          for (const property of decl.properties) {
            add(property.name, [{ kind: "property", event: decl.name.name, name: property.name.name }], true);
          }
          break;
        case "List":
          add(decl.name, [{ kind: "list", name: decl.name.name }], true);
          break;
        case "Exclude":
          condition(decl.condition);
          break;
        case "Bucket":
          if (decl.test.kind === "When") expr(decl.test.expr, []);
          break;
        case "Model":
          add(decl.name, [{ kind: "model", name: decl.name.name }], true);
          if (decl.when) expr(decl.when, []);
          for (const item of decl.items) {
            if (item.kind === "Bucket" && item.test.kind === "When") expr(item.test.expr, []);
            if (item.kind !== "Section") continue;
            for (const rule of item.items) {
              if (rule.kind !== "Rule") continue;
              rules.push({ rule, section: item, model: decl });
              condition(rule.condition);
            }
          }
          break;
        default:
          break;
      }
    }
  }
  return { occurrences, rules };
}

/** What the subject of a comparison names: a lead field, or in `where` the property of each event tested. */
function subjectSymbols(
  binding: Binding | undefined,
  name: string,
  events: readonly string[],
): NamedSymbol[] {
  if (binding === undefined || binding.scope === "result") return [];
  if (binding.scope === "lead") return [{ kind: "field", name }];
  return events.map((event) => ({ kind: "property", event, name }));
}

/** The occurrence under the cursor in one file, if any. */
export function occurrenceAt(
  index: NameIndex,
  file: string,
  at: (span: Span) => boolean,
): Occurrence | undefined {
  return index.occurrences.find((occurrence) => occurrence.span.file === file && at(occurrence.span));
}

/** Every occurrence of a symbol (declarations first, then in file and position order). */
export function occurrencesOf(index: NameIndex, symbol: NamedSymbol): Occurrence[] {
  const key = symbolKey(symbol);
  return index.occurrences
    .filter((occurrence) => occurrence.symbols.some((s) => symbolKey(s) === key))
    .sort(
      (a, b) =>
        Number(b.declaration) - Number(a.declaration) ||
        (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : 0) ||
        a.span.start.offset - b.span.start.offset,
    );
}
