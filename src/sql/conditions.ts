import type { Expr, Literal, Ref } from "../compile/artifact.js";
import { foldCase, normalizeLiteral } from "../eval/normalize.js";
import {
  FALSE,
  and,
  arith,
  bool,
  call,
  cmp,
  isNotNull,
  isNull,
  num,
  or,
  text,
  TRUE,
  type SqlExpr,
} from "./ir.js";

/** Where the SQL reads a value a condition refers to (already normalised: trimmed, folded, epoch ms). */
export type RefColumn = (ref: Ref) => SqlExpr;

export interface ConditionContext {
  column: RefColumn;
  /** False for PostgreSQL, whose text cannot hold U+0000: a literal with it can equal no value. */
  textHoldsNul: boolean;
  /** The as-of time in epoch ms, for `within`. */
  asOf: SqlExpr;
}

/** Each comparison as SQL, and its negation (for a present value, where it is never unknown). */
const SQL_OP = { "=": "=", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">=" } as const;
const NEGATED_OP = { "=": "<>", "!=": "=", "<": ">=", "<=": ">", ">": "<=", ">=": "<" } as const;

/**
 * A condition as a SQL predicate that is TRUE exactly when the JS engine says TRUE, and never NULL.
 *
 * Three-valued logic is not left to the database: negation is pushed down to the comparisons (De Morgan),
 * and every comparison carries an explicit `IS NOT NULL` guard on the value it reads. `holds(e, true)` is
 * "e is true" and `holds(e, false)` is "e is false"; an unknown condition is neither, so `not` on an
 * unknown stays not-true, `x != 5` and `x not in [..]` are not true for a missing x, and no dialect's
 * handling of NULL in NOT, NOT IN or CASE can change a result.
 */
export function conditionSql(expr: Expr, context: ConditionContext): SqlExpr {
  return holds(expr, true, context);
}

function holds(expr: Expr, wanted: boolean, context: ConditionContext): SqlExpr {
  switch (expr.op) {
    case "and":
    case "or": {
      const args = expr.args.map((arg) => holds(arg, wanted, context));
      // `a and b` is true when both are true, false when either is false (and dually for `or`).
      return (expr.op === "and") === wanted ? and(...args) : or(...args);
    }
    case "not":
      return holds(expr.arg, !wanted, context);
    case "missing":
    case "present": {
      const value = context.column(expr.ref);
      return (expr.op === "missing") === wanted ? isNull(value) : isNotNull(value);
    }
    case "within": {
      // (T − window, T], never unknown: a missing date is not within, so the negation holds for it.
      const value = context.column(expr.ref);
      const after = arith("-", context.asOf, num(expr.ms));
      return wanted
        ? and(isNotNull(value), cmp(">", value, after), cmp("<=", value, context.asOf))
        : or(isNull(value), cmp("<=", value, after), cmp(">", value, context.asOf));
    }
    default:
      return guarded(expr, wanted, context);
  }
}

/** A comparison that reads one value: false (not true, not false) when that value is missing. */
function guarded(
  expr: Exclude<Expr, { op: "and" | "or" | "not" | "missing" | "present" | "within" }>,
  wanted: boolean,
  context: ConditionContext,
): SqlExpr {
  const value = context.column(expr.ref);
  const test = comparison(expr, value, wanted, context);
  // A comparison the JS engine can never decide (a literal of the wrong type) is unknown: neither.
  if (test === null) return FALSE;
  return and(isNotNull(value), test);
}

/** The comparison itself, for a present value; null when it is always unknown. */
function comparison(
  expr: Exclude<Expr, { op: "and" | "or" | "not" | "missing" | "present" | "within" }>,
  value: SqlExpr,
  wanted: boolean,
  context: ConditionContext,
): SqlExpr | null {
  switch (expr.op) {
    case "compare": {
      const literal = literalSql(expr.ref, expr.value, context);
      if (literal === null) return null;
      // A text that cannot be stored equals no stored value.
      if (literal === UNSTORABLE) return bool((expr.cmp === "!=") === wanted);
      return cmp(wanted ? SQL_OP[expr.cmp] : NEGATED_OP[expr.cmp], value, literal);
    }
    case "in": {
      const members: SqlExpr[] = [];
      const seen = new Set<string>();
      for (const literal of expr.values) {
        const member = literalSql(expr.ref, literal, context);
        if (member === null || member === UNSTORABLE) continue;
        const key = JSON.stringify(member);
        if (!seen.has(key)) members.push(member);
        seen.add(key);
      }
      if (members.length === 0) return bool(!wanted);
      return { kind: "in", arg: value, values: members, negated: !wanted };
    }
    case "contains":
    case "starts_with":
    case "ends_with": {
      // Needles are folded like values but not trimmed: `contains " lead"` means the space.
      const tests = expr.values.map((needle) => textTest(expr.op, value, foldCase(String(needle)), context));
      return wanted ? or(...tests) : and(...tests.map(negateTextTest));
    }
    case "between": {
      const low = literalSql(expr.ref, expr.low, context);
      const high = literalSql(expr.ref, expr.high, context);
      if (low === null || high === null || low === UNSTORABLE || high === UNSTORABLE) return null;
      return wanted
        ? and(cmp(">=", value, low), cmp("<=", value, high))
        : or(cmp("<", value, low), cmp(">", value, high));
    }
  }
}

/** Marks a text literal that the dialect cannot store (U+0000 in PostgreSQL). */
const UNSTORABLE: SqlExpr = { kind: "null" };

/** A literal normalised as the JS engine normalises it (folded text, epoch ms), as SQL. */
function literalSql(ref: Ref, literal: Literal, context: ConditionContext): SqlExpr | null {
  const value = normalizeLiteral(ref.type, literal);
  if (value === undefined) return null;
  if (typeof value === "string")
    return !context.textHoldsNul && value.includes("\0") ? UNSTORABLE : text(value);
  if (typeof value === "number") return num(value);
  return bool(value);
}

/**
 * `contains`, `starts with`, `ends with` without LIKE (whose `%` and `_` are wildcards): a position, or
 * the first / last characters compared with the needle. Lengths count code points, as SQL's LEFT does.
 */
function textTest(
  op: "contains" | "starts_with" | "ends_with",
  value: SqlExpr,
  needle: string,
  context: ConditionContext,
): SqlExpr {
  if (needle === "") return TRUE;
  if (!context.textHoldsNul && needle.includes("\0")) return FALSE;
  const length = num([...needle].length);
  switch (op) {
    case "contains":
      return cmp(">", call("strpos", value, text(needle)), num(0));
    case "starts_with":
      return cmp("=", call("left", value, length), text(needle));
    case "ends_with":
      return cmp("=", call("right", value, length), text(needle));
  }
}

/** The negation of a text test on a present value (those tests are never NULL there). */
function negateTextTest(test: SqlExpr): SqlExpr {
  if (test.kind === "boolean") return bool(!test.value);
  if (test.kind === "compare") return cmp(test.op === ">" ? "<=" : "<>", test.left, test.right);
  throw new Error("internal: not a text test");
}
