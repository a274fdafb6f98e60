/**
 * Where something is in a rule file. Diagnostics point with it, so it lives in this lowest layer; the
 * syntax tree (syntax/ast.ts) gives every node one.
 */

/** 1-based line and column, 0-based character offset. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A half-open range of one file's text: `start` is the first character, `end` the one after the last. */
export interface Span {
  file: string;
  start: Position;
  end: Position;
}
