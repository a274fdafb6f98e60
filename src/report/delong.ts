/**
 * DeLong's test for two correlated AUCs (DeLong, DeLong & Clarke-Pearson, Biometrics 1988): the same
 * leads ranked by two rulesets, is the second ranking better than the first beyond what chance explains?
 *
 * Each converter gets a placement value per side — the share of non-converters it outranks (a tie counts
 * half) — and each non-converter the share of converters that outrank it. The AUC is the mean of either;
 * the variance of the difference of the two AUCs comes from the covariances of the placement values over
 * converters and over non-converters. It needs no resampling (so it is deterministic without a seed) and
 * only counts of leads per score pair (PairedScoreCounts), since a lead's placement depends on its score
 * alone. The interval is the normal one, difference ± z·SE.
 */
import { areaUnderCurve } from "./auc.js";
import type { PairedScoreCounts } from "./paired-scores.js";
import type { ScoreGroup } from "./score-groups.js";
import { Z_95, type Interval } from "./wilson.js";

export interface AucComparison {
  /** The AUC of each side's ranking (A before, B after). */
  a: number;
  b: number;
  /** b − a. */
  difference: number;
  /** DeLong's standard error of the difference. */
  standardError: number;
  /** difference ± z·SE (95% by default). */
  interval: Interval;
}

/**
 * Compares the two rankings; null when they cannot be compared: fewer than two converters or two
 * non-converters (a covariance needs two of each).
 */
export function compareAucs(counts: PairedScoreCounts, z: number = Z_95): AucComparison | null {
  const m = counts.converted;
  const n = counts.notConverted;
  if (m < 2 || n < 2) return null;
  const groupsA = counts.groups("a");
  const groupsB = counts.groups("b");
  const a = areaUnderCurve(groupsA)!;
  const b = areaUnderCurve(groupsB)!;
  const placeA = placements(groupsA);
  const placeB = placements(groupsB);

  // Covariance matrices of the placement values: over converters (V10) and over non-converters (V01).
  let s10aa = 0;
  let s10bb = 0;
  let s10ab = 0;
  for (const { a: scoreA, b: scoreB, leads } of counts.pairs(true)) {
    const x = placeA.get(scoreA)!.converted - a;
    const y = placeB.get(scoreB)!.converted - b;
    s10aa += leads * x * x;
    s10bb += leads * y * y;
    s10ab += leads * x * y;
  }
  let s01aa = 0;
  let s01bb = 0;
  let s01ab = 0;
  for (const { a: scoreA, b: scoreB, leads } of counts.pairs(false)) {
    const x = placeA.get(scoreA)!.notConverted - a;
    const y = placeB.get(scoreB)!.notConverted - b;
    s01aa += leads * x * x;
    s01bb += leads * y * y;
    s01ab += leads * x * y;
  }
  const variance = (s10aa + s10bb - 2 * s10ab) / ((m - 1) * m) + (s01aa + s01bb - 2 * s01ab) / ((n - 1) * n);
  // Rounding can leave a hair below zero when the two rankings are the same.
  const standardError = Math.sqrt(Math.max(0, variance));
  const difference = b - a;
  return {
    a,
    b,
    difference,
    standardError,
    interval: { low: difference - z * standardError, high: difference + z * standardError },
  };
}

interface Placement {
  /** For a converter with this score: the share of non-converters scoring lower, ties counting half. */
  converted: number;
  /** For a non-converter with this score: the share of converters scoring higher, ties counting half. */
  notConverted: number;
}

/** Placement values per score, from groups sorted highest score first. */
function placements(groups: readonly ScoreGroup[]): Map<number, Placement> {
  let converted = 0;
  let notConverted = 0;
  for (const group of groups) {
    converted += group.converted;
    notConverted += group.notConverted;
  }
  const result = new Map<number, Placement>();
  let convertedAbove = 0;
  let notConvertedAbove = 0;
  for (const group of groups) {
    const notConvertedBelow = notConverted - notConvertedAbove - group.notConverted;
    result.set(group.score, {
      converted: (notConvertedBelow + group.notConverted / 2) / notConverted,
      notConverted: (convertedAbove + group.converted / 2) / converted,
    });
    convertedAbove += group.converted;
    notConvertedAbove += group.notConverted;
  }
  return result;
}
