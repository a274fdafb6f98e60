/** `leadscore report` on the bundled example data, as the README shows it (add --out or --format). */
export const EXAMPLE_REPORT_ARGS: readonly string[] = [
  "report",
  "--rules",
  "rules",
  "--leads",
  "examples/data/leads.csv",
  "--events",
  "examples/data/events.ndjson",
  "--as-of",
  "2026-11-01T00:00:00Z",
  "--outcome",
  "converted",
];
