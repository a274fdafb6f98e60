/**
 * The values an option may take, when both a command's registration (for `--help` and validation) and its
 * action need them: kept here so that neither imports the other, and registrations stay cheap to load.
 */

export const DIFF_FORMATS = ["text", "markdown", "json"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export const TEST_REPORTERS = ["text", "json", "junit"] as const;

/** `check`, `fmt --check` and `test`: `github` adds GitHub Actions annotations to the usual report. */
export const ANNOTATION_FORMATS = ["text", "github"] as const;
export type AnnotationFormat = (typeof ANNOTATION_FORMATS)[number];

export const REPORT_FORMATS = ["html", "json", "markdown"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const COMPLETION_SHELLS = ["bash", "zsh", "fish"] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];
