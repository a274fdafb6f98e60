import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { round2 } from "../../src/eval/round.js";

describe("round2: 2 decimals, half away from zero", () => {
  test.each([
    [1.005, 1.01],
    [-1.005, -1.01],
    [2.675, 2.68],
    [-2.675, -2.68],
    [1.235, 1.24],
    [-1.235, -1.24],
    [1.2345, 1.23],
    [1.004999, 1],
    [0.1 + 0.2, 0.3],
    [3.75, 3.75],
    [-21.25, -21.25],
    [10 * 0.75 ** 3, 4.22],
    [-10 * 0.75 ** 3, -4.22],
    [0.125, 0.13],
    [-0.125, -0.13],
    [123456.785, 123456.79],
    [100, 100],
    [0, 0],
  ])("%d → %d", (input, expected) => {
    expect(round2(input)).toBe(expected);
  });

  test("never returns −0", () => {
    expect(Object.is(round2(-0.004), 0)).toBe(true);
    expect(Object.is(round2(-0), 0)).toBe(true);
    expect(Object.is(round2(-1e-12), 0)).toBe(true);
  });

  test("is symmetric around zero and idempotent", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (value) => {
        const rounded = round2(value);
        expect(round2(-value)).toBe(rounded === 0 ? 0 : -rounded);
        expect(round2(rounded)).toBe(rounded);
      }),
    );
  });

  test("whole numbers come back unchanged, and −0 as 0", () => {
    fc.assert(
      fc.property(fc.integer(), (whole) => {
        expect(round2(whole)).toBe(whole === 0 ? 0 : whole);
      }),
    );
    for (const whole of [9_999_999_999_999, 10_000_000_000_000, 2 ** 45, -(2 ** 45)]) {
      expect(round2(whole)).toBe(whole);
    }
    expect(Object.is(round2(-0), 0)).toBe(true);
  });

  test("cents written as decimals come back unchanged", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (cents) => {
        expect(round2(cents / 100)).toBe(cents / 100);
      }),
    );
  });
});
