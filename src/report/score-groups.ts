/**
 * Leads grouped by score, highest first: every measure of ranking (AUC, ROC, KS) is computed from these
 * groups, so leads with the same score are treated alike (a tie counts half, as in Mann–Whitney's U)
 * instead of depending on the order they were read in.
 */
export interface ScoreGroup {
  score: number;
  converted: number;
  notConverted: number;
}

/** Groups the first `count` leads of `scores`/`converted` by score, highest score first. */
export function groupByScore(
  scores: ArrayLike<number>,
  converted: ArrayLike<number>,
  count: number = scores.length,
): ScoreGroup[] {
  const groups = new Map<number, ScoreGroup>();
  for (let i = 0; i < count; i++) {
    const score = scores[i]!;
    let group = groups.get(score);
    if (group === undefined) {
      group = { score, converted: 0, notConverted: 0 };
      groups.set(score, group);
    }
    if (converted[i] === 1) group.converted += 1;
    else group.notConverted += 1;
  }
  return [...groups.values()].sort((a, b) => b.score - a.score);
}

export interface Totals {
  converted: number;
  notConverted: number;
}

export function totalsOf(groups: readonly ScoreGroup[]): Totals {
  let converted = 0;
  let notConverted = 0;
  for (const group of groups) {
    converted += group.converted;
    notConverted += group.notConverted;
  }
  return { converted, notConverted };
}
