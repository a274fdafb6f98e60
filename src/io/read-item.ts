/**
 * What the record readers (CSV, NDJSON) yield: one item per logical record, either the record or the reason
 * it could not be read. Readers never throw on bad content and never drop a record, so for every file
 * `records + rejects = logical records`, and every item says where it came from.
 */

/** A record as a JSON line holds it: an object (never an array or a scalar). */
export type JsonObject = Record<string, unknown>;

/** Where a record sits in its file: `record` counts logical records from 1, `line` is its first line (1-based). */
export interface RecordPosition {
  record: number;
  line: number;
}

export interface ReadRecord<T> extends RecordPosition {
  kind: "record";
  value: T;
}

export interface ReadReject extends RecordPosition {
  kind: "reject";
  reason: string;
  /** The record's text as found in the file, shortened to `RAW_TEXT_LIMIT` characters. */
  raw: string;
}

export type ReadItem<T> = ReadRecord<T> | ReadReject;

/** What a reader accepts: a Node Readable, or any async source of bytes or text. */
export type ByteSource = AsyncIterable<Uint8Array | string>;

/** A record longer than this is rejected; the reader skips to its end without holding it in memory. */
export const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

/** Rejects keep this much of the record's text: enough to find it, not enough to copy a huge line around. */
export const RAW_TEXT_LIMIT = 1000;

export function shortenRaw(text: string): string {
  return text.length <= RAW_TEXT_LIMIT ? text : `${text.slice(0, RAW_TEXT_LIMIT)}…`;
}

export function describeSize(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
