/**
 * The Wilson score interval for a proportion: unlike `p ± z·√(p(1−p)/n)` it stays inside [0, 1] and is
 * honest for small groups and for rates near 0% or 100%, which is where buckets of a few leads live.
 */

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** The interval for `successes` of `trials`; null without trials (no rate to bound). */
export function wilsonInterval(successes: number, trials: number, z: number = Z_95): Interval | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // At p = 0 (p = 1) the interval starts at 0 (ends at 1) exactly; the arithmetic may miss by an ulp.
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === trials ? 1 : Math.min(1, centre + half),
  };
}
