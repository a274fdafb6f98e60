import type { Diagnostic } from "./diagnostic.js";

/**
 * Renders a diagnostic the way a compiler does:
 *
 *   rules/enterprise.score:4:10: error LS201: unknown field `titel`
 *      4 |     when titel in [CEO] add 30
 *        |          ^^^^^
 *     hint: did you mean `title`?
 *
 * `sourceOf` returns the text of a file (the caret excerpt is left out when it cannot).
 */
export function renderDiagnostic(
  diagnostic: Diagnostic,
  sourceOf: (file: string) => string | undefined,
): string {
  const { span } = diagnostic;
  const head = `${span.file}:${span.start.line}:${span.start.column}: ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`;
  const lines = [head];
  const text = sourceOf(span.file);
  if (text !== undefined) {
    const sourceLine = text.split(/\r?\n/)[span.start.line - 1];
    if (sourceLine !== undefined) {
      const gutter = String(span.start.line).length;
      const visible = sourceLine.replace(/\t/g, " ");
      const startCol = Math.min(span.start.column, visible.length + 1);
      const endCol =
        span.end.line === span.start.line ? Math.max(span.end.column, startCol + 1) : visible.length + 1;
      const width = Math.max(1, Math.min(endCol, visible.length + 1) - startCol);
      lines.push(`${" ".repeat(gutter + 1)}|`);
      lines.push(`${span.start.line} | ${visible}`);
      lines.push(`${" ".repeat(gutter + 1)}| ${" ".repeat(startCol - 1)}${"^".repeat(width)}`);
    }
  }
  if (diagnostic.hint !== undefined) lines.push(`  = hint: ${diagnostic.hint}`);
  return lines.join("\n");
}

export function renderDiagnostics(
  diagnostics: readonly Diagnostic[],
  sourceOf: (file: string) => string | undefined,
): string {
  return diagnostics.map((d) => renderDiagnostic(d, sourceOf)).join("\n\n");
}

/** `2 errors, 1 warning` */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}
