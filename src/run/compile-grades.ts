import type { GradeScale } from "../compile/artifact.js";

/**
 * Grades decided per lead without building strings: each scale maps a value to a label index, and every
 * `fit label + engagement label` pair (and its lowercase form, for bucket conditions) is built once.
 */
export interface CompiledGrades {
  /** The grade and its lowercase form, or null when either dimension has no label. */
  grade(fit: number, engagement: number): { text: string; lower: string } | null;
}

type LabelIndex = (value: number) => number;

function compileScale(scale: GradeScale | null): { labels: string[]; indexOf: LabelIndex } {
  if (scale === null) return { labels: [], indexOf: () => -1 };
  const labels = scale.tiers.map((tier) => tier.label);
  const fallbackIndex = scale.fallback === null ? -1 : labels.push(scale.fallback) - 1;
  const thresholds = Float64Array.from(scale.tiers, (tier) => tier.threshold);
  const strict = scale.tiers.map((tier) => tier.op === ">");
  return {
    labels,
    indexOf: (value) => {
      for (let i = 0; i < thresholds.length; i++) {
        if (strict[i] ? value > thresholds[i]! : value >= thresholds[i]!) return i;
      }
      return fallbackIndex;
    },
  };
}

export function compileGrades(grades: {
  fit: GradeScale | null;
  engagement: GradeScale | null;
}): CompiledGrades {
  const fit = compileScale(grades.fit);
  const engagement = compileScale(grades.engagement);
  const pairs = fit.labels.map((fitLabel) =>
    engagement.labels.map((engagementLabel) => {
      const text = fitLabel + engagementLabel;
      return { text, lower: text.toLowerCase() };
    }),
  );
  return {
    grade(fitValue, engagementValue) {
      const f = fit.indexOf(fitValue);
      if (f < 0) return null;
      const e = engagement.indexOf(engagementValue);
      return e < 0 ? null : pairs[f]![e]!;
    },
  };
}
