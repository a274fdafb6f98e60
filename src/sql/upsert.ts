import type { Artifact } from "../compile/artifact.js";
import { dialectNamed } from "./dialect.js";
import { buildScoreQuery, RESULT_COLUMNS } from "./generate.js";
import type { SqlQuery } from "./ir.js";
import { printWith } from "./printer.js";
import { leadTableCheck, sharedLeadIds, tableName } from "./lead-table.js";

/**
 * `score --engine postgres --into <table>`: the ruleset scored inside PostgreSQL and its results upserted
 * into a results table in one statement (so in one transaction), writing only the rows whose result
 * changed — what a CRM sync reading the table wants. A lead whose id is missing or repeated in the leads
 * table cannot be one row of the results: it is not written, and counted.
 *
 * The results table: the result columns of the generated SQL (actions as JSONB), `scored_at`, when
 * the row's result last changed (the time of the run), and `gone_at`, the time of the run that no longer
 * scored the lead (not in the leads table any more, or without a row of its own there); it is cleared
 * when the lead is scored again. Rows are never deleted: a gone lead keeps its last result, marked.
 * `content_hash` names the ruleset that gave the result. A change of the rules that changes no lead's
 * result writes nothing.
 */

const postgres = dialectNamed("postgres");
const q = (name: string) => postgres.quoteIdentifier(name);

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
  /** Adds `gone_at` to a results table an earlier version of leadscore created. */
  addGoneAt: string;
  /** How many leads the table has, how many have no id and how many share an id with another. */
  check: string;
  /**
   * Scores the leads into the temporary table `pg_temp.ls_today` (dropped at the end of the transaction):
   * the result columns of every lead that can be one row of the results. The upsert, its preview and the
   * transitions all read it: the leads are scored once.
   */
  stage: string;
  /** `stage` for a leads table where no two leads share an id (the check says so): no test of it. */
  stageUnshared: string;
  /**
   * The transaction's `work_mem`, raised to 256 MB unless the session's is larger: the events' join and
   * the per-lead aggregates sort and hash millions of rows, which spill to disk under the default 4 MB.
   */
  settings: string;
  /** The upsert: returns one row per written lead, `inserted` true for a new one. */
  upsert: string;
  /** What the upsert would write, with the previous bucket and score (`--dry-run`), writing nothing. */
  preview: string;
  /** Marks the rows of leads not scored by this run (`gone_at`): returns their ids. */
  gone: string;
  /** The rows `gone` would mark, with their bucket and score (`--dry-run`). */
  gonePreview: string;
  /** The ids that two or more leads share (such leads are not scored). */
  sharedIds: string;
}

/** The scored leads of this run, staged by `UpsertStatements.stage`. */
export const TODAY = `pg_temp.${q("ls_today")}`;

export function upsertStatements(artifact: Artifact, tables: UpsertTables, asOf: number): UpsertStatements {
  const query = buildScoreQuery(artifact, {
    dialect: postgres,
    asOf,
    leads: { kind: "table", path: tables.leads.split(".") },
    events: { kind: "table", path: tables.events.split(".") },
  });
  const into = tableName(tables.into);
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
    `${q("gone_at")} TIMESTAMPTZ`,
  ].join(", ")})`;
  const addGoneAt = `ALTER TABLE ${into} ADD COLUMN IF NOT EXISTS ${q("gone_at")} TIMESTAMPTZ`;
  const staged = (where: string) =>
    [
      `CREATE TEMPORARY TABLE ${q("ls_today")} ON COMMIT DROP AS`,
      withResults(query),
      `SELECT ${values.map((value, i) => `${value} AS ${q(columns[i]!)}`).join(", ")}`,
      `FROM "ls_results" AS "r" WHERE ${where}`,
    ].join("\n");
  const stage = staged(writable);
  const stageUnshared = staged(`"r"."id" IS NOT NULL`);
  const settings = raiseWorkMem("transaction");
  const upsert = [
    `INSERT INTO ${into} AS "t" (${[...columns, "scored_at"].map(q).join(", ")})`,
    `SELECT ${[...columns.map((name) => `"r".${q(name)}`), "CURRENT_TIMESTAMP"].join(", ")} FROM ${TODAY} AS "r"`,
    `ON CONFLICT (${q("id")}) DO UPDATE SET ${[...columns.filter((name) => name !== "id"), "scored_at"]
      .map((name) => `${q(name)} = "excluded".${q(name)}`)
      .join(", ")}, ${q("gone_at")} = NULL`,
    `WHERE ${differs('"t"', '"excluded"')} OR "t"."gone_at" IS NOT NULL`,
    `RETURNING "t"."id" AS "id", ("t"."xmax" = 0) AS "inserted"`,
  ].join("\n");
  const preview = [
    `SELECT "r"."id" AS "id", ("t"."id" IS NULL) AS "inserted", "t"."bucket" AS "from_bucket", "r"."bucket" AS "to_bucket",`,
    `  "t"."score" AS "from_score", "r"."score" AS "to_score"`,
    `FROM ${TODAY} AS "r"`,
    `LEFT JOIN ${into} AS "t" ON "t"."id" = "r"."id"`,
    `WHERE "t"."id" IS NULL OR ${differs('"t"', '"r"')} OR "t"."gone_at" IS NOT NULL`,
    `ORDER BY "r"."id"`,
  ].join("\n");
  const notScored = `"t"."gone_at" IS NULL AND NOT EXISTS (SELECT 1 FROM ${TODAY} AS "r" WHERE "r"."id" = "t"."id")`;
  const gone = `UPDATE ${into} AS "t" SET ${q("gone_at")} = CURRENT_TIMESTAMP WHERE ${notScored} RETURNING "t"."id" AS "id"`;
  const gonePreview = `SELECT "t"."id" AS "id", "t"."bucket" AS "bucket", "t"."score" AS "score" FROM ${into} AS "t" WHERE ${notScored} ORDER BY "t"."id"`;
  // What a leads table's lead is (one row per id) is lead-table.ts's, for score and diff alike.
  const check = leadTableCheck(tables.leads);
  const sharedIds = sharedLeadIds(tables.leads);
  return {
    create,
    addGoneAt,
    check,
    stage,
    stageUnshared,
    settings,
    upsert,
    preview,
    gone,
    gonePreview,
    sharedIds,
  };
}

/**
 * Raises PostgreSQL's `work_mem` to 256 MB, for the transaction or the session, unless it is larger: the
 * events' join and the per-lead aggregates sort and hash millions of rows, which spill to disk under the
 * default 4 MB.
 */
export function raiseWorkMem(scope: "transaction" | "session"): string {
  return `SELECT set_config('work_mem', '256MB', ${scope === "transaction"}) WHERE pg_size_bytes(current_setting('work_mem')) < pg_size_bytes('256MB')`;
}

/** The score query's CTEs with its final SELECT as one more, `ls_results`, for a statement to read. */
function withResults(query: SqlQuery): string {
  return printWith(
    [...query.ctes, { name: "ls_results", select: { ...query.select, orderBy: [] } }],
    postgres,
  );
}
