import { expect } from "vitest";
import type { SourceFile } from "../../src/syntax/ast.js";
import { formatSource } from "../../src/syntax/format.js";
import { parseSource } from "../../src/syntax/parse.js";

/**
 * The meaning of a parsed file: its declarations without source positions. Two texts with equal trees
 * are the same rules, however they are laid out. `each` is a span in the tree; only its presence counts.
 */
export function syntaxTree(file: SourceFile): string {
  return JSON.stringify(file.declarations, (key, value: unknown) => {
    if (key === "span" || key === "keyword") return undefined;
    if (key === "each") return value !== null;
    // NaN (an impossible date) would otherwise print as null and hide a change.
    if (typeof value === "number" && Number.isNaN(value)) return "NaN";
    return value;
  });
}

/** The comments of a file as the formatter writes them: in order, without trailing white space. */
export function commentTexts(file: SourceFile): string[] {
  return file.comments.map((comment) => comment.text.trimEnd());
}

export function parseClean(path: string, text: string): SourceFile {
  const { file, diagnostics } = parseSource(path, text);
  expect(diagnostics).toEqual([]);
  return file;
}

/**
 * Formats `text` and checks the promises of the formatter: the output parses cleanly to the same tree with
 * the same comments, and formatting it again changes nothing. Returns the formatted text.
 */
export function formatAndVerify(path: string, text: string): string {
  const original = parseClean(path, text);
  const formatted = formatSource(original);
  const reparsed = parseClean(path, formatted);
  expect(syntaxTree(reparsed)).toBe(syntaxTree(original));
  expect(commentTexts(reparsed)).toEqual(commentTexts(original));
  expect(formatSource(reparsed)).toBe(formatted);
  return formatted;
}
