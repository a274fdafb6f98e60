import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { CommandIO } from "./io.js";
import { escapeControlsInText } from "./terminal-text.js";
import type { AnnotationFormat } from "./commands/choices.js";

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`): the runner shows each on its file's
 * line in the pull request's "Files changed" tab. Everything in them may come from a pull request's author
 * (file names, rule text, fixture names), so every value is escaped as GitHub's own toolkit does — `%`, CR
 * and LF in the message; also `:` and `,` in properties — and no value can end the line, end a property,
 * or start another command. Other control characters are written as text (`\x1b`), as on the terminal
 * (GitHub's log shows colour codes).
 */
export interface Annotation {
  level: "error" | "warning" | "notice";
  file: string;
  line: number;
  col?: number;
  endLine?: number;
  endColumn?: number;
  title: string;
  message: string;
}

export function formatAnnotation(annotation: Annotation): string {
  const properties: Array<[string, string | number | undefined]> = [
    ["file", annotation.file],
    ["line", annotation.line],
    ["col", annotation.col],
    ["endLine", annotation.endLine],
    ["endColumn", annotation.endColumn],
    ["title", annotation.title],
  ];
  const props = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(",");
  return `::${annotation.level} ${props}::${escapeData(annotation.message)}\n`;
}

export function escapeData(text: string): string {
  return escapeControlsInText(text).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** A rule-file diagnostic on its span: the code is the title, the hint a second line of the message. */
export function diagnosticAnnotation(diagnostic: Diagnostic): Annotation {
  const { span } = diagnostic;
  return {
    level: diagnostic.severity === "error" ? "error" : "warning",
    file: span.file,
    line: span.start.line,
    col: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
    title: diagnostic.code,
    message:
      diagnostic.hint === undefined ? diagnostic.message : `${diagnostic.message}\nhint: ${diagnostic.hint}`,
  };
}

/** A file `fmt --check` would change, at the first line that changes. */
export function formattingAnnotation(file: string, before: string, after: string): Annotation {
  const old = before.replace(/^\uFEFF/, "").split(/\r?\n/);
  const now = after.split("\n");
  let line = 0;
  while (line < old.length && line < now.length && old[line] === now[line]) line++;
  return {
    level: "error",
    file,
    line: Math.min(line, Math.max(0, old.length - 1)) + 1,
    title: "leadscore fmt",
    message: "not formatted canonically: run `leadscore fmt` to fix",
  };
}

/**
 * Whether a command adds annotations to its output: `--format github` asks for them; without `--format`,
 * a GitHub Actions run (GITHUB_ACTIONS=true) gets them, unless stdout carries a report for a program.
 */
export function wantsAnnotations(
  io: CommandIO,
  format: AnnotationFormat | undefined,
  stdoutIsData = false,
): boolean {
  if (format !== undefined) return format === "github";
  return io.env?.GITHUB_ACTIONS === "true" && !stdoutIsData;
}

/** Prints annotations on stdout, where the runner reads them. */
export function printAnnotations(io: CommandIO, annotations: readonly Annotation[]): void {
  if (annotations.length > 0) io.stdout(annotations.map(formatAnnotation).join(""));
}
