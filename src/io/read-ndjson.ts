import { nestingProblem } from "../compile/json-nesting.js";
import {
  DEFAULT_MAX_RECORD_BYTES,
  describeSize,
  RAW_TEXT_LIMIT,
  shortenRaw,
  type ByteSource,
  type ReadItem,
} from "./read-item.js";

export interface NdjsonOptions {
  /** A longer line is rejected and skipped without being held in memory. Default 1 MiB. */
  maxLineBytes?: number;
}

export type JsonObject = Record<string, unknown>;

/**
 * Reads newline-delimited JSON: one object per line. Lines end with LF or CRLF; a UTF-8 byte order mark is
 * ignored; blank lines are skipped but still counted in line numbers. Every other line is a logical record:
 * the parsed object, or a reject when it is not valid JSON, not an object, longer than `maxLineBytes`, or
 * nested deeper than any record needs (`MAX_VALUE_DEPTH`), which later stages could not walk safely.
 *
 * Lines are split on bytes (a newline byte never occurs inside a UTF-8 sequence), so memory holds at most
 * one line, whatever the size of the file.
 */
export async function* readNdjson(
  source: ByteSource,
  options: NdjsonOptions = {},
): AsyncGenerator<ReadItem<JsonObject>> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_RECORD_BYTES;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  // Set once the current line passed the limit: the rest of it is discarded, only its start is kept.
  let overlongStart: Buffer | null = null;
  let line = 0;
  let record = 0;

  const takeLine = (): ReadItem<JsonObject> | null => {
    line += 1;
    if (overlongStart !== null) {
      const start = overlongStart;
      overlongStart = null;
      record += 1;
      return {
        kind: "reject",
        record,
        line,
        reason: `line is longer than ${describeSize(maxLineBytes)}; it was skipped`,
        raw: shortenRaw(start.toString("utf8")),
      };
    }
    let text = Buffer.concat(pending, pendingBytes).toString("utf8");
    pending = [];
    pendingBytes = 0;
    if (line === 1 && text.startsWith(BYTE_ORDER_MARK)) text = text.slice(1);
    return parseLine(text.endsWith("\r") ? text.slice(0, -1) : text);
  };

  const parseLine = (text: string): ReadItem<JsonObject> | null => {
    if (text.trim() === "") return null;
    record += 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { kind: "reject", record, line, reason: `invalid JSON: ${message}`, raw: shortenRaw(text) };
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      return {
        kind: "reject",
        record,
        line,
        reason: `expected a JSON object, found ${describeJson(value)}`,
        raw: shortenRaw(text),
      };
    }
    const nesting = nestingProblem(value);
    if (nesting !== null) return { kind: "reject", record, line, reason: nesting, raw: shortenRaw(text) };
    return { kind: "record", record, line, value: value as JsonObject };
  };

  const keep = (piece: Buffer): void => {
    if (piece.length === 0) return;
    if (overlongStart !== null) return;
    if (pendingBytes + piece.length > maxLineBytes) {
      // Keep only enough bytes to show the start of the line in the reject (a character is at most 4 bytes).
      overlongStart = Buffer.concat([...pending, piece]).subarray(0, RAW_TEXT_LIMIT * 4);
      pending = [];
      pendingBytes = 0;
      return;
    }
    // Copy: the chunk's buffer may be reused by the stream once we move on.
    pending.push(Buffer.from(piece));
    pendingBytes += piece.length;
  };

  for await (const chunk of source) {
    const bytes =
      typeof chunk === "string"
        ? Buffer.from(chunk, "utf8")
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (;;) {
      const newline = bytes.indexOf(10, start);
      if (newline === -1) {
        keep(bytes.subarray(start));
        break;
      }
      keep(bytes.subarray(start, newline));
      const item = takeLine();
      if (item !== null) yield item;
      start = newline + 1;
    }
  }
  // The last line may have no newline.
  if (pendingBytes > 0 || overlongStart !== null) {
    const item = takeLine();
    if (item !== null) yield item;
  }
}

const BYTE_ORDER_MARK = "\uFEFF";

function describeJson(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return "a string";
  if (typeof value === "number") return "a number";
  if (typeof value === "boolean") return "a boolean";
  return typeof value;
}
