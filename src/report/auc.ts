import { totalsOf, type ScoreGroup } from "./score-groups.js";

/**
 * The area under the ROC curve: the chance that a lead that converted scores higher than one that did
 * not, a tie counting half. 0.5 is a coin toss, 1 a perfect ranking. Null when either side is empty (no
 * ranking to judge).
 */
export function areaUnderCurve(groups: readonly ScoreGroup[]): number | null {
  const { converted, notConverted } = totalsOf(groups);
  if (converted === 0 || notConverted === 0) return null;
  // Walk from the lowest score up: each converter beats the non-converters below it, ties count half.
  let below = 0;
  let wins = 0;
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    wins += group.converted * (below + group.notConverted / 2);
    below += group.notConverted;
  }
  return wins / (converted * notConverted);
}

export interface RocPoint {
  /** Leads scoring at least this much are called positive. */
  threshold: number;
  /** False positive rate: the share of non-converters at or above the threshold. */
  fpr: number;
  /** True positive rate: the share of converters at or above the threshold. */
  tpr: number;
}

/** The ROC curve from (0, 0) to (1, 1), one point per distinct score, highest threshold first. */
export function rocCurve(groups: readonly ScoreGroup[]): RocPoint[] {
  const { converted, notConverted } = totalsOf(groups);
  if (converted === 0 || notConverted === 0) return [];
  const points: RocPoint[] = [{ threshold: Infinity, fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  for (const group of groups) {
    tp += group.converted;
    fp += group.notConverted;
    points.push({ threshold: group.score, fpr: fp / notConverted, tpr: tp / converted });
  }
  return points;
}
