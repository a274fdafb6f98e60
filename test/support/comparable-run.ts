import { readFileSync } from "node:fs";

/**
 * What two `score` runs over the same records in different formats (Parquet against CSV/NDJSON, one
 * engine against another) must agree on, with what may differ by format taken out.
 */

/** A rejects file's records as `{ record, reason, raw }`; an events file's name and line in a reason removed. */
export function comparableRejects(file: string): Array<{ record: number; reason: string; raw: unknown }> {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      const { record, reason, raw } = JSON.parse(line) as { record: number; reason: string; raw: unknown };
      return { record, reason: reason.replace(/\([\w.-]+ line \d+\)/g, "(events line)"), raw };
    });
}

/** The `--json` summary without the file names and the detected format and delimiter. */
export function comparableSummary(stderr: string): Record<string, unknown> {
  const summary = JSON.parse(stderr);
  summary.leads.source = null;
  if (summary.events !== null) summary.events.source = null;
  summary.input.format = null;
  summary.input.delimiter = null;
  return summary;
}
