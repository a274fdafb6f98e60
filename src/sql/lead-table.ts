/**
 * What a leads table named on the command line means, for every command that reads one inside
 * PostgreSQL (`score --engine postgres --leads-table`, `diff --engine postgres --leads-table`): a lead is
 * one row with an id of its own. The id is read as the generated SQL reads it (relations.ts `idValue`:
 * text, trimmed, blank is none); a row without an id, and every row whose id another row has too, is no
 * lead — not scored, and counted. Events are filed under the id their `lead_id` names (the same reading).
 */
import { dialectNamed } from "./dialect.js";
import { col, select } from "./ir.js";
import { printSelect } from "./printer.js";
import { idValue } from "./relations.js";

const postgres = dialectNamed("postgres");
const q = (name: string) => postgres.quoteIdentifier(name);

/** A table named on the command line (`schema.table`), quoted part by part: never read as SQL. */
export function tableName(dotted: string): string {
  return dotted.split(".").map(q).join(".");
}

/** `SELECT <the id as the SQL reads it> AS "id" FROM <leads>`: one row per row of the table. */
export function leadIds(leads: string): string {
  const ids = select({
    columns: [{ expr: idValue(col("l", "id")), as: "id" }],
    from: { source: { kind: "table", path: leads.split(".") }, alias: "l" },
  });
  return printSelect(ids, postgres);
}

/** One row: `read` rows in all, `no_id` of them without an id, `repeated` with an id another row has. */
export function leadTableCheck(leads: string): string {
  return [
    `SELECT COUNT(*) AS "read", COUNT(*) FILTER (WHERE "id" IS NULL) AS "no_id",`,
    `  COUNT(*) FILTER (WHERE "id" IS NOT NULL AND "n" > 1) AS "repeated"`,
    `FROM (SELECT "id", COUNT(*) OVER (PARTITION BY "id") AS "n" FROM (${leadIds(leads)}) AS "i") AS "c"`,
  ].join("\n");
}

/** leadTableCheck's row as numbers: the rows scored are those with an id of their own. */
export function leadTableCounts(check: Readonly<Record<string, unknown>>): {
  read: number;
  withoutId: number;
  sharingId: number;
  scored: number;
} {
  const read = Number(check.read);
  const withoutId = Number(check.no_id);
  const sharingId = Number(check.repeated);
  return { read, withoutId, sharingId, scored: read - withoutId - sharingId };
}

/** Rules that read events, given a leads table alone (`score` and `diff` say it alike). */
export const EVENTS_TABLE_NEEDED = "these rules read events: name their table with --events-table <table>";

/** The ids two or more rows share, bytewise in order, with how many rows have each (`rows`). */
export function sharedLeadIds(leads: string): string {
  return `SELECT "id", COUNT(*) AS "rows" FROM (${leadIds(leads)}) AS "i" WHERE "id" IS NOT NULL GROUP BY "id" HAVING COUNT(*) > 1 ORDER BY "id" COLLATE "C"`;
}
