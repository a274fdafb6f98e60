import { CsvRecordSkipper, scanCsvRecord, type CsvScan } from "./csv-scan.js";
import { detectDelimiter, firstLineOf } from "./delimiter.js";
import type { Delimiter } from "./input-options.js";
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
  /** The field separator; by default it is detected from the header line (see `detectDelimiter`). */
  delimiter?: Delimiter | null;
  /**
   * Called once with the header's names (trimmed) and the reason they cannot name fields (null when they
   * can), before any record. A caller may throw here to refuse the whole file at once.
   */
  onHeader?(names: readonly string[], problem: string | null, delimiter: Delimiter): void;
}

/** A data row, keyed by the header's (trimmed) names. Values are as written; coercion trims them. */
export type CsvRow = Record<string, string>;

/**
 * Reads CSV (RFC 4180) as an async sequence of rows keyed by the header row's names.
 *
 * - Quoted fields may hold delimiters, `""` escapes and line breaks; lines end with LF, CRLF or CR; the
 *   delimiter is `,` `;` tab or `|` (detected from the header line unless given); a UTF-8 byte order mark
 *   is ignored; invalid UTF-8 becomes U+FFFD. A quote inside an unquoted field is plain text.
 * - The first non-blank line is the header. Blank lines are skipped but counted in line numbers.
 * - Each later logical row is a record: `record` counts them from 1, `line` is the line it starts on.
 * - A row with another number of fields than the header, or text after a closing quote, is rejected.
 * - A record longer than `maxRecordChars` is rejected (shown by its first line) without being held: the
 *   reader follows its quotes to its true end and resumes at the next record, so a quoted field is never
 *   split into records, however long it is. Memory never holds more than one record.
 * - A quote still open at the end of the file rejects its record. When the rest of the file is within the
 *   limit, reading resumes on the record's second line, so one stray quote costs one line, not the rest
 *   of the file; beyond the limit, the rest of the file is that one rejected record.
 * - A header with empty or repeated names cannot name the fields: every row is rejected with that reason.
 */
