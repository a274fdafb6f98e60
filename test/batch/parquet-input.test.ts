import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDuckDb } from "../../src/sql/engines/duckdb.js";
import { RULES_DIR } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";

const AS_OF = "2026-11-01T00:00:00Z";

/** Leads with typed Parquet columns (employees BIGINT, missing values NULL), two of them bad. */
const LEADS = [
  ["L1", "jane@bigco.com", "CEO", "software", 5000, "US", "lead", null],
  ["L2", "bob@rivalytics.com", "VP Engineering", "software", 800, "US", "lead", null],
  ["L3", "sam@uni.edu", "PhD student", null, null, "IN", "subscriber", null],
  ["B1", "x@example.com", "CEO", "software", 50, "US", "prospect", null],
  ["L4", " ana@payco.de ", "VP Sales", "fintech", 1200, "DE", "lead", "team"],
  ["B2", null, "CEO", "software", 50, "US", "lead", null],
  ["L5", "kim@smallshop.co.uk", "Marketing Manager", null, 40, "GB", "lead", null],
] as const;
const COLUMNS = ["id", "email", "title", "industry", "employees", "country", "stage", "plan"];

/** Events with a TIMESTAMP `at` and a DOUBLE `seconds`; one of an unknown type rejects its lead. */
const EVENTS = [
  ["L1", "demo_request", "2026-10-30T10:00:00Z", null, null],
  ["L2", "page_view", "2026-10-31T12:00:00Z", "/pricing", 30],
  ["L1", "page_view", "2026-10-29T09:00:00Z", "/pricing", 240],
  ["L4", "webinar_attended", "2026-09-15T00:00:00Z", null, null],
  ["L5", "tweet", "2026-10-30T00:00:00Z", null, null],
  ["L5", "email_click", "2026-10-27T00:00:00Z", null, null],
  ["L9", "email_open", "2026-10-27T00:00:00Z", null, null],
] as const;

