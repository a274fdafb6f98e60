/**
 * Instants: the moments events happened and the as-of time of scoring, as epoch milliseconds (UTC). They
 * are read by the one ISO-8601 reader, syntax/iso-8601.ts.
 */
import { parseInstant } from "../syntax/iso-8601.js";

export { parseInstant, parseInstantInto } from "../syntax/iso-8601.js";

/** The instants a Date holds: ±8.64e15 ms from 1970 (about ±275,000 years). */
export const MAX_INSTANT_MS = 8.64e15;

/**
 * Epoch milliseconds of a value given as a time: an ISO-8601 string, epoch milliseconds or a Date.
 * NaN for anything else, so that callers can treat it as missing.
 */
export function toInstant(value: unknown): number {
  if (typeof value === "string") return parseInstant(value);
  // Beyond ±8.64e15 ms (the range of Date) no time can be shown or compared: NaN, like any bad time.
  if (typeof value === "number") return Math.abs(value) <= MAX_INSTANT_MS ? value : NaN;
  if (value instanceof Date) return value.getTime();
  return NaN;
}

/** `2026-11-01T00:00:00Z`: whole seconds are written without milliseconds. */
export function formatInstant(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
}
