/**
 * The values of the fields the rules probe, observed in the database instead of lead by lead in
 * JavaScript (RuleUsageTally.observe): for a population scored in DuckDB (the Parquet fast path, `diff`'s
 * Parquet files) or in PostgreSQL (`diff` over tables). One definition of what is noted; each engine
 * finds each value's first place its own way.
 */
import { dialectNamed } from "../sql/dialect.js";
import type { SqlEngine } from "../sql/engines/engine.js";
import { call, cast, col, text, type SqlExpr } from "../sql/ir.js";
import { printExpr } from "../sql/printer.js";
import { OBSERVED_LIMIT, type RuleUsageTally } from "./rule-usage.js";

/**
 * Where probed values are read from: the leads (their columns, and `r1` their order) and their events
 * (`r2` their order within the lead); each relation's values named as the fields are.
 */
export interface ProbedRelations {
  leadColumns: ReadonlySet<string>;
  eventColumns: ReadonlySet<string>;
  /** SELECT of the lead values: `${field}` as v, r1, r2. */
  leads(field: string): string;
  /** SELECT of the event values: `${field}` as v, r1, r2. */
  events(field: string): string;
}

/**
 * The values of the fields the rules probe, as RuleUsageTally.observe would see them lead by lead (each
 * lead's events in order): the first OBSERVED_LIMIT distinct ones in that order, then any probed value
 * found later. One query per field, whatever the number of tallies (diff has one per side): each is
 * handed the rows of the fields it probes — a value beyond the limit that only another tally probes
 * changes nothing in it, as its observed values are full by then.
 */
export async function observeProbedValues(
  engine: SqlEngine,
  tallies: readonly RuleUsageTally[],
  relations: ProbedRelations,
): Promise<void> {
  const dialect = dialectNamed(engine.dialect);
  const sql = (expr: SqlExpr) => printExpr(expr, dialect);
  // As RuleUsageTally notes a value (normalizeText): trimmed as JavaScript trims, blank is none, ASCII
  // case-folded; spelled as trimmed (folding the spelling with trim_fold trims nothing more).
  const spelling = sql(call("nullif", call("trim_js", cast("text", col("s", "v"))), text("")));
  const key = sql(call("trim_fold", col("t", "spelling")));
  const firsts = engine.dialect === "postgres" ? postgresFirsts : duckdbFirsts;
  const fields = new Map<string, { scope: "lead" | "event"; field: string; values: Set<string> }>();
  for (const tally of tallies)
    for (const { scope, field, values } of tally.probedFields()) {
      const known = fields.get(`${scope} ${field}`) ?? { scope, field, values: new Set<string>() };
      for (const value of values) known.values.add(value);
      fields.set(`${scope} ${field}`, known);
    }
  for (const { scope, field, values } of fields.values()) {
    if (!(scope === "lead" ? relations.leadColumns : relations.eventColumns).has(field)) continue;
    const from = scope === "lead" ? relations.leads(field) : relations.events(field);
    const normalized =
      `SELECT ${key} AS "key", "t"."spelling", "t"."r1", "t"."r2" FROM (` +
      `SELECT ${spelling} AS "spelling", "s"."r1", "s"."r2" FROM (${from}) AS "s" WHERE "s"."v" IS NOT NULL` +
      `) AS "t" WHERE "t"."spelling" IS NOT NULL`;
    // The first OBSERVED_LIMIT distinct values are noted with their first spelling, then the probed values
    // found beyond (already noted, or too late to be kept for suggestions: only `seen` changes).
    const probed =
      values.size === 0
        ? "FALSE"
        : `"key" IN (${[...values].map((value) => dialect.quoteText(value)).join(", ")})`;
    for (const row of await engine.query(firsts(normalized, `"n" <= ${OBSERVED_LIMIT} OR ${probed}`))) {
      const value = Number(row.n) <= OBSERVED_LIMIT ? String(row.spelling) : String(row.key);
      for (const tally of tallies) tally.noteValue(scope, field, value);
    }
  }
}

/**
 * Each distinct key of `values` (key, spelling, r1, r2) with its first spelling and its rank `n` in
 * order of first place, the rows `kept` keeps, in that order. DuckDB: one pass (ARG_MIN, QUALIFY).
 */
function duckdbFirsts(values: string, kept: string): string {
  return (
    `SELECT "key", "spelling", ROW_NUMBER() OVER (ORDER BY "first") AS "n" FROM (SELECT "key", ` +
    `ARG_MIN("spelling", ("r1", "r2")) AS "spelling", MIN(("r1", "r2")) AS "first" FROM (${values}) GROUP BY "key") ` +
    `QUALIFY ${kept} ORDER BY "n"`
  );
}

/**
 * The same in PostgreSQL: each key's first place by a hash aggregate (few groups), then its spelling
 * there — 2.2× faster than sorting every value (DISTINCT ON) at 1M leads, with the same rows.
 */
function postgresFirsts(values: string, kept: string): string {
  return [
    `WITH "f" AS MATERIALIZED (${values}),`,
    `"firsts" AS (SELECT "key", MIN(ARRAY["r1", "r2"]) AS "first" FROM "f" GROUP BY "key")`,
    `SELECT "key", "spelling", "n" FROM (`,
    `  SELECT "x"."key", "x"."spelling", ROW_NUMBER() OVER (ORDER BY "x"."first") AS "n" FROM (`,
    `    SELECT "g"."key", "g"."first", MIN("f"."spelling" COLLATE "C") AS "spelling"`,
    `    FROM "firsts" AS "g" JOIN "f" ON "f"."key" = "g"."key" AND ARRAY["f"."r1", "f"."r2"] = "g"."first"`,
    `    GROUP BY "g"."key", "g"."first"`,
    `  ) AS "x"`,
    `) AS "o" WHERE ${kept} ORDER BY "n"`,
  ].join("\n");
}
