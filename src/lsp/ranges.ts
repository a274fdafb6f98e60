import type { Position as LspPosition, Range } from "vscode-languageserver";
import type { Position, Span } from "../diagnostics/span.js";

/**
 * Spans count lines and columns from 1 and columns in UTF-16 code units (syntax/positions.ts); the
 * protocol counts both from 0, in the same units. The one conversion, both ways.
 */
export function toRange(span: Span): Range {
  return { start: toLspPosition(span.start), end: toLspPosition(span.end) };
}

function toLspPosition(position: Position): LspPosition {
  return { line: position.line - 1, character: position.column - 1 };
}

/** Whether an editor position falls inside a span (its end included: the cursor just after a word is on it). */
export function spanContains(span: Span, position: LspPosition): boolean {
  const line = position.line + 1;
  const column = position.character + 1;
  if (line < span.start.line || line > span.end.line) return false;
  if (line === span.start.line && column < span.start.column) return false;
  if (line === span.end.line && column > span.end.column) return false;
  return true;
}

/** The offset of an editor position in `text` (lines end at `\n`; positions past a line's end clamp to it). */
export function offsetAt(text: string, position: LspPosition): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf("\n", offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf("\n", offset);
  const lineEnd = end === -1 ? text.length : end;
  return Math.min(offset + position.character, lineEnd);
}
