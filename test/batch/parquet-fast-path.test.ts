import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDuckDb } from "../../src/sql/engines/duckdb.js";
import { comparableRejects, comparableSummary } from "../support/comparable-run.js";
import { runParquetFastPath } from "../support/parquet-fast-run.js";
import { runLeadscore } from "../support/run-cli.js";
import {
  AS_OF,
  EVENT_COLUMNS,
  EVENTS,
  LEAD_COLUMNS,
  LEADS,
  OPTION_SETS,
  RULES,
  sqlValue,
  type Cell,
} from "../support/hostile-parquet.js";

/**
 * The fast path of `score --engine duckdb` (SQL takes the records it can prove valid, the JS input layer
 * the rest) against the JS engine on the same hostile data: Parquet for DuckDB, the same values as CSV
 * (leads, every cell quoted) and NDJSON (events) for the JS engine. Results, rejects and summary must be
 * the same, under every reading option.
 */

/**
 * The shared hostile data, and for the results SQL writes itself (result-lines.ts): decayed points that
 * are exact halves (12.5 × 0.5^k: SQL rounds them) and near-halves that are not (2.01 × 0.5 = 1.00499…:
 * left to JS), a clamp, and ids with U+2028, quotes, a backslash, control characters and DEL.
 */
const RULES_OUT = RULES.replace(
  `    when event = email_click where campaign = "fall" add 2 each
  }
}`,
  `    when event = email_click where campaign = "fall" add 2 each
    when event = page_view where url starts with "/h" add 2.01 each max 10 within 30d
    when event = email_click where campaign = "h" add 12.5
    decay 50% every 1d
  }
  clamp score between -20 and 95
}`,
);
if (RULES_OUT === RULES) throw new Error("the shared rules changed: extend them again here");
const H1 = "H1\u2028\u2029 Ünï 😀";
const H2 = 'H2 "q" \\ /';
const H3 = "H3\u0001\u001f";
const H4 = "H4\u007f";
const LEADS_OUT: Cell[][] = [
  ...LEADS,
  [H1, "h1@x.io", "CEO", "lead", "800", 1e-7, null, null, null, null],
  [H2, "h2@x.io", "CEO", "lead", "800", 123456789.125, null, null, null, null],
  [H3, "h3@x.io", "CEO", "lead", "800", null, null, null, null, null],
  [H4, "h4@x.io", "Founder", "lead", "20", null, null, null, null, null],
];
const EVENTS_OUT: Cell[][] = [
  ...EVENTS,
  [H1, "page_view", "2026-10-30T10:00:00Z", "/h", 1, null],
  [H1, "email_click", "2026-10-28T10:00:00Z", null, null, "h"],
  [H2, "email_click", "2026-10-25T10:00:00Z", null, null, "h"],
  [H2, "page_view", "2026-10-31T23:00:00Z", "/h", 1, null],
  [H2, "page_view", "2026-10-31T22:00:00Z", "/h", 1, null],
  [H3, "email_click", "2026-10-31T10:00:00Z", null, null, "h"],
  [H4, "page_view", "2026-10-31T10:00:00Z", "/h", 1, null],
  ["P4", "demo_request", "2026-10-31T10:00:00Z", null, null, null],
  ["P1", "page_view", "2026-10-29T10:00:00Z", "/pricing", 30, null],
  ["P1", "page_view", "2026-10-29T11:00:00Z", "/pricing", 30, null],
];

const quoted = (value: Cell): string => (value === null ? "" : `"${String(value).replace(/"/g, '""')}"`);

/** The value a Parquet TIMESTAMP of this ISO text gives JavaScript: epoch ms as ISO-8601. */
const isoOf = (text: string): string => new Date(text).toISOString();

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "leadscore-parquet-fast-"));
  mkdirSync(path.join(dir, "rules"));
  writeFileSync(path.join(dir, "rules", "rules.score"), RULES_OUT);
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
    `${[LEAD_COLUMNS.map(([name]) => quoted(name)).join(","), ...LEADS_OUT.map((lead) => csvRow(lead, [8]))].join("\n")}\n`,
  );
  const ndjson = (timestampAt: boolean) =>
    `${EVENTS_OUT.map((event) => {
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
    const leadRows = LEADS_OUT.map(
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
      const rows = EVENTS_OUT.map(
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
  const rejects = comparableRejects(path.join(dir, `${out}.rejects`));
  const summary = comparableSummary(run.stderr);
  return { code: run.code, results: readFileSync(path.join(dir, out), "utf8"), rejects, summary };
};

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

  it("writes the same results to stdout and to Parquet (from the table of result lines) as the JS engine", async () => {
    const js = await score("leads.csv", "events.ndjson", "js.ndjson", []);
    const common = ["score", "--engine", "duckdb", "--rules", "rules", "--leads", "leads.parquet"];
    const options = ["--events", "events.parquet", "--as-of", AS_OF, "--columns", "Work Email=email"];
    const stdout = await runLeadscore([...common, ...options], dir);
    expect(stdout.stdout).toBe(js.results);
    // Parquet results: the file the general path writes (every result through JavaScript), byte for byte.
    await runLeadscore([...common, ...options, "--out", "pq.parquet"], dir);
    const general = ["--leads", "leads.csv", "--events", "events.ndjson", "--out", "general.parquet"];
    await runLeadscore(
      ["score", "--engine", "duckdb", "--rules", "rules", ...general, ...options.slice(2)],
      dir,
    );
    expect(
      readFileSync(path.join(dir, "pq.parquet")).equals(readFileSync(path.join(dir, "general.parquet"))),
    ).toBe(true);
  });

  it("takes the plain records without the JS input layer, and hands it every doubtful one", async () => {
    const { run, ids, byJs } = await runParquetFastPath(dir, AS_OF);
    // Each result's id, and whether SQL or JavaScript wrote its line (by record number).
    const idsByJs = new Set(byJs.map((record) => String(LEADS_OUT[record - 1]![0])));
    const written = ids.map((id) => `${idsByJs.has(id) ? "js" : "sql"} ${id}`);
    expect(byJs).toHaveLength(2);
    expect(run.summary.leads).toMatchObject({ read: LEADS_OUT.length });
    // Proven by SQL: P1–P4; T1 (spaces, a case-folded event type); N1 (an id after a no-break space,
    // trimmed exactly); Q1, Q2 (quotes, wildcards, a line break); `N/A` (an id, no placeholder here); E5
    // (an event after the as-of time, one before 2000); H1–H4 (hostile ids). The JS input layer gets N2
    // (a no-break space at the end of an enumeration value), N3 (a date without a time), B8 (a time with
    // a zone), D1/D2 (shared ids), the rejects.
    expect(run.certain).toBe(14);
    // Lines are written by SQL but for: H1, whose decayed 2.01 points are near a half without being one
    // (1.005 is 1.00499999…: round2 re-reads its decimal), and H3, whose id holds control characters
    // (to_json spells them \u001F, JSON.stringify \u001f). H2's quotes and backslash, H4's DEL and the
    // exact halves of decayed 12.5 points (H1, H2, H3) are written by SQL.
    expect(written).toEqual([
      "sql P1",
      "sql P2",
      "sql T1",
      "sql N1",
      "sql N2",
      "sql N3",
      "sql Q1",
      "sql Q2",
      "sql B8",
      "sql N/A",
      "sql D1",
      "sql P3",
      "sql P4",
      "sql E5",
      "js H1\u2028\u2029 Ünï 😀",
      'sql H2 "q" \\ /',
      "js H3\u0001\u001f",
      "sql H4\u007f",
    ]);
  });
});
