/** Fractions in reports: four decimals, half away from zero, so that output is stable and readable. */
export function round4(value: number): number {
  const scaled = Math.round(Math.abs(value) * 10_000) / 10_000;
  return value < 0 ? -scaled : scaled;
}

/** A round step (1, 2 or 5 times a power of ten) at least `rough`: for bins and threshold sweeps. */
export function niceStep(rough: number): number {
  if (!(rough > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= rough) return factor * power;
  return 10 * power;
}

/** A rate as a percentage with one decimal: `38.5%`; `-` without one. */
export function formatPercent(rate: number | null): string {
  return rate === null ? "-" : `${(rate * 100).toFixed(1)}%`;
}