export async function* readCsv(
  source: ByteSource,
  options: CsvOptions = {},
): AsyncGenerator<ReadItem<CsvRow>> {
  const maxChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_BYTES;
  let delimiter: Delimiter | null = options.delimiter ?? null;
  let delimiterCode = (delimiter ?? ",").charCodeAt(0);
  const decoder = new TextDecoder("utf-8");
  let buffer = "";
  let line = 1;
  let record = 0;
  let header: string[] | null = null;
  let headerProblem: string | null = null;
  // Set while following a record too long to hold to its true end (a line feed outside quotes): its text
  // is discarded, and it is rejected once its extent, and so the next record's line, is known.
  let skipping: { skipper: CsvRecordSkipper; line: number; firstLine: string } | null = null;
  /**
   * How much unread text an incomplete record must have before it is scanned again: twice what the last
   * scan saw. A record arriving in many small chunks (a pipe, a slow network) is then scanned a few times
   * in all, not once per chunk (a 1 MB quoted field in 291-byte chunks took 90 s).
   */
  let rescanAt = 0;

  /** Yields every record the buffer holds, then keeps only the unread rest of it. */
  function* drain(atEndOfFile: boolean): Generator<ReadItem<CsvRow>> {
    let position = 0;
    if (delimiter === null) {
      // Detected once, from the first non-blank line (the header), before anything is scanned.
      const first = firstLineOf(buffer.replace(/^[\r\n]+/, ""), atEndOfFile);
      if (first === null) return;
      delimiter = detectDelimiter(first);
      delimiterCode = delimiter.charCodeAt(0);
    }
    for (;;) {
      if (skipping !== null) {
        const end = skipping.skipper.skip(buffer, position);
        if (end === -1 && !atEndOfFile) {
          position = buffer.length;
          break;
        }
        position = end === -1 ? buffer.length : end;
        const skipped = skipping;
        skipping = null;
        line = skipped.line + skipped.skipper.lineFeeds;
        const openField = end === -1 ? skipped.skipper.openQuotedField() : null;
        const reason =
          openField === null
            ? `record is longer than ${describeSize(maxChars)}`
            : describeUnterminatedField(openField);
        const item = rejectSkipped(skipped.line, reason, skipped.firstLine);
        if (item !== null) yield item;
        continue;
      }
      if (position >= buffer.length) break;
      // Before anything reads the buffer: reading a character of text that chunks were appended to
      // copies all of it into one piece, which for a pending record on every chunk is quadratic again.
      if (!atEndOfFile && buffer.length - position < rescanAt) break;
      const first = buffer.charCodeAt(position);
      if (first === 10) {
        position += 1;
        line += 1;
        continue;
      }
      if (first === 13) {
        if (position + 1 >= buffer.length && !atEndOfFile) break;
        // CRLF, or a lone CR: both end a (blank) line.
        position += buffer.charCodeAt(position + 1) === 10 ? 2 : 1;
        line += 1;
        continue;
      }

      const scan = scanCsvRecord(buffer, position, atEndOfFile, delimiterCode);
      const overlong = isOverlong(scan, position);
      if (scan.kind === "more" && !overlong) {
        rescanAt = 2 * (buffer.length - position);
        break;
      }
      rescanAt = 0;

      if (scan.kind === "record" && !overlong) {
        const text = buffer.slice(position, scan.contentEnd);
        const startLine = line;
        position = scan.end;
        line += scan.lineBreaks;
        if (header === null) {
          header = scan.fields.map((name) => name.trim());
          headerProblem = scan.problem ?? findHeaderProblem(header);
          options.onHeader?.(header, headerProblem, delimiter ?? ",");
          if (headerProblem !== null)
            headerProblem = `the header row (line ${startLine}) is unusable: ${headerProblem}`;
          continue;
        }
        record += 1;
        yield toItem(scan.fields, scan.problem, record, startLine, text);
        continue;
      }

      const lineFeed = buffer.indexOf("\n", position);
      // The first line ends at a line feed or at a lone CR (a CR-only file): whichever comes first.
      const carriageReturn = buffer.indexOf("\r", position);
      const firstLineEnd = Math.min(
        lineFeed === -1 ? buffer.length : lineFeed,
        carriageReturn === -1 ? buffer.length : carriageReturn,
      );
      const firstLine = buffer.slice(position, Math.min(firstLineEnd, position + maxChars));
      if (overlong) {
        // Too long to hold: follow it to its true end, whatever its quoted fields hold.
        skipping = { skipper: new CsvRecordSkipper(delimiterCode), line, firstLine };
        continue;
      }
      // A quote left open at the end of the file, within the limit: the record cannot be read, and
      // reading resumes on its second line, so one stray quote costs one line, not the rest of the file.
      const item = rejectSkipped(line, describeUnterminated(scan), firstLine);
      if (item !== null) yield item;
      if (lineFeed === -1) {
        position = buffer.length;
        break;
      }
      position = lineFeed + 1;
      line += 1;
    }
    buffer = buffer.slice(position);
  }

  /** The reject for a record that could not be read; for the header, every later row's reason instead. */
  function rejectSkipped(at: number, reason: string, firstLine: string): ReadReject | null {
    if (header === null) {
      // Without a header nothing can be named; the header is not a record, so this is not counted.
      header = [];
      options.onHeader?.(header, reason, delimiter ?? ",");
      headerProblem = `the header row (line ${at}) is unusable: ${reason}`;
      return null;
    }
    record += 1;
    return reject(record, at, reason, firstLine);
  }

  function isOverlong(scan: CsvScan, start: number): boolean {
    if (scan.kind === "record") return scan.contentEnd - start > maxChars;
    // One extra character: a CR at the limit may still be the first half of the record's CRLF.
    return buffer.length - start > maxChars + 1;
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
    if (skipping !== null || buffer.length > 0) yield* drain(false);
  }
  buffer += decoder.decode();
  yield* drain(true);
  // A file without a header line (empty, or blank lines only) still tells the caller.
  if (header === null) options.onHeader?.([], "the file has no header line", delimiter ?? ",");
}

function reject(record: number, line: number, reason: string, text: string): ReadReject {
  return { kind: "reject", record, line, reason, raw: shortenRaw(text) };
}

function describeUnterminated(scan: CsvScan): string {
  return describeUnterminatedField(scan.kind === "record" ? scan.fields.length : scan.field);
}

function describeUnterminatedField(field: number): string {
  return `unterminated quote in field ${field}: no closing quote before the end of the file`;
}

function findHeaderProblem(names: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const [index, name] of names.entries()) {
    if (name === "") return `column ${index + 1} has no name`;
    if (seen.has(name))
      return `column name "${name}" appears twice (columns ${names.indexOf(name) + 1} and ${index + 1})`;
    seen.add(name);
  }
  return null;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
