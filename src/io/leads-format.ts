import path from "node:path";

/** The formats a leads file may be in; a module of its own so that `--help` loads no reader. */
export type LeadsFormat = "csv" | "ndjson";

/** The format a leads file is read in, from its extension: `.csv`, or `.ndjson` / `.jsonl`; null when unknown. */
export function leadsFormatOf(file: string): LeadsFormat | null {
  const extension = path.extname(file).toLowerCase();
  if (extension === ".csv") return "csv";
  if (extension === ".ndjson" || extension === ".jsonl") return "ndjson";
  return null;
}
