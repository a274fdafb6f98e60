import { MAX_VALUE_DEPTH, nestingProblem } from "../compile/json-nesting.js";
import { NdjsonLines, type NdjsonLine } from "./ndjson-lines.js";
import {
  DEFAULT_MAX_RECORD_BYTES,
  describeSize,
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
 * Lines are split on bytes (ndjson-lines.ts), so memory holds at most one chunk and one line, whatever the
 * size of the file.
 */
export async function* readNdjson(
  source: ByteSource,
  options: NdjsonOptions = {},
): AsyncGenerator<ReadItem<JsonObject>> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const lines = new NdjsonLines(maxLineBytes);
  let record = 0;
  const itemOf = (line: NdjsonLine): ReadItem<JsonObject> | null => {
    const item = ndjsonItem(line, record + 1, maxLineBytes);
    if (item !== null) record += 1;
    return item;
  };
  for await (const chunk of source) {
    lines.feed(chunk);
    for (let line = lines.next(); line !== null; line = lines.next()) {
      const item = itemOf(line);
      if (item !== null) yield item;
    }
  }
  const last = lines.end();
  if (last !== null) {
    const item = itemOf(last);
    if (item !== null) yield item;
  }
}

/**
 * What one line is as a record numbered `record`: the parsed object or a reject; null for a blank line
 * (which takes no record number).
 */
export function ndjsonItem(
  line: NdjsonLine,
  record: number,
  maxLineBytes: number,
): ReadItem<JsonObject> | null {
  if (line.overlongStart !== null) {
    return {
      kind: "reject",
      record,
      line: line.line,
      reason: `line is longer than ${describeSize(maxLineBytes)}; it was skipped`,
      raw: shortenRaw(line.overlongStart.toString("utf8")),
    };
  }
  const text = line.bytes.toString("utf8", line.start, line.end);
  if (text.trim() === "") return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      kind: "reject",
      record,
      line: line.line,
      reason: `invalid JSON: ${message}`,
      raw: shortenRaw(text),
    };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return {
      kind: "reject",
      record,
      line: line.line,
      reason: `expected a JSON object, found ${describeJson(value)}`,
      raw: shortenRaw(text),
    };
  }
  const nesting = fewOpenings(text) ? null : nestingProblem(value);
  if (nesting !== null)
    return { kind: "reject", record, line: line.line, reason: nesting, raw: shortenRaw(text) };
  return { kind: "record", record, line: line.line, value: value as JsonObject };
}

/**
 * Each level of nesting opens with its own `{` or `[`, so a text with no more of them than the levels
 * allowed cannot be nested too deep, and its value need not be walked (most lines: one object, a few
 * events). Brackets inside strings count too: the bound only errs towards walking.
 */
function fewOpenings(text: string): boolean {
  let openings = 0;
  for (const bracket of OPENINGS) {
    for (let at = text.indexOf(bracket); at !== -1; at = text.indexOf(bracket, at + 1)) {
      openings += 1;
      if (openings > MAX_VALUE_DEPTH) return false;
    }
  }
  return true;
}

const OPENINGS = ["{", "["];

function describeJson(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return "a string";
  if (typeof value === "number") return "a number";
  if (typeof value === "boolean") return "a boolean";
  return typeof value;
}
