/**
 * The two layouts of the events store's bytes (event-store.ts), and the copies between them.
 *
 * - **Filed**: entries in the order they were read, each `slot (4), record (6), line (6), length (4)` and
 *   the event's text; the length's top bit is set when the text still holds the `lead_id`.
 * - **Grouped**, for lookups: per slot, where each of its n events came from, then their texts as one JSON
 *   array — `n × [record (6), line (6), holds lead_id (1)]` then `[text,text,…]`. A lead's lookup then
 *   decodes one text and parses it once, where a call per event (for events of ~100 bytes) cost more than
 *   the decoding and parsing themselves.
 *
 * A file already grouped by lead keeps the filed layout (read per event): turning it into the grouped one
 * would write all its events once more.
 */
import type { FiledEvent } from "./event-lookup.js";
import type { JsonObject } from "./read-item.js";

/** A filed entry's header bytes. */
export const HEADER = 20;
export const WITH_LEAD_ID = 0x80000000;
export const LENGTH = 0x7fffffff;
/** A grouped event's place: record, line, whether its text holds the `lead_id`. */
const PLACE = 13;
const OPEN = 0x5b;
const COMMA = 0x2c;
const CLOSE = 0x5d;

/** Byte offsets into partitions. */
export type Offsets = Float64Array | Uint32Array;

/** The size of a slot's `count` events grouped, from their size filed. */
export function groupedSize(filedSize: number, count: number): number {
  // Per event: a place instead of a header, and a comma (or the closing bracket); then the opening bracket.
  return filedSize - (HEADER - PLACE - 1) * count + 1;
}

/**
 * Copies the whole filed entries of `input[start, end)` whose slot is in [from, to) as they are to
 * `output` at `cursors[(slot - first) >>> shift]`, advancing that cursor (a cursor per group of 2^shift
 * slots). Returns where the whole entries it went through end.
 */
export function gather(
  input: Buffer,
  start: number,
  end: number,
  output: Buffer,
  cursors: Float64Array,
  first: number,
  from: number,
  to: number,
  shift: number,
): number {
  let at = start;
  while (at + HEADER <= end) {
    const bytes = HEADER + (get32(input, at + 16) & LENGTH);
    if (at + bytes > end) break;
    const slot = get32(input, at);
    if (slot >= from && slot < to) {
      const key = (slot - first) >>> shift;
      const target = cursors[key]!;
      input.copy(output, target, at, at + bytes);
      cursors[key] = target + bytes;
    }
    at += bytes;
  }
  return at;
}

/** A partition's slots as they are grouped: where each begins, its events, and its place and text cursors. */
export interface Grouping {
  offsets: Offsets;
  counts: Uint32Array;
  /** Cursors indexed by slot - first. */
  places: Float64Array;
  texts: Float64Array;
  /** The partition's first slot. */
  first: number;
}

/**
 * Where the slots [from, to) go grouped, in `output` holding the partition's bytes from `outputStart`:
 * sets their cursors and opens their arrays.
 */
export function startGrouping(
  output: Buffer,
  outputStart: number,
  { offsets, counts, places, texts, first }: Grouping,
  from: number,
  to: number,
): void {
  for (let slot = from; slot < to; slot++) {
    const open = offsets[slot]! + PLACE * counts[slot]!;
    places[slot - first] = offsets[slot]!;
    texts[slot - first] = open + 1;
    output[open - outputStart] = OPEN;
  }
}

/**
 * Copies every filed entry of `input[start, end)` (all of slots started by `startGrouping`) to its slot's
 * place and text in `output`, in the order they come.
 */
export function group(
  input: Buffer,
  start: number,
  end: number,
  output: Buffer,
  outputStart: number,
  { offsets, counts, places, texts, first }: Grouping,
): void {
  let at = start;
  while (at < end) {
    const word = get32(input, at + 16);
    const length = word & LENGTH;
    const slot = get32(input, at);
    const place = places[slot - first]! - outputStart;
    copyBytes(input, at + 4, at + 16, output, place);
    output[place + 12] = word & WITH_LEAD_ID ? 1 : 0;
    places[slot - first] = place + outputStart + PLACE;
    const text = texts[slot - first]! - outputStart;
    input.copy(output, text, at + HEADER, at + HEADER + length);
    // The last of the slot's places is followed by its array's opening bracket.
    const last = place + outputStart + PLACE === offsets[slot]! + PLACE * counts[slot]!;
    output[text + length] = last ? CLOSE : COMMA;
    texts[slot - first] = text + outputStart + length + 1;
    at += HEADER + length;
  }
}

/** The `count` events of a slot grouped at `bytes[at, end)`. */
export function readGrouped(bytes: Buffer, at: number, end: number, count: number): FiledEvent[] {
  const texts = bytes.toString("utf8", at + PLACE * count, end);
  const parsed = JSON.parse(texts) as JsonObject[];
  const events: FiledEvent[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const place = at + PLACE * i;
    events[i] = {
      event: bytes[place + 12] === 1 ? withoutLeadId(parsed[i]!) : parsed[i]!,
      record: get48(bytes, place),
      line: get48(bytes, place + 6),
    };
  }
  return events;
}

/** The `count` filed events of a slot from `bytes[at]` on. */
export function readFiled(bytes: Buffer, at: number, count: number): FiledEvent[] {
  const events: FiledEvent[] = new Array(count);
  let from = at;
  for (let i = 0; i < count; i++) {
    const word = get32(bytes, from + 16);
    const size = word & LENGTH;
    const parsed = JSON.parse(bytes.toString("utf8", from + HEADER, from + HEADER + size)) as JsonObject;
    events[i] = {
      event: word & WITH_LEAD_ID ? withoutLeadId(parsed) : parsed,
      record: get48(bytes, from + 4),
      line: get48(bytes, from + 10),
    };
    from += HEADER + size;
  }
  return events;
}

/**
 * `from[start, end)` to `to` at `at`. A few bytes (a slot's place, the `{` before a leading `lead_id`
 * member) are copied here: a call of Buffer's copy costs as much as tens of bytes copied in a loop.
 */
export function copyBytes(from: Buffer, start: number, end: number, to: Buffer, at: number): void {
  if (end - start > 16) from.copy(to, at, start, end);
  else for (let i = start; i < end; i++) to[at + i - start] = from[i]!;
}

/** The event as scoring takes it: the line's object without its `lead_id`. */
function withoutLeadId(parsed: JsonObject): JsonObject {
  const { lead_id: _leadId, ...event } = parsed;
  return event;
}

/*
 * Header numbers, little-endian, written and read byte by byte: the same bytes as Buffer's
 * writeUInt32LE / writeUIntLE(…, 6) and their readers, at a fraction of the cost of a call per number
 * (five numbers per event, millions of events).
 */
export function put32(bytes: Buffer, at: number, value: number): void {
  bytes[at] = value;
  bytes[at + 1] = value >>> 8;
  bytes[at + 2] = value >>> 16;
  bytes[at + 3] = value >>> 24;
}

/** `value` below 2^48. */
export function put48(bytes: Buffer, at: number, value: number): void {
  put32(bytes, at, value >>> 0);
  const high = Math.floor(value / 2 ** 32);
  bytes[at + 4] = high;
  bytes[at + 5] = high >>> 8;
}

export function get32(bytes: Buffer, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) + bytes[at + 3]! * 2 ** 24;
}

function get48(bytes: Buffer, at: number): number {
  return get32(bytes, at) + (bytes[at + 4]! | (bytes[at + 5]! << 8)) * 2 ** 32;
}
