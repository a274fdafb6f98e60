/**
 * The events of an events file filed under their lead ids: what scoring a lead file with a separate
 * events file looks each lead's events up in. Held in memory or on disk (read-events.ts decides).
 */
import type { JsonObject } from "./read-item.js";

/** An event from the events file, with where it came from so that a problem with it can point there. */
export interface FiledEvent {
  /** The event without its `lead_id`: `type`, `at` and its properties. */
  event: JsonObject;
  record: number;
  line: number;
}

/** What an events file holds per lead id, kept in memory or on disk (see `readEventsByLead`). */
export interface EventsLookup {
  /** The lead's events in file order, undefined when it has none; the id counts as taken by a lead. */
  get(id: string): FiledEvent[] | undefined;
  /** Every lead id with its events (read from disk when they are there). */
  entries(): Iterable<[string, FiledEvent[]]>;
  /** Every lead id: how many events it has, the record of its first, and whether a lead took them. */
  ids(): Iterable<{ id: string; events: number; first: number; taken: boolean }>;
  /** Whether the events went to disk (the file was too big to hold). */
  readonly onDisk: boolean;
  /** Removes the temporary files, if any. */
  dispose(): void;
}

/**
 * A lead's events as scoring takes them: its own (embedded in an NDJSON lead) first, then those the
 * events file files under its id. `filed` is what came from the events file (for `describeLeadIssue`).
 */
export function joinEvents(
  id: string | null,
  embedded: readonly JsonObject[],
  lookup: EventsLookup | null | undefined,
): { events: JsonObject[]; filed: FiledEvent[] | undefined } {
  const filed = id === null ? undefined : lookup?.get(id);
  return { events: filed === undefined ? [...embedded] : [...embedded, ...filed.map((f) => f.event)], filed };
}

/**
 * `events[3].at: not a timestamp (events.ndjson line 17)`: an issue with an event from the events file
 * says where that event is, since the lead's own line does not show it.
 */
export function describeLeadIssue(
  issue: { path: string; reason: string },
  embeddedCount: number,
  filed: readonly FiledEvent[] | undefined,
  eventsSource: string | undefined,
): string {
  const text = issue.path === "" ? issue.reason : `${issue.path}: ${issue.reason}`;
  const match = /^events(?:\[(\d+)\]|\.(\d+))/.exec(issue.path);
  if (match === null || filed === undefined) return text;
  const index = Number(match[1] ?? match[2]) - embeddedCount;
  const event = filed[index];
  return event === undefined ? text : `${text} (${eventsSource ?? "events"} line ${event.line})`;
}
