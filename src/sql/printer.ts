import type { Dialect } from "./dialect.js";
import type { SqlExpr, SqlQuery, SqlSelect, SqlSource } from "./ir.js";

/**
 * Prints the intermediate form as SQL text in one dialect. Every identifier goes through
 * `quoteIdentifier` and every text through `quoteText`; compound expressions are parenthesised, so that
 * no dialect's operator precedence can change what a condition means.
 */
export function printQuery(query: SqlQuery, dialect: Dialect): string {
  const parts: string[] = [];
  if (query.ctes.length > 0) parts.push(printWith(query.ctes, dialect));
  parts.push(printSelect(query.select, dialect));
  return `${parts.join("\n")}\n`;
}

/** `WITH "a" AS (…), "b" AS (…)`: the CTEs alone, for a statement that is not a plain SELECT (upsert.ts). */
export function printWith(ctes: SqlQuery["ctes"], dialect: Dialect): string {
  const printed = ctes.map(
    (cte) =>
      `${dialect.quoteIdentifier(cte.name)} AS ${dialect.materializeCtes ? "MATERIALIZED " : ""}(\n${indent(printSelect(cte.select, dialect))}${dialect.fenceCtes ? "\n  OFFSET 0" : ""}\n)`,
  );
  return `WITH\n${printed.join(",\n")}`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}

export function printSelect(select: SqlSelect, dialect: Dialect): string {
  const q = (name: string) => dialect.quoteIdentifier(name);
  const lines = [
    "SELECT",
    select.columns
      .map((column) =>
        column.expr.kind === "star"
          ? `  ${printExpr(column.expr, dialect)}`
          : `  ${printExpr(column.expr, dialect)} AS ${q(column.as)}`,
      )
      .join(",\n"),
    `FROM ${printSource(select.from.source, dialect)} AS ${q(select.from.alias)}`,
  ];
  for (const join of select.joins) {
    lines.push(
      `LEFT JOIN ${printSource(join.source, dialect)} AS ${q(join.alias)} ON ${printExpr(join.on, dialect)}`,
    );
  }
  if (select.where !== null) lines.push(`WHERE ${printExpr(select.where, dialect)}`);
  if (select.groupBy.length > 0) {
    lines.push(`GROUP BY ${select.groupBy.map((expr) => printExpr(expr, dialect)).join(", ")}`);
  }
  if (select.orderBy.length > 0) {
    lines.push(
      `ORDER BY ${select.orderBy.map((expr) => `${printExpr(expr, dialect)} NULLS LAST`).join(", ")}`,
    );
  }
  return lines.join("\n");
}

function printSource(source: SqlSource, dialect: Dialect): string {
  return source.kind === "template" ? source.text : source.path.map(dialect.quoteIdentifier).join(".");
}

export function printExpr(expr: SqlExpr, dialect: Dialect): string {
  const p = (inner: SqlExpr) => printExpr(inner, dialect);
  switch (expr.kind) {
    case "column":
      return expr.table === null
        ? dialect.quoteIdentifier(expr.name)
        : `${dialect.quoteIdentifier(expr.table)}.${dialect.quoteIdentifier(expr.name)}`;
    case "text":
      return dialect.quoteText(expr.value);
    case "number": {
      const written = numberText(expr.value);
      return expr.value < 0 ? `(${written})` : written;
    }
    case "boolean":
      return expr.value ? "TRUE" : "FALSE";
    case "null":
      return "NULL";
    case "and":
    case "or":
      return `(${expr.args.map(p).join(expr.kind === "and" ? " AND " : " OR ")})`;
    case "not":
      return `(NOT ${p(expr.arg)})`;
    case "compare":
      return `(${p(expr.left)} ${expr.op} ${p(expr.right)})`;
    case "is_null":
      return `(${p(expr.arg)} IS ${expr.negated ? "NOT NULL" : "NULL"})`;
    case "in":
      return `(${p(expr.arg)} ${expr.negated ? "NOT IN" : "IN"} (${expr.values.map(p).join(", ")}))`;
    case "arith":
      return `(${p(expr.left)} ${expr.op} ${p(expr.right)})`;
    case "concat":
      return `(${expr.args.map(p).join(" || ")})`;
    case "case": {
      const whens = expr.whens.map((branch) => `WHEN ${p(branch.when)} THEN ${p(branch.result)}`);
      const otherwise = expr.otherwise === null ? "" : ` ELSE ${p(expr.otherwise)}`;
      return `CASE ${whens.join(" ")}${otherwise} END`;
    }
    case "call":
      return dialect.call(expr.fn, expr.args.map(p));
    case "cast":
      return `CAST(${p(expr.arg)} AS ${dialect.types[expr.type]})`;
    case "star":
      return `${dialect.quoteIdentifier(expr.table)}.*`;
    case "row_number":
      return "ROW_NUMBER() OVER ()";
    case "now":
      return "CURRENT_TIMESTAMP";
    case "aggregate": {
      const name = expr.fn.toUpperCase();
      if (dialect.aggregateFilter) {
        return `${name}(${expr.arg === null ? "*" : p(expr.arg)}) FILTER (WHERE ${p(expr.filter)})`;
      }
      return `${name}(CASE WHEN ${p(expr.filter)} THEN ${expr.arg === null ? "1" : p(expr.arg)} END)`;
    }
  }
}

/**
 * A number as decimal digits, never in exponent form (`1e21`, `1e-7`), which not every dialect reads as a
 * number of the same type. Non-finite numbers never reach SQL (the artifact cannot hold them).
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`internal: ${value} is not a number SQL can hold`);
  const written = String(value);
  if (!/e/i.test(written)) return written;
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/i.exec(written)!;
  const [, sign, lead, fraction = "", exponentText] = match;
  const digits = lead! + fraction;
  const point = 1 + Number(exponentText);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
