import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDuckDb } from "../../src/sql/engines/duckdb.js";
import { runParquetFastPath } from "../support/parquet-fast-run.js";
import { runLeadscore } from "../support/run-cli.js";
import {
  AS_OF,
  EVENT_COLUMNS,
  LEAD_COLUMNS,
  plain,
  RULES,
  sqlValue,
  type Cell,
} from "../support/hostile-parquet.js";

/**
 * The rows of `score --engine duckdb` on Parquet whose lines SQL cannot prove (result-lines-table.ts) are
 * scored again on their own, with only their leads' events. Those events must be found by the key the
 * scoring SQL joins them by (the id trimmed as JavaScript trims it), however either side spells the id:
 * here every lead's id holds a control character (SQL leaves such lines to JavaScript), and its events or
 * the lead itself spell the id with spaces, a tab or a no-break space around it. Some leads are certain
 * (loaded by SQL), some go through the JS input layer (a date without a time).
 */

const bySql = (id: string): Cell[] => plain(id);
const byJs = (id: string): Cell[] => {
  const lead = plain(id);
  lead[7] = "2026-10-20"; // signed_up without a time: the JS input layer decides it
  return lead;
};

const LEADS: Cell[][] = [
  bySql("S1\u0001"),
  bySql(" S2\u0001 "),
  byJs("J1\u0001"),
  byJs("\u00a0J2\u0001\t"),
  bySql("P1"),
];

const view = (id: string, at: string): Cell[] => [id, "page_view", at, "/pricing", 30, null];
const EVENTS: Cell[][] = [
  view(" S1\u0001 ", "2026-10-30T10:00:00Z"),
  view("\u00a0S1\u0001", "2026-10-29T10:00:00Z"),
  view("S1\u0001", "2026-10-28T10:00:00Z"),
  view("S2\u0001", "2026-10-30T10:00:00Z"),
  view("S2\u0001\t", "2026-10-29T10:00:00Z"),
  view(" J1\u0001 ", "2026-10-30T10:00:00Z"),
  view("J1\u0001", "2026-10-29T10:00:00Z"),
  view(" J2\u0001", "2026-10-30T10:00:00Z"),
  view(" P1 ", "2026-10-30T10:00:00Z"),
];

const quoted = (value: Cell): string => (value === null ? "" : `"${String(value).replace(/"/g, '""')}"`);

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "leadscore-rescored-"));
  mkdirSync(path.join(dir, "rules"));
  writeFileSync(path.join(dir, "rules", "rules.score"), RULES);
  // The JS engine reads the same values as CSV (leads; last_seen as the instant Parquet holds) and NDJSON.
  const csvCell = (cell: Cell, i: number) =>
    quoted(i === 8 && typeof cell === "string" ? new Date(cell).toISOString() : cell);
  writeFileSync(
    path.join(dir, "leads.csv"),
    [
      LEAD_COLUMNS.map(([name]) => quoted(name)).join(","),
      ...LEADS.map((lead) => lead.map(csvCell).join(",")),
    ]
      .map((line) => `${line}\n`)
      .join(""),
  );
  writeFileSync(
    path.join(dir, "events.ndjson"),
    EVENTS.map((event) => {
      const object: Record<string, unknown> = {};
      EVENT_COLUMNS.forEach((name, i) => {
        if (event[i] !== null) object[name] = event[i];
      });
      return `${JSON.stringify(object)}\n`;
    }).join(""),
  );
  const engine = await openDuckDb({ threads: 1 });
  try {
    const copy = (rows: Cell[][], columns: Array<[string, string]>, file: string) =>
      engine.run(
        `COPY (SELECT * FROM (VALUES ${rows
          .map((row) => `(${row.map((value, i) => sqlValue(value, columns[i]![1])).join(", ")})`)
          .join(", ")}) AS t(${columns.map(([name]) => `"${name}"`).join(", ")})) ` +
          `TO '${path.join(dir, file)}' (FORMAT parquet)`,
      );
    await copy(LEADS, LEAD_COLUMNS, "leads.parquet");
    const eventTypes = ["VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "DOUBLE", "VARCHAR"];
    await copy(
      EVENTS,
      EVENT_COLUMNS.map((name, i) => [name, eventTypes[i]!]),
      "events.parquet",
    );
  } finally {
    await engine.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const score = (leads: string, events: string, extra: string[] = []) =>
  runLeadscore(
    ["score", "--rules", "rules", "--leads", leads, "--events", events, "--as-of", AS_OF]
      .concat(["--columns", "Work Email=email", "--json"])
      .concat(extra),
    dir,
  );

describe("score --engine duckdb on Parquet: the leads SQL leaves to JavaScript keep their events", () => {
  it("gives every such lead the JS engine's result, byte for byte, with all of its events", async () => {
    const js = await score("leads.csv", "events.ndjson");
    const duckdb = await score("leads.parquet", "events.parquet", ["--engine", "duckdb"]);
    expect(js.code).toBe(0);
    expect(duckdb.code).toBe(0);
    expect(duckdb.stdout).toBe(js.stdout);
    // The events counted: /pricing page views add 10 each (at most 30) to the enterprise model.
    const engagement = js.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: string; engagement: number });
    expect(engagement.map(({ id, engagement }) => [id, engagement])).toEqual([
      ["S1\u0001", 30],
      ["S2\u0001", 20],
      ["J1\u0001", 20],
      ["J2\u0001", 10],
      ["P1", 10],
    ]);
    const summary = JSON.parse(duckdb.stderr) as { events: { attached: number; unmatched: number } };
    expect(summary.events).toMatchObject({ attached: 9, unmatched: 0 });
  });

  it("leaves exactly those leads to JavaScript: SQL takes S1, S2 and P1, writes P1's line alone", async () => {
    const { run, ids, byJs } = await runParquetFastPath(dir, AS_OF);
    expect(ids).toEqual(["S1\u0001", "S2\u0001", "J1\u0001", "J2\u0001", "P1"]);
    expect(run.certain).toBe(3);
    expect(byJs).toEqual([1, 2, 3, 4]);
  });
});
