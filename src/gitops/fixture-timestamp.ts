import { parseInstant } from "../run/instant.js";

/**
 * A date, a time and a zone: `2026-10-30T10:00:00Z`, `2026-10-30T12:00:00+02:00`. Fixtures are the
 * agreed truth, so they must not depend on how a reader guesses a missing zone.
 */
const ZONED_TIMESTAMP =
  /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$/;

/** Epoch milliseconds of an ISO-8601 timestamp with a zone; null for anything else. */
export function parseZonedTimestamp(value: unknown): number | null {
  if (typeof value !== "string" || !ZONED_TIMESTAMP.test(value)) return null;
  const epochMs = parseInstant(value);
  return Number.isNaN(epochMs) ? null : epochMs;
}

/** The explanation shown for a value that is not a zoned timestamp. */
export function timestampProblem(key: string, value: unknown): string {
  const shown = typeof value === "string" ? `\`${value}\`` : `a ${value === null ? "null" : typeof value}`;
  return `\`${key}\` must be an ISO-8601 timestamp with a time zone, like 2026-11-01T00:00:00Z (found ${shown})`;
}
