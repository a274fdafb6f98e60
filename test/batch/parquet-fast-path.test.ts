import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import { Ruleset } from "../../src/eval/ruleset.js";
import { batchScorerFor } from "../../src/batch/scorer.js";
import { parquetFastPath } from "../../src/batch/score-parquet-fast.js";
import { resolveInputOptions } from "../../src/io/input-options.js";
import { emptyInputReport } from "../../src/io/lead-records.js";
import { openDuckDb } from "../../src/sql/engines/duckdb.js";
import { runLeadscore } from "../support/run-cli.js";

/**
 * The fast path of `score --engine duckdb` (SQL takes the records it can prove valid, the JS input layer
 * the rest) against the JS engine on the same hostile data: Parquet for DuckDB, the same values as CSV
 * (leads, every cell quoted) and NDJSON (events) for the JS engine. Results, rejects and summary must be
 * the same, under every reading option.
 */

const AS_OF = "2026-11-01T00:00:00Z";

const RULES = `
ruleset "hostile" version 1
lead {
  id: string
  email: string
  title: string?
  stage: subscriber | lead | customer
  employees: number?
  revenue: number?
  partner: boolean?
  signed_up: date?
  last_seen: date?
}
event page_view { url: string, seconds: number? }
event demo_request
event email_click { campaign: string? }
exclude when email ends with "@x.io" and employees >= 1000 because "tester"
exclude when event = page_view where url starts with "/x" within 30d because "odd"
grade fit A >= 30, B >= 10, else C
bucket Hot >= 50 -> route sales within 4h say "Call"
bucket Warm when grade in [A, B] -> nurture "warm"
bucket Cold otherwise -> disqualify
model enterprise when employees >= 500 {
  fit {
    when title in [CEO, CTO, "x%_'\\""] add 30
    when title starts with "VP" add 20
    when revenue > 1.5 add 3
    when partner = true add 5
    when signed_up within 30d add 7
    when last_seen within 90d add 9
    when stage = customer subtract 5
  }
  engagement {
    when event = page_view where url starts with "/pricing" add 10 each max 30 within 30d
    when event = demo_request add 50 within 30d
    when event = email_click where campaign = "fall" add 2 each
  }
}
model smb {
  fit {
    when title in [Founder, CEO, "Ünï"] add 25
    when stage in [lead, Customer] add 1
  }
  engagement {
    when event = page_view add 1 each max 5 within 60d
  }
}
`;

type Cell = string | number | boolean | null;

/** Lead columns: their Parquet types; `Work Email` is mapped with --columns. */
const LEAD_COLUMNS: Array<[string, string]> = [
  ["id", "VARCHAR"],
  ["Work Email", "VARCHAR"],
  ["title", "VARCHAR"],
  ["stage", "VARCHAR"],
  ["employees", "VARCHAR"],
  ["revenue", "DOUBLE"],
  ["partner", "VARCHAR"],
  ["signed_up", "VARCHAR"],
  ["last_seen", "TIMESTAMP"],
  ["notes", "VARCHAR"],
];

const plain = (id: string, employees = "800"): Cell[] => [
  id,
  `${id.toLowerCase()}@bigco.com`,
  "CEO",
  "lead",
  employees,
  2.5,
  "yes",
  "2026-10-20T10:00:00Z",
  "2026-09-01T00:00:00Z",
  null,
];

