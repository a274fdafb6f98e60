import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parquetDiffProject } from "../support/parquet-population.js";
import { runLeadscore } from "../support/run-cli.js";

/**
 * A lead field and an event property of one name and two types, on a Parquet population the database
 * takes: the certain leads' values of the field are read with the field's type (a string), never the
 * property's (a boolean), so the values the rules probe are the JS engine's.
 */
const BASE = `ruleset "t" version 1

lead {
  id: string
  vip: string?
}

event purchase { vip: boolean? }

bucket Hot >= 10 -> route sales within 4h
bucket Cold otherwise -> nurture "digest"

model main {
  fit {
    when vip = "no" add 1
  }
  engagement {
    when event = purchase where vip = true add 10 within 30d
  }
}
`;
// The head probes a value of the lead field that the base does not: whether some lead has it is reported.
const HEAD = BASE.replace('when vip = "no" add 1', 'when vip = "no" add 1\n    when vip = "yes" add 5');

let dir: string;

beforeAll(async () => {
  const leads = Array.from({ length: 20 }, (_, i) => `('L${i}', '${i % 2 === 0 ? "yes" : "no"}')`);
  const events = Array.from(
    { length: 20 },
    (_, i) => `('L${i}', 'purchase', TIMESTAMP '2026-10-20 00:00:00', ${i % 4 === 0})`,
  );
  dir = await parquetDiffProject(
    "name-clash",
    { base: BASE, head: HEAD },
    {
      leads: `SELECT * FROM (VALUES ${leads.join(", ")}) AS t("id", "vip")`,
      under: "data",
      events: `SELECT * FROM (VALUES ${events.join(", ")}) AS t("lead_id", "type", "at", "vip")`,
    },
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("diff --engine duckdb on a Parquet population: a lead field named like an event property", () => {
  it("gives the JS engine's report, byte for byte", async () => {
    const diff = (flags: string[]) =>
      runLeadscore(["diff", "--base-dir", "base", "--format", "json", ...flags], dir);
    const js = await diff([]);
    expect(js.stderr).toBe("");
    const report = JSON.parse(js.stdout);
    expect(report.summary.leads).toBe(20);
    expect(report.usage).toBeUndefined();
    const duckdb = await diff(["--engine", "duckdb"]);
    expect(duckdb.stderr).toBe("");
    expect(duckdb.stdout).toBe(js.stdout);
  });
});
