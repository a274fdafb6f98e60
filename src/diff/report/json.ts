/**
 * The impact report for machines: the report data as JSON, with a format tag so that readers can tell
 * it apart from other leadscore documents. Keys are in the order the report type declares them.
 */
import type { DiffReport } from "./model.js";

export const DIFF_REPORT_FORMAT = "leadscore.diff" as const;
export const DIFF_REPORT_FORMAT_VERSION = 1 as const;

export function renderDiffJson(report: DiffReport): string {
  const document = { format: DIFF_REPORT_FORMAT, formatVersion: DIFF_REPORT_FORMAT_VERSION, ...report };
  return `${JSON.stringify(document, null, 2)}\n`;
}
