/**
 * An events file filed by lead id, so that each lead's events can be read at once when the lead comes,
 * whatever order the file is in. Events are kept as their line's bytes (parsed only when their lead is
 * scored), under a slot per lead id (lead-id-table.ts, in the order ids are first met):
 *
 * - Reading the file appends each event, as an entry `slot, record, line, length, bytes`, to the
 *   partition of its slot (slots 0–65,535, 65,536–131,071, …), and counts per slot its events and bytes.
 * - Then each partition is grouped by slot: a counting sort, since every slot's size is known — each
 *   entry is copied to where its slot's events begin, plus what came before it, in the grouped layout
 *   (event-layout.ts: the lead's event texts as one JSON array). A partition whose events already came
 *   grouped (a file sorted or grouped by lead) is left as it is, in the filed layout.
 * - A lead's events are then one range: in memory, or one positioned read of its partition's file.
 *
 * Small files stay in memory (`memoryEvents`). Past that the partitions go to files in a fresh temporary
 * directory (removed by `dispose`): the events are written twice and read twice (a partition whose grouped
 * events outgrow the window is read once per window), and memory holds the id table (about 40 bytes per lead
 * id with its counts) and the grouping pass's window.
 */
import { closeSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";
import {
  copyBytes,
  gather,
  get32,
  group,
  groupedSize,
  type Grouping,
  HEADER,
  LENGTH,
  type Offsets,
  put32,
  put48,
  readFiled,
  readGrouped,
  startGrouping,
  WITH_LEAD_ID,
} from "./event-layout.js";
import type { EventsLookup, FiledEvent } from "./event-lookup.js";
import { grow, LeadIdTable } from "./lead-id-table.js";
import type { LeadIdSpan } from "./event-line-scan.js";
import { PartitionReads } from "./partition-reads.js";
import { SpillDirectory } from "./spill.js";

const MAX_FIRST = 2 ** 32 - 1;
/** Appends are gathered in blocks this big before they are written. */
const BLOCK_BYTES = 256 * 1024;

/** How much the store holds in memory; the defaults suit files of any size, tests make them tiny. */
export interface EventStoreLimits {
  /** Events kept in memory at most; past this many, every partition goes to a file. */
  memoryEvents: number;
  /** 2^partitionBits slots per partition: 16 makes a partition of 65,536 leads, 6 events each about 35 MB. */
  partitionBits: number;
  /** The grouping pass holds this much of a partition's filed entries at once (more scans past it). */
  windowBytes: number;
  /** Reads of a partition file during grouping (grown to hold an event bigger than that). */
  readBytes: number;
  /** The grouping pass gathers a window's events by groups of 2^groupBits slots first (see `#groupOnDisk`). */
  groupBits: number;
}

export const DEFAULT_STORE_LIMITS: EventStoreLimits = {
  memoryEvents: 50_000,
  partitionBits: 16,
  windowBytes: 64 * 1024 * 1024,
  readBytes: 4 * 1024 * 1024,
  groupBits: 8,
};

class Partition {
  /** In memory: the filled blocks. */
  blocks: Buffer[] = [];
  block: Buffer | null = null;
  used = 0;
  size = 0;
  /** On disk: the file the blocks are written to. */
  file: string | null = null;
  fd: number | null = null;
  /** Whether every slot's entries came together so far (then the partition needs no grouping). */
  grouped = true;
  last = -1;
}

export class EventStoreWriter {
  readonly #ids = new LeadIdTable();
  #counts = new Uint32Array(1024);
  #sizes = new Float64Array(1024);
  // Record numbers past 2^32 - 1 are kept as that (they only order the unmatched ids' examples).
  #firsts = new Uint32Array(1024);
  readonly #partitions: Partition[] = [];
  readonly #limits: EventStoreLimits;
  #events = 0;
  #directory: SpillDirectory | null = null;
  /** The grouping pass's window and reads (see `#groupOnDisk`). */
  #window: Buffer | null = null;
  #input: Buffer | null = null;
  #output: Buffer | null = null;
  #places = new Float64Array(0);
  #texts = new Float64Array(0);
  readonly #onGrouping: ((grouped: number, total: number) => void) | undefined;

  /** `onGrouping` is told how many of the bytes to group on disk are grouped, as they are: for progress. */
  constructor(limits: EventStoreLimits, onGrouping?: (grouped: number, total: number) => void) {
    this.#limits = limits;
    this.#onGrouping = onGrouping;
  }

  /**
   * Files the event line `line[start, end)` under the lead id `line[span.idStart, span.idEnd)`, without
   * its `lead_id` member `line[span.cutStart, span.cutEnd)` (when that is known: see LeadIdSpan).
   */
  add(line: Buffer, start: number, end: number, span: LeadIdSpan, record: number, lineNumber: number): void {
    const slot = this.#ids.add(line, span.idStart, span.idEnd);
    if (span.cutStart < 0) this.#file(slot, record, lineNumber, line, start, end, end, end);
    else this.#file(slot, record, lineNumber, line, start, span.cutStart, span.cutEnd, end);
  }

  /** Files an event (its JSON text as bytes, `lead_id` and all) under a lead id given as text. */
  addText(id: string, record: number, line: number, raw: Buffer): void {
    this.#file(this.#ids.addText(id), record, line, raw, 0, raw.length, raw.length, raw.length);
  }

  /** Files `raw[start, cutStart)` and `raw[cutEnd, end)`; with `cutStart === end` the lead id is in them. */
  #file(
    slot: number,
    record: number,
    line: number,
    raw: Buffer,
    start: number,
    cutStart: number,
    cutEnd: number,
    end: number,
  ): void {
    if (slot >= this.#counts.length) {
      const length = 2 * this.#counts.length;
      this.#counts = grow(this.#counts, length);
      this.#sizes = grow(this.#sizes, length);
      this.#firsts = grow(this.#firsts, length);
    }
    const length = cutStart - start + end - cutEnd;
    const entryBytes = HEADER + length;
    const count = this.#counts[slot]!;
    if (count === 0) this.#firsts[slot] = Math.min(record, MAX_FIRST);
    this.#counts[slot] = count + 1;
    this.#sizes[slot]! += entryBytes;
    const partition = this.#partition(slot >>> this.#limits.partitionBits);
    if (slot !== partition.last) {
      // A slot met before that is not the last one: its events are apart.
      if (count > 0) partition.grouped = false;
      partition.last = slot;
    }
    let block = partition.block;
    if (block === null || partition.used + entryBytes > block.length) {
      this.#seal(partition);
      if (partition.block === null || partition.block.length < entryBytes)
        partition.block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, entryBytes));
      block = partition.block;
    }
    const at = partition.used;
    put32(block, at, slot);
    put48(block, at + 4, record);
    put48(block, at + 10, line);
    put32(block, at + 16, cutStart === end ? (length | WITH_LEAD_ID) >>> 0 : length);
    copyBytes(raw, start, cutStart, block, at + HEADER);
    if (cutEnd < end) copyBytes(raw, cutEnd, end, block, at + HEADER + cutStart - start);
    partition.used += entryBytes;
    partition.size += entryBytes;
    this.#events += 1;
    if (this.#directory === null && this.#events > this.#limits.memoryEvents) this.#toDisk();
  }

  #partition(index: number): Partition {
    let partition = this.#partitions[index];
    if (partition === undefined) {
      // Slots are numbered in order, so partitions come in order too.
      partition = new Partition();
      this.#partitions[index] = partition;
      if (this.#directory !== null) this.#open(partition);
    }
    return partition;
  }

  /** Moves the current block out: written to the file, or kept with the others in memory. */
  #seal(partition: Partition): void {
    if (partition.block === null || partition.used === 0) return;
    if (partition.fd !== null) writeAll(partition.fd, partition.block, partition.used);
    else {
      partition.blocks.push(partition.block.subarray(0, partition.used));
      partition.block = null;
    }
    partition.used = 0;
  }

  #open(partition: Partition): void {
    partition.file = this.#directory!.newFile("events");
    partition.fd = openSync(partition.file, "wx+");
  }

  /** Too many events to hold: every partition goes to a file, and so does everything after. */
  #toDisk(): void {
    this.#directory = new SpillDirectory();
    for (const partition of this.#partitions) {
      this.#open(partition);
      for (const block of partition.blocks) writeAll(partition.fd!, block, block.length);
      partition.blocks = [];
    }
  }

  /** Groups every partition by slot and hands the events over for lookups. */
  finish(): StoredEvents {
    const slots = this.#ids.size;
    const bits = this.#limits.partitionBits;
    // Where each slot's events begin in its partition, once grouped: the sizes of the slots before it
    // (grouped, or as filed for a partition that stays so). 32 bits each, unless a partition is 4 GiB or
    // more (grouped is no bigger than filed).
    const offsets: Offsets = this.#partitions.every((partition) => partition.size < 2 ** 32)
      ? new Uint32Array(slots)
      : new Float64Array(slots);
    const parts: Array<Buffer | number> = [];
    const partSizes: number[] = [];
    const grouped: boolean[] = [];
    // The partitions grouped on disk take a while (seconds for millions of events): progress by their bytes.
    const toGroup = this.#partitions.filter((partition) => partition.fd !== null && !partition.grouped);
    const total = toGroup.reduce((sum, partition) => sum + partition.size, 0);
    let done = 0;
    if (total > 0) this.#onGrouping?.(0, total);
    for (const [index, partition] of this.#partitions.entries()) {
      const first = index << bits;
      const end = Math.min(slots, first + (1 << bits));
      let offset = 0;
      for (let slot = first; slot < end; slot++) {
        offsets[slot] = offset;
        offset += partition.grouped
          ? this.#sizes[slot]!
          : groupedSize(this.#sizes[slot]!, this.#counts[slot]!);
      }
      partSizes.push(offset);
      grouped.push(!partition.grouped);
      this.#seal(partition);
      if (partition.fd === null) {
        const data = Buffer.concat(partition.blocks, partition.size);
        partition.blocks = [];
        parts.push(partition.grouped ? data : this.#groupInMemory(data, first, end, offsets, offset));
      } else {
        if (!partition.grouped) {
          this.#groupOnDisk(partition, first, end, offsets, offset);
          done += partition.size;
          this.#onGrouping?.(done, total);
        }
        parts.push(partition.fd!);
      }
    }
    // The files are the lookups' now (until then `dispose` closes them, should a grouping fail).
    for (const partition of this.#partitions) partition.fd = null;
    this.#window = null;
    this.#input = null;
    this.#output = null;
    return new StoredEvents({
      ids: this.#ids,
      counts: this.#counts,
      firsts: this.#firsts,
      offsets,
      parts,
      partSizes,
      grouped,
      partitionBits: bits,
      directory: this.#directory,
    });
  }

  #groupInMemory(data: Buffer, first: number, end: number, offsets: Offsets, size: number): Buffer {
    const grouped = Buffer.allocUnsafe(size);
    const grouping = this.#grouping(offsets, first, end);
    startGrouping(grouped, 0, grouping, first, end);
    group(data, 0, data.length, grouped, 0, grouping);
    return grouped;
  }

  /** How a partition's slots are grouped (the cursors are reused: the partitions are grouped one by one). */
  #grouping(offsets: Offsets, first: number, end: number): Grouping {
    if (this.#places.length < end - first) {
      this.#places = new Float64Array(end - first);
      this.#texts = new Float64Array(end - first);
    }
    return { offsets, counts: this.#counts, places: this.#places, texts: this.#texts, first };
  }

  /**
   * Groups a partition's file into a new one (`size` bytes grouped), window by window: each window is a
   * run of slots whose filed events fit in `windowBytes` (or one slot bigger than that), filled by one scan
   * of the file.
   *
   * A window is filled in two passes, so that no pass writes all over it: entries sent straight to their
   * slots land anywhere in tens of MB (a cache miss each, and more on a virtual machine). The scan gathers
   * each entry under its group of 2^groupBits slots (a few hundred places written in order); then each
   * group, small enough to stay in cache, is grouped by slot into a buffer of its own and written out.
   */
  #groupOnDisk(partition: Partition, first: number, end: number, offsets: Offsets, size: number): void {
    const shift = this.#limits.groupBits;
    const grouping = this.#grouping(offsets, first, end);
    // Per group of slots: where its entries go in the window, then (once gathered) where they end.
    const groups = new Float64Array(((end - first - 1) >>> shift) + 1);
    const file = this.#directory!.newFile("events-grouped");
    const out = openSync(file, "wx+");
    try {
      // The buffers serve every partition: fresh memory for each would be paged in anew.
      let window = this.#window;
      if (this.#input === null) this.#input = Buffer.allocUnsafe(this.#limits.readBytes);
      let input = this.#input;
      for (let from = first; from < end;) {
        let to = from;
        let bytes = 0;
        while (to < end && (to === from || bytes + this.#sizes[to]! <= this.#limits.windowBytes)) {
          if (to === from || ((to - first) & ((1 << shift) - 1)) === 0)
            groups[(to - first) >>> shift] = bytes;
          bytes += this.#sizes[to++]!;
        }
        if (window === null || window.length < bytes)
          this.#window = window = Buffer.allocUnsafe(Math.max(bytes, 1));
        // One scan of the partition: entries arrive whole (a partial one waits for the next read).
        let position = 0;
        let held = 0;
        for (;;) {
          const got = readSync(partition.fd!, input, held, input.length - held, position);
          position += got;
          held += got;
          const used = gather(input, 0, held, window, groups, first, from, to, shift);
          if (got === 0) {
            if (used !== held) throw new Error("the events file on disk ended inside an event");
            break;
          }
          input.copy(input, 0, used, held);
          held -= used;
          // An event bigger than the reads: room for all of it.
          const next = held >= HEADER ? HEADER + (get32(input, 16) & LENGTH) : 0;
          if (next > input.length)
            this.#input = input = Buffer.concat([input.subarray(0, held), Buffer.allocUnsafe(next)]);
        }
        const firstGroup = (from - first) >>> shift;
        for (let index = firstGroup; index <= (to - 1 - first) >>> shift; index++) {
          const groupFrom = Math.max(first + index * 2 ** shift, from);
          const groupTo = Math.min(first + (index + 1) * 2 ** shift, to);
          const start = index === firstGroup ? 0 : groups[index - 1]!;
          const outputStart = offsets[groupFrom]!;
          const outputBytes = (groupTo < end ? offsets[groupTo]! : size) - outputStart;
          if (this.#output === null || this.#output.length < outputBytes)
            this.#output = Buffer.allocUnsafe(Math.max(outputBytes, 64 * 1024));
          const output = this.#output;
          startGrouping(output, outputStart, grouping, groupFrom, groupTo);
          group(window, start, groups[index]!, output, outputStart, grouping);
          writeAll(out, output, outputBytes);
        }
        from = to;
      }
    } catch (error) {
      closeSync(out);
      throw error;
    }
    closeSync(partition.fd!);
    unlinkSync(partition.file!);
    partition.fd = out;
    partition.file = file;
  }

  /** Removes the temporary files (when `finish` is not reached). */
  dispose(): void {
    for (const partition of this.#partitions) {
      if (partition.fd !== null) closeSync(partition.fd);
      partition.fd = null;
    }
    this.#directory?.dispose();
  }
}

function writeAll(fd: number, bytes: Buffer, length: number): void {
  let done = 0;
  while (done < length) done += writeSync(fd, bytes, done, length - done);
}

interface StoredParts {
  ids: LeadIdTable;
  counts: Uint32Array;
  firsts: Uint32Array;
  /** Where each slot's events begin in its partition; they end where the next slot's begin. */
  offsets: Offsets;
  /** Per partition: its grouped events in memory, or the descriptor of its file; and its size. */
  parts: Array<Buffer | number>;
  partSizes: number[];
  /** Per partition: whether it is in the grouped layout (else as filed: its events came grouped). */
  grouped: boolean[];
  partitionBits: number;
  directory: SpillDirectory | null;
}

/** The events of an events file, grouped by lead id: what a lead's lookup reads. */
export class StoredEvents implements EventsLookup {
  readonly onDisk: boolean;
  readonly #stored: StoredParts;
  readonly #taken: Uint8Array;
  #open = true;
  readonly #reads: PartitionReads;

  constructor(stored: StoredParts) {
    this.#stored = stored;
    this.#reads = new PartitionReads(stored.partSizes);
    this.#taken = new Uint8Array(stored.ids.size);
    this.onDisk = stored.directory !== null;
  }

  get(id: string): FiledEvent[] | undefined {
    const slot = this.#stored.ids.slotOf(id);
    if (slot < 0) return undefined;
    this.#taken[slot] = 1;
    return this.#read(slot);
  }

  #read(slot: number): FiledEvent[] {
    if (!this.#open) throw new Error("the events of the events file were disposed");
    const { parts, offsets, counts, partSizes, partitionBits } = this.#stored;
    const partition = slot >>> partitionBits;
    const part = parts[partition]!;
    const next = slot + 1;
    const length =
      (next < offsets.length && next >>> partitionBits === partition
        ? offsets[next]!
        : partSizes[partition]!) - offsets[slot]!;
    let bytes: Buffer;
    let at: number;
    if (typeof part !== "number") {
      bytes = part;
      at = offsets[slot]!;
    } else {
      const reads = this.#reads;
      reads.read(partition, part, offsets[slot]!, length);
      bytes = reads.bytes;
      at = reads.at;
    }
    return this.#stored.grouped[partition]
      ? readGrouped(bytes, at, at + length, counts[slot]!)
      : readFiled(bytes, at, counts[slot]!);
  }

  *entries(): Iterable<[string, FiledEvent[]]> {
    const { ids } = this.#stored;
    for (let slot = 0; slot < ids.size; slot++) yield [ids.idAt(slot), this.#read(slot)];
  }

  *ids(): Iterable<{ id: string; events: number; first: number; taken: boolean }> {
    const { ids, counts, firsts } = this.#stored;
    for (let slot = 0; slot < ids.size; slot++) {
      yield {
        id: ids.idAt(slot),
        events: counts[slot]!,
        first: firsts[slot]!,
        taken: this.#taken[slot] === 1,
      };
    }
  }

  dispose(): void {
    if (!this.#open) return;
    this.#open = false;
    for (const part of this.#stored.parts) if (typeof part === "number") closeSync(part);
    this.#stored.directory?.dispose();
  }
}
