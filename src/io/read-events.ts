import { scanEventLine, type LeadIdSpan } from "./event-line-scan.js";
import type { EventsLookup } from "./event-lookup.js";
import { DEFAULT_STORE_LIMITS, EventStoreWriter, type EventStoreLimits } from "./event-store.js";
import { NdjsonLines, type NdjsonLine } from "./ndjson-lines.js";
import {
  DEFAULT_MAX_RECORD_BYTES,
  shortenRaw,
  type ByteSource,
  type JsonObject,
  type ReadItem,
  type ReadReject,
} from "./read-item.js";
import { idText } from "./read-leads.js";
import { ndjsonItem } from "./ndjson-item.js";

/** The lead ids an events file mentions, each with its events in file order. */
export interface EventsByLead {
  byLead: EventsLookup;
  /** Logical records in the file: `filed + rejected`. */
  read: number;
  filed: number;
  rejected: number;
}

export interface ReadEventsOptions extends Partial<EventStoreLimits> {
  /** Called after every record: for progress. */
  onRecord?: () => void;
  /**
   * Called when the file is read and its events are grouped by lead on disk (seconds for millions of
   * events), then as that goes: bytes grouped so far, of `total`. For progress; not called otherwise.
   */
  onGrouping?: (grouped: number, total: number) => void;
  /**
   * Events held in memory at most; past this many they go to temporary files (default 50,000: about
   * 5 MB of event lines; a file of millions costs the lead id table instead, see event-store.ts).
   */
  memoryEvents?: number;
}

/**
 * Reads a whole events file (NDJSON: `{"lead_id": …, "type": …, "at": …, …properties}`) and files each
 * event under its lead id. The file need not be sorted or grouped by lead, so it is read before the
 * leads are streamed; each event is kept as its line and parsed when its lead is scored (event-store.ts).
 *
 * A line that is not a JSON object, or has no usable `lead_id` (a non-empty string, or a number), cannot
 * be filed under a lead: it goes to `onReject`. Everything else about an event (its type, timestamp,
 * properties) is judged with the lead it belongs to, so that a bad event rejects its lead rather than
 * silently changing its score.
 *
 * Most lines are judged by a scan of their bytes (event-line-scan.ts), with no parsing; any line it is not
 * sure of is read as every NDJSON line is (`ndjsonItem`), so rejects and their reasons are the same.
 */
export async function readEventsByLead(
  source: ByteSource,
  onReject: (reject: ReadReject) => void | Promise<void>,
  options: ReadEventsOptions = {},
): Promise<EventsByLead> {
  const filing = new EventFiling(options);
  const lines = new NdjsonLines(DEFAULT_MAX_RECORD_BYTES);
  const span: LeadIdSpan = { idStart: 0, idEnd: 0, cutStart: 0, cutEnd: 0 };
  let record = 0;
  const general = (line: NdjsonLine): ReadReject | null => {
    const item = ndjsonItem(line, record + 1, DEFAULT_MAX_RECORD_BYTES);
    if (item === null) return null;
    record += 1;
    return filing.file(item, () => Buffer.from(line.bytes.subarray(line.start, line.end)));
  };
  try {
    for await (const chunk of source) {
      lines.feed(chunk);
      for (let line = lines.next(); line !== null; line = lines.next()) {
        if (line.overlongStart === null && scanEventLine(line.bytes, line.start, line.end, span)) {
          record += 1;
          filing.fileLine(line, span, record);
          continue;
        }
        const reject = general(line);
        if (reject !== null) await onReject(reject);
      }
    }
    const last = lines.end();
    const reject = last === null ? null : general(last);
    if (reject !== null) await onReject(reject);
    return filing.finish();
  } catch (error) {
    filing.dispose();
    throw error;
  }
}

/** Files events read from any source (the rows of a file a database reads) by lead id. */
export async function fileEvents(
  items: AsyncIterable<ReadItem<JsonObject>>,
  onReject: (reject: ReadReject) => void | Promise<void>,
  options: ReadEventsOptions = {},
): Promise<EventsByLead> {
  const filing = new EventFiling(options);
  try {
    for await (const item of items) {
      const reject = filing.file(item, (event) => Buffer.from(JSON.stringify(event)));
      if (reject !== null) await onReject(reject);
    }
    return filing.finish();
  } catch (error) {
    filing.dispose();
    throw error;
  }
}

/** The counting and filing shared by both readers. */
class EventFiling {
  readonly #store: EventStoreWriter;
  readonly #onRecord: (() => void) | undefined;
  #read = 0;
  #filed = 0;

  constructor(options: ReadEventsOptions) {
    this.#store = new EventStoreWriter(
      {
        memoryEvents: options.memoryEvents ?? DEFAULT_STORE_LIMITS.memoryEvents,
        partitionBits: options.partitionBits ?? DEFAULT_STORE_LIMITS.partitionBits,
        windowBytes: options.windowBytes ?? DEFAULT_STORE_LIMITS.windowBytes,
        readBytes: options.readBytes ?? DEFAULT_STORE_LIMITS.readBytes,
        groupBits: options.groupBits ?? DEFAULT_STORE_LIMITS.groupBits,
      },
      options.onGrouping,
    );
    this.#onRecord = options.onRecord;
  }

  /** An ordinary line, its lead id found by the scan. */
  fileLine(line: NdjsonLine, span: LeadIdSpan, record: number): void {
    this.#read += 1;
    this.#onRecord?.();
    this.#filed += 1;
    this.#store.add(line.bytes, line.start, line.end, span, record, line.line);
  }

  /** A parsed record (its JSON text made by `text`, only when it is filed) or a reject: the reject to report. */
  file(item: ReadItem<JsonObject>, text: (event: JsonObject) => Buffer): ReadReject | null {
    this.#read += 1;
    this.#onRecord?.();
    if (item.kind === "reject") return item;
    const leadId = item.value.lead_id;
    const key = idText(leadId);
    if (key === null) {
      return {
        kind: "reject",
        record: item.record,
        line: item.line,
        reason:
          leadId === undefined || leadId === null
            ? "`lead_id` is missing"
            : "`lead_id` must be a non-empty string or a number",
        raw: shortenRaw(JSON.stringify(item.value)),
      };
    }
    this.#filed += 1;
    this.#store.addText(key, item.record, item.line, text(item.value));
    return null;
  }

  finish(): EventsByLead {
    const read = this.#read;
    const filed = this.#filed;
    return { byLead: this.#store.finish(), read, filed, rejected: read - filed };
  }

  dispose(): void {
    this.#store.dispose();
  }
}
