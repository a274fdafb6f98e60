/**
 * Lift: how much better than the base rate a group converts (1 = no better, 2 = twice as often). Null
 * when the group is empty or nobody converted at all (no base rate to compare with).
 */
export function lift(
  converted: number,
  leads: number,
  baseConverted: number,
  baseLeads: number,
): number | null {
  if (leads === 0 || baseConverted === 0 || baseLeads === 0) return null;
  return converted / leads / (baseConverted / baseLeads);
}

export interface DecileRow {
  /** 1 for the top-scoring tenth. */
  decile: number;
  leads: number;
  converted: number;
  /** converted / leads in this decile. */
  rate: number | null;
  lift: number | null;
  /** Share of all conversions found in deciles 1..this one (cumulative gains). */
  cumulativeGain: number | null;
  /** Conversion rate of deciles 1..this one over the base rate. */
  cumulativeLift: number | null;
}

/**
 * Cumulative gains and lift by decile. Leads are ranked by score, highest first; leads with equal scores
 * keep their input order, so decile boundaries are deterministic. Decile d holds leads
 * [⌊(d−1)·n/10⌋, ⌊d·n/10⌋) of that ranking, so with fewer than ten leads some deciles are empty.
 */
export function decileTable(
  scores: ArrayLike<number>,
  converted: ArrayLike<number>,
  count: number = scores.length,
): DecileRow[] {
  const order = rankByScore(scores, count);
  let total = 0;
  for (let i = 0; i < count; i++) total += converted[i] === 1 ? 1 : 0;
  const rows: DecileRow[] = [];
  let cumulativeLeads = 0;
  let cumulativeConverted = 0;
  for (let decile = 1; decile <= 10; decile++) {
    const start = Math.floor(((decile - 1) * count) / 10);
    const end = Math.floor((decile * count) / 10);
    let yes = 0;
    for (let i = start; i < end; i++) yes += converted[order[i]!] === 1 ? 1 : 0;
    const leads = end - start;
    cumulativeLeads += leads;
    cumulativeConverted += yes;
    rows.push({
      decile,
      leads,
      converted: yes,
      rate: leads === 0 ? null : yes / leads,
      lift: lift(yes, leads, total, count),
      cumulativeGain: total === 0 ? null : cumulativeConverted / total,
      cumulativeLift: lift(cumulativeConverted, cumulativeLeads, total, count),
    });
  }
  return rows;
}

/** Lead positions ordered by score, highest first, ties in input order. */
function rankByScore(scores: ArrayLike<number>, count: number): Uint32Array {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order.sort((a, b) => scores[b]! - scores[a]! || a - b);
}
