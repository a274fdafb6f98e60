import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generatePopulation } from "../../examples/population.js";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import type { SqlEngine } from "../../src/sql/engines/engine.js";
import { openPostgres } from "../../src/sql/engines/postgres.js";
import { loadTables, type LoadedLead } from "../../src/sql/load.js";
import { RULES_DIR } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";
import { POSTGRES_URL, requirePostgresInCi } from "./support/databases.js";

/**
 * Runs over time on every engine: the same sequence of daily runs (the bundled generator's leads, as-of
 * times a day apart, leads leaving and coming back, a rules change on day 4) scored by the JS engine, by
 * DuckDB (its previous results as Parquet) and by PostgreSQL (the `--into` table as the previous results)
 * must give each lead the same transition and the same summary. The JS engine is the reference: with a
 * previous NDJSON file for DuckDB (same bytes), with a previous CSV file for PostgreSQL — a results table,
 * like a CSV file, holds no contributions, so neither can tell causes nor mark rules changes.
 */

requirePostgresInCi();

const population = generatePopulation({ seed: 19, leads: 300 });
const SCHEMA = `ls_days_${process.pid}`;

interface Day {
  asOf: string;
  rules: "rules" | "rules-v2";
  keep: (index: number) => boolean;
}

const DAYS: Day[] = [
  { asOf: "2026-10-28T00:00:00Z", rules: "rules", keep: (i) => i < 280 },
  // Leads 5–7 leave, 280–299 arrive.
  { asOf: "2026-10-29T00:00:00Z", rules: "rules", keep: (i) => i < 5 || i > 7 },
  // Leads 5 and 6 come back (new again), 100–102 leave.
  { asOf: "2026-10-30T00:00:00Z", rules: "rules", keep: (i) => i !== 7 && (i < 100 || i > 102) },
  // The rules change: a rule's points (and so its text) differ.
  { asOf: "2026-10-31T00:00:00Z", rules: "rules-v2", keep: (i) => i !== 7 && (i < 100 || i > 102) },
  { asOf: "2026-11-01T00:00:00Z", rules: "rules-v2", keep: (i) => i !== 7 && (i < 100 || i > 102) },
];

function leadsOf(day: Day): LoadedLead[] {
  return population.leads.flatMap((lead, index) => {
    if (!day.keep(index)) return [];
    const { converted: _converted, ...fields } = lead;
    const events = population.events
      .filter((event) => event.lead_id === lead.id)
      .map(({ lead_id: _id, ...event }) => event);
    return [{ lead: fields, events }];
  });
}

let dir: string;
let session: SqlEngine | null = null;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "leadscore-engines-days-"));
  const copy = (to: string) =>
    cpSync(RULES_DIR, path.join(dir, to), { recursive: true, filter: (source) => !source.includes("tests") });
  copy("rules");
  copy("rules-v2");
  const smb = path.join(dir, "rules-v2", "smb.score");
  const text = readFileSync(smb, "utf8");
  const changed = text.replace(
    "when employees between 10 and 499 add 10",
    "when employees between 10 and 499 add 20",
  );
  expect(changed).not.toBe(text);
  writeFileSync(smb, changed);
  DAYS.forEach((day, n) => {
    writeFileSync(
      path.join(dir, `day${n + 1}.ndjson`),
      leadsOf(day)
        .map(({ lead, events }) => `${JSON.stringify({ ...lead, events })}\n`)
        .join(""),
    );
  });
  if (POSTGRES_URL !== null) {
    session = await openPostgres(POSTGRES_URL);
    await session.run(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
    await session.run(`CREATE SCHEMA "${SCHEMA}"`);
    await session.run(`SET search_path TO "${SCHEMA}"`);
  }
});

