import { foldCase } from "./normalize.js";
import type { GradeScale } from "../compile/artifact.js";

/** A grade: the fit label and the engagement label (`A1`), and its lowercase form for bucket conditions. */
export interface Grade {
  text: string;
  lower: string;
}

/**
 * Grades decided per lead without building strings: every `fit label + engagement label` pair is built
 * once, and a lead's grade is found by its index.
 */
export interface CompiledGrades {
  /** Every grade, by index: fit label index × number of engagement labels + engagement label index. */
  all: readonly Grade[];
  /**
   * The index in `all` of the grade for these (rounded) values, or −1 when either declared scale gives no
   * label. With one scale declared, the grade is that scale's label (`A`).
   */
  indexOf(fit: number, engagement: number): number;
}

/** A scale's tiers as plain arrays (numbers and booleans), read by `labelIndex`. */
export interface CompiledScale {
  labels: string[];
  thresholds: number[];
  /** Whether each tier's comparison is `>` (else `>=`). */
  strict: boolean[];
  /** The index of the `else` label, or −1. */
  fallback: number;
}

/** The scale of a dimension that is not declared while the other is: every value gets the label "". */
const ALWAYS_EMPTY: CompiledScale = { labels: [""], thresholds: [], strict: [], fallback: 0 };

export function compileScale(scale: GradeScale | null): CompiledScale {
  if (scale === null) return { labels: [], thresholds: [], strict: [], fallback: -1 };
  const labels = scale.tiers.map((tier) => tier.label);
  const fallback = scale.fallback === null ? -1 : labels.push(scale.fallback) - 1;
  return {
    labels,
    thresholds: scale.tiers.map((tier) => tier.threshold),
    strict: scale.tiers.map((tier) => tier.op === ">"),
    fallback,
  };
}

/**
 * The index of the first tier the value meets, else of the `else` label (the number of tiers); −1 when it
 * gets no label. The one place a value is graded: the evaluator and explanations both read it.
 */
export function labelIndex(scale: CompiledScale, value: number): number {
  const { thresholds, strict } = scale;
  for (let i = 0; i < thresholds.length; i++) {
    if (strict[i] ? value > thresholds[i]! : value >= thresholds[i]!) return i;
  }
  return scale.fallback;
}

export function compileGrades(grades: {
  fit: GradeScale | null;
  engagement: GradeScale | null;
}): CompiledGrades {
  // One scale alone grades by its own labels: the missing one counts as one empty label that every value
  // gets. Neither declared: no grades.
  const declared = grades.fit !== null || grades.engagement !== null;
  const fit = declared && grades.fit === null ? ALWAYS_EMPTY : compileScale(grades.fit);
  const engagement = declared && grades.engagement === null ? ALWAYS_EMPTY : compileScale(grades.engagement);
  const width = engagement.labels.length;
  const all = fit.labels.flatMap((fitLabel) =>
    engagement.labels.map((engagementLabel) => {
      const text = fitLabel + engagementLabel;
      return { text, lower: foldCase(text) };
    }),
  );
  return {
    all,
    indexOf(fitValue, engagementValue) {
      const f = labelIndex(fit, fitValue);
      if (f < 0) return -1;
      const e = labelIndex(engagement, engagementValue);
      return e < 0 ? -1 : f * width + e;
    },
  };
}
