import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comparableRejects, comparableSummary } from "../support/comparable-run.js";
import { writeParquet } from "../support/parquet-population.js";
import { TYPES_RULES } from "../support/parquet-types.js";
import { PROJECT_ROOT } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";
import { withoutOutputVariables } from "../support/terminal.js";

/**
 * Parquet columns of types and values a CRM export can hold but CSV cannot say directly: text stored as
 * BLOB, UUID, LIST or STRUCT; timestamps with a zone, beyond JavaScript's dates, infinite, or before 1970
 * with a fraction of a millisecond; epoch numbers with a fraction; blank booleans. `score --engine duckdb`
 * on the Parquet file must give what the JS engine gives on the same values written as text (the text
 * DuckDB makes of them): the same results, rejects (record and reason) and summary.
 */

const AS_OF = "2026-11-01T00:00:00Z";

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "leadscore-parquet-types-"));
  mkdirSync(path.join(dir, "rules"));
  writeFileSync(path.join(dir, "rules", "rules.score"), TYPES_RULES);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `select` (DuckDB SQL) to `<name>.parquet` in the test's directory. */
async function parquet(name: string, select: string): Promise<string> {
  await writeParquet(path.join(dir, `${name}.parquet`), select);
  return `${name}.parquet`;
}

function text(name: string, content: string): string {
  writeFileSync(path.join(dir, name), content);
  return name;
}

/** One `score` run: exit code, results, rejects (record, reason, raw) and the summary without file names. */
async function score(leads: string, events: string | null, extra: string[] = []) {
  const out = `out-${Math.random().toString(36).slice(2)}`;
  const run = await runLeadscore(
    [
      "score",
      "--rules",
      "rules",
      "--leads",
      leads,
      ...(events === null ? [] : ["--events", events]),
      "--as-of",
      AS_OF,
      "--out",
      `${out}.ndjson`,
      "--rejects",
      `${out}.rejects`,
      "--json",
      ...extra,
    ],
    dir,
  );
  const rejects = comparableRejects(path.join(dir, `${out}.rejects`));
  const summary = comparableSummary(run.stderr);
  return { code: run.code, results: readFileSync(path.join(dir, `${out}.ndjson`), "utf8"), rejects, summary };
}

type Run = Awaited<ReturnType<typeof score>>;

function expectSame(duckdb: Run, js: Run): void {
  expect(duckdb.code).toBe(js.code);
  expect(duckdb.results).toBe(js.results);
  expect(duckdb.rejects).toEqual(js.rejects);
  expect(duckdb.summary).toEqual(js.summary);
}

const fitOf = (run: Run) =>
  run.results
    .trim()
    .split("\n")
    .map((line) => {
      const { id, fit, engagement } = JSON.parse(line) as { id: string; fit: number; engagement: number };
      return [id, fit, engagement];
    });

