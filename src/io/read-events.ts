import { shortenRaw, type ByteSource, type ReadItem, type ReadReject } from "./read-item.js";
import { readNdjson, type JsonObject } from "./read-ndjson.js";
import { idText } from "./read-leads.js";

/** An event from the events file, with where it came from so that a problem with it can point there. */
export interface FiledEvent {
  /** The event without its `lead_id`: `type`, `at` and its properties. */
  event: JsonObject;
  record: number;
  line: number;
}

/** The lead ids an events file mentions, each with its events in file order. */
export interface EventsByLead {
  byLead: Map<string, FiledEvent[]>;
  /** Logical records in the file: `filed + rejected`. */
  read: number;
  filed: number;
  rejected: number;
}

/**
 * Reads a whole events file (NDJSON: `{"lead_id": …, "type": …, "at": …, …properties}`) into a map from
 * lead id to events. The file need not be sorted, so it is read before the leads are streamed: memory
 * grows with the events file, never with the leads file.
 *
 * A line that is not a JSON object, or has no usable `lead_id` (a non-empty string, or a number), cannot
 * be filed under a lead: it goes to `onReject`. Everything else about an event (its type, timestamp,
 * properties) is judged with the lead it belongs to, so that a bad event rejects its lead rather than
 * silently changing its score.
 */
export async function readEventsByLead(
  source: ByteSource,
  onReject: (reject: ReadReject) => void | Promise<void>,
  onRecord?: () => void,
): Promise<EventsByLead> {
  return fileEvents(readNdjson(source), onReject, onRecord);
}

/** Files events read from any source (NDJSON lines, or the rows of a file a database reads) by lead id. */
export async function fileEvents(
  items: AsyncIterable<ReadItem<JsonObject>>,
  onReject: (reject: ReadReject) => void | Promise<void>,
  onRecord?: () => void,
): Promise<EventsByLead> {
  const byLead = new Map<string, FiledEvent[]>();
  let read = 0;
  let filed = 0;
  for await (const item of items) {
    read += 1;
    onRecord?.();
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
    const events = byLead.get(key);
    if (events === undefined) byLead.set(key, [filedEvent]);
    else events.push(filedEvent);
    filed += 1;
  }
  return { byLead, read, filed, rejected: read - filed };
}
