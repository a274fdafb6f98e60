/**
 * Splits newline-delimited bytes into lines, without a string or a copy per line: a line that lies inside
 * one chunk is handed over as a range of that chunk; only a line cut by a chunk boundary is gathered.
 * What counts as a line is the same for every NDJSON reader (`readNdjson`, the events index): lines end
 * with LF, a final line may have none, blank lines count in the numbering, the first line's UTF-8 byte
 * order mark and one CR before the LF are not part of the line, and a line longer than the limit is
 * skipped — only its start is kept, for the reject.
 *
 * Lines are split on bytes: a newline byte never occurs inside a UTF-8 sequence, and the mark and CR are
 * removed as bytes exactly where the decoded text would start with U+FEFF or end with "\r".
 */
import { RAW_TEXT_LIMIT } from "./read-item.js";

/** One line, valid until the next call to `next` or `feed` (its bytes may be the chunk's own). */
export interface NdjsonLine {
  /** 1-based line number; blank lines count. */
  line: number;
  /** The line is `bytes[start, end)`. */
  bytes: Buffer;
  start: number;
  end: number;
  /** Set instead when the line was longer than the limit: its first bytes (the rest was skipped). */
  overlongStart: Buffer | null;
}

const LF = 10;
const CR = 13;
const EMPTY = Buffer.alloc(0);

export class NdjsonLines {
  readonly #maxLineBytes: number;
  #chunk: Buffer = EMPTY;
  #position = 0;
  // A line cut by chunk boundaries: its pieces so far (copied: a stream may reuse a chunk's memory).
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  // Set once the current line passed the limit: the rest of it is discarded, only its start is kept.
  #overlongStart: Buffer | null = null;
  readonly #current: NdjsonLine = { line: 0, bytes: EMPTY, start: 0, end: 0, overlongStart: null };

  constructor(maxLineBytes: number) {
    this.#maxLineBytes = maxLineBytes;
  }

  /** The next chunk of the file; call once `next` has returned null for the previous one. */
  feed(chunk: Uint8Array | string): void {
    this.#chunk =
      typeof chunk === "string"
        ? Buffer.from(chunk, "utf8")
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.#position = 0;
  }

  /** The next complete line, or null when the chunk is used up (a line it leaves unfinished is kept). */
  next(): NdjsonLine | null {
    const bytes = this.#chunk;
    const start = this.#position;
    if (start >= bytes.length) return null;
    const newline = bytes.indexOf(LF, start);
    if (newline === -1) {
      this.#keep(bytes.subarray(start));
      this.#position = bytes.length;
      return null;
    }
    this.#position = newline + 1;
    if (this.#pendingBytes === 0 && this.#overlongStart === null && newline - start <= this.#maxLineBytes) {
      return this.#line(bytes, start, newline);
    }
    this.#keep(bytes.subarray(start, newline));
    return this.#take();
  }

  /** The last line when the file does not end with a newline (call after the last chunk), else null. */
  end(): NdjsonLine | null {
    this.#chunk = EMPTY;
    this.#position = 0;
    return this.#pendingBytes > 0 || this.#overlongStart !== null ? this.#take() : null;
  }

  #keep(piece: Buffer): void {
    if (piece.length === 0 || this.#overlongStart !== null) return;
    if (this.#pendingBytes + piece.length > this.#maxLineBytes) {
      // Keep only enough bytes to show the start of the line in the reject (a character is at most 4 bytes).
      this.#overlongStart = Buffer.concat([...this.#pending, piece]).subarray(0, RAW_TEXT_LIMIT * 4);
      this.#pending = [];
      this.#pendingBytes = 0;
      return;
    }
    this.#pending.push(Buffer.from(piece));
    this.#pendingBytes += piece.length;
  }

  #take(): NdjsonLine {
    const overlong = this.#overlongStart;
    if (overlong !== null) {
      this.#overlongStart = null;
      const current = this.#current;
      current.line += 1;
      current.overlongStart = overlong;
      current.bytes = EMPTY;
      current.start = 0;
      current.end = 0;
      return current;
    }
    const bytes = Buffer.concat(this.#pending, this.#pendingBytes);
    this.#pending = [];
    this.#pendingBytes = 0;
    return this.#line(bytes, 0, bytes.length);
  }

  #line(bytes: Buffer, start: number, end: number): NdjsonLine {
    const current = this.#current;
    current.line += 1;
    current.overlongStart = null;
    let from = start;
    let to = end;
    if (current.line === 1 && to - from >= 3 && bytes[from] === 0xef && bytes[from + 1] === 0xbb) {
      if (bytes[from + 2] === 0xbf) from += 3;
    }
    if (to > from && bytes[to - 1] === CR) to -= 1;
    current.bytes = bytes;
    current.start = from;
    current.end = to;
    return current;
  }
}
