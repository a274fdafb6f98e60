/**
 * A small SQL intermediate form: what the generator builds from an artifact's expressions, and what one
 * printer per dialect turns into text. It holds values, never SQL text: every identifier and literal is
 * printed (quoted, escaped) by the printer, so nothing written by a rule author reaches the SQL as code.
 */

/** Functions the generator uses; each dialect prints them its own way (see printer.ts). */
export type SqlFunction =
  /** Trims the characters JavaScript's `String.prototype.trim` removes. */
  | "trim_js"
  /** ASCII case folding (A–Z to a–z), as the JS engine folds (eval/normalize.ts `foldCase`). */
  | "fold"
  /** `fold(trim_js(x))`: how every text value is normalised; a dialect may print a faster equivalent. */
  | "trim_fold"
  /** 1-based position of the second argument in the first, 0 when absent. */
  | "strpos"
  | "left"
  | "right"
  | "power"
  | "abs"
  /** Integer division of non-negative integers (rounds down). */
  | "idiv"
  /** Milliseconds since 1970-01-01 UTC of a timestamp, as an integer. */
  | "epoch_ms"
  | "coalesce"
  | "nullif"
  | "sum"
  | "min"
  | "max"
  | "substr"
  /** ROUND(x, n) on a DECIMAL: half away from zero in every dialect. */
  | "round"
  /** Bitwise AND of two integers (`&`, not the aggregate BIT_AND): a flag's bit of packed flags (event-facts.ts). */
  | "bitwise_and"
  /**
   * Text grouped and joined by its bytes (`COLLATE "C"` on PostgreSQL), never shown or ordered for a
   * reader: the events' lead keys. Equality is the same under every deterministic collation; sorting ten
   * million keys for the per-lead aggregates takes half the time (BENCHMARKS.md, "PostgreSQL").
   */
  | "bytewise"
  /** The aggregate bitwise OR of integers (BIT_OR): the rules that fired for a group's leads (diff-query.ts). */
  | "bit_or"
  /**
   * A 64-bit hash of a value (DuckDB's HASH; only dialects that cluster events have it): equal values,
   * equal hashes, so rows ordered by it come with equal values together.
   */
  | "hash";

/**
 * `decimal2` holds points and scores exactly; `decimal2_small` too, for rulesets whose points can never
 * reach 10^15 (generate.ts `pointsBound`): DuckDB computes it on 64-bit integers instead of 128-bit ones.
 * `decimal10` holds a rule's points to 10 decimals while they are rounded; `decimal10_small` too, for
 * rulesets whose rules' points can never reach 10^8 − 1 (18 digits, as above).
 */
export type SqlType =
  "double" | "decimal2" | "decimal2_small" | "decimal10" | "decimal10_small" | "bigint" | "text";

export type SqlExpr =
  | { kind: "column"; table: string | null; name: string }
  | { kind: "text"; value: string }
  /** A number as written in the artifact (printed exactly, never in exponent form). */
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "null" }
  | { kind: "and" | "or"; args: SqlExpr[] }
  | { kind: "not"; arg: SqlExpr }
  | { kind: "compare"; op: "=" | "<>" | "<" | "<=" | ">" | ">="; left: SqlExpr; right: SqlExpr }
  | { kind: "is_null"; arg: SqlExpr; negated: boolean }
  | { kind: "in"; arg: SqlExpr; values: SqlExpr[]; negated: boolean }
  | { kind: "arith"; op: "+" | "-" | "*" | "/"; left: SqlExpr; right: SqlExpr }
  | { kind: "concat"; args: SqlExpr[] }
  | { kind: "case"; whens: Array<{ when: SqlExpr; result: SqlExpr }>; otherwise: SqlExpr | null }
  | { kind: "call"; fn: SqlFunction; args: SqlExpr[] }
  | { kind: "cast"; type: SqlType; arg: SqlExpr }
  /** Every column of a relation: `"l".*` (its `as` is ignored). */
  | { kind: "star"; table: string }
  /** `ROW_NUMBER() OVER ()`: a key for each row of a relation without one. */
  | { kind: "row_number" }
  /** The database's current time, as a timestamp (`CURRENT_TIMESTAMP`). */
  | { kind: "now" }
  /**
   * An aggregate over the rows where `filter` holds (TRUE, not NULL): `COUNT(*)` when `arg` is null.
   * Printed `… FILTER (WHERE …)` where the dialect has it, else with the filter in a CASE.
   */
  | { kind: "aggregate"; fn: "count" | "sum" | "max"; arg: SqlExpr | null; filter: SqlExpr };

/** A relation a query reads: a table (its dotted path, quoted part by part) or a CTE. */
export type SqlSource =
  | { kind: "table"; path: string[] }
  /** Text the caller vouches for (a dbt `{{ ref('…') }}` built from a checked name). */
  | { kind: "template"; text: string };

export interface SqlSelect {
  columns: Array<{ expr: SqlExpr; as: string }>;
  from: { source: SqlSource; alias: string };
  joins: Array<{ source: SqlSource; alias: string; on: SqlExpr }>;
  where: SqlExpr | null;
  groupBy: SqlExpr[];
  orderBy: SqlExpr[];
}

