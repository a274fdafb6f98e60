/**
 * Scans one CSV record (RFC 4180) from a text buffer: quoted fields with `""` escapes, delimiters and line
 * breaks inside quotes, records ending with LF, CRLF or a lone CR (old spreadsheet exports), or the end of
 * the file. The delimiter is a comma unless the caller says otherwise (`;`, tab, `|`). Pure and restartable:
 * when the buffer ends before the record does, it answers `more` and the caller scans again from the same
 * start once more text has arrived.
 */

export type CsvScan =
  /** The buffer ends inside the record; `inQuotes` tells whether a quoted field is still open. */
  | { kind: "more"; inQuotes: boolean; field: number }
  /** A complete record. `problem` is set when it is malformed but its extent is still known. */
  | {
      kind: "record";
      fields: string[];
      problem: string | null;
      /** Index just past the record's line break. */
      end: number;
      /** Index of the record's line break (or of the end of the file): the record's text ends here. */
      contentEnd: number;
      /** Line breaks consumed, the terminating one included. */
      lineBreaks: number;
    }
  /** The file ends inside a quoted field. */
  | { kind: "unterminated"; field: number };

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export function scanCsvRecord(
  text: string,
  start: number,
  atEndOfFile: boolean,
  delimiter: number = COMMA,
): CsvScan {
  const fields: string[] = [];
  let problem: string | null = null;
  let lineBreaks = 0;
  let i = start;
  const length = text.length;

  for (;;) {
    let value: string;
    if (i < length && text.charCodeAt(i) === QUOTE) {
      value = "";
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) {
          return atEndOfFile
            ? { kind: "unterminated", field: fields.length + 1 }
            : { kind: "more", inQuotes: true, field: fields.length + 1 };
        }
        const piece = text.slice(from, quote);
        value += piece;
        lineBreaks += countLineBreaks(piece);
        if (quote + 1 < length && text.charCodeAt(quote + 1) === QUOTE) {
          value += '"';
          from = quote + 2;
          continue;
        }
        // A quote at the very end of the buffer may be the first half of a `""` escape.
        if (quote + 1 >= length && !atEndOfFile)
          return { kind: "more", inQuotes: true, field: fields.length + 1 };
        i = quote + 1;
        break;
      }
      // After the closing quote only a comma or a line break may follow; anything else is kept as text
      // (so the record's extent is still right) but makes the record malformed.
      if (i < length && !isFieldEnd(text, i, delimiter)) {
        problem ??= `unexpected text after the closing quote of field ${fields.length + 1}`;
        const rest = scanUnquoted(text, i, atEndOfFile, delimiter);
        if (rest === -1) return { kind: "more", inQuotes: false, field: fields.length + 1 };
        value += text.slice(i, rest);
        i = rest;
      }
    } else {
      // A quote inside an unquoted field is kept as a plain character, as most spreadsheets write it.
      const end = scanUnquoted(text, i, atEndOfFile, delimiter);
      if (end === -1) return { kind: "more", inQuotes: false, field: fields.length + 1 };
      value = text.slice(i, end);
      i = end;
    }
    fields.push(value);

    if (i >= length) {
      return { kind: "record", fields, problem, end: length, contentEnd: length, lineBreaks };
    }
    const code = text.charCodeAt(i);
    if (code === delimiter) {
      i += 1;
      continue;
    }
    if (code === LF) {
      return { kind: "record", fields, problem, end: i + 1, contentEnd: i, lineBreaks: lineBreaks + 1 };
    }
    // Here code is CR: a CRLF, or a lone CR ending the line (files saved with classic Mac line endings).
    if (i + 1 < length) {
      const end = text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      return { kind: "record", fields, problem, end, contentEnd: i, lineBreaks: lineBreaks + 1 };
    }
    if (!atEndOfFile) return { kind: "more", inQuotes: false, field: fields.length };
    return { kind: "record", fields, problem, end: i + 1, contentEnd: i, lineBreaks: lineBreaks + 1 };
  }
}

/** Index of the delimiter or line break that ends an unquoted field, the end of the text at the end of the file, or -1. */
function scanUnquoted(text: string, from: number, atEndOfFile: boolean, delimiter: number): number {
  const length = text.length;
  for (let i = from; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === delimiter || code === LF) return i;
    if (code === CR) {
      if (i + 1 < length) {
        return i;
      } else {
        // A CR at the end of the buffer may start a CRLF; at the end of the file it ends the line.
        return atEndOfFile ? i : -1;
      }
    }
  }
  return atEndOfFile ? length : -1;
}