const LEADS: Cell[][] = [
  plain("P1"),
  plain("P2", "20"),
  [" T1 ", " t1@x.io ", " ceo ", " LEAD ", " 1e3 ", 0, "No", "2026-10-20 10:00:00", null, "n"],
  ["\u00a0N1", "n1@x.io", "Ünï", "lead", "10", null, null, null, null, null],
  ["N2", "n2@x.io", "İ", "lead\u00a0", "900", null, "1", null, null, null],
  ["N3", "n3@x.io", "ß", "Customer", "+7", null, " TRUE ", "2026-10-20", null, null],
  ["Q1", "q1@x.io", "x%_'\"", "lead", "5.", null, null, null, null, null],
  ["Q2", "q2@x.io", 'line\nbreak, "quoted"', "lead", "1200", null, null, null, null, null],
  ["B1", "b1@x.io", "CEO", "prospect", "800", null, null, null, null, null],
  ["B2", null, "CEO", "lead", "800", null, null, null, null, null],
  ["B3", "b3@x.io", "CEO", "lead", "1,200", null, null, null, null, null],
  ["B4", "b4@x.io", "CEO", "lead", "0x10", null, "maybe", null, null, null],
  ["B5", "b5@x.io", "CEO", "lead", "800", Number.NaN, null, null, null, null],
  ["B6", "b6@x.io", "CEO", "lead", "800", null, null, "2026-02-30T00:00:00Z", null, null],
  ["B7", "b7@x.io", "CEO", "lead", "800", null, null, "1793000000", null, null],
  ["B8", "b8@x.io", "CEO", "lead", "800", null, null, "2026-10-20T10:00:00+02:00", null, null],
  ["B9", "b9@x.io", "CEO", "N/A", "N/A", null, "Select", null, null, null],
  ["  ", "blank@x.io", "CEO", "lead", "800", null, null, null, null, null],
  [null, "none@x.io", "CEO", "lead", "800", null, null, null, null, null],
  ["N/A", "na@x.io", "CEO", "lead", "800", null, null, null, null, null],
  ["D1", "d1a@x.io", "CEO", "lead", "800", null, null, null, null, null],
  plain("P3"),
  ["D1", "d1b@x.io", "CTO", "lead", "900", null, null, null, null, null],
  ["D2", "d2@x.io", "CEO", "prospect", "800", null, null, null, null, null],
  [" D2", "d2b@x.io", "CEO", "lead", "800", null, null, null, null, null],
  ["E1", "e1@x.io", "CEO", "lead", "800", null, null, null, null, null],
  ["E2", "e2@x.io", "CEO", "lead", "800", null, null, null, null, null],
  ["E3", "e3@x.io", "CEO", "lead", "800", null, null, null, null, null],
  ["E4", "e4@x.io", "CEO", "lead", "800", null, null, null, null, null],
  plain("P4", "10"),
  ["E5", "e5@x.io", "VP Sales", "customer", "", 1e300, "0", null, "1999-01-01T00:00:00Z", null],
];

/** Events: lead_id, type, at (TIMESTAMP or text), url, seconds (DOUBLE), campaign. */
const EVENTS: Cell[][] = [
  ["P1", "page_view", "2026-10-30T10:00:00Z", "/pricing", 30, null],
  ["P1", "demo_request", "2026-10-29T10:00:00Z", null, null, null],
  ["P1", "email_click", "2026-10-28T10:00:00Z", null, null, "fall"],
  ["P2", "page_view", "2026-10-20T10:00:00.250Z", "/docs", 5, null],
  [" T1", " Page_View ", "2026-10-30T10:00:00Z", "/pricing/x", null, null],
  [null, "page_view", "2026-10-30T10:00:00Z", "/pricing", null, null],
  ["", "page_view", "2026-10-30T10:00:00Z", "/pricing", null, null],
  ["E1", "tweet", "2026-10-30T10:00:00Z", null, null, null],
  ["E2", "page_view", null, "/pricing", null, null],
  ["E3", "page_view", "2026-10-30T10:00:00Z", null, null, null],
  ["E4", "page_view", "2026-10-30T10:00:00Z", "   ", 1, null],
  ["E5", "page_view", "2026-11-02T00:00:00Z", "/pricing", 1, null],
  ["E5", "email_click", "1999-06-01T00:00:00Z", null, null, "FALL "],
  ["L9", "demo_request", "2026-10-30T10:00:00Z", null, null, null],
  ["L8", "tweet", "2026-10-30T10:00:00Z", null, null, null],
  ["D1", "demo_request", "2026-10-30T10:00:00Z", null, null, null],
  ["P3", "page_view", "2026-10-01T00:00:00Z", "/pricing", 10, null],
  ["P3", "page_view", "2026-10-02T00:00:00Z", "/PRICING", 10, null],
  ["N2", "demo_request", "2026-10-31T00:00:00Z", null, null, null],
  ["L9", "page_view", "2026-10-30T10:00:00Z", "/x", null, null],
];
const EVENT_COLUMNS = ["lead_id", "type", "at", "url", "seconds", "campaign"];

