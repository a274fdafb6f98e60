import { tableName } from "./lead-table.js";
import { TODAY } from "./upsert.js";

/**
 * `score --engine postgres --previous-table <table>`: the statements that compare this run's staged
 * results (`TODAY`, see upsert.ts) with a results table — the `--into` table before this run writes it, or
 * any table with the columns `id, model, score, bucket, excluded, actions`. The database only finds the
 * candidates: leads new today, gone today, or whose model, exclusion, bucket or actions differ; the
 * transitions themselves are decided by the one TransitionTracker (batch/previous-table.ts), so a lead
 * gets the same transition on every engine.
 */

/** The columns read from the previous table, as the comparison names them. */
const PREVIOUS_COLUMNS = ["id", "model", "score", "bucket", "excluded", "actions"] as const;

export interface PreviousTableStatements {
  /** `read`: the rows of the previous table. */
  count: string;
  /** The rows that cannot be a lead's previous result: no id, or an id on more than one row (`rows`). */
  rejects: string;
  /**
   * Today's result (`id`, …, `actions` as text; null columns for a gone lead) beside the previous one
   * (`previous_id`, …; null for a new lead) of every candidate: today's leads by id, then the gone ones by
   * id (a table has no order of its own; ids compare by their bytes).
   */
  candidates: string;
}

/** Whether the table has `gone_at` (an `--into` table): `has`. */
export function hasGoneAt(previous: string): string {
  const literal = `'${tableName(previous).replace(/'/g, "''")}'`;
  return `SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(${literal}) AND attname = 'gone_at' AND NOT attisdropped) AS "has"`;
}

/**
 * `goneAt`: the table is an `--into` table, whose rows of leads gone in an earlier run are kept with
 * `gone_at` set; those are not previous results (the run after a lead left had none for it either).
 */
export function previousTableStatements(previous: string, goneAt: boolean): PreviousTableStatements {
  const table = goneAt
    ? `(SELECT * FROM ${tableName(previous)} WHERE "gone_at" IS NULL)`
    : tableName(previous);
  const repeated = `SELECT "id" FROM ${table} AS "r" WHERE "id" IS NOT NULL GROUP BY "id" HAVING COUNT(*) > 1`;
  const read = (alias: string, prefix: string) =>
    PREVIOUS_COLUMNS.map((name) =>
      name === "actions"
        ? `CAST(${alias}."actions" AS TEXT) AS "${prefix}actions"`
        : `${alias}."${name}" AS "${prefix}${name}"`,
    ).join(", ");
  const deciding = (alias: string) =>
    `(${alias}."model", ${alias}."excluded", ${alias}."bucket", CAST(${alias}."actions" AS JSONB))`;
  return {
    count: `SELECT COUNT(*) AS "read" FROM ${table} AS "p"`,
    rejects: [
      `SELECT ${read('"p"', "")}, COUNT(*) OVER (PARTITION BY "p"."id") AS "rows"`,
      `FROM ${table} AS "p" WHERE "p"."id" IS NULL OR "p"."id" IN (${repeated})`,
      `ORDER BY "p"."id" COLLATE "C" NULLS FIRST`,
    ].join("\n"),
    candidates: [
      `SELECT ${read('"t"', "")}, ${read('"p"', "previous_")}`,
      `FROM ${TODAY} AS "t"`,
      `FULL JOIN (SELECT * FROM ${table} AS "p" WHERE "p"."id" IS NOT NULL AND "p"."id" NOT IN (${repeated})) AS "p"`,
      `  ON "p"."id" = "t"."id"`,
      `WHERE "t"."id" IS NULL OR "p"."id" IS NULL OR ${deciding('"t"')} IS DISTINCT FROM ${deciding('"p"')}`,
      `ORDER BY "t"."id" IS NULL, COALESCE("t"."id", "p"."id") COLLATE "C"`,
    ].join("\n"),
  };
}
