/**
 * The measures on populations small enough to compute by hand; each expected value is worked out in the
 * comment above it.
 */
import { describe, expect, test } from "vitest";
import { areaUnderCurve, rocCurve } from "../../src/report/auc.js";
import { kolmogorovSmirnov } from "../../src/report/ks.js";
import { decileTable, lift } from "../../src/report/lift.js";
import { groupByScore } from "../../src/report/score-groups.js";
import { wilsonInterval, Z_95 } from "../../src/report/wilson.js";

// Six leads: scores 10, 8, 8, 5, 3, 1; converted: yes, yes, no, yes, no, no (3 converted, 3 not).
const scores = [10, 8, 8, 5, 3, 1];
const converted = [1, 1, 0, 1, 0, 0];
const groups = groupByScore(scores, converted);

describe("score groups", () => {
  test("group equal scores, highest first", () => {
    expect(groups).toEqual([
      { score: 10, converted: 1, notConverted: 0 },
      { score: 8, converted: 1, notConverted: 1 },
      { score: 5, converted: 1, notConverted: 0 },
      { score: 3, converted: 0, notConverted: 1 },
      { score: 1, converted: 0, notConverted: 1 },
    ]);
  });
});

describe("AUC", () => {
  test("counts the converter–non-converter pairs ranked right, a tie as half", () => {
    // 9 pairs. The converter at 10 beats all three non-converters (3); the one at 8 ties the 8 (0.5) and
    // beats 3 and 1 (2); the one at 5 beats 3 and 1 (2) but not the 8. (3 + 2.5 + 2) / 9 = 7.5 / 9.
    expect(areaUnderCurve(groups)).toBe(7.5 / 9);
  });

  test("is 1 for a perfect ranking, 0 for a reversed one, 0.5 when every score is equal", () => {
    expect(areaUnderCurve(groupByScore([3, 2, 1], [1, 1, 0]))).toBe(1);
    expect(areaUnderCurve(groupByScore([3, 2, 1], [0, 1, 1]))).toBe(0);
    expect(areaUnderCurve(groupByScore([7, 7, 7, 7], [1, 0, 1, 0]))).toBe(0.5);
  });

  test("is null when nobody or everybody converted", () => {
    expect(areaUnderCurve(groupByScore([3, 2], [0, 0]))).toBeNull();
    expect(areaUnderCurve(groupByScore([3, 2], [1, 1]))).toBeNull();
    expect(areaUnderCurve([])).toBeNull();
  });

  test("the ROC curve has one point per distinct score, from (0, 0) to (1, 1)", () => {
    expect(rocCurve(groups)).toEqual([
      { threshold: Infinity, fpr: 0, tpr: 0 },
      { threshold: 10, fpr: 0, tpr: 1 / 3 },
      { threshold: 8, fpr: 1 / 3, tpr: 2 / 3 },
      { threshold: 5, fpr: 1 / 3, tpr: 1 },
      { threshold: 3, fpr: 2 / 3, tpr: 1 },
      { threshold: 1, fpr: 1, tpr: 1 },
    ]);
  });
});

describe("KS", () => {
  test("is the largest TPR − FPR, at the first threshold reaching it", () => {
    // TPR − FPR at 10, 8, 5, 3, 1: 1/3, 1/3, 2/3, 1/3, 0.
    expect(kolmogorovSmirnov(groups)).toEqual({ value: 1 - 1 / 3, threshold: 5 });
  });

  test("is 1 for a perfect separation and null without both outcomes", () => {
    expect(kolmogorovSmirnov(groupByScore([9, 8, 2, 1], [1, 1, 0, 0]))).toEqual({ value: 1, threshold: 8 });
    expect(kolmogorovSmirnov(groupByScore([9, 8], [0, 0]))).toBeNull();
  });
});

describe("Wilson interval", () => {
  test("5 of 10 is 23.66% – 76.34%", () => {
    // centre 0.5; half-width z·√(0.025 + z²/400) / (1 + z²/10).
    const z2 = Z_95 * Z_95;
    const half = (Z_95 * Math.sqrt(0.025 + z2 / 400)) / (1 + z2 / 10);
    const interval = wilsonInterval(5, 10)!;
    expect(interval).toEqual({ low: 0.5 - half, high: 0.5 + half });
    expect(interval.low.toFixed(4)).toBe("0.2366");
    expect(interval.high.toFixed(4)).toBe("0.7634");
  });

  test("0 of n reaches up to z²/(n + z²), n of n down to n/(n + z²); no trials, no interval", () => {
    const z2 = Z_95 * Z_95;
    const none = wilsonInterval(0, 10)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(z2 / (10 + z2), 15);
    expect(none.high.toFixed(4)).toBe("0.2775");
    const all = wilsonInterval(10, 10)!;
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(10 / (10 + z2), 15);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe("lift and deciles", () => {
  test("lift is the group's rate over the base rate", () => {
    // 3 of 4 (75%) against 10 of 40 (25%).
    expect(lift(3, 4, 10, 40)).toBe(3);
    expect(lift(0, 0, 10, 40)).toBeNull();
    expect(lift(1, 4, 0, 40)).toBeNull();
  });

  test("ten leads make ten deciles of one lead each", () => {
    // Scores 10..1 with converted 1,1,0,1,0,0,1,0,0,0: 4 of 10, base rate 40%.
    const rows = decileTable([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], [1, 1, 0, 1, 0, 0, 1, 0, 0, 0]);
    expect(rows.map((r) => [r.leads, r.converted])).toEqual([
      [1, 1],
      [1, 1],
      [1, 0],
      [1, 1],
      [1, 0],
      [1, 0],
      [1, 1],
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
    // Decile 1: rate 100%, lift 1 / 0.4 = 2.5; after 2 deciles, 2 of 4 conversions (gain 0.5) at rate 100%
    // (cumulative lift 2.5); after 4, 3 of 4 (0.75) at 3/4 = 75% (lift 1.875); after 10, everything (1, 1).
    expect(rows[0]).toEqual({
      decile: 1,
      leads: 1,
      converted: 1,
      rate: 1,
      lift: 2.5,
      cumulativeGain: 0.25,
      cumulativeLift: 2.5,
    });
    expect([rows[1]!.cumulativeGain, rows[1]!.cumulativeLift]).toEqual([0.5, 2.5]);
    expect([rows[3]!.cumulativeGain, rows[3]!.cumulativeLift]).toEqual([0.75, 1.875]);
    expect([rows[9]!.cumulativeGain, rows[9]!.cumulativeLift]).toEqual([1, 1]);
    expect(rows[2]!.lift).toBe(0);
  });

  test("rank equal scores in input order, and leave deciles empty when there are fewer than ten leads", () => {
    const tied = decileTable([5, 5, 5, 5, 5, 5, 5, 5, 5, 5], [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(tied.map((r) => r.converted)).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    // Four leads: deciles [⌊(d−1)·4/10⌋, ⌊d·4/10⌋) hold 0,0,1,0,1,0,0,1,0,1 leads.
    const few = decileTable([4, 3, 2, 1], [1, 0, 1, 0]);
    expect(few.map((r) => r.leads)).toEqual([0, 0, 1, 0, 1, 0, 0, 1, 0, 1]);
    expect(few[0]!.rate).toBeNull();
    expect(few[2]!.converted).toBe(1);
  });
});