describe("score --engine duckdb on Parquet columns CSV cannot hold as they are", () => {
  it("reads text stored as BLOB, UUID, LIST or STRUCT as its text (a DuckDB error before)", async () => {
    const leads = await parquet(
      "typed-text",
      `SELECT * FROM (VALUES
         ('A', 'lead'::BLOB, ['VP Sales'], {'t': 1}, '00000000-0000-0000-0000-00000000000a'::UUID),
         ('B', 'customer'::BLOB, ['N/A'], {'t': 2}, '00000000-0000-0000-0000-00000000000b'::UUID),
         ('C', 'LEAD'::BLOB, NULL, NULL, NULL),
         ('D', 'nobody'::BLOB, NULL, NULL, NULL)
       ) AS t(id, stage, title, extra, ref)`,
    );
    const csv = text(
      "typed-text.csv",
      "id,stage,title,extra,ref\nA,lead,[VP Sales],{'t': 1},00000000-0000-0000-0000-00000000000a\nB,customer,[N/A],{'t': 2},00000000-0000-0000-0000-00000000000b\nC,LEAD,,,\nD,nobody,,,\n",
    );
    const events = await parquet(
      "typed-events",
      `SELECT * FROM (VALUES ('A', 'demo_request'::BLOB, TIMESTAMP '2026-10-30 10:00:00', 'web'::BLOB),
         ('B', 'Demo_Request'::BLOB, TIMESTAMP '2026-10-30 10:00:00', 'phone'::BLOB)) AS t(lead_id, type, "at", channel)`,
    );
    const ndjson = text(
      "typed-events.ndjson",
      '{"lead_id":"A","type":"demo_request","at":"2026-10-30T10:00:00.000Z","channel":"web"}\n' +
        '{"lead_id":"B","type":"Demo_Request","at":"2026-10-30T10:00:00.000Z","channel":"phone"}\n',
    );
    for (const extra of [[], ["--missing-values", "N/A"]]) {
      const js = await score(csv, ndjson, extra);
      expectSame(await score(leads, events, [...extra, "--engine", "duckdb"]), js);
      expect(js.rejects.map((reject) => reject.reason)).toEqual([
        "lead.stage: `nobody` is not one of lead, customer",
      ]);
    }
    expect(fitOf(await score(csv, ndjson))).toEqual([
      ["A", 2, 53],
      ["B", 3, 3],
      ["C", 2, 0],
    ]);
  });

  it("reads a blank boolean as missing, not false", async () => {
    const leads = await parquet(
      "blank-boolean",
      `SELECT * FROM (VALUES ('A', 'lead', ''), ('B', 'lead', '   '), ('C', 'lead', chr(9)), ('D', 'lead', 'no'),
         ('E', 'lead', NULL)) AS t(id, stage, partner)`,
    );
    const csv = text(
      "blank-boolean.csv",
      'id,stage,partner\nA,lead,""\nB,lead,"   "\nC,lead,"\t"\nD,lead,no\nE,lead,\n',
    );
    const js = await score(csv, null);
    expectSame(await score(leads, null, ["--engine", "duckdb"]), js);
    expect(fitOf(js)).toEqual([
      ["A", 2, 0],
      ["B", 2, 0],
      ["C", 2, 0],
      ["D", 4, 0],
      ["E", 2, 0],
    ]);
  });

  it("rejects a timestamp JavaScript cannot hold, or an infinite one, with DuckDB's text of it (exit 70 before)", async () => {
    const leads = await parquet(
      "far-times",
      `SELECT * FROM (VALUES ('A', 'lead', TIMESTAMP '294000-01-01 00:00:00'), ('B', 'lead', TIMESTAMP 'infinity'),
         ('C', 'lead', TIMESTAMP '-infinity'), ('D', 'lead', TIMESTAMP '2026-10-20 00:00:00'), ('E', 'lead', NULL))
         AS t(id, stage, signed_up)`,
    );
    const csv = text(
      "far-times.csv",
      "id,stage,signed_up\nA,lead,294000-01-01 00:00:00\nB,lead,infinity\nC,lead,-infinity\nD,lead,2026-10-20T00:00:00.000Z\nE,lead,\n",
    );
    const events = await parquet(
      "far-events",
      `SELECT * FROM (VALUES ('E', 'demo_request', TIMESTAMP '294000-01-01 00:00:00'),
         ('E', 'demo_request', TIMESTAMP 'infinity'), ('D', 'demo_request', TIMESTAMP '2026-10-30 00:00:00')) AS t(lead_id, type, "at")`,
    );
    const ndjson = text(
      "far-events.ndjson",
      '{"lead_id":"E","type":"demo_request","at":"294000-01-01 00:00:00"}\n' +
        '{"lead_id":"E","type":"demo_request","at":"infinity"}\n' +
        '{"lead_id":"D","type":"demo_request","at":"2026-10-30T00:00:00.000Z"}\n',
    );
    const js = await score(csv, ndjson);
    const duckdb = await score(leads, events, ["--engine", "duckdb"]);
    expectSame(duckdb, js);
    expect(js.rejects.map(({ record, reason }) => [record, reason])).toEqual([
      [1, "lead.signed_up: `294000-01-01 00:00:00` is not an ISO-8601 timestamp"],
      [2, "lead.signed_up: `infinity` is not an ISO-8601 timestamp"],
      [3, "lead.signed_up: `-infinity` is not an ISO-8601 timestamp"],
      [
        5,
        "events[0].at: `294000-01-01 00:00:00` is not an ISO-8601 timestamp (events line); " +
          "events[1].at: `infinity` is not an ISO-8601 timestamp (events line)",
      ],
    ]);
    expect(fitOf(js)).toEqual([["D", 9, 3]]);
    // A DATE holds years a TIMESTAMP cannot (DuckDB's cast fails): the same reject, not a crash.
    const dates = await parquet(
      "far-dates",
      `SELECT * FROM (VALUES ('A', 'lead', DATE '300000-01-01'), ('B', 'lead', DATE 'infinity'),
         ('C', 'lead', DATE '2026-10-20')) AS t(id, stage, signed_up)`,
    );
    const datesText = text(
      "far-dates.csv",
      "id,stage,signed_up\nA,lead,300000-01-01\nB,lead,infinity\nC,lead,2026-10-20T00:00:00.000Z\n",
    );
    const jsDates = await score(datesText, null);
    expectSame(await score(dates, null, ["--engine", "duckdb"]), jsDates);
    expect(jsDates.rejects.map(({ reason }) => reason)).toEqual([
      "lead.signed_up: `300000-01-01` is not an ISO-8601 timestamp",
      "lead.signed_up: `infinity` is not an ISO-8601 timestamp",
    ]);
  });

  it("drops a fraction of a millisecond of an epoch number, as of ISO-8601 text, on every engine (exit 70 before)", async () => {
    const leads = await parquet(
      "epoch-fraction",
      `SELECT * FROM (VALUES ('A', 'lead', 1792540800000.5::DOUBLE), ('B', 'lead', 1793491199999.9::DOUBLE))
         AS t(id, stage, signed_up)`,
    );
    const csv = text(
      "epoch-fraction.csv",
      "id,stage,signed_up\nA,lead,1792540800000.5\nB,lead,1793491199999.9\n",
    );
    const js = await score(csv, null, ["--epoch", "ms"]);
    expectSame(await score(leads, null, ["--epoch", "ms", "--engine", "duckdb"]), js);
    expectSame(await score(csv, null, ["--epoch", "ms", "--engine", "duckdb"]), js);
    expect(fitOf(js)).toEqual([
      ["A", 9, 0],
      ["B", 9, 0],
    ]);
    const seconds = await parquet(
      "epoch-seconds",
      `SELECT 'A' AS lead_id, 'demo_request' AS type, 1793318400.0005::DOUBLE AS "at"`,
    );
    const secondsText = text(
      "epoch-seconds.ndjson",
      '{"lead_id":"A","type":"demo_request","at":1793318400.0005}\n',
    );
    expectSame(
      await score(csv, seconds, ["--epoch", "s", "--engine", "duckdb"]),
      await score(csv, secondsText, ["--epoch", "s"]),
    );
    // 1.005 s is 1005 ms, as its ISO-8601 text says, though 1.005 * 1000 is 1004.9999999999999: just
    // inside a window that starts (exclusive) at 1004 ms.
    const early = (value: string, extra: string[]) =>
      runLeadscore(
        [
          "score",
          "--rules",
          "rules",
          "--leads",
          text(`early-${extra.length}.csv`, `id,stage,signed_up\nA,lead,${value}\n`),
          "--as-of",
          "1970-01-31T00:00:01.004Z",
          ...extra,
        ],
        dir,
      );
    const iso = await early("1970-01-01T00:00:01.005Z", []);
    expect(JSON.parse(iso.stdout).fit).toBe(9);
    expect((await early("1.005", ["--epoch", "s"])).stdout).toBe(iso.stdout);
  });

  it("rounds a timestamp before 1970 down to its millisecond, as JavaScript reads its ISO-8601 text", async () => {
    const leads = await parquet(
      "before-1970",
      `SELECT 'A' AS id, 'lead' AS stage, TIMESTAMP '1969-12-31 23:59:59.9995' AS signed_up`,
    );
    const csv = text("before-1970.csv", "id,stage,signed_up\nA,lead,1969-12-31T23:59:59.9995Z\n");
    const run = (file: string, extra: string[]) =>
      runLeadscore(
        ["score", "--rules", "rules", "--leads", file, "--as-of", "1969-12-31T23:59:59.999Z", ...extra],
        dir,
      );
    const js = await run(csv, []);
    // At the as-of time itself: inside the window (T − 30d, T]. Rounded toward zero it would be after it.
    expect(JSON.parse(js.stdout).fit).toBe(9);
    expect((await run(leads, ["--engine", "duckdb"])).stdout).toBe(js.stdout);
    // Nanoseconds: half a microsecond before 1970 is the millisecond before it too.
    const nanos = await parquet(
      "before-1970-ns",
      `SELECT 'A' AS id, 'lead' AS stage, TIMESTAMP_NS '1969-12-31 23:59:59.9999995' AS signed_up`,
    );
    const nanosText = text("before-1970-ns.csv", "id,stage,signed_up\nA,lead,1969-12-31T23:59:59.9999995Z\n");
    const jsNanos = await run(nanosText, []);
    expect(JSON.parse(jsNanos.stdout).fit).toBe(9);
    expect((await run(nanos, ["--engine", "duckdb"])).stdout).toBe(jsNanos.stdout);
  });

  it("reads a TIMESTAMP WITH TIME ZONE as the instant it is, whatever the machine's zone", async () => {
    await parquet(
      "zoned",
      `SELECT 'A' AS id, 'lead' AS stage, TIMESTAMPTZ '2026-10-31 20:00:00+00' AS signed_up, 'x' AS title`,
    );
    await parquet(
      "zoned-events",
      `SELECT 'A' AS lead_id, 'demo_request' AS type, TIMESTAMPTZ '2026-10-31 20:00:00+00' AS "at", 'web' AS channel`,
    );
    // A process of its own: DuckDB takes its session's zone from the TZ of the process that opens it.
    const child = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/cli/main.ts",
        "score",
        "--engine",
        "duckdb",
        "--rules",
        path.join(dir, "rules"),
        "--leads",
        path.join(dir, "zoned.parquet"),
        "--events",
        path.join(dir, "zoned-events.parquet"),
        "--as-of",
        AS_OF,
      ],
      {
        cwd: PROJECT_ROOT,
        env: { ...withoutOutputVariables(process.env), TZ: "Asia/Tokyo" },
        encoding: "utf8",
      },
    );
    expect(child.status).toBe(0);
    const result = JSON.parse(child.stdout);
    // Tokyo's zone would move both 9 hours later: past the as-of time, out of every window.
    expect([result.fit, result.engagement, result.bucket]).toEqual([9, 53, "Hot"]);
  });
});
