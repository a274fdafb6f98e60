import type { TextEdit } from "vscode-languageserver";
import { formatText } from "../syntax/format.js";

/**
 * The edits that make a buffer what `leadscore fmt` would write: one edit replacing the whole text (the
 * formatter works on whole files), none when it is formatted already or has syntax errors (which the
 * diagnostics show; formatting a file it cannot read would lose what was typed).
 */
export function formattingEdits(path: string, text: string): TextEdit[] {
  const result = formatText(path, text);
  if (!result.ok || result.text === text) return [];
  return [{ range: { start: { line: 0, character: 0 }, end: endOf(text) }, newText: result.text }];
}

/** The position after the last character (a BOM is not part of the editor's text, nor of the lines). */
function endOf(text: string): { line: number; character: number } {
  const lines = text.split("\n");
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}