export interface SqlQuery {
  ctes: Array<{ name: string; select: SqlSelect }>;
  select: SqlSelect;
}

// Builders: short, so that the generator reads like the SQL it builds.

export const col = (table: string | null, name: string): SqlExpr => ({ kind: "column", table, name });
export const text = (value: string): SqlExpr => ({ kind: "text", value });
export const num = (value: number): SqlExpr => ({ kind: "number", value });
export const bool = (value: boolean): SqlExpr => ({ kind: "boolean", value });
export const NULL: SqlExpr = { kind: "null" };
export const TRUE: SqlExpr = bool(true);
export const FALSE: SqlExpr = bool(false);

export function and(...args: SqlExpr[]): SqlExpr {
  const kept = args.filter((arg) => !(arg.kind === "boolean" && arg.value));
  if (kept.some((arg) => arg.kind === "boolean" && !arg.value)) return FALSE;
  return kept.length === 0 ? TRUE : kept.length === 1 ? kept[0]! : { kind: "and", args: kept };
}

export function or(...args: SqlExpr[]): SqlExpr {
  const kept = args.filter((arg) => !(arg.kind === "boolean" && !arg.value));
  if (kept.some((arg) => arg.kind === "boolean" && arg.value)) return TRUE;
  return kept.length === 0 ? FALSE : kept.length === 1 ? kept[0]! : { kind: "or", args: kept };
}

export const cmp = (
  op: Extract<SqlExpr, { kind: "compare" }>["op"],
  left: SqlExpr,
  right: SqlExpr,
): SqlExpr => ({ kind: "compare", op, left, right });
export const isNull = (arg: SqlExpr): SqlExpr => ({ kind: "is_null", arg, negated: false });
export const isNotNull = (arg: SqlExpr): SqlExpr => ({ kind: "is_null", arg, negated: true });
export const call = (fn: SqlFunction, ...args: SqlExpr[]): SqlExpr => ({ kind: "call", fn, args });
export const cast = (type: SqlType, arg: SqlExpr): SqlExpr => ({ kind: "cast", type, arg });
export const arith = (op: "+" | "-" | "*" | "/", left: SqlExpr, right: SqlExpr): SqlExpr => ({
  kind: "arith",
  op,
  left,
  right,
});
export const when = (
  whens: Array<{ when: SqlExpr; result: SqlExpr }>,
  otherwise: SqlExpr | null = null,
): SqlExpr => (whens.length === 0 ? (otherwise ?? NULL) : { kind: "case", whens, otherwise });
/** `arg IN (values…)`, the values as text. */
export const inTexts = (arg: SqlExpr, values: Iterable<string>): SqlExpr => ({
  kind: "in",
  arg,
  values: [...values].map(text),
  negated: false,
});
export const concat = (...args: SqlExpr[]): SqlExpr => ({ kind: "concat", args });

/**
 * Conditions packed into one integer, bit k set when the k-th holds: a sum of distinct powers of two,
 * written alike in every dialect. The caller keeps the sum within its integer type (and 2^k a number a
 * double writes exactly: k < 53).
 */
export function packedBits(conditions: readonly SqlExpr[]): SqlExpr {
  return conditions
    .map((condition, k) => when([{ when: condition, result: num(2 ** k) }], num(0)))
    .reduce((sum, bit) => arith("+", sum, bit));
}

/** An expression with each column (of any table) replaced where `by` gives another expression. */
export function replaceColumns(expr: SqlExpr, by: (name: string) => SqlExpr | undefined): SqlExpr {
  const r = (e: SqlExpr) => replaceColumns(e, by);
  switch (expr.kind) {
    case "column":
      return by(expr.name) ?? expr;
    case "and":
    case "or":
    case "concat":
    case "call":
      return { ...expr, args: expr.args.map(r) };
    case "not":
    case "is_null":
    case "cast":
      return { ...expr, arg: r(expr.arg) };
    case "compare":
    case "arith":
      return { ...expr, left: r(expr.left), right: r(expr.right) };
    case "in":
      return { ...expr, arg: r(expr.arg), values: expr.values.map(r) };
    case "case":
      return {
        ...expr,
        whens: expr.whens.map((w) => ({ when: r(w.when), result: r(w.result) })),
        otherwise: expr.otherwise === null ? null : r(expr.otherwise),
      };
    case "aggregate":
      return { ...expr, arg: expr.arg === null ? null : r(expr.arg), filter: r(expr.filter) };
    default:
      return expr;
  }
}
export const aggregate = (fn: "count" | "sum" | "max", arg: SqlExpr | null, filter: SqlExpr): SqlExpr => ({
  kind: "aggregate",
  fn,
  arg,
  filter,
});

export function select(parts: Partial<SqlSelect> & Pick<SqlSelect, "columns" | "from">): SqlSelect {
  return { joins: [], where: null, groupBy: [], orderBy: [], ...parts };
}

export const cte = (name: string): SqlSource => ({ kind: "table", path: [name] });
