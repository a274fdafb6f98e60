import type { GradeScale, GradeTier } from "../compile/artifact.js";

/** The first tier whose threshold the value meets, or null (then the `else` label applies, if any). */
export function tierFor(scale: GradeScale, value: number): GradeTier | null {
  for (const tier of scale.tiers) {
    if (tier.op === ">=" ? value >= tier.threshold : value > tier.threshold) return tier;
  }
  return null;
}

/** The label a value gets on a scale; null without a scale, or below every tier without `else`. */
export function gradeLabel(scale: GradeScale | null, value: number): string | null {
  if (scale === null) return null;
  return tierFor(scale, value)?.label ?? scale.fallback;
}

/** `A1`: the fit label then the engagement label; null when either is missing. */
export function gradeOf(
  grades: { fit: GradeScale | null; engagement: GradeScale | null },
  fit: number,
  engagement: number,
): string | null {
  const fitLabel = gradeLabel(grades.fit, fit);
  if (fitLabel === null) return null;
  const engagementLabel = gradeLabel(grades.engagement, engagement);
  return engagementLabel === null ? null : fitLabel + engagementLabel;
}
