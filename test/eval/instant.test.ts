import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatInstant, parseInstant, parseInstantInto, toInstant } from "../../src/eval/instant.js";

const NOV_1 = Date.UTC(2026, 10, 1);

describe("parseInstant", () => {
  test.each([
    ["2026-11-01T00:00:00Z", NOV_1],
    ["2026-11-01", NOV_1],
    ["2026-11-01T00:00", NOV_1],
    ["2026-11-01 00:00:00", NOV_1],
    ["2026-11-01t00:00:00z", NOV_1],
    ["  2026-11-01T00:00:00Z  ", NOV_1],
    ["2026-11-01T01:00:00+01:00", NOV_1],
    ["2026-11-01T01:00:00+0100", NOV_1],
    ["2026-11-01T01:00:00+01", NOV_1],
    ["2026-10-31T19:30:00-04:30", NOV_1],
    ["2026-11-01T00:00:00.123Z", NOV_1 + 123],
    ["2026-11-01T00:00:00.1Z", NOV_1 + 100],
    ["2026-11-01T00:00:00.123456789Z", NOV_1 + 123],
    ["2024-02-29T12:00:00Z", Date.UTC(2024, 1, 29, 12)],
    ["2000-02-29", Date.UTC(2000, 1, 29)],
  ])("%s", (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });

  test("agrees with Date on every ISO timestamp Date writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(9999, 11, 31) }), (ms) => {
        expect(parseInstant(new Date(ms).toISOString())).toBe(ms);
      }),
      { numRuns: 2000 },
    );
  });

  test("years below 100 are those years, not 19xx", () => {
    expect(parseInstant("0050-03-01T00:00:00Z")).toBe(Date.parse("0050-03-01T00:00:00Z"));
  });

  test("a timestamp without a zone is UTC whatever the machine's zone", () => {
    expect(parseInstant("2026-06-15T10:00:00")).toBe(Date.UTC(2026, 5, 15, 10));
  });

  test.each([
    "",
    "2026-13-01",
    "2026-00-10",
    "2026-02-29",
    "1900-02-29",
    "2026-04-31",
    "2026-11-01T24:00:00Z",
    "2026-11-01T10:60:00Z",
    "2026-11-01T10:00:60Z",
    "2026-11-01T10:00:00X",
    "2026-11-01T10:00:00+1",
    "2026-11-01T10:00:00+25:00",
    "2026-11-01T10:00:00.Z",
    "2026-11-01T10",
    "2026-11-01X10:00",
    "Nov 1 2026",
    "2026/11/01",
    "20261101",
    "2026-1-01",
    "2026-11-01T10:00:0",
    "2026-11-01T10:0",
  ])("rejects %j", (text) => {
    expect(parseInstant(text)).toBeNaN();
  });
});

describe("parseInstantInto", () => {
  test("writes what parseInstant returns, and leaves the slot alone when the text is no timestamp", () => {
    const out = new Float64Array([7, 7]);
    expect(parseInstantInto("2026-11-01T00:00:00.123Z", out, 1)).toBe(true);
    expect(out[1]).toBe(NOV_1 + 123);
    expect(parseInstantInto("2026-02-29", out, 0)).toBe(false);
    expect(out[0]).toBe(7);
  });
});

describe("toInstant", () => {
  test("reads ISO text, epoch milliseconds and Dates", () => {
    expect(toInstant("2026-11-01T00:00:00Z")).toBe(NOV_1);
    expect(toInstant(NOV_1)).toBe(NOV_1);
    expect(toInstant(new Date(NOV_1))).toBe(NOV_1);
  });

  test("anything else is NaN", () => {
    for (const value of [Number.NaN, Infinity, null, undefined, {}, [], true, new Date("nope")]) {
      expect(toInstant(value)).toBeNaN();
    }
  });
});

test("formatInstant drops zero milliseconds", () => {
  expect(formatInstant(NOV_1)).toBe("2026-11-01T00:00:00Z");
  expect(formatInstant(NOV_1 + 5)).toBe("2026-11-01T00:00:00.005Z");
});
