/**
 * Weight of evidence and information value, the usual measures of how well a column separates converters
 * from the rest. A group's WoE is ln(share of all converters in it / share of all non-converters in it),
 * with half a lead added to each count so that a group with none of one kind stays finite; the column's
 * IV is Σ (share converted − share not) × WoE over its groups. IV above 0.3 is strong, below 0.02 useless.
 */
export interface Counts {
  leads: number;
  converted: number;
}

export function weightOfEvidence(group: Counts, total: Counts): number | null {
  const notConverted = total.leads - total.converted;
  if (total.converted === 0 || notConverted === 0) return null;
  const yes = (group.converted + 0.5) / (total.converted + 0.5);
  const no = (group.leads - group.converted + 0.5) / (notConverted + 0.5);
  return Math.log(yes / no);
}

export function informationValue(groups: readonly Counts[], total: Counts): number | null {
  const notConverted = total.leads - total.converted;
  if (total.converted === 0 || notConverted === 0) return null;
  let value = 0;
  for (const group of groups) {
    const woe = weightOfEvidence(group, total)!;
    value += (group.converted / total.converted - (group.leads - group.converted) / notConverted) * woe;
  }
  return value;
}
