import { describe, expect, it } from "vitest";
import { compareLeadIds } from "../../src/diff/sort.js";
import { DeltaCollector } from "../../src/diff/stats.js";

function summarize(deltas: number[]) {
  const collector = new DeltaCollector();
  for (const delta of deltas) collector.add(delta);
  return collector.summarize();
}

describe("score delta distribution", () => {
  it("puts each change in its band: the lower edge belongs to the band, the upper one to the next", () => {
    const summary = summarize([-50, -49.99, -20, -10, -9.99, -0.01, 0, 0.01, 9.99, 10, 19.99, 20, 50, 120]);
    expect(summary.bands.map((band) => `${band.label}: ${band.count}`)).toEqual([
      "down 50 or more: 1",
      "down 20 to 50: 2",
      "down 10 to 20: 1",
      "down less than 10: 2",
      "unchanged: 1",
      "up less than 10: 2",
      "up 10 to 20: 2",
      "up 20 to 50: 1",
      "up 50 or more: 2",
    ]);
    expect([summary.compared, summary.up, summary.down, summary.unchanged]).toEqual([14, 7, 6, 1]);
    expect([summary.min, summary.max]).toEqual([-50, 120]);
  });

  it("takes the median of an even count as the mean of the middle two, rounded to 2 decimals", () => {
    expect(summarize([3, 1, 2]).median).toBe(2);
    expect(summarize([1, 2, 4, 8]).median).toBe(3);
    expect(summarize([0.01, 0.02]).median).toBe(0.02);
  });

  it("has no spread without leads to compare", () => {
    expect(summarize([])).toMatchObject({ compared: 0, min: null, median: null, max: null });
  });

  it("grows past its first buffer", () => {
    const deltas = Array.from({ length: 5000 }, (_, i) => (i % 3) - 1);
    expect(summarize(deltas)).toMatchObject({
      compared: 5000,
      up: 1666,
      down: 1667,
      unchanged: 1667,
      median: 0,
    });
  });
});

describe("lead id order", () => {
  it("compares numbers inside ids as numbers, text by code point, missing ids last", () => {
    const ids = ["L10", null, "L2", "a", "L1", "B7", "L02", "L", "L1x"];
    expect([...ids].sort(compareLeadIds)).toEqual(["B7", "L", "L1", "L1x", "L02", "L2", "L10", "a", null]);
  });
});
