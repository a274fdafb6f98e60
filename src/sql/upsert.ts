import type { Artifact } from "../compile/artifact.js";
import { dialectNamed } from "./dialect.js";
import { buildScoreQuery, RESULT_COLUMNS } from "./generate.js";
import type { SqlQuery } from "./ir.js";
import { printSelect, printWith } from "./printer.js";
import { idValue } from "./relations.js";
import { col } from "./ir.js";

/**
 * `score --engine postgres --into <table>`: the ruleset scored inside PostgreSQL and its results upserted
 * into a results table in one statement (so in one transaction), writing only the rows whose result
 * changed — what a CRM sync reading the table wants. A lead whose id is missing or repeated in the leads
 * table cannot be one row of the results: it is not written, and counted.
 *
 * The results table: the result columns of the generated SQL (actions as JSONB), and `scored_at`, when
 * the row's result last changed (the time of the run). `content_hash` names the ruleset that gave that
 * result. A change of the rules that changes no lead's result writes nothing.
 */

const postgres = dialectNamed("postgres");
const q = (name: string) => postgres.quoteIdentifier(name);

/** A table named on the command line (`schema.table`), quoted part by part. */
export function tableName(dotted: string): string {
  return dotted.split(".").map(q).join(".");
}

/** The columns that decide a result: a row is written when one of them differs from the table's. */
const DECIDING = ["model", "fit", "engagement", "score", "grade", "bucket", "excluded", "actions"] as const;

/** Column types of the results table, by column. */
const COLUMN_TYPES: Record<(typeof RESULT_COLUMNS)[number], string> = {
  id: "TEXT PRIMARY KEY",
  model: "TEXT",
  fit: "DOUBLE PRECISION",
  engagement: "DOUBLE PRECISION",
  score: "DOUBLE PRECISION",
  grade: "TEXT",
  bucket: "TEXT",
  excluded: "TEXT",
  actions: "JSONB NOT NULL",
  ruleset: "TEXT NOT NULL",
  version: "BIGINT",
  content_hash: "TEXT NOT NULL",
};

export interface UpsertTables {
  leads: string;
  events: string;
  into: string;
}

export interface UpsertStatements {
  /** Creates the results table when it does not exist. */
  create: string;
  /** How many leads the table has, how many have no id and how many share an id with another. */
  check: string;
  /** The upsert: returns one row per written lead, `inserted` true for a new one. */
  upsert: string;
  /** What the upsert would write, with the previous bucket and score (`--dry-run`), writing nothing. */
  preview: string;
}

export function upsertStatements(artifact: Artifact, tables: UpsertTables, asOf: number): UpsertStatements {
  const query = buildScoreQuery(artifact, {
    dialect: postgres,
    asOf,
    leads: { kind: "table", path: tables.leads.split(".") },
    events: { kind: "table", path: tables.events.split(".") },
  });
  const into = tableName(tables.into);
  const scored = withResults(query);
  const columns = [...RESULT_COLUMNS];
  const values = columns.map((name) =>
    name === "actions" ? `CAST("r"."actions" AS JSONB)` : `"r".${q(name)}`,
  );
  // One row per id: a missing id, or one that two leads share, cannot be one row of the results.
  const writable = `"r"."id" IS NOT NULL AND "r"."id" IN (SELECT "id" FROM "ls_results" GROUP BY "id" HAVING COUNT(*) = 1)`;
  const tuple = (table: string, names: readonly string[]) =>
    `(${names.map((name) => `${table}.${q(name)}`).join(", ")})`;
  const differs = (table: string, other: string) =>
    `${tuple(table, DECIDING)} IS DISTINCT FROM ${tuple(other, DECIDING)}`;
  const create = `CREATE TABLE IF NOT EXISTS ${into} (${[
    ...columns.map((name) => `${q(name)} ${COLUMN_TYPES[name]}`),
    `${q("scored_at")} TIMESTAMPTZ NOT NULL`,
  ].join(", ")})`;
  const upsert = [
    scored,
    `INSERT INTO ${into} AS "t" (${[...columns, "scored_at"].map(q).join(", ")})`,
    `SELECT ${[...values, "CURRENT_TIMESTAMP"].join(", ")} FROM "ls_results" AS "r" WHERE ${writable}`,
    `ON CONFLICT (${q("id")}) DO UPDATE SET ${[...columns.filter((name) => name !== "id"), "scored_at"]
      .map((name) => `${q(name)} = "excluded".${q(name)}`)
      .join(", ")}`,
    `WHERE ${differs('"t"', '"excluded"')}`,
    `RETURNING "t"."id" AS "id", ("t"."xmax" = 0) AS "inserted"`,
  ].join("\n");
  const preview = [
    scored,
    `SELECT "r"."id" AS "id", ("t"."id" IS NULL) AS "inserted", "t"."bucket" AS "from_bucket", "r"."bucket" AS "to_bucket",`,
    `  "t"."score" AS "from_score", "r"."score" AS "to_score"`,
    `FROM (SELECT ${values.map((value, i) => `${value} AS ${q(columns[i]!)}`).join(", ")} FROM "ls_results" AS "r" WHERE ${writable}) AS "r"`,
    `LEFT JOIN ${into} AS "t" ON "t"."id" = "r"."id"`,
    `WHERE "t"."id" IS NULL OR ${differs('"t"', '"r"')}`,
    `ORDER BY "r"."id"`,
  ].join("\n");
  const id = printSelect(
    {
      columns: [{ expr: idValue(col("l", "id")), as: "id" }],
      from: { source: { kind: "table", path: tables.leads.split(".") }, alias: "l" },
      joins: [],
      where: null,
      groupBy: [],
      orderBy: [],
    },
    postgres,
  );
  const check = [
    `SELECT COUNT(*) AS "read", COUNT(*) FILTER (WHERE "id" IS NULL) AS "no_id",`,
    `  COUNT(*) FILTER (WHERE "id" IS NOT NULL AND "n" > 1) AS "repeated"`,
    `FROM (SELECT "id", COUNT(*) OVER (PARTITION BY "id") AS "n" FROM (${id}) AS "i") AS "c"`,
  ].join("\n");
  return { create, check, upsert, preview };
}

/** The score query's CTEs with its final SELECT as one more, `ls_results`, for a statement to read. */
function withResults(query: SqlQuery): string {
  return printWith(
    [...query.ctes, { name: "ls_results", select: { ...query.select, orderBy: [] } }],
    postgres,
  );
}