const sqlText = (value: string | number | null) =>
  value === null ? "NULL" : typeof value === "number" ? String(value) : `'${value.replace(/'/g, "''")}'`;

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "leadscore-parquet-"));
  // The same data as CSV and NDJSON for the JS engine.
  const csvCell = (value: string | number | null) => (value === null ? "" : String(value));
  writeFileSync(
    path.join(dir, "leads.csv"),
    `${[COLUMNS.join(","), ...LEADS.map((lead) => lead.map(csvCell).join(","))].join("\n")}\n`,
  );
  const events = EVENTS.map(([lead_id, type, at, url, seconds]) =>
    JSON.stringify({
      lead_id,
      type,
      at,
      ...(url === null ? {} : { url }),
      ...(seconds === null ? {} : { seconds }),
    }),
  );
  writeFileSync(path.join(dir, "events.ndjson"), `${events.join("\n")}\n`);
  const engine = await openDuckDb({ threads: 1 });
  try {
    const leads = LEADS.map(
      (lead) =>
        `(${lead.map((value, i) => (i === 4 ? `CAST(${sqlText(value)} AS BIGINT)` : `CAST(${sqlText(value)} AS VARCHAR)`)).join(", ")})`,
    );
    await engine.run(
      `COPY (SELECT * FROM (VALUES ${leads.join(", ")}) AS t(${COLUMNS.join(", ")})) TO '${path.join(dir, "leads.parquet")}' (FORMAT parquet)`,
    );
    const rows = EVENTS.map(
      ([lead_id, type, at, url, seconds]) =>
        `(${sqlText(lead_id)}, ${sqlText(type)}, CAST(${sqlText(at.replace("T", " ").replace("Z", ""))} AS TIMESTAMP), CAST(${sqlText(url)} AS VARCHAR), CAST(${sqlText(seconds)} AS DOUBLE))`,
    );
    await engine.run(
      `COPY (SELECT * FROM (VALUES ${rows.join(", ")}) AS t(lead_id, type, "at", url, seconds)) TO '${path.join(dir, "events.parquet")}' (FORMAT parquet)`,
    );
  } finally {
    await engine.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const score = (leads: string, events: string, out: string, extra: string[] = []) =>
  runLeadscore(
    [
      "score",
      "--rules",
      RULES_DIR,
      "--leads",
      leads,
      "--events",
      events,
      "--as-of",
      AS_OF,
      "--out",
      out,
      "--rejects",
      `${out}.rejects`,
      "--json",
      ...extra,
    ],
    dir,
  );

const reasons = (file: string) =>
  readFileSync(path.join(dir, file), "utf8")
    .trim()
    .split("\n")
    .map((line) => {
      const reject = JSON.parse(line) as { record: number; reason: string };
      return [reject.record, reject.reason.replace(/\(events\.\w+ line \d+\)/, "(events line)")];
    });

describe("score --engine duckdb reads Parquet through the shared input layer", () => {
  it("gives the results, rejects and counts the JS engine gives for the same data as CSV and NDJSON", async () => {
    const js = await score("leads.csv", "events.ndjson", "js.ndjson");
    const parquet = await score("leads.parquet", "events.parquet", "pq.ndjson", ["--engine", "duckdb"]);
    expect([js.code, parquet.code]).toEqual([0, 0]);
    expect(readFileSync(path.join(dir, "pq.ndjson"), "utf8")).toBe(
      readFileSync(path.join(dir, "js.ndjson"), "utf8"),
    );
    expect(reasons("pq.ndjson.rejects")).toEqual(reasons("js.ndjson.rejects"));
    expect(reasons("pq.ndjson.rejects")).toEqual([
      [4, "lead.stage: `prospect` is not one of subscriber, lead, mql, sql, customer"],
      [6, "lead.email: missing required field `email`"],
      [7, "events[0].type: unknown event type `tweet` (events line)"],
    ]);
    const counts = (stderr: string) => {
      const summary = JSON.parse(stderr);
      return {
        leads: { ...summary.leads, source: null },
        outcomes: summary.outcomes,
        events: { ...summary.events, source: null },
      };
    };
    expect(counts(parquet.stderr)).toEqual(counts(js.stderr));
    expect(JSON.parse(parquet.stderr).leads).toMatchObject({ read: 7, scored: 4, rejected: 3 });
  });

  it("writes Parquet results: the NDJSON results' keys as columns, nested values as JSON", async () => {
    const run = await score("leads.parquet", "events.parquet", "results.parquet", ["--engine", "duckdb"]);
    expect(run.code).toBe(0);
    const engine = await openDuckDb({ threads: 1 });
    try {
      const rows = await engine.query(
        `SELECT id, model, fit, engagement, score, grade, bucket, excluded, CAST(actions AS VARCHAR) AS actions FROM read_parquet('${path.join(dir, "results.parquet")}')`,
      );
      const expected = readFileSync(path.join(dir, "js.ndjson"), "utf8")
        .trim()
        .split("\n")
        .map((line) => {
          const { contributions: _, actions, ...rest } = JSON.parse(line);
          return { ...rest, actions: JSON.stringify(actions) };
        });
      expect(rows).toEqual(expected);
    } finally {
      await engine.close();
    }
  });

  it("refuses Parquet with the js engine, and a file that is not Parquet", async () => {
    const js = await score("leads.parquet", "events.parquet", "x.ndjson");
    expect([js.code, js.stderr.trim()]).toEqual([
      2,
      "leadscore: Parquet files are read and written by --engine duckdb",
    ]);
    writeFileSync(path.join(dir, "fake.parquet"), "id,email\nL1,a@b.c\n");
    const fake = await score("fake.parquet", "events.parquet", "y.ndjson", ["--engine", "duckdb"]);
    expect(fake.code).toBe(2);
    expect(fake.stderr).toMatch(/^leadscore: cannot read `fake\.parquet` as Parquet: /);
  });

  it("takes --memory-limit with --engine duckdb only, as a size DuckDB reads (as diff does)", async () => {
    const refusals: Array<[string[], string]> = [
      [["--memory-limit", "2GB"], "--memory-limit is DuckDB's: use it with --engine duckdb"],
      ...["lots", "80%", "0", "-1GB"].map((size): [string[], string] => [
        ["--engine", "duckdb", "--memory-limit", size],
        `--memory-limit: DuckDB cannot read \`${size}\` as a size; write it like 2GB or 512MiB`,
      ]),
    ];
    for (const [args, message] of refusals) {
      expect(await score("leads.parquet", "events.parquet", "m.ndjson", args)).toMatchObject({
        code: 2,
        stdout: "",
        stderr: `leadscore: ${message}\n`,
      });
    }
    expect(existsSync(path.join(dir, "m.ndjson"))).toBe(false);
    const fine = await score("leads.parquet", "events.parquet", "m.ndjson", [
      "--engine",
      "duckdb",
      "--memory-limit",
      "512MiB",
    ]);
    expect(fine.code).toBe(0);
  });
});
