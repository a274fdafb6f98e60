/**
 * The impact report for machines: the report data as JSON, with a format tag so that readers can tell
 * it apart from other leadscore documents. Keys are in the order the report type declares them.
 */
import type { DiffReport } from "./model.js";
import { DocumentBuilder, documentText, type DocumentPart } from "./document.js";

export const DIFF_REPORT_FORMAT = "leadscore.diff" as const;
export const DIFF_REPORT_FORMAT_VERSION = 1 as const;

export function renderDiffJson(report: DiffReport): string {
  return documentText(diffJsonDocument(report), report);
}

/** Stands for a list in the document's text, where its items are written one by one. */
const LIST_MARKS = { moved: "\u0000moved", rejects: "\u0000rejects" } as const;

const LIST_LINES = [
  { indent: "  ", key: '"moved": ', list: "moved" },
  { indent: "    ", key: '"rejects": ', list: "rejects" },
].map((mark) => ({
  ...mark,
  line: `${mark.indent}${mark.key}${JSON.stringify(LIST_MARKS[mark.list as "moved"])}`,
}));

/**
 * The JSON report as a document whose moved leads and rejects can stream: the text of
 * `JSON.stringify(document, null, 2)` exactly, with each of the two lists written item by item (each item
 * indented to its depth, a comma after every item but the last: the counts say which one is).
 */
export function diffJsonDocument(report: DiffReport): DocumentPart[] {
  const skeleton = jsonDocument({
    ...report,
    moved: LIST_MARKS.moved as never,
    population: { ...report.population, rejects: LIST_MARKS.rejects as never },
  });
  const builder = new DocumentBuilder();
  for (const line of JSON.stringify(skeleton, null, 2).split("\n")) {
    // Only the two lines the skeleton's own keys make, at their own depth: data never reaches them (a
    // string equal to a mark sits deeper, or under another key).
    const mark = LIST_LINES.find((candidate) => line === candidate.line || line === `${candidate.line},`);
    if (mark === undefined) {
      builder.push(line);
      continue;
    }
    const { indent, key, list } = mark;
    const comma = line.endsWith(",") ? "," : "";
    const total = list === "moved" ? report.summary.moved : report.population.rejected;
    if (total === 0) {
      builder.push(`${indent}${key}[]${comma}`);
      continue;
    }
    builder.push(`${indent}${key}[`);
    const item = (value: unknown, index: number): string[] => {
      const lines = JSON.stringify(value, null, 2)
        .split("\n")
        .map((text) => `${indent}  ${text}`);
      if (index < total - 1) lines[lines.length - 1] += ",";
      return lines;
    };
    if (list === "moved") builder.eachMoved(item);
    else builder.eachReject(item);
    builder.push(`${indent}]${comma}`);
  }
  return builder.finish();
}

/** The document as JSON lays it out: the report, without what its full lists already say. */
export function jsonDocument(report: DiffReport): Record<string, unknown> {
  const { refusedByOneSide: _derived, ...population } = report.population;
  return { format: DIFF_REPORT_FORMAT, formatVersion: DIFF_REPORT_FORMAT_VERSION, ...report, population };
}
