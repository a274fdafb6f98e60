import type { Expr as AstExpr, Identifier, InlineList, ListReference, Value } from "../syntax/ast.js";
import type { Bindings } from "../check/bindings.js";
import type { SymbolTable } from "../check/symbol-table.js";
import type { Expr, FieldType, Literal, Ref } from "./artifact.js";

/**
 * Turns a checked AST expression into the artifact's pure expression form: names as the resolve-names
 * pass bound them (check/resolve-names.ts says which scope reads what), as typed refs; named lists inlined (their name kept for explanations), values converted to the field's type, `and`/`or`
 * chains flattened, groups dropped. Only called on rulesets without errors.
 */
export class ExpressionLowering {
  constructor(
    private readonly symbols: SymbolTable,
    private readonly bindings: Bindings,
  ) {}

  lower(expr: AstExpr): Expr {
    switch (expr.kind) {
      case "And":
      case "Or": {
        const op = expr.kind === "And" ? "and" : "or";
        const args: Expr[] = [];
        for (const operand of expr.operands) {
          const lowered = this.lower(operand);
          // A group of the same operator, `a or (b or c)`, is one chain: push one by one (no spread of
          // a huge argument list).
          if (lowered.op === op) for (const arg of lowered.args) args.push(arg);
          else args.push(lowered);
        }
        return { op, args };
      }
      case "Not":
        return { op: "not", arg: this.lower(expr.operand) };
      case "Group":
        return this.lower(expr.expr);
      case "Presence":
        return { op: expr.present ? "present" : "missing", ref: this.ref(expr.subject) };
      case "Compare": {
        const ref = this.ref(expr.subject);
        return { op: "compare", cmp: expr.operator, ref, value: literal(expr.value, ref.type) };
      }
      case "Between": {
        const ref = this.ref(expr.subject);
        return { op: "between", ref, low: literal(expr.low, ref.type), high: literal(expr.high, ref.type) };
      }
      case "Within":
        return {
          op: "within",
          ref: this.ref(expr.subject),
          ms: expr.duration.ms,
          duration: expr.duration.raw,
        };
      case "In": {
        const ref = this.ref(expr.subject);
        const { values, list } = this.listValues(expr.target);
        const lowered: Expr = { op: "in", ref, values: values.map((v) => literal(v, ref.type)) };
        if (list) lowered.list = list;
        return expr.negated ? { op: "not", arg: lowered } : lowered;
      }
      case "Text": {
        const ref = this.ref(expr.subject);
        const target = expr.target;
        const asList =
          target.kind === "InlineList" || target.kind === "ListReference"
            ? target
            : target.kind === "Word" && this.bindings.listWords.has(target)
              ? ({
                  kind: "ListReference",
                  name: { kind: "Identifier", name: target.value, span: target.span },
                  span: target.span,
                } satisfies ListReference)
              : null;
        const { values, list } = asList
          ? this.listValues(asList)
          : { values: [target as Value], list: undefined };
        const lowered: Expr = { op: expr.operator, ref, values: values.map(textOf) };
        if (list) lowered.list = list;
        return lowered;
      }
    }
  }

  private listValues(target: InlineList | ListReference): { values: Value[]; list: string | undefined } {
    if (target.kind === "InlineList") return { values: target.items, list: undefined };
    const list = this.symbols.lists.get(target.name.name);
    return { values: list ? list.decl.items.items : [], list: target.name.name };
  }

  ref(identifier: Identifier): Ref {
    const binding = this.bindings.names.get(identifier);
    if (binding) return { scope: binding.scope, name: binding.name, type: binding.type };
    // Unreachable after a clean check; kept total so lowering never throws.
    return { scope: "lead", name: identifier.name, type: "string" };
  }
}

function textOf(value: Value): string {
  return value.kind === "Number" || value.kind === "Date" ? value.raw : value.value;
}

/** A written value as the literal its field's type compares with. */
export function literal(value: Value, type: FieldType): Literal {
  switch (value.kind) {
    case "Number":
      return type === "number" ? value.value : value.raw;
    case "Date":
      return Number.isFinite(value.epochMs) ? new Date(value.epochMs).toISOString() : value.raw;
    case "String":
      return value.value;
    case "Word":
      if (type === "boolean") return value.value.toLowerCase() === "true";
      return value.value;
  }
}
