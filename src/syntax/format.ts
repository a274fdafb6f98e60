/**
 * The canonical layout of a `.score` file (`leadscore fmt`), like gofmt: one answer, no options.
 *
 *   - Two spaces of indentation per block level; one declaration, rule, field or section per line, each
 *     written by print.ts (single spaces around operators, parentheses as written). Rules never wrap.
 *   - `lead { … }`, `model … { … }` and `fit { … }` / `engagement { … }` always span several lines (an empty
 *     body is written `{}`).
 *   - An event's property block and a list declaration stay on one line (`event page_view { url: string,
 *     seconds: number? }`) unless that line would be longer than MAX_INLINE_WIDTH or holds a comment; then
 *     they take one property (or item, followed by `,`) per line. An event without properties is `event x`.
 *   - Blank lines: the user's grouping is kept, at most one blank line in a row, none at the start or end
 *     of a file or block.
 *   - Comments stay where they are: a comment on its own line stays on its own line before what follows it
 *     (at that node's indentation); a comment after code stays at the end of that line, after one space.
 *     A comment written inside a one-line construct (a rule broken over lines) moves to its own line just
 *     before that construct, so that nothing is ever dropped.
 *   - Lines end with `\n` (CRLF input gives LF output), no trailing white space, exactly one final newline.
 *   - No byte order mark: one at the start of the input is dropped (UTF-8 needs none).
 *
 * Formatting is idempotent, and the formatted text parses to the same tree (spans aside) with the same
 * comments in the same order.
 */
import type { Comment, SourceFile } from "./ast.js";
import { parseSource } from "./parse.js";
import { LineIndex } from "./positions.js";
import { layoutFile, type BlockNode, type LayoutNode } from "./format-layout.js";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";

/** Event property blocks and list declarations longer than this (with indentation) get one item per line. */
export const MAX_INLINE_WIDTH = 100;

const INDENT = "  ";

export type FormatResult = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };

/** Parses and formats one file; a file with syntax errors is not formatted and gets its diagnostics back. */
export function formatText(path: string, text: string): FormatResult {
  const { file, diagnostics } = parseSource(path, text);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, text: formatSource(file) };
}

/** The canonical text of a parsed file (which must have parsed without errors). */
export function formatSource(file: SourceFile): string {
  const writer = new LayoutWriter(file);
  writer.writeRegion(layoutFile(file), 0, file.text.length, 0, false, "");
  return writer.finish();
}

/** Writes layout nodes and the comments around them, walking the file once in source order. */
class LayoutWriter {
  private readonly out: string[] = [];
  private readonly comments: Comment[];
  private readonly lines: LineIndex;
  private readonly sourceLines: string[];

  constructor(file: SourceFile) {
    this.comments = [...file.comments].sort((a, b) => a.span.start.offset - b.span.start.offset);
    this.lines = new LineIndex(file.path, file.text);
    // Columns do not count a byte order mark, so neither do the lines they index.
    this.sourceLines = file.text.replace(/^\uFEFF/, "").split("\n");
  }

  finish(): string {
    return this.out.length === 0 ? "" : `${this.out.join("\n")}\n`;
  }

  /**
   * Writes the nodes of one file or block body, `[from, to)` in the source, at `depth`. In a block body the
   * line written last is the opening line (`fit {`), which keeps a comment written after the bracket.
   */
  writeRegion(
    nodes: readonly LayoutNode[],
    from: number,
    to: number,
    depth: number,
    inBlock: boolean,
    separator: string,
  ): void {
    const region: RegionState = { depth, first: true, previousLine: 0, lineOpen: inBlock };
    let cursor = from;
    for (const node of nodes) {
      for (const comment of this.commentsIn(cursor, node.start)) this.writeGapComment(region, comment);
      this.writeNode(region, node, separator);
      cursor = node.end;
    }
    for (const comment of this.commentsIn(cursor, to)) this.writeGapComment(region, comment);
  }

  /** A comment between nodes: at the end of the previous node's last line, or on a line of its own. */
  private writeGapComment(region: RegionState, comment: Comment): void {
    const line = comment.span.start.line;
    const text = commentText(comment);
    if (region.lineOpen && this.followsCode(comment)) {
      this.out[this.out.length - 1] += ` ${text}`;
    } else {
      this.emit(region, text, this.blankBefore(region, line));
    }
    region.previousLine = line;
    region.lineOpen = false;
  }

  private writeNode(region: RegionState, node: LayoutNode, separator: string): void {
    let blank = this.blankBefore(region, this.lineOf(node.start));
    // Comments inside the part of the node written on one line move to their own lines before it.
    const headerEnd = node.kind === "line" ? node.end : node.bodyStart;
    for (const comment of this.commentsIn(node.start, headerEnd)) {
      this.emit(region, commentText(comment), blank);
      blank = false;
    }
    if (node.kind === "line") {
      this.emit(region, node.text + separator, blank);
    } else {
      this.writeBlock(region, node, blank);
    }
    region.previousLine = this.lineOf(node.end);
    region.lineOpen = true;
  }

  private writeBlock(region: RegionState, block: BlockNode, blank: boolean): void {
    const bodyComments = this.commentsIn(block.bodyStart, block.bodyEnd);
    if (bodyComments.length === 0) {
      if (block.children.length === 0) {
        this.emit(region, block.open + block.close, blank);
        return;
      }
      if (block.inline !== null && region.depth * INDENT.length + block.inline.length <= MAX_INLINE_WIDTH) {
        this.emit(region, block.inline, blank);
        return;
      }
    }
    this.emit(region, block.open, blank);
    this.writeRegion(block.children, block.bodyStart, block.bodyEnd, region.depth + 1, true, block.separator);
    this.emit(region, block.close, false);
  }

  private emit(region: RegionState, text: string, blankBefore: boolean): void {
    if (blankBefore) this.out.push("");
    this.out.push(INDENT.repeat(region.depth) + text);
    region.first = false;
  }

  /** Whether a blank line separates the previous output from source line `line` (never at a region start). */
  private blankBefore(region: RegionState, line: number): boolean {
    if (region.first) return false;
    for (let l = region.previousLine + 1; l < line; l++) {
      if ((this.sourceLines[l - 1] ?? "").trim() === "") return true;
    }
    return false;
  }

  /**
   * Whether code stands before the comment on its line: the end of the previous node, or only a `,`,
   * `{` or `}` after it. Such a comment ends the last line written.
   */
  private followsCode(comment: Comment): boolean {
    const { line, column } = comment.span.start;
    return (this.sourceLines[line - 1] ?? "").slice(0, column - 1).trim() !== "";
  }

  private lineOf(offset: number): number {
    return this.lines.position(offset).line;
  }

  /** The comments that start in `[from, to)`, in source order. */
  private commentsIn(from: number, to: number): Comment[] {
    const found: Comment[] = [];
    for (let i = lowerBound(this.comments, from); i < this.comments.length; i++) {
      const comment = this.comments[i]!;
      if (comment.span.start.offset >= to) break;
      found.push(comment);
    }
    return found;
  }
}

interface RegionState {
  depth: number;
  /** Nothing written in this region yet: no blank line goes first. */
  first: boolean;
  /** The source line where the last thing written ended. */
  previousLine: number;
  /** The last line written is code that may take a comment at its end. */
  lineOpen: boolean;
}

function commentText(comment: Comment): string {
  return comment.text.trimEnd();
}

function lowerBound(comments: readonly Comment[], offset: number): number {
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (comments[middle]!.span.start.offset < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
