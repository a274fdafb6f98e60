import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { round2 } from "../../src/eval/round.js";
import { openDuckDb } from "../../src/sql/engines/duckdb.js";
import type { SqlEngine } from "../../src/sql/engines/engine.js";
import { RESULT_LINE_MACROS } from "../../src/sql/result-lines.js";

/**
 * The pieces DuckDB writes result lines with (result-lines.ts) against JavaScript's own spelling: each
 * gives exactly JSON.stringify's text, or NULL (the row is then written by JavaScript). Whole result
 * lines are compared with the JS engine's in test/sql/differential.test.ts and
 * test/batch/parquet-fast-path.test.ts.
 */

let engine: SqlEngine;
beforeAll(async () => {
  engine = await openDuckDb({ threads: 1 });
  for (const macro of RESULT_LINE_MACROS) await engine.run(macro);
});
afterAll(() => engine.close());

/** `ls_json_double` of doubles given as JavaScript numbers (read from their shortest spelling). */
async function spelled(values: readonly number[]): Promise<Array<string | null>> {
  const rows = await engine.query(
    `SELECT ls_json_double(x, printf('%.15g', x)) AS s FROM (SELECT CAST(v AS DOUBLE) AS x, i ` +
      `FROM unnest([${values.map((v) => `'${String(v)}'`).join(", ")}]) WITH ORDINALITY AS t(v, i)) ORDER BY i`,
  );
  return rows.map((row) => (row.s === null ? null : String(row.s)));
}

describe("DuckDB's JSON text of result values is JavaScript's, or NULL", () => {
  it("text: to_json escapes every code point as JSON.stringify does, but control characters (left to JS)", async () => {
    const mismatches: string[] = [];
    let left = 0;
    for (let start = 0; start < 0x110000; start += 0x10000) {
      const rows = await engine.query(
        `SELECT cp, ls_json_text(chr(CAST(cp AS INTEGER))) AS j FROM range(${start}, ${start + 0x10000}) t(cp) ` +
          `WHERE cp < 55296 OR cp > 57343 ORDER BY cp`,
      );
      for (const row of rows) {
        const cp = Number(row.cp);
        if (row.j === null) {
          left += 1;
          if (cp >= 0x20) mismatches.push(`U+${cp.toString(16)} left to JS`);
        } else if (row.j !== JSON.stringify(String.fromCodePoint(cp))) {
          mismatches.push(`U+${cp.toString(16)}: ${String(row.j)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(left).toBe(0x20);
    const hostile = ['a"b\\c', "x\u2028y\u2029z", "Ünï İ ß 😀", "'; DROP TABLE leads; --", "", " / "];
    const rows = await engine.query(
      `SELECT ls_json_text(s) AS j FROM unnest([${hostile.map((s) => `'${s.replaceAll("'", "''")}'`).join(", ")}]) WITH ORDINALITY AS t(s, i) ORDER BY i`,
    );
    expect(rows.map((row) => row.j)).toEqual(hostile.map((s) => JSON.stringify(s)));
    expect((await engine.query("SELECT ls_json_text(NULL) AS j"))[0]!.j).toBe("null");
    expect((await engine.query("SELECT ls_json_text('tab\there') AS j"))[0]!.j).toBeNull();
  });

  it("numbers: plain spellings of at most 15 digits are JavaScript's; the rest are left to JS", async () => {
    const edges = [
      0,
      -0,
      1,
      -1,
      0.1,
      0.5,
      12.5,
      -3.75,
      100,
      1e15 - 1,
      123456789012.34,
      0.000001,
      0.0001,
      1e-7,
      1e21,
      1e20,
      1.5e300,
      5e-324,
      0.1 + 0.2,
      1 / 3,
      2 ** 53,
      1234567890123456,
      0.30000000000000004,
      2.675,
      1.005,
      -0.005,
    ];
    const got = await spelled(edges);
    edges.forEach((value, i) => {
      if (got[i] !== null) expect([value, got[i]]).toEqual([value, JSON.stringify(value)]);
    });
    // What must be written by SQL (the common case) and what must not (no 15-digit spelling, or exponents).
    expect(got.slice(0, 11)).toEqual(edges.slice(0, 11).map((value) => JSON.stringify(value)));
    expect([1e-7, 1e21, 1.5e300, 5e-324, 0.1 + 0.2, 1 / 3].map((v) => got[edges.indexOf(v)])).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    const special = await engine.query(
      "SELECT ls_json_double(x, printf('%.15g', x)) AS s FROM unnest([CAST('NaN' AS DOUBLE), CAST('inf' AS DOUBLE), CAST('-inf' AS DOUBLE)]) t(x)",
    );
    expect(special.map((row) => row.s)).toEqual([null, null, null]);
    expect((await engine.query("SELECT ls_json_number(NULL, NULL) AS s"))[0]!.s).toBe("null");
  });

  it("numbers: any double is spelled as JSON.stringify spells it, or left to JS", async () => {
    const doubles = fc.sample(
      fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
        fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 8),
      ),
      { seed: 20261205, numRuns: 5000 },
    );
    const got = await spelled(doubles);
    const wrong = doubles.filter((value, i) => got[i] !== null && got[i] !== JSON.stringify(value));
    expect(wrong).toEqual([]);
    // Points are hundredths: all of them are written by SQL.
    const hundredths = doubles.filter(
      (value, i) => Number.isInteger(value * 8) && Math.abs(value) < 1e13 && got[i] === null,
    );
    expect(hundredths).toEqual([]);
  });

  it("round2: the same double as eval/round.ts, or NULL near a half that is not exactly one", async () => {
    const values = [
      ...fc.sample(
        fc.oneof(
          fc.double({ min: -1e12, max: 1e12, noNaN: true }),
          fc.integer({ min: -1e7, max: 1e7 }).map((n) => n / 1000),
          fc.integer({ min: -1e7, max: 1e7 }).map((n) => (n + 0.5) / 100),
          fc.integer({ min: 0, max: 40 }).map((k) => -15 * 0.5 ** k),
        ),
        { seed: 20261205, numRuns: 5000 },
      ),
      1.005,
      -1.005,
      2.675,
      -5.625,
      1.875,
      0.125,
      -0,
      0,
      1e13,
      1e13 + 0.5,
      -1e15,
      0.035,
    ];
    const rows = await engine.query(
      `SELECT CAST(ls_round2(CAST(v AS DOUBLE)) AS VARCHAR) AS r, printf('%.17g', ls_round2(CAST(v AS DOUBLE))) AS p ` +
        `FROM unnest([${values.map((v) => `'${String(v)}'`).join(", ")}]) WITH ORDINALITY AS t(v, i) ORDER BY i`,
    );
    const mismatches: string[] = [];
    let left = 0;
    values.forEach((value, i) => {
      const row = rows[i]!;
      if (row.r === null) {
        left += 1;
        const fraction = Math.abs(value) * 100 - Math.floor(Math.abs(value) * 100);
        if (!(Math.abs(fraction - 0.5) < 1e-6)) mismatches.push(`${value} left to JS`);
        return;
      }
      const sql = Number(row.p);
      const js = round2(value);
      if (!Object.is(sql, js)) mismatches.push(`${value}: ${String(row.r)} vs ${js}`);
    });
    expect(mismatches).toEqual([]);
    // Exact halves (decayed points: 15 × 0.5^k) are rounded by SQL; only inexact near-halves are left.
    expect(left).toBeLessThan(values.length / 5);
  });
});
