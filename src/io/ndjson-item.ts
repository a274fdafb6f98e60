/**
 * One NDJSON line as a record, for every NDJSON reader (`readNdjson`, the events index). Kept apart from
 * read-ndjson.ts so that the library's published types never mention a line's bytes (a Node Buffer):
 * a TypeScript service without Node's types must be able to import leadscore.
 */
import { MAX_VALUE_DEPTH, nestingProblem } from "../compile/json-nesting.js";
import type { NdjsonLine } from "./ndjson-lines.js";
import { describeSize, shortenRaw, type JsonObject, type ReadItem } from "./read-item.js";

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