function isFieldEnd(text: string, i: number, delimiter: number): boolean {
  const code = text.charCodeAt(i);
  return code === delimiter || code === LF || code === CR;
}

/** Line breaks in text: LF, CRLF and a lone CR each count once. */
export function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF) count += 1;
    else if (code === CR && text.charCodeAt(i + 1) !== LF) count += 1;
  }
  return count;
}

const SkipState = {
  FieldStart: 0,
  Unquoted: 1,
  Quoted: 2,
  /** A quote inside a quoted field: the field's end, or the first half of a `""` escape. */
  QuoteSeen: 3,
} as const;
type SkipState = (typeof SkipState)[keyof typeof SkipState];

/**
 * Follows a record too long to hold, without keeping its text, to find where it truly ends: a line break
 * (LF, CRLF or a lone CR, as `scanCsvRecord` reads them) outside quotes. It reads quotes as
 * `scanCsvRecord` does, so a quoted field is never split into records, however long it is and however the
 * file is cut into chunks.
 */
export class CsvRecordSkipper {
  #state: SkipState = SkipState.FieldStart;
  readonly #delimiter: number;
  /** The record ended at a CR that was the last character read: an LF at the next text's start is its. */
  #endedAtCr = false;
  /** The last character counted inside a quoted field was a CR (its LF, in the next text, is not counted). */
  #quotedCr = false;

  /** The delimiter as a character code (a comma unless given). */
  constructor(delimiter: number = COMMA) {
    this.#delimiter = delimiter;
  }

  #field = 1;
  /** Line breaks consumed so far (LF, CRLF and a lone CR count one each), the record's terminating one included. */
  lineFeeds = 0;

  /**
   * Reads `text` from `from`: the index just past the record's line break, or -1 when the text ends first
   * (also after a CR at its very end, which an LF in the next text may complete).
   */
  skip(text: string, from: number): number {
    const length = text.length;
    let i = from;
    if (this.#endedAtCr) {
      if (i >= length) return -1;
      return text.charCodeAt(i) === LF ? i + 1 : i;
    }
    while (i < length) {
      switch (this.#state) {
        case SkipState.Quoted: {
          const quote = text.indexOf('"', i);
          const stop = quote === -1 ? length : quote;
          this.#countQuotedBreaks(text, i, stop);
          if (quote === -1) return -1;
          this.#state = SkipState.QuoteSeen;
          i = quote + 1;
          continue;
        }
        case SkipState.FieldStart:
        case SkipState.QuoteSeen: {
          const code = text.charCodeAt(i);
          if (code === QUOTE) {
            // At a field's start a quote opens it; after a quote inside one it is an escaped quote.
            this.#state = SkipState.Quoted;
            i += 1;
            continue;
          }
          this.#state = SkipState.Unquoted;
          continue;
        }
        case SkipState.Unquoted: {
          const code = text.charCodeAt(i);
          i += 1;
          if (code === LF) {
            this.lineFeeds += 1;
            return i;
          }
          if (code === CR) {
            this.lineFeeds += 1;
            if (i < length) return text.charCodeAt(i) === LF ? i + 1 : i;
            this.#endedAtCr = true;
            return -1;
          }
          if (code === this.#delimiter) {
            this.#state = SkipState.FieldStart;
            this.#field += 1;
          }
          continue;
        }
      }
    }
    return -1;
  }

  /** Line breaks inside a quoted field, a CRLF cut between two texts counted once. */
  #countQuotedBreaks(text: string, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (code === LF) {
        if (!(this.#quotedCr && i === from)) this.lineFeeds += 1;
      } else if (code === CR) {
        this.lineFeeds += 1;
        if (text.charCodeAt(i + 1) === LF) i += 1;
      }
    }
    this.#quotedCr = to === text.length && to > from && text.charCodeAt(to - 1) === CR;
  }

  /** At the end of the file: the quoted field still open, if there is one. */
  openQuotedField(): number | null {
    return this.#state === SkipState.Quoted ? this.#field : null;
  }
}
