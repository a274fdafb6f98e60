import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import { scoreInDatabase } from "../../src/diff/population-database.js";
import { addPopulationFiles } from "../../src/diff/population-load.js";
import { streamDiff } from "../../src/diff/population-stream.js";
import { resolveInputOptions } from "../../src/io/input-options.js";
import { openDuckDb } from "../../src/sql/engines/duckdb.js";
import { runLeadscore } from "../support/run-cli.js";
import { POSTGRES_URL, requirePostgresInCi } from "../sql/support/databases.js";
import {
  AS_OF,
  EVENT_COLUMNS,
  EVENTS,
  LEAD_COLUMNS as HOSTILE_COLUMNS,
  LEADS,
  OPTION_SETS,
  RULES as HOSTILE_RULES,
  sqlValue,
  type Cell,
} from "../support/hostile-parquet.js";

/**
 * `leadscore diff` over Parquet population files: the JS engine reads them through DuckDB into the shared
 * input layer; `--engine duckdb` lets SQL take every record it can prove the input layer accepts as it
 * is (batch/parquet-certain.ts) and reads only the others in JS. Both must give the same report, byte for
 * byte, on hostile records (the kinds test/batch/parquet-fast-path.test.ts uses), under every reading
 * option, in every format with the full report.
 */

requirePostgresInCi();

/** The hostile ruleset with a creation date (the routing span counts it). */
const RULES = HOSTILE_RULES.replace("  last_seen: date?\n", "  last_seen: date?\n  created_at: date?\n");

/** The head's changes: thresholds, points, a new exclusion, a probed value no lead has. */
const CHANGES: Array<[string, string]> = [
  ["bucket Hot >= 50", "bucket Hot >= 40"],
  ['when title starts with "VP" add 20', 'when title starts with "VP" add 35'],
  ["when event = demo_request add 50 within 30d", "when event = demo_request add 45 within 30d"],
  [
    'because "odd"',
    'because "odd"\nexclude when title = "Intern" because "intern"\nexclude when title = "Enginer" because "typo"',
  ],
  ['when title in [Founder, CEO, "Ünï"] add 25', 'when title in [Founder, CEO, "Ünï", CTO] add 25'],
];

const LEAD_COLUMNS: Array<[string, string]> = [...HOSTILE_COLUMNS, ["created_at", "VARCHAR"]];

/** Creation dates of some hostile leads: ISO text without a zone, a date only, a zone (for JS to read). */
const CREATED = new Map<Cell, string>([
  ["P1", "2026-08-03T00:00:00Z"],
  ["\u00a0N1", "2026-07-01 00:00:00"],
  ["N3", "2026-06-20"],
  ["B9", "2026-06-01T00:00:00+02:00"],
  ["P4", "2026-10-30T23:59:59.999Z"],
]);
const HOSTILE = LEADS.map((row) => [...row, CREATED.get(row[0]!) ?? null]);

const TITLES = ["CEO", "CTO", "VP Sales", "Founder", "Intern", "Engineer", " ceo", "Ünï"];
const STAGES = ["lead", "customer", "subscriber", "Lead"];
const SIZES = ["800", "450", "20", "1200", "510", " 600 "];

/** Plain generated leads, most of them certain, many moved by the change. */
function generated(prefix: string, count: number, titles = TITLES): Cell[][] {
  return Array.from({ length: count }, (_, i) => [
    `${prefix}${i}`,
    `${prefix.toLowerCase()}${i}@co${i % 7}.com`,
    titles[i % titles.length]!,
    STAGES[i % STAGES.length]!,
    SIZES[i % SIZES.length]!,
    i % 3 === 0 ? null : (i % 5) * 0.75,
    ["yes", "no", null][i % 3]!,
    i % 4 === 0 ? null : `2026-10-${String(1 + (i % 28)).padStart(2, "0")}T08:00:00Z`,
    i % 6 === 0 ? null : `2026-0${1 + (i % 9)}-15T12:30:00Z`,
    null,
    `2026-${String(1 + (i % 10)).padStart(2, "0")}-0${1 + (i % 9)}T00:00:00Z`,
  ]);
}