afterAll(async () => {
  if (session === null) return;
  await session.run(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  await session.close();
});

type Chain = "js" | "csv" | "duckdb" | "postgres";

/** One engine's run of day `n` (1-based) against its own previous run; the changes file and the summary. */
async function runDay(chain: Chain, n: number): Promise<{ changes: string; transitions: unknown }> {
  const day = DAYS[n - 1]!;
  const common = ["score", "--rules", day.rules, "--as-of", day.asOf, "--changes", `${chain}-c${n}.ndjson`];
  if (chain === "postgres") {
    await loadTables(session!, (await compileDirectory(path.join(dir, day.rules))).artifact!, leadsOf(day));
    const run = await runLeadscore(
      [
        ...common,
        "--engine",
        "postgres",
        "--database",
        POSTGRES_URL!,
        "--leads-table",
        `${SCHEMA}.leads`,
        "--events-table",
        `${SCHEMA}.events`,
        "--into",
        `${SCHEMA}.lead_scores`,
        "--json",
      ],
      dir,
    );
    expect(run.stderr.startsWith("{") ? run.code : run.stderr).toBe(0);
    return { changes: read(`${chain}-c${n}.ndjson`), transitions: JSON.parse(run.stderr).transitions };
  }
  const extension = chain === "duckdb" ? "parquet" : chain === "csv" ? "csv" : "ndjson";
  const previous = n === 1 ? [] : ["--previous", `${chain}-r${n - 1}.${extension}`];
  const run = await runLeadscore(
    [
      ...common,
      ...(chain === "duckdb" ? ["--engine", "duckdb"] : []),
      "--leads",
      `day${n}.ndjson`,
      "--out",
      `${chain}-r${n}.${extension}`,
      "--summary",
      `${chain}-s${n}.json`,
      ...previous,
    ],
    dir,
  );
  expect(run.code).toBe(0);
  return {
    changes: read(`${chain}-c${n}.ndjson`),
    transitions: JSON.parse(read(`${chain}-s${n}.json`)).transitions,
  };
}

function read(file: string): string {
  return readFileSync(path.join(dir, file), "utf8");
}

function records(changes: string): Array<Record<string, unknown>> {
  return changes
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The summary without where the previous results came from (a file name, a table name). */
function withoutSource(transitions: unknown): unknown {
  const { previous, ...rest } = transitions as { previous: Record<string, unknown> | null };
  if (previous === null) return { ...rest, previous: null };
  const { source: _source, ...kept } = previous;
  return { ...rest, previous: kept };
}

describe("score --previous on every engine: a sequence of daily runs", () => {
  test("DuckDB (previous results as Parquet) writes the JS engine's changes, byte for byte, every day", async () => {
    let moved = 0;
    let rulesChanged = 0;
    for (let n = 1; n <= DAYS.length; n++) {
      const js = await runDay("js", n);
      const duckdb = await runDay("duckdb", n);
      expect(duckdb.changes).toBe(js.changes);
      expect(withoutSource(duckdb.transitions)).toEqual(withoutSource(js.transitions));
      moved += records(js.changes).filter((r) => r.kind === "moved").length;
      rulesChanged += records(js.changes).filter((r) => r.rulesChanged === true).length;
    }
    // The sequence has what it is meant to have: moves, and moves on the day the rules changed.
    expect(moved).toBeGreaterThan(5);
    expect(rulesChanged).toBeGreaterThan(0);
  });

  test.skipIf(POSTGRES_URL === null)(
    "PostgreSQL (--into table as the previous results) gives the JS engine's changes and summary",
    async () => {
      const kinds = new Set<unknown>();
      for (let n = 1; n <= DAYS.length; n++) {
        const csv = await runDay("csv", n);
        const postgres = await runDay("postgres", n);
        const expected = records(csv.changes);
        // PostgreSQL writes today's leads by id, then the gone ones by id: a table has no order of its own.
        const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
          String(a.id) < String(b.id) ? -1 : 1;
        const ordered = [
          ...expected.filter((r) => r.kind !== "gone").sort(byId),
          ...expected.filter((r) => r.kind === "gone").sort(byId),
        ];
        expect(postgres.changes).toBe(ordered.map((r) => `${JSON.stringify(r)}\n`).join(""));
        const summary = withoutSource(csv.transitions) as { previous: unknown };
        // The first run has no previous file; its previous table is the new, empty --into table.
        if (n === 1)
          summary.previous = { read: 0, leads: 0, rejected: 0, otherRules: 0, otherRuleExample: null };
        expect(withoutSource(postgres.transitions)).toEqual(summary);
        for (const record of records(postgres.changes)) kinds.add(record.kind);
      }
      expect([...kinds].sort()).toEqual(["gone", "moved", "new"]);
    },
  );

  test("previous Parquet results are read by --engine duckdb only; a file that is not Parquet is exit 2", async () => {
    const args = ["score", "--rules", "rules", "--leads", "day1.ndjson", "--as-of", DAYS[0]!.asOf];
    writeFileSync(path.join(dir, "not.parquet"), "id,bucket\nL1,Cold\n");
    const js = await runLeadscore([...args, "--previous", "not.parquet"], dir);
    expect(js.code).toBe(2);
    expect(js.stderr).toContain("Parquet files are read and written by --engine duckdb");
    const bad = await runLeadscore([...args, "--engine", "duckdb", "--previous", "not.parquet"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("cannot read `not.parquet` as Parquet");
    const missing = await runLeadscore([...args, "--engine", "duckdb", "--previous", "none.parquet"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read `none.parquet`");
    const table = await runLeadscore([...args, "--previous-table", "lead_scores"], dir);
    expect(table.code).toBe(2);
    expect(table.stderr).toContain("--previous-table is read by --engine postgres");
  });
});
