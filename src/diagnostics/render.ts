import type { Diagnostic } from "./diagnostic.js";
import { unstyled, type Stylize } from "./style.js";

/**
 * The most characters of a source line shown under a diagnostic. A longer line (generated or minified
 * files, a pasted blob) is cut to a window around the caret, with `…` where it was cut, so that one
 * diagnostic stays a few lines of output however long its line is.
 */
export const MAX_EXCERPT_WIDTH = 100;
/** How many characters of a cut line are shown before the caret, when there are that many. */
const CONTEXT_BEFORE_CARET = 30;

/**
 * Renders a diagnostic the way a compiler does:
 *
 *   rules/enterprise.score:4:10: error LS201: unknown field `titel`
 *      4 |     when titel in [CEO] add 30
 *        |          ^^^^^
 *     hint: did you mean `title`?
 *
 * `sourceOf` returns the text of a file (the caret excerpt is left out when it cannot). `stylize` marks
 * the severity, the place, the gutter, the caret and the hint (colour on a terminal).
 */
export function renderDiagnostic(
  diagnostic: Diagnostic,
  sourceOf: (file: string) => string | undefined,
  stylize: Stylize = unstyled,
): string {
  const { span } = diagnostic;
  const severity = diagnostic.severity === "error" ? "error" : "warning";
  const head =
    `${stylize("location", `${span.file}:${span.start.line}:${span.start.column}:`)} ` +
    `${stylize(severity, `${diagnostic.severity} ${diagnostic.code}`)}: ${diagnostic.message}`;
  const lines = [head];
  const text = sourceOf(span.file);
  if (text !== undefined) {
    // A byte order mark is not part of the first line (columns do not count it either).
    const sourceLine = text.replace(/^\uFEFF/, "").split(/\r?\n/)[span.start.line - 1];
    if (sourceLine !== undefined) {
      const gutter = String(span.start.line).length;
      // One column each: a tab as a space, control characters (a binary file's, or an escape sequence that
      // would drive the terminal) and invisible characters (bidirectional controls that would reorder the
      // line shown) as `�`.
      const visible = visibleColumns(sourceLine);
      const startCol = Math.min(span.start.column, visible.length + 1);
      const endCol =
        span.end.line === span.start.line ? Math.max(span.end.column, startCol + 1) : visible.length + 1;
      const width = Math.max(1, Math.min(endCol, visible.length + 1) - startCol);
      const excerpt = excerptAround(visible, startCol - 1, width);
      const bar = stylize("gutter", `${" ".repeat(gutter + 1)}|`);
      lines.push(bar);
      lines.push(`${stylize("gutter", `${span.start.line} |`)} ${excerpt.text}`);
      lines.push(`${bar} ${" ".repeat(excerpt.caretAt)}${stylize(severity, "^".repeat(excerpt.caretWidth))}`);
    }
  }
  if (diagnostic.hint !== undefined) lines.push(`  ${stylize("hint", "= hint:")} ${diagnostic.hint}`);
  return lines.join("\n");
}

/**
 * The part of `line` shown, and where the caret goes in it: the whole line when it is short enough,
 * otherwise a window of MAX_EXCERPT_WIDTH characters that holds the caret's start, `…` on each cut side.
 * `caret` is a 0-based index into `line` (it may be `line.length`, just after the end).
 */
export function excerptAround(
  line: string,
  caret: number,
  width: number,
): { text: string; caretAt: number; caretWidth: number } {
  if (line.length <= MAX_EXCERPT_WIDTH) return { text: line, caretAt: caret, caretWidth: width };
  const from = Math.max(0, Math.min(caret - CONTEXT_BEFORE_CARET, line.length - MAX_EXCERPT_WIDTH));
  const to = Math.min(line.length, from + MAX_EXCERPT_WIDTH);
  const before = from > 0 ? "…" : "";
  const after = to < line.length ? "…" : "";
  // The caret may not run past the window; one `^` at least, also just after the end of the line.
  const caretWidth = Math.max(1, Math.min(width, to - caret));
  return {
    text: `${before}${line.slice(from, to)}${after}`,
    caretAt: before.length + caret - from,
    caretWidth,
  };
}

export function renderDiagnostics(
  diagnostics: readonly Diagnostic[],
  sourceOf: (file: string) => string | undefined,
  stylize: Stylize = unstyled,
): string {
  return diagnostics.map((d) => renderDiagnostic(d, sourceOf, stylize)).join("\n\n");
}

/** `2 errors, 1 warning` (the counts that are not zero marked with their severity). */
export function summarizeDiagnostics(
  diagnostics: readonly Diagnostic[],
  stylize: Stylize = unstyled,
): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: "error" | "warning") => {
    const text = `${n} ${word}${n === 1 ? "" : "s"}`;
    return n === 0 ? text : stylize(word, text);
  };
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}

/** C0 and C1 controls, bidirectional controls and zero-width characters: never sent to the terminal. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSHOWN = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** One column per character, for lines shown under a caret: tabs as spaces, the unshowable as `�`. */
function visibleColumns(line: string): string {
  return line.replace(/\t/g, " ").replace(UNSHOWN, "\uFFFD");
}
