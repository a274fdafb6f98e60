/**
 * Reading a duration as the language writes it (`30d`): the one reader, used by the tree builder and by
 * artifact loading (which checks that a `within` as written is the window counted), so it stays free of
 * the parser: the scoring runtime includes it.
 */
import type { DurationUnit } from "./ast.js";

export const DURATION_UNIT_MS: Readonly<Record<DurationUnit, number>> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

export interface DurationValue {
  amount: number;
  unit: DurationUnit;
  ms: number;
}

/** Reads a well-formed duration image (`30d`); undefined when the amount is too large to be exact. */
export function parseDuration(image: string): DurationValue | undefined {
  const unit = image[image.length - 1] as DurationUnit;
  const amount = Number(image.slice(0, -1));
  const ms = amount * DURATION_UNIT_MS[unit];
  return Number.isSafeInteger(ms) ? { amount, unit, ms } : undefined;
}
