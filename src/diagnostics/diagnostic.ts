import type { DiagnosticDefinition, Severity } from "./codes.js";
import type { Span } from "./span.js";

export type { Severity } from "./codes.js";

/** One problem found in the rule files: stable code, where it is, what is wrong and how to fix it. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  hint?: string;
  /** Other places the problem involves, like the first declaration of a name declared twice. */
  related?: RelatedLocation[];
}

export interface RelatedLocation {
  span: Span;
  message: string;
}

/** Fills `{0}`, `{1}` … in a message template. */
export function formatMessage(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

export function createDiagnostic(
  definition: DiagnosticDefinition,
  span: Span,
  args: readonly (string | number)[] = [],
  hint?: string,
): Diagnostic {
  const diagnostic: Diagnostic = {
    code: definition.code,
    severity: definition.severity,
    message: formatMessage(definition.message, args),
    span,
  };
  const text = hint ?? definition.hint;
  if (text !== undefined) diagnostic.hint = formatMessage(text, args);
  return diagnostic;
}

/** Where a check sends what it finds. */
export type Report = (diagnostic: Diagnostic) => void;

/** The diagnostic, pointing also at `span` (for editors and `check --json`; the text report shows the hint). */
export function withRelated(diagnostic: Diagnostic, span: Span, message: string): Diagnostic {
  diagnostic.related = [...(diagnostic.related ?? []), { span, message }];
  return diagnostic;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Orders diagnostics by file, then position, then code: reports read top to bottom and never flicker. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : 0) ||
      a.span.start.offset - b.span.start.offset ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