const sqlValue = (value: Cell, type: string): string => {
  if (value === null) return `CAST(NULL AS ${type})`;
  if (typeof value === "number")
    return Number.isNaN(value) ? `CAST('NaN' AS ${type})` : `CAST(${value} AS ${type})`;
  return `CAST('${String(value).replace(/'/g, "''")}' AS ${type})`;
};
const quoted = (value: Cell): string => (value === null ? "" : `"${String(value).replace(/"/g, '""')}"`);

/** The value a Parquet TIMESTAMP of this ISO text gives JavaScript: epoch ms as ISO-8601. */
const isoOf = (text: string): string => new Date(text).toISOString();

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "leadscore-parquet-fast-"));
  mkdirSync(path.join(dir, "rules"));
  writeFileSync(path.join(dir, "rules", "rules.score"), RULES);
  // The JS engine's inputs: leads as CSV (every cell quoted), events as NDJSON with the Parquet types.
  const csvRow = (cells: Cell[], timestamps: number[]) =>
    cells
      .map((cell, i) =>
        timestamps.includes(i) && typeof cell === "string"
          ? quoted(isoOf(cell))
          : typeof cell === "number"
            ? quoted(String(cell))
            : quoted(cell),
      )
      .join(",");
  writeFileSync(
    path.join(dir, "leads.csv"),
    `${[LEAD_COLUMNS.map(([name]) => quoted(name)).join(","), ...LEADS.map((lead) => csvRow(lead, [8]))].join("\n")}\n`,
  );
  const ndjson = (timestampAt: boolean) =>
    `${EVENTS.map((event) => {
      const object: Record<string, unknown> = {};
      EVENT_COLUMNS.forEach((name, i) => {
        const value = event[i];
        if (value === null || value === undefined) return;
        object[name] = name === "at" && timestampAt ? isoOf(value as string) : value;
      });
      return JSON.stringify(object);
    }).join("\n")}\n`;
  writeFileSync(path.join(dir, "events.ndjson"), ndjson(true));
  writeFileSync(path.join(dir, "events-text.ndjson"), ndjson(false));

  const engine = await openDuckDb({ threads: 1 });
  try {
    const leadRows = LEADS.map(
      (lead) => `(${lead.map((value, i) => sqlValue(value, LEAD_COLUMNS[i]![1])).join(", ")})`,
    );
    await engine.run(
      `COPY (SELECT * FROM (VALUES ${leadRows.join(", ")}) AS t(${LEAD_COLUMNS.map(([name]) => `"${name}"`).join(", ")})) ` +
        `TO '${path.join(dir, "leads.parquet")}' (FORMAT parquet)`,
    );
    for (const [file, atType] of [
      ["events.parquet", "TIMESTAMP"],
      ["events-text.parquet", "VARCHAR"],
    ] as const) {
      const types = ["VARCHAR", "VARCHAR", atType, "VARCHAR", "DOUBLE", "VARCHAR"];
      const rows = EVENTS.map(
        (event) =>
          `(${event
            .map((value, i) =>
              i === 2 && atType === "TIMESTAMP" && value !== null
                ? `CAST('${(value as string).replace("T", " ").replace("Z", "")}' AS TIMESTAMP)`
                : sqlValue(value, types[i]!),
            )
            .join(", ")})`,
      );
      await engine.run(
        `COPY (SELECT * FROM (VALUES ${rows.join(", ")}) AS t(${EVENT_COLUMNS.map((c) => `"${c}"`).join(", ")})) ` +
          `TO '${path.join(dir, file)}' (FORMAT parquet)`,
      );
    }
  } finally {
    await engine.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const score = async (leads: string, events: string, out: string, extra: string[]) => {
  const run = await runLeadscore(
    [
      "score",
      "--rules",
      "rules",
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
      "--columns",
      "Work Email=email",
      ...extra,
    ],
    dir,
  );
  const rejects = readFileSync(path.join(dir, `${out}.rejects`), "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      const { record, reason, raw } = JSON.parse(line) as { record: number; reason: string; raw: unknown };
      return { record, reason: reason.replace(/\(events[-\w]*\.\w+ line \d+\)/, "(events line)"), raw };
    });
  const summary = JSON.parse(run.stderr);
  summary.leads.source = null;
  if (summary.events !== null) summary.events.source = null;
  summary.input.format = null;
  summary.input.delimiter = null;
  return { code: run.code, results: readFileSync(path.join(dir, out), "utf8"), rejects, summary };
};

