import { describe, expect, test } from "vitest";
import { compareExpectation, sameValue } from "../../src/gitops/fixture-compare.js";
import type { ScoreResult } from "../../src/run/result.js";

const RESULT: ScoreResult = {
  id: "L1",
  model: "enterprise",
  fit: 35,
  engagement: -21.25,
  score: 13.75,
  grade: "B4",
  bucket: "Cold",
  excluded: null,
  actions: [{ route: "sales", within: "4h", say: "Offer a product demo" }, { nurture: "re-engagement" }],
  contributions: [],
};

const failing = (expect: Record<string, unknown>) =>
  compareExpectation(expect, RESULT)
    .filter((check) => !check.ok)
    .map((check) => check.key);

describe("compareExpectation", () => {
  test("checks only the keys given, in result order", () => {
    const checks = compareExpectation({ bucket: "Cold", model: "enterprise" }, RESULT);
    expect(checks).toEqual([
      { key: "model", expected: "enterprise", actual: "enterprise", ok: true },
      { key: "bucket", expected: "Cold", actual: "Cold", ok: true },
    ]);
    expect(compareExpectation({}, RESULT)).toEqual([]);
  });

  test("numbers compare exactly", () => {
    expect(failing({ engagement: -21.25, score: 13.75, fit: 35 })).toEqual([]);
    expect(failing({ engagement: -21.2, score: 13.76, fit: 35.01 })).toEqual(["fit", "engagement", "score"]);
    expect(failing({ fit: "35" })).toEqual(["fit"]);
  });

  test("text compares exactly, case included", () => {
    expect(failing({ model: "Enterprise", grade: "b4", bucket: "Cold " })).toEqual([
      "model",
      "grade",
      "bucket",
    ]);
  });

  test("null matches only null; excluded compares null with a reason", () => {
    expect(failing({ excluded: null })).toEqual([]);
    expect(failing({ excluded: "competitor", bucket: null })).toEqual(["bucket", "excluded"]);
    const excluded = { ...RESULT, excluded: "competitor", bucket: null, actions: [] };
    expect(
      compareExpectation({ excluded: "competitor", bucket: null, actions: [] }, excluded).every((c) => c.ok),
    ).toBe(true);
    expect(compareExpectation({ excluded: null }, excluded)[0]!.ok).toBe(false);
  });

  test("actions compare as the whole list; the key order within an action does not matter", () => {
    expect(
      failing({
        actions: [
          { say: "Offer a product demo", route: "sales", within: "4h" },
          { nurture: "re-engagement" },
        ],
      }),
    ).toEqual([]);
    // One action missing, the order changed, a key left out, a value changed: all fail.
    expect(failing({ actions: [{ route: "sales", within: "4h", say: "Offer a product demo" }] })).toEqual([
      "actions",
    ]);
    expect(
      failing({
        actions: [
          { nurture: "re-engagement" },
          { route: "sales", within: "4h", say: "Offer a product demo" },
        ],
      }),
    ).toEqual(["actions"]);
    expect(failing({ actions: [{ route: "sales", within: "4h" }, { nurture: "re-engagement" }] })).toEqual([
      "actions",
    ]);
    expect(
      failing({
        actions: [
          { route: "sales", within: "48h", say: "Offer a product demo" },
          { nurture: "re-engagement" },
        ],
      }),
    ).toEqual(["actions"]);
    expect(failing({ actions: [] })).toEqual(["actions"]);
  });
});

describe("sameValue", () => {
  test("structural equality", () => {
    expect(sameValue({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue(0, -0)).toBe(true);
  });
});
