import { toInstant } from "./instant.js";

/**
 * The time of each of a lead's events, by position: epoch milliseconds of its `at` as scoring reads it
 * (`toInstant`), NaN for an event that is no object or whose time cannot be read. The input layer reads
 * them once per lead (io/prepare-lead.ts) and hands them to validation and to every ruleset that scores
 * the lead (ScoreOptions.eventTimes), so that a lead scored under two rulesets (`diff`) has its times
 * parsed once rather than once per reader; reading a time is most of the cost of an event.
 *
 * A plain array: one is made per lead, and a small array of numbers costs a fraction of a typed one.
 */
export function readEventTimes(events: readonly unknown[]): number[] {
  const times = new Array<number>(events.length);
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    // `event.at` as EventIndex reads it; validation, which reads own properties only, asks for the time
    // only of an event whose own `at` is there, and that is the one read here.
    times[i] = event !== null && typeof event === "object" ? toInstant((event as { at?: unknown }).at) : NaN;
  }
  return times;
}

/**
 * The times a caller gave for `events`, if they can be theirs (one per event); else null: the reader reads
 * each time itself. Times of another length are a caller's slip, never a reason to score differently.
 */
export function givenTimes(
  events: readonly unknown[],
  given: ArrayLike<number> | null | undefined,
): ArrayLike<number> | null {
  return given !== null && given !== undefined && given.length === events.length ? given : null;
}