const OPTION_SETS: Array<[string, string[]]> = [
  ["the defaults", []],
  [
    "placeholders, keep-last, epoch seconds",
    ["--missing-values", "N/A,Select", "--on-duplicate", "keep-last", "--epoch", "s"],
  ],
  [
    "reject duplicates, a placeholder for one field",
    ["--on-duplicate", "reject", "--missing-values", "stage=N/A"],
  ],
];

describe("score --engine duckdb on Parquet: SQL takes the certain records, the JS input layer the rest", () => {
  for (const [name, extra] of OPTION_SETS) {
    for (const events of ["events", "events-text"]) {
      it(`gives the JS engine's results, rejects and summary (${name}; ${events})`, async () => {
        const js = await score("leads.csv", `${events}.ndjson`, "js.ndjson", extra);
        const duckdb = await score("leads.parquet", `${events}.parquet`, "pq.ndjson", [
          ...extra,
          "--engine",
          "duckdb",
        ]);
        expect(duckdb.code).toBe(js.code);
        expect(duckdb.results).toBe(js.results);
        expect(duckdb.rejects).toEqual(js.rejects);
        expect(duckdb.summary).toEqual(js.summary);
        expect(js.rejects.length).toBeGreaterThan(10);
      });
    }
  }

  it("takes the plain records without the JS input layer, and hands it every doubtful one", async () => {
    const artifact = (await compileDirectory(path.join(dir, "rules"))).artifact!;
    const engine = await openDuckDb({ threads: 1 });
    try {
      const input = resolveInputOptions([], { columns: "Work Email=email" });
      const asOfMs = Date.parse(AS_OF);
      const fast = await parquetFastPath({
        engine,
        artifact,
        asOfMs,
        input,
        leads: { file: path.join(dir, "leads.parquet"), source: "leads.parquet" },
        events: { file: path.join(dir, "events.parquet"), source: "events.parquet" },
        scorer: batchScorerFor(new Ruleset(artifact), asOfMs, input),
        inputReport: emptyInputReport("csv"),
        asOf: AS_OF,
        bucketOrder: [],
        exclusionOrder: [],
      });
      const ids: string[] = [];
      const run = await fast!.run({ onResult: (result) => void ids.push(result.id!), onReject: () => {} });
      expect(run.summary.leads).toMatchObject({ read: LEADS.length });
      // Proven by SQL: P1–P4; T1 (spaces, a case-folded event type); N1 (an id after a no-break space,
      // trimmed exactly); Q1, Q2 (quotes, wildcards, a line break); `N/A` (an id, no placeholder here); E5
      // (an event after the as-of time, one before 2000). The JS input layer gets N2 (a no-break space at
      // the end of an enumeration value), N3 (a date without a time), B8 (a time with a zone), D1/D2 (shared ids), the rejects.
      expect(run.certain).toBe(10);
      expect(ids).toEqual([
        "P1",
        "P2",
        "T1",
        "N1",
        "N2",
        "N3",
        "Q1",
        "Q2",
        "B8",
        "N/A",
        "D1",
        "P3",
        "P4",
        "E5",
      ]);
    } finally {
      await engine.close();
    }
  });
});