function generatedEvents(prefix: string, count: number): Cell[][] {
  const events: Cell[][] = [];
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0)
      events.push([`${prefix}${i}`, "page_view", `2026-10-${10 + (i % 20)}T09:00:00Z`, "/pricing", 12, null]);
    if (i % 3 === 0)
      events.push([`${prefix}${i}`, "demo_request", `2026-10-${5 + (i % 25)}T11:00:00Z`, null, null, null]);
    if (i % 5 === 0)
      events.push([
        `${prefix}${i}`,
        "page_view",
        "2026-10-25T09:00:00Z",
        i % 10 === 0 ? "/x/1" : "/blog",
        null,
        null,
      ]);
    if (i % 7 === 0)
      events.push([
        `${prefix}${i}`,
        "email_click",
        "2026-10-27T09:00:00Z",
        null,
        null,
        i % 14 === 0 ? "fall" : null,
      ]);
  }
  // In no order: the events file is read whole, whatever its order.
  return events
    .map((event, i) => [(i * 7919) % events.length, event] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, event]) => event);
}

const EVENT_TYPES = ["VARCHAR", "VARCHAR", "TIMESTAMP", "VARCHAR", "DOUBLE", "VARCHAR"];
const EVENT_TYPED = EVENT_COLUMNS.map((name, i): [string, string] => [name, EVENT_TYPES[i]!]);

/** A value as SQL; ISO text for a TIMESTAMP column as DuckDB reads it. */
const sqlOf = (value: Cell, type: string): string =>
  type === "TIMESTAMP" && typeof value === "string"
    ? sqlValue(value.replace("T", " ").replace("Z", ""), type)
    : sqlValue(value, type);

let dir: string;

