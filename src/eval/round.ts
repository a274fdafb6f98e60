/**
 * Rounds to 2 decimals, half away from zero (1.005 → 1.01, −1.005 → −1.01).
 *
 * Binary floating point cannot hold most decimals exactly: 1.005 is stored as 1.00499999999999989…, so a
 * plain `Math.round(x * 100) / 100` gives 1. Near a half, the scaled value is therefore re-read from its
 * 15-significant-digit decimal form, which is what the number was meant to be; elsewhere the noise cannot
 * change the result and the fast path is taken.
 */
export function round2(value: number): number {
  // Whole numbers (most sums of points) are their own rounding: return them without the arithmetic,
  // and 0 for −0. Below 1e13 the general path gives exactly the same number.
  if (Math.floor(value) === value && value < 1e13 && value > -1e13) return value === 0 ? 0 : value;
  if (!Number.isFinite(value)) return value;
  const magnitude = value < 0 ? -value : value;
  let scaled = magnitude * 100;
  const fraction = scaled - Math.floor(scaled);
  if (fraction !== 0 && Math.abs(fraction - 0.5) < 1e-6) scaled = Number(scaled.toPrecision(15));
  const rounded = Math.floor(scaled + 0.5) / 100;
  // Never −0: it would print as 0 but compare and serialise inconsistently elsewhere.
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}
