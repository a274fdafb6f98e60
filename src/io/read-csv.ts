import { scanCsvRecord, type CsvScan } from "./csv-scan.js";
import {
  DEFAULT_MAX_RECORD_BYTES,
  describeSize,
  shortenRaw,
  type ByteSource,
  type ReadItem,
  type ReadReject,
} from "./read-item.js";

export interface CsvOptions {
  /**
   * A record whose text is longer than this many characters is rejected. Default 1 MiB (1,048,576
   * characters): far more than any lead, small enough that an unterminated quote cannot fill the memory.
   */
  maxRecordChars?: number;
}

/** A data row, keyed by the header's (trimmed) names. Values are as written; coercion trims them. */
export type CsvRow = Record<string, string>;

/**
 * Reads CSV (RFC 4180) as an async sequence of rows keyed by the header row's names.
 *
 * - Quoted fields may hold commas, `""` escapes and line breaks; lines end with LF or CRLF; a UTF-8 byte
 *   order mark is ignored; invalid UTF-8 becomes U+FFFD. A quote inside an unquoted field is plain text.
 * - The first non-blank line is the header. Blank lines are skipped but counted in line numbers.
 * - Each later logical row is a record: `record` counts them from 1, `line` is the line it starts on.
 * - A row with another number of fields than the header, or text after a closing quote, is rejected.
 * - An unterminated quote (at the end of the file, or still open after `maxRecordChars`) and an overlong
 *   record are rejected as the record's first line; reading resumes on the line after it. So one stray
 *   quote costs one record, not the rest of the file, and memory never holds more than one record.
 * - A header with empty or repeated names cannot name the fields: every row is rejected with that reason.
 */
export async function* readCsv(
  source: ByteSource,
  options: CsvOptions = {},
): AsyncGenerator<ReadItem<CsvRow>> {
  const maxChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_BYTES;
  const decoder = new TextDecoder("utf-8");
  let buffer = "";
  let line = 1;
  let record = 0;
  let header: string[] | null = null;
  let headerProblem: string | null = null;
  // Set after an unterminated or overlong record whose first line is not fully buffered: text is discarded
  // up to the next line feed, and reading resumes after it.
  let skipping = false;

  /** Yields every record the buffer holds, then keeps only the unread rest of it. */
  function* drain(atEndOfFile: boolean): Generator<ReadItem<CsvRow>> {
    let position = 0;
    for (;;) {
      if (skipping) {
        const lineFeed = buffer.indexOf("\n", position);
        if (lineFeed === -1) {
          position = buffer.length;
          break;
        }
        position = lineFeed + 1;
        line += 1;
        skipping = false;
      }
      if (position >= buffer.length) break;
      const first = buffer.charCodeAt(position);
      if (first === 10) {
        position += 1;
        line += 1;
        continue;
      }
      if (first === 13) {
        if (position + 1 >= buffer.length && !atEndOfFile) break;
        if (position + 1 >= buffer.length || buffer.charCodeAt(position + 1) === 10) {
          position += 2;
          line += 1;
          continue;
        }
      }

      const scan = scanCsvRecord(buffer, position, atEndOfFile);
      const overlong = isOverlong(scan, position);
      if (scan.kind === "more" && !overlong) break;

      if (scan.kind === "record" && !overlong) {
        const text = buffer.slice(position, scan.contentEnd);
        const startLine = line;
        position = scan.end;
        line += scan.lineBreaks;
        if (header === null) {
          header = scan.fields.map((name) => name.trim());
          headerProblem = scan.problem ?? findHeaderProblem(header);
          if (headerProblem !== null)
            headerProblem = `the header row (line ${startLine}) is unusable: ${headerProblem}`;
          continue;
        }
        record += 1;
        yield toItem(scan.fields, scan.problem, record, startLine, text);
        continue;
      }

      // Unterminated or overlong: reject the record as its first line and resume on the next one.
      const lineFeed = buffer.indexOf("\n", position);
      const firstLineEnd = lineFeed === -1 ? buffer.length : lineFeed;
      const firstLine = buffer.slice(position, Math.min(firstLineEnd, position + maxChars));
      const reason = overlong ? describeOverlong(position) : describeUnterminated(scan);
      if (header === null) {
        // Without a header nothing can be named; the header is not a record, so this is not counted.
        header = [];
        headerProblem = `the header row (line ${line}) is unusable: ${reason}`;
      } else {
        record += 1;
        yield reject(record, line, reason, firstLine.replace(/\r$/, ""));
      }
      if (lineFeed === -1) {
        skipping = true;
        position = buffer.length;
        break;
      }
      position = lineFeed + 1;
      line += 1;
    }
    buffer = buffer.slice(position);
  }

  function isOverlong(scan: CsvScan, start: number): boolean {
    if (scan.kind === "record") return scan.contentEnd - start > maxChars;
    // One extra character: a CR at the limit may still be the first half of the record's CRLF.
    return buffer.length - start > maxChars + 1;
  }

  /**
   * Says why an overlong record is rejected. The state is taken at the limit itself, so the reason does not
   * depend on how the file happened to be split into chunks.
   */
  function describeOverlong(start: number): string {
    const size = describeSize(maxChars);
    const atLimit = scanCsvRecord(buffer.slice(0, start + maxChars + 1), start, false);
    if (atLimit.kind === "more" && atLimit.inQuotes) {
      return `unterminated quote in field ${atLimit.field}: no closing quote within ${size}`;
    }
    return `record is longer than ${size}`;
  }

  function toItem(
    fields: string[],
    problem: string | null,
    at: number,
    startLine: number,
    text: string,
  ): ReadItem<CsvRow> {
    if (headerProblem !== null) return reject(at, startLine, headerProblem, text);
    if (problem !== null) return reject(at, startLine, problem, text);
    const names = header ?? [];
    if (fields.length !== names.length) {
      return reject(
        at,
        startLine,
        `expected ${plural(names.length, "field")} as in the header, found ${fields.length}`,
        text,
      );
    }
    return {
      kind: "record",
      record: at,
      line: startLine,
      value: Object.fromEntries(names.map((name, i) => [name, fields[i] ?? ""])),
    };
  }

  let atFileStart = true;
  for await (const chunk of source) {
    buffer += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (atFileStart && buffer.length > 0) {
      // The decoder drops a byte order mark; text sources may still carry one.
      atFileStart = false;
      if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
    }
    if (skipping || buffer.length > 0) yield* drain(false);
  }
  buffer += decoder.decode();
  yield* drain(true);
}

function reject(record: number, line: number, reason: string, text: string): ReadReject {
  return { kind: "reject", record, line, reason, raw: shortenRaw(text) };
}

function describeUnterminated(scan: CsvScan): string {
  const field = scan.kind === "record" ? scan.fields.length : scan.field;
  return `unterminated quote in field ${field}: no closing quote before the end of the file`;
}

function findHeaderProblem(names: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const [index, name] of names.entries()) {
    if (name === "") return `column ${index + 1} has no name`;
    if (seen.has(name)) return `column name "${name}" appears twice`;
    seen.add(name);
  }
  return null;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
