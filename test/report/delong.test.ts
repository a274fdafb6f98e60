import { describe, expect, it } from "vitest";
import { compareAucs } from "../../src/report/delong.js";
import { PairedScoreCounts } from "../../src/report/paired-scores.js";
import { Z_95 } from "../../src/report/wilson.js";

interface Lead {
  a: number;
  b: number;
  converted: boolean;
}

function countsOf(leads: readonly Lead[]): PairedScoreCounts {
  const counts = new PairedScoreCounts();
  for (const lead of leads) counts.add(lead.a, lead.b, lead.converted);
  return counts;
}

/** DeLong as the paper writes it: placement values lead by lead, O(m·n), no counting by score. */
function bruteForce(leads: readonly Lead[]): { a: number; b: number; variance: number } {
  const positives = leads.filter((lead) => lead.converted);
  const negatives = leads.filter((lead) => !lead.converted);
  const psi = (x: number, y: number): number => (x > y ? 1 : x === y ? 0.5 : 0);
  const v10 = (side: "a" | "b") =>
    positives.map((p) => negatives.reduce((sum, n) => sum + psi(p[side], n[side]), 0) / negatives.length);
  const v01 = (side: "a" | "b") =>
    negatives.map((n) => positives.reduce((sum, p) => sum + psi(p[side], n[side]), 0) / positives.length);
  const mean = (values: number[]) => values.reduce((x, y) => x + y, 0) / values.length;
  const cov = (x: number[], y: number[]) => {
    const mx = mean(x);
    const my = mean(y);
    return x.reduce((sum, _, i) => sum + (x[i]! - mx) * (y[i]! - my), 0) / (x.length - 1);
  };
  const [pa, pb, na, nb] = [v10("a"), v10("b"), v01("a"), v01("b")];
  const variance =
    (cov(pa, pa) + cov(pb, pb) - 2 * cov(pa, pb)) / positives.length +
    (cov(na, na) + cov(nb, nb) - 2 * cov(na, nb)) / negatives.length;
  return { a: mean(pa), b: mean(pb), variance };
}

describe("DeLong's comparison of two rankings of the same leads", () => {
  it("computes the AUCs, the difference and its standard error exactly on a population done by hand", () => {
    // Converters p1 (3 → 3) and p2 (2 → 1); non-converters n1 (2 → 2), n2 (1 → 2), n3 (1 → 1).
    // A: V10 = 1, 5/6; V01 = 3/4, 1, 1 → AUC 11/12. B: V10 = 1, 1/6; V01 = 1/2, 1/2, 3/4 → AUC 7/12.
    // Var = (1/72 + 25/72 − 2·5/72)/2 + (1/48 + 1/48 − 2·1/96)/3 = 1/9 + 1/144 = 17/144.
    const comparison = compareAucs(
      countsOf([
        { a: 3, b: 3, converted: true },
        { a: 2, b: 1, converted: true },
        { a: 2, b: 2, converted: false },
        { a: 1, b: 2, converted: false },
        { a: 1, b: 1, converted: false },
      ]),
    )!;
    expect(comparison.a).toBeCloseTo(11 / 12, 12);
    expect(comparison.b).toBeCloseTo(7 / 12, 12);
    expect(comparison.difference).toBeCloseTo(-1 / 3, 12);
    expect(comparison.standardError).toBeCloseTo(Math.sqrt(17) / 12, 12);
    expect(comparison.interval.low).toBeCloseTo(-1 / 3 - Z_95 * (Math.sqrt(17) / 12), 12);
    expect(comparison.interval.high).toBeCloseTo(-1 / 3 + Z_95 * (Math.sqrt(17) / 12), 12);
  });

  it("agrees with the lead-by-lead computation on a population with many ties", () => {
    // A deterministic population: scores on a coarse grid (ties on both sides), B = A plus a nudge.
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const leads: Lead[] = [];
    for (let i = 0; i < 400; i++) {
      const converted = next() < 0.3;
      const a = Math.round((next() * 40 + (converted ? 15 : 0)) / 5) * 5;
      const b = a + (next() < 0.4 ? (converted ? 5 : -5) : 0) + Math.round(next() * 3);
      leads.push({ a, b, converted });
    }
    const comparison = compareAucs(countsOf(leads))!;
    const expected = bruteForce(leads);
    expect(comparison.a).toBeCloseTo(expected.a, 12);
    expect(comparison.b).toBeCloseTo(expected.b, 12);
    expect(comparison.standardError).toBeCloseTo(Math.sqrt(expected.variance), 12);
  });

  it("gives a zero-width interval for the same ranking, and nothing without two leads of each kind", () => {
    const same = compareAucs(
      countsOf([
        { a: 3, b: 3, converted: true },
        { a: 2, b: 2, converted: true },
        { a: 2, b: 2, converted: false },
        { a: 1, b: 1, converted: false },
      ]),
    )!;
    expect(same.difference).toBe(0);
    expect(same.standardError).toBe(0);
    expect(same.interval).toEqual({ low: 0, high: 0 });
    expect(
      compareAucs(
        countsOf([
          { a: 3, b: 3, converted: true },
          { a: 2, b: 2, converted: false },
          { a: 1, b: 1, converted: false },
        ]),
      ),
    ).toBeNull();
  });
});
