/**
 * The impact report for machines: the report data as JSON, with a format tag so that readers can tell
 * it apart from other leadscore documents. Keys are in the order the report type declares them.
 */
import type { DiffReport } from "./model.js";

export const DIFF_REPORT_FORMAT = "leadscore.diff" as const;
export const DIFF_REPORT_FORMAT_VERSION = 1 as const;

export function renderDiffJson(report: DiffReport): string {
  return `${JSON.stringify(jsonDocument(report), null, 2)}\n`;
}

/** The document as JSON lays it out: the report, without what its full lists already say. */
export function jsonDocument(report: DiffReport): Record<string, unknown> {
  const { refusedByOneSide: _derived, ...population } = report.population;
  return { format: DIFF_REPORT_FORMAT, formatVersion: DIFF_REPORT_FORMAT_VERSION, ...report, population };
}
