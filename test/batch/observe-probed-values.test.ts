import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { observeProbedValues } from "../../src/batch/probed-values.js";
import type { RuleUsageTally } from "../../src/batch/rule-usage.js";
import { foldCase } from "../../src/eval/normalize.js";
import type { SqlEngine } from "../../src/sql/engines/engine.js";
import { openDuckDb } from "../../src/sql/engines/duckdb.js";

/**
 * The values SQL notes of a probed field are those RuleUsageTally.observe notes: the distinct values by
 * their trimmed, ASCII-case-folded text, each with its first trimmed spelling, in the order first seen.
 * Non-ASCII capitals keep their case (`foldCase` folds A-Z only), and ASCII capitals beside them fold.
 */
const TITLES = [
  "ÜNÏ",
  " Ünï ",
  "ünï",
  "CEO",
  "ceo ",
  "İ",
  "i",
  "ÉCOLE",
  "École",
  "\u00a0",
  "STRAßE",
  "straße",
];

/** What `observe` notes of the titles (io normalisation: trimmed, blank is none; keyed by foldCase). */
function notedByJs(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const noted: string[] = [];
  for (const value of values) {
    const spelling = value.trim();
    if (spelling === "" || seen.has(foldCase(spelling))) continue;
    seen.add(foldCase(spelling));
    noted.push(spelling);
  }
  return noted;
}

describe("probed values observed by SQL", () => {
  let engine: SqlEngine;
  beforeAll(async () => {
    engine = await openDuckDb({ threads: 1 });
    await engine.run(`CREATE TABLE leads ("__row" BIGINT, title VARCHAR)`);
    await engine.append!(
      "leads",
      ["integer", "text"],
      TITLES.map((title, i) => [i + 1, title]),
    );
  });
  afterAll(() => engine.close());

  it("are the JS engine's: folded in ASCII only, first spellings in order", async () => {
    const noted: string[] = [];
    const tally = {
      probedFields: () => [{ scope: "lead" as const, field: "title", values: ["ceo"] }],
      noteValue: (_scope: string, _field: string, value: unknown) => void noted.push(String(value)),
    } as unknown as RuleUsageTally;
    await observeProbedValues(engine, [tally], {
      leadColumns: new Set(["title"]),
      eventColumns: new Set(),
      leads: (field) => `SELECT "${field}" AS v, "__row" AS r1, 0 AS r2 FROM leads`,
      events: () => {
        throw new Error("no event fields");
      },
    });
    expect(noted).toEqual(notedByJs(TITLES));
    expect(noted).toEqual(["ÜNÏ", "Ünï", "ünï", "CEO", "İ", "i", "ÉCOLE", "STRAßE"]);
  });
});
