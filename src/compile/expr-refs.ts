import type { Expr, Ref } from "./artifact.js";

/** Every field, event property or result a condition reads, in order (a field read twice appears twice). */
export function exprRefs(expr: Expr): Ref[] {
  switch (expr.op) {
    case "and":
    case "or":
      return expr.args.flatMap(exprRefs);
    case "not":
      return exprRefs(expr.arg);
    default:
      return [expr.ref];
  }
}
