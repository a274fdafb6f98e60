import { DEFAULT_CONVERTED, DEFAULT_NOT_CONVERTED } from "../../src/io/input-options.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ConversionTally, formatConversion, readOutcome } from "../../src/batch/conversion.js";
import type { ScoreResult } from "../../src/eval/result.js";
import { PROJECT_ROOT } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";

function result(bucket: string | null, grade: string | null, extra: Partial<ScoreResult> = {}): ScoreResult {
  return {
    id: "x",
    model: "m",
    fit: 0,
    engagement: 0,
    score: 0,
    grade,
    bucket,
    excluded: null,
    actions: [],
    contributions: [],
    ...extra,
  };
}

describe("reading outcomes", () => {
  test.each([
    ["1", true],
    [" Yes ", true],
    ["won", true],
    [true, true],
    [1, true],
    ["0", false],
    ["no", false],
    ["Lost", false],
    [0, false],
    ["", null],
    ["maybe", null],
    [undefined, null],
    [2, null],
  ])("%j is %j", (value, expected) => {
    expect(readOutcome(value)).toBe(expected);
  });
});

describe("conversion per bucket and grade", () => {
  test("counts known outcomes per group, in the rules' bucket order, and leaves unknown ones out", () => {
    const tally = new ConversionTally({
      column: "converted",
      converted: DEFAULT_CONVERTED,
      notConverted: DEFAULT_NOT_CONVERTED,
    });
    tally.add(result("MQL", "A1"), "1");
    tally.add(result("MQL", "A1"), "0");
    tally.add(result("MQL", "B2"), "1");
    tally.add(result("SQL", "A1"), "yes");
    tally.add(result(null, "D4", { excluded: "competitor" }), "1");
    tally.add(result(null, null, { model: null }), "0");
    tally.add(result("SQL", "A1"), "");
    const summary = tally.summary(["SQL", "MQL", "Dead"]);
    expect(summary).toEqual({
      field: "converted",
      known: 6,
      converted: 4,
      unknown: 1,
      missing: 1,
      unreadable: {},
      byBucket: [
        { group: "SQL", leads: 1, converted: 1, rate: 100 },
        { group: "MQL", leads: 3, converted: 2, rate: 66.7 },
        { group: "(excluded)", leads: 1, converted: 1, rate: 100 },
        { group: "(unscored)", leads: 1, converted: 0, rate: 0 },
      ],
      byGrade: [
        { group: "(no grade)", leads: 1, converted: 0, rate: 0 },
        { group: "A1", leads: 3, converted: 2, rate: 66.7 },
        { group: "B2", leads: 1, converted: 1, rate: 100 },
        { group: "D4", leads: 1, converted: 1, rate: 100 },
      ],
    });
    expect(formatConversion(summary)).toEqual([
      "  conversion (converted): 4 of 6 converted; 1 without a readable outcome, left out",
      "    by bucket:",
      "      SQL              1 / 1      100.0%",
      "      MQL              2 / 3       66.7%",
      "      (excluded)       1 / 1      100.0%",
      "      (unscored)       0 / 1        0.0%",
      "    by grade:",
      "      (no grade)       0 / 1        0.0%",
      "      A1               2 / 3       66.7%",
      "      B2               1 / 1      100.0%",
      "      D4               1 / 1      100.0%",
    ]);
  });

  test("leadscore score --outcome reads the column from the leads file (not a lead field)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "leadscore-outcome-"));
    writeFileSync(
      path.join(dir, "leads.csv"),
      [
        "id,email,title,industry,employees,country,stage,Converted",
        "L1,jane@bigco.com,CEO,software,5000,US,lead,1",
        "L2,sam@uni.edu,PhD student,,,IN,subscriber,0",
        "L3,kim@shop.co.uk,Marketing Manager,,40,GB,lead,0",
        "",
      ].join("\n"),
    );
    const run = await runLeadscore(
      [
        "score",
        "--rules",
        path.join(PROJECT_ROOT, "rules"),
        "--leads",
        "leads.csv",
        "--as-of",
        "2026-11-01T00:00:00Z",
        "--outcome",
        "Converted",
        "--out",
        "out.ndjson",
        "--json",
      ],
      dir,
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stderr).conversion).toEqual({
      field: "Converted",
      known: 3,
      converted: 1,
      unknown: 0,
      missing: 0,
      unreadable: {},
      byBucket: [
        // L1: enterprise fit 55, no event within 90d -20 = 35, A4: Nurture. L3: smb 25 + 0 = 25, C4: Nurture.
        { group: "Nurture", leads: 2, converted: 1, rate: 50 },
        { group: "Dead", leads: 1, converted: 0, rate: 0 },
      ],
      byGrade: [
        { group: "A4", leads: 1, converted: 1, rate: 100 },
        { group: "C4", leads: 1, converted: 0, rate: 0 },
        { group: "D4", leads: 1, converted: 0, rate: 0 },
      ],
    });
  });
});
