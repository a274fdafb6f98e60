import type { Position, Span } from "./ast.js";

/** U+FEFF, which some editors write at the start of UTF-8 files. */
export const BYTE_ORDER_MARK = "\uFEFF";

/**
 * Turns character offsets into line/column positions for one file. Lines end at `\n` (a `\r\n` pair counts
 * as one break, as the caret renderer splits lines); columns count UTF-16 code units from 1.
 *
 * The tree builder asks for positions in roughly increasing order, so the last line found is tried first
 * before falling back to a binary search.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];
  private lastLine = 0;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    if (text.startsWith(BYTE_ORDER_MARK)) this.lineStarts[0] = BYTE_ORDER_MARK.length;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
  }

  position(offset: number): Position {
    const line = this.lineOf(offset);
    // Math.max: the byte order mark itself (offset 0) sits at column 1 with what follows it.
    return { line: line + 1, column: Math.max(1, offset - this.lineStarts[line]! + 1), offset };
  }

  /** The half-open span `[start, end)`. */
  span(start: number, end: number): Span {
    return { file: this.file, start: this.position(start), end: this.position(end) };
  }

  private lineOf(offset: number): number {
    const starts = this.lineStarts;
    const last = this.lastLine;
    if (offset >= starts[last]! && (last + 1 >= starts.length || offset < starts[last + 1]!)) return last;
    if (last + 2 < starts.length && offset >= starts[last + 1]! && offset < starts[last + 2]!) {
      this.lastLine = last + 1;
      return last + 1;
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    this.lastLine = low;
    return low;
  }
}
