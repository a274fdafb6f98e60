import { shortenRaw, type ByteSource, type ReadItem, type ReadReject } from "./read-item.js";
import { readNdjson, type JsonObject } from "./read-ndjson.js";
import { idText } from "./read-leads.js";
import { EventsOnDiskWriter } from "./events-on-disk.js";
import type { EventsLookup, FiledEvent } from "./event-lookup.js";

/** The lead ids an events file mentions, each with its events in file order. */
export interface EventsByLead {
  byLead: EventsLookup;
  /** Logical records in the file: `filed + rejected`. */
  read: number;
  filed: number;
  rejected: number;
}

export interface ReadEventsOptions {
  /** Called after every record: for progress. */
  onRecord?: () => void;
  /**
   * Events held in memory at most; past this many the index moves to disk (default 50,000: about 20 MB
   * of parsed events; a file of millions costs a lead-id index instead, see events-on-disk.ts).
   */
  memoryEvents?: number;
}

const DEFAULT_MEMORY_EVENTS = 50_000;

/**
 * Reads a whole events file (NDJSON: `{"lead_id": …, "type": …, "at": …, …properties}`) and files each
 * event under its lead id. The file need not be sorted or grouped by lead, so it is read before the
 * leads are streamed. A small file is held in memory; past `memoryEvents` events the events are sorted by
 * lead id on disk (an external merge sort into one file) and only an index of lead ids is kept, each
 * lead's events read back with one read when its lead comes (EventsOnDisk) — memory then grows with the
 * number of distinct lead ids, not with the events.
 *
 * A line that is not a JSON object, or has no usable `lead_id` (a non-empty string, or a number), cannot
 * be filed under a lead: it goes to `onReject`. Everything else about an event (its type, timestamp,
 * properties) is judged with the lead it belongs to, so that a bad event rejects its lead rather than
 * silently changing its score.
 */
export async function readEventsByLead(
  source: ByteSource,
  onReject: (reject: ReadReject) => void | Promise<void>,
  options: ReadEventsOptions = {},
): Promise<EventsByLead> {
  return fileEvents(readNdjson(source), onReject, options);
}

/** Files events read from any source (NDJSON lines, or the rows of a file a database reads) by lead id. */
export async function fileEvents(
  items: AsyncIterable<ReadItem<JsonObject>>,
  onReject: (reject: ReadReject) => void | Promise<void>,
  options: ReadEventsOptions = {},
): Promise<EventsByLead> {
  const memoryEvents = options.memoryEvents ?? DEFAULT_MEMORY_EVENTS;
  let inMemory: Map<string, FiledEvent[]> | null = new Map();
  let onDisk: EventsOnDiskWriter | null = null;
  let read = 0;
  let filed = 0;
  try {
    for await (const item of items) {
      read += 1;
      options.onRecord?.();
      if (item.kind === "reject") {
        await onReject(item);
        continue;
      }
      const { lead_id: leadId, ...event } = item.value;
      const key = idText(leadId);
      if (key === null) {
        await onReject({
          kind: "reject",
          record: item.record,
          line: item.line,
          reason:
            leadId === undefined || leadId === null
              ? "`lead_id` is missing"
              : "`lead_id` must be a non-empty string or a number",
          raw: shortenRaw(JSON.stringify(item.value)),
        });
        continue;
      }
      const filedEvent: FiledEvent = { event, record: item.record, line: item.line };
      filed += 1;
      if (inMemory !== null) {
        const events = inMemory.get(key);
        if (events === undefined) inMemory.set(key, [filedEvent]);
        else events.push(filedEvent);
        if (filed > memoryEvents) {
          // Too many to hold: everything so far, and everything after, goes to disk.
          onDisk = new EventsOnDiskWriter();
          for (const [id, events] of inMemory) for (const each of events) onDisk.add(id, each);
          inMemory = null;
        }
      } else onDisk!.add(key, filedEvent);
    }
    const byLead = inMemory !== null ? new EventsInMemory(inMemory) : await onDisk!.finish();
    return { byLead, read, filed, rejected: read - filed };
  } catch (error) {
    (onDisk as EventsOnDiskWriter | null)?.dispose();
    throw error;
  }
}

/** The events of a small file, in memory: ids in the order the file first mentions them. */
class EventsInMemory implements EventsLookup {
  readonly onDisk = false;
  readonly #events: ReadonlyMap<string, FiledEvent[]>;
  readonly #taken = new Set<string>();

  constructor(events: ReadonlyMap<string, FiledEvent[]>) {
    this.#events = events;
  }

  get(id: string): FiledEvent[] | undefined {
    const events = this.#events.get(id);
    if (events !== undefined) this.#taken.add(id);
    return events;
  }

  entries(): Iterable<[string, FiledEvent[]]> {
    return this.#events.entries();
  }

  *ids(): Iterable<{ id: string; events: number; first: number; taken: boolean }> {
    for (const [id, events] of this.#events) {
      yield { id, events: events.length, first: events[0]!.record, taken: this.#taken.has(id) };
    }
  }

  dispose(): void {}
}
