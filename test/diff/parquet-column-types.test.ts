import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parquetDiffProject } from "../support/parquet-population.js";
import { TYPES_RULES } from "../support/parquet-types.js";
import { runLeadscore } from "../support/run-cli.js";

/**
 * `diff --engine duckdb` reads a Parquet population through the same checks as `score` (batch/
 * parquet-certain.ts): text stored as BLOB or LIST, blank booleans, timestamps JavaScript cannot hold and
 * times before 1970 must give the JS engine's report (test/batch/parquet-column-types.test.ts has each
 * case on `score`). Before, the BLOB column failed the whole diff with a DuckDB error.
 */

const BASE = TYPES_RULES.replace('starts with "VP"', 'starts with "[VP"');
if (BASE === TYPES_RULES) throw new Error("the shared rules changed: adapt the title rule here");
const HEAD = BASE.replace("bucket Hot >= 10", "bucket Hot >= 5").replace("add 4", "add 6");

let dir: string;
beforeAll(async () => {
  const leads = Array.from({ length: 60 }, (_, i) => {
    const stage = i % 3 === 0 ? "'customer'::BLOB" : "'lead'::BLOB";
    const title = i % 4 === 0 ? "['VP Sales']" : "NULL";
    const partner = ["''", "'   '", "'no'", "'yes'", "NULL"][i % 5];
    const signed = [
      "TIMESTAMP '2026-10-20 00:00:00'",
      "TIMESTAMP '1969-12-31 23:59:59.9995'",
      "NULL",
      "TIMESTAMP '2026-10-31 23:59:59.9995'",
    ][i % 4];
    return `('L${i}', ${stage}, ${title}, ${partner}, ${signed})`;
  });
  leads.push("('FAR', 'lead'::BLOB, NULL, NULL, TIMESTAMP '294000-01-01 00:00:00')");
  leads.push("('INF', 'lead'::BLOB, NULL, NULL, TIMESTAMP 'infinity')");
  const events = Array.from(
    { length: 60 },
    (_, i) =>
      `('L${i}', ${i % 2 === 0 ? "'demo_request'::BLOB" : "'Demo_Request'::BLOB"}, TIMESTAMP '2026-10-2${i % 10} 10:00:00', ${i % 3 === 0 ? "'web'" : "'phone'"})`,
  );
  dir = await parquetDiffProject(
    "diff-parquet-types",
    { base: BASE, head: HEAD },
    {
      leads: `SELECT * FROM (VALUES ${leads.join(", ")}) AS t(id, stage, title, partner, signed_up)`,
      under: ".",
      events: `SELECT * FROM (VALUES ${events.join(", ")}) AS t(lead_id, type, "at", channel)`,
    },
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("diff --engine duckdb over Parquet columns CSV cannot hold as they are", () => {
  it("gives the JS engine's report, byte for byte", async () => {
    const diff = (flags: string[]) =>
      runLeadscore(["diff", "--base-dir", "base", "--format", "json", ...flags], dir);
    const js = await diff([]);
    const duckdb = await diff(["--engine", "duckdb"]);
    expect(duckdb.stderr).toBe("");
    expect([duckdb.code, js.code]).toEqual([0, 0]);
    expect(duckdb.stdout).toBe(js.stdout);
    const report = JSON.parse(js.stdout);
    expect(report.population.sources).toEqual([
      { source: "events.parquet", read: 60, accepted: 60, rejected: 0 },
      { source: "leads.parquet", read: 62, accepted: 60, rejected: 2 },
    ]);
    expect(report.population.rejects.map((reject: { reason: string }) => reject.reason)).toEqual([
      "lead.signed_up: `294000-01-01 00:00:00` is not an ISO-8601 timestamp",
      "lead.signed_up: `infinity` is not an ISO-8601 timestamp",
    ]);
    expect(report.summary.moved).toBeGreaterThan(5);
  });
});
