import { ndjsonItem } from "./ndjson-item.js";
import { NdjsonLines, type NdjsonLine } from "./ndjson-lines.js";
import { DEFAULT_MAX_RECORD_BYTES, type ByteSource, type JsonObject, type ReadItem } from "./read-item.js";

export interface NdjsonOptions {
  /** A longer line is rejected and skipped without being held in memory. Default 1 MiB. */
  maxLineBytes?: number;
}

export type { JsonObject };

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
