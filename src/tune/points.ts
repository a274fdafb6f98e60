import type { LogisticFit } from "./logistic.js";
import type { TuningLead } from "./features.js";

/**
 * Weights become points on the scale the rules already use: the factor s that makes s × (fitted log-odds
 * without intercept) closest, in least squares, to the current scores; then each rule's points are
 * s × its weight rounded to a whole number (half away from zero). Thresholds in grades and buckets keep
 * their meaning, roughly, and the points stay readable.
 */
export function pointsFromWeights(fit: LogisticFit, leads: readonly TuningLead[]): number[] {
  let cross = 0;
  let square = 0;
  for (const lead of leads) {
    const linear = linearScore(fit.weights, lead);
    cross += linear * lead.score;
    square += linear * linear;
  }
  const largest = Math.max(...fit.weights.map(Math.abs), 0);
  // Degenerate cases (scores all 0, or anti-correlated): ten points for the strongest rule.
  const scale = square > 0 && cross > 0 ? cross / square : largest > 0 ? 10 / largest : 0;
  return fit.weights.map((weight) => roundHalfAway(weight * scale));
}

/** Σ weight × units over the rules that fired for the lead. */
export function linearScore(weights: readonly number[], lead: TuningLead): number {
  let sum = 0;
  for (let k = 0; k < lead.indexes.length; k++) sum += weights[lead.indexes[k]!]! * lead.values[k]!;
  return sum;
}

function roundHalfAway(value: number): number {
  const rounded = Math.round(Math.abs(value));
  return value < 0 ? -rounded || 0 : rounded;
}
