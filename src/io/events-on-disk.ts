/**
 * An events file too big to hold, filed by lead id on disk: the events are sorted by lead id (sorted
 * runs, then one merge: spill.ts) into one file in which every lead's events sit together, in file
 * order; memory keeps only an index from lead id to where its events are (offset, length, count, first
 * record). When the lead comes, its events are read with one positioned read. So a join of a leads file
 * with an events file in any order needs memory for the lead ids, not for the events: about 100 bytes per
 * lead with events, where the events themselves cost several hundred bytes each.
 *
 * Disk: the events are written twice (the runs, then the merged file) and read twice (merge, lookups);
 * the files live in a fresh temporary directory, removed by `dispose`.
 */
import { closeSync, openSync, readSync, writeSync } from "node:fs";
import type { EventsLookup, FiledEvent } from "./event-lookup.js";
import { SortedSpill, SpillDirectory, type SpillCodec } from "./spill.js";

/**
 * An event as the runs hold it: its lead id (the sort key), its record number (the order within a
 * lead), and the rest as the final file's line will hold it — line number and the event's JSON — kept as
 * text so that sorting never parses an event again.
 */
interface SpilledEvent {
  k: string;
  r: number;
  rest: string;
}

/** `"<id as JSON>"<TAB><record><TAB><line><TAB><event JSON>`: JSON escapes every tab inside the id. */
const EVENT_CODEC: SpillCodec<SpilledEvent> = {
  encode: (event) => `${JSON.stringify(event.k)}\t${event.r}\t${event.rest}`,
  decode(line) {
    const first = line.indexOf("\t");
    const second = line.indexOf("\t", first + 1);
    return {
      k: JSON.parse(line.slice(0, first)) as string,
      r: Number(line.slice(first + 1, second)),
      rest: line.slice(second + 1),
    };
  },
};

/** By lead id (code units), then by place in the file: each lead's events stay in file order. */
function compareSpilled(a: SpilledEvent, b: SpilledEvent): number {
  return a.k < b.k ? -1 : a.k > b.k ? 1 : a.r - b.r;
}

/** Events per sorted run: about 30 MB of parsed events in memory at once. */
const RUN_EVENTS = 100_000;

const WRITE_CHARS = 1024 * 1024;

export class EventsOnDiskWriter {
  readonly #directory = new SpillDirectory();
  readonly #runs = new SortedSpill<SpilledEvent>(
    this.#directory,
    "events",
    compareSpilled,
    RUN_EVENTS,
    EVENT_CODEC,
  );

  add(id: string, filed: FiledEvent): void {
    this.#runs.push({ k: id, r: filed.record, rest: `${filed.line}\t${JSON.stringify(filed.event)}` });
  }

  /** Merges the runs into the one file the lookups read, and builds the index of lead ids. */
  async finish(): Promise<EventsOnDisk> {
    const file = this.#directory.newFile("events-by-lead");
    const fd = openSync(file, "wx");
    const index = new LeadIndex();
    try {
      // Lines are gathered as text and written in large pieces: no buffer per event.
      let pending = "";
      let offset = 0;
      for await (const spilled of this.#runs.all()) {
        const line = `${spilled.r}\t${spilled.rest}\n`;
        const bytes = Buffer.byteLength(line);
        index.add(spilled.k, offset, bytes, spilled.r);
        offset += bytes;
        pending += line;
        if (pending.length >= WRITE_CHARS) {
          writeSync(fd, pending);
          pending = "";
        }
      }
      if (pending !== "") writeSync(fd, pending);
    } finally {
      closeSync(fd);
    }
    return new EventsOnDisk(this.#directory, file, index);
  }

  dispose(): void {
    this.#directory.dispose();
  }
}

/** Lead id → slot; per slot the byte range of its events, their count and the first one's record. */
class LeadIndex {
  readonly slots = new Map<string, number>();
  // Plain arrays of small numbers: V8 stores them unboxed, 8 bytes a number.
  offsets: number[] = [];
  lengths: number[] = [];
  counts: number[] = [];
  firsts: number[] = [];
  #last: string | null = null;

  /** Lines come grouped by id (sorted), so a new id starts a new slot and the same id extends it. */
  add(id: string, offset: number, length: number, record: number): void {
    if (id === this.#last) {
      const slot = this.offsets.length - 1;
      this.lengths[slot]! += length;
      this.counts[slot]! += 1;
      return;
    }
    this.#last = id;
    this.slots.set(id, this.offsets.length);
    this.offsets.push(offset);
    this.lengths.push(length);
    this.counts.push(1);
    this.firsts.push(record);
  }
}

export class EventsOnDisk implements EventsLookup {
  readonly onDisk = true;
  readonly #directory: SpillDirectory;
  readonly #index: LeadIndex;
  readonly #taken: Uint8Array;
  #fd: number | null;
  #buffer = Buffer.allocUnsafe(64 * 1024);

  constructor(directory: SpillDirectory, file: string, index: LeadIndex) {
    this.#directory = directory;
    this.#index = index;
    this.#taken = new Uint8Array(index.offsets.length);
    this.#fd = openSync(file, "r");
  }

  get(id: string): FiledEvent[] | undefined {
    const slot = this.#index.slots.get(id);
    if (slot === undefined) return undefined;
    this.#taken[slot] = 1;
    return this.#read(slot);
  }

  #read(slot: number): FiledEvent[] {
    if (this.#fd === null) throw new Error("the events index was disposed");
    const length = this.#index.lengths[slot]!;
    // One buffer for every lookup, grown to the longest lead's events: no allocation per lead.
    if (this.#buffer.length < length)
      this.#buffer = Buffer.allocUnsafe(Math.max(length, 2 * this.#buffer.length));
    const bytes = this.#buffer;
    let done = 0;
    while (done < length) {
      const got = readSync(this.#fd, bytes, done, length - done, this.#index.offsets[slot]! + done);
      if (got === 0) throw new Error("the events index file ended early");
      done += got;
    }
    const events: FiledEvent[] = [];
    for (const line of bytes.toString("utf8", 0, length).split("\n")) {
      if (line === "") continue;
      // `<record><TAB><line><TAB><event JSON>`
      const first = line.indexOf("\t");
      const second = line.indexOf("\t", first + 1);
      events.push({
        event: JSON.parse(line.slice(second + 1)) as FiledEvent["event"],
        record: Number(line.slice(0, first)),
        line: Number(line.slice(first + 1, second)),
      });
    }
    return events;
  }

  *entries(): Iterable<[string, FiledEvent[]]> {
    for (const [id, slot] of this.#index.slots) yield [id, this.#read(slot)];
  }

  *ids(): Iterable<{ id: string; events: number; first: number; taken: boolean }> {
    const index = this.#index;
    for (const [id, slot] of index.slots) {
      yield { id, events: index.counts[slot]!, first: index.firsts[slot]!, taken: this.#taken[slot] === 1 };
    }
  }

  dispose(): void {
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
    this.#directory.dispose();
  }
}
