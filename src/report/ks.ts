import { totalsOf, type ScoreGroup } from "./score-groups.js";

export interface KsStatistic {
  /** The largest gap between the converters' and the non-converters' cumulative score distributions. */
  value: number;
  /** The score at which it is reached: calling leads at or above it positive separates best. */
  threshold: number;
}

/**
 * The Kolmogorov–Smirnov statistic of the score: max over thresholds of TPR − FPR (the share of
 * converters at or above the threshold minus the share of non-converters there). The first threshold
 * reaching the maximum, from the top, is reported. Null when either side is empty.
 */
export function kolmogorovSmirnov(groups: readonly ScoreGroup[]): KsStatistic | null {
  const { converted, notConverted } = totalsOf(groups);
  if (converted === 0 || notConverted === 0) return null;
  let tp = 0;
  let fp = 0;
  let best: KsStatistic = { value: 0, threshold: groups[0]!.score };
  for (const group of groups) {
    tp += group.converted;
    fp += group.notConverted;
    const gap = tp / converted - fp / notConverted;
    if (gap > best.value) best = { value: gap, threshold: group.score };
  }
  return best;
}