async function writeParquet(
  engine: Awaited<ReturnType<typeof openDuckDb>>,
  file: string,
  columns: Array<[string, string]>,
  rows: Cell[][],
): Promise<void> {
  const values = rows.map((row) => `(${row.map((value, i) => sqlOf(value, columns[i]![1])).join(", ")})`);
  await engine.run(
    `COPY (SELECT * FROM (VALUES ${values.join(", ")}) AS t(${columns.map(([name]) => `"${name}"`).join(", ")})) ` +
      `TO '${path.join(dir, file)}' (FORMAT parquet)`,
  );
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "leadscore-diff-parquet-"));
  mkdirSync(path.join(dir, "base"));
  mkdirSync(path.join(dir, "rules"));
  mkdirSync(path.join(dir, "data"));
  writeFileSync(path.join(dir, "base", "rules.score"), RULES);
  let head = RULES;
  for (const [from, to] of CHANGES) {
    if (!head.includes(from)) throw new Error(`no \`${from}\``);
    head = head.replace(from, to);
  }
  writeFileSync(path.join(dir, "rules", "rules.score"), head);
  const engine = await openDuckDb({ threads: 1 });
  try {
    // Hostile records among plain ones; the second file has no events file and shares ids with the first.
    await writeParquet(engine, "data/leads.parquet", LEAD_COLUMNS, [
      ...generated("G", 150),
      ...HOSTILE,
      ...generated("H", 150),
    ]);
    await writeParquet(engine, "data/events.parquet", EVENT_TYPED, [
      ...generatedEvents("G", 150),
      ...EVENTS,
      ...generatedEvents("H", 150),
    ]);
    await writeParquet(engine, "data/more.parquet", LEAD_COLUMNS, [
      ...generated("G", 40),
      ...HOSTILE.slice(0, 12),
    ]);
  } finally {
    await engine.close();
  }
  // A file the input layer reads in any case, after the Parquet ones: its leads are placed after theirs.
  // Its titles are few: the values the rules probe for (\`Engineer\` suggested for \`Enginer\`, \`ceo\`
  // spelled as first seen) are observed in the Parquet files, in their order.
  const json = (row: Cell[]) => {
    const record: Record<string, unknown> = {};
    LEAD_COLUMNS.forEach(([name], i) => {
      const value = row[i];
      if (value === null || value === undefined || name === "notes") return;
      if (name === "employees") record[name] = Number(value);
      else if (name === "partner") record[name] = value === "yes";
      // Within the Parquet leads' span: the span is theirs, read by SQL.
      else if (name === "created_at") record[name] = "2026-05-05T00:00:00Z";
      else record[name === "Work Email" ? "email" : name] = value;
    });
    return JSON.stringify(record);
  };
  writeFileSync(
    path.join(dir, "data", "last.ndjson"),
    `${generated("K", 30, ["Analyst", "Intern"]).map(json).join("\n")}\n`,
  );
  writeFileSync(
    path.join(dir, "leadscore.yaml"),
    [
      "rules: rules",
      "fixtures: []",
      `as_of: ${AS_OF}`,
      "population:",
      "  - leads: data/leads.parquet",
      "    events: data/events.parquet",
      "    columns: { Work Email: email }",
      "  - leads: data/more.parquet",
      "    columns: { Work Email: email }",
      "  - leads: data/last.ndjson",
      "",
    ].join("\n"),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FORMATS = ["markdown", "text", "json"] as const;

async function diff(flags: string[], format: string) {
  // One name for every run: the comment names the full report.
  const full = path.join(dir, `full-report.${format}`);
  const run = await runLeadscore(
    ["diff", "--base-dir", "base", "--format", format, "--full-report", full, ...flags],
    dir,
  );
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return { stdout: run.stdout, full: readFileSync(full, "utf8") };
}

describe("leadscore diff over Parquet population files", () => {
  for (const [name, options] of OPTION_SETS) {
    it(`--engine duckdb gives the JS engine's report, byte for byte, in every format (${name})`, async () => {
      for (const format of FORMATS) {
        const js = await diff(options, format);
        const duckdb = await diff([...options, "--engine", "duckdb"], format);
        expect(duckdb.stdout).toBe(js.stdout);
        expect(duckdb.full).toBe(js.full);
        if (format === "json") {
          const report = JSON.parse(js.stdout);
          expect(report.summary.moved).toBeGreaterThan(30);
          expect(report.population.rejected).toBeGreaterThan(5);
          expect(report.routing.span).not.toBeNull();
        }
      }
    }, 240_000);
  }

  it.skipIf(POSTGRES_URL === null)(
    "--engine postgres (the Parquet files read by DuckDB, loaded into PostgreSQL) gives the same report",
    async () => {
      for (const format of FORMATS) {
        const js = await diff([], format);
        const postgres = await diff(["--engine", "postgres", "--database", POSTGRES_URL!], format);
        expect(postgres.stdout).toBe(js.stdout);
        expect(postgres.full).toBe(js.full);
      }
    },
    240_000,
  );

  it("SQL takes the certain records: JavaScript reads only the others, and again only the moved ones", async () => {
    const compiled = async (side: string) => (await compileDirectory(path.join(dir, side))).artifact!;
    const artifacts = { base: await compiled("base"), head: await compiled("rules") };
    const population = [
      { leads: "data/leads.parquet", events: "data/events.parquet", columns: { "Work Email": "email" } },
    ];
    const engine = await openDuckDb({ threads: 1 });
    try {
      const readings: number[] = [];
      const streamed = await streamDiff(
        { ...artifacts, asOf: AS_OF },
        async (sink) => {
          let leads = 0;
          readings.push(0);
          await addPopulationFiles(
            population,
            artifacts,
            { root: dir, parquet: engine, inputFor: (entry) => resolveInputOptions([entry]) },
            {
              ...sink,
              leads: {
                push(lead) {
                  leads += 1;
                  readings[readings.length - 1] = leads;
                  return sink.leads.push(lead);
                },
              },
            },
          );
        },
        undefined,
        (diff, read, sink) => scoreInDatabase(engine, diff, read, sink),
      );
      try {
        const { report } = streamed;
        expect(report.summary.leads).toBeGreaterThan(300);
        expect(readings).toHaveLength(2);
        // The first reading: only the records SQL could not prove (the hostile ones, about 20).
        expect(readings[0]).toBeLessThan(25);
        // The second: the moved leads' records up to the last moved lead, no more.
        expect(readings[1]).toBeLessThanOrEqual(report.summary.moved);
        expect(report.summary.moved).toBeGreaterThan(30);
      } finally {
        streamed.dispose();
      }
    } finally {
      await engine.close();
    }
  }, 120_000);
});
