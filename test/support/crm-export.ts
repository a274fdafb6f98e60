/**
 * A generated "real CRM export", from a seed: human headers with spaces and case, `Select` placeholders,
 * empty cells, quoted cells holding delimiters and quotes, a 0/1 outcome column, timestamps as ISO dates
 * or epoch numbers. The same leads can be written with any delimiter, line ending and byte order mark, so
 * that a test can check every way of reading them gives the same results.
 */

/** The rules the corpus is scored with: every field type, a placeholder-sensitive rule, an exclusion. */
export const CRM_RULES = `ruleset "crm" version 1

lead {
  id: string
  lead_origin: string
  lead_source: string?
  total_visits: number?
  specialization: string?
  do_not_email: boolean?
  last_activity_at: date?
  notes: string?
}

model everyone "Every lead" {
  fit {
    when lead_origin = "Lead Add Form" add 40
    when lead_source in ["Google", "Reference"] add 10
    when specialization is missing subtract 5
    when do_not_email = true subtract 20
    when notes contains "call" add 3
  }
}

exclude when lead_source = "Competitor" because "competitor"

grade fit A >= 40, B >= 20, C >= 5, else D
grade engagement 1 >= 100, else 2

bucket Hot when total_visits >= 5 and fit >= 40 -> route sales within 4h
bucket Warm >= 10 -> nurture "warm"
bucket Recent when last_activity_at >= 2026-10-01 -> nurture "recent"
bucket Cold otherwise -> disqualify
`;

export const AS_OF = "2026-11-01T00:00:00Z";

export const HEADERS = [
  "Prospect ID",
  "Lead Origin",
  "Lead Source",
  "TotalVisits",
  "Specialization",
  "Do Not Email",
  "Last Activity At",
  "Notes",
  "Converted",
] as const;

export interface ExportRow {
  id: string;
  origin: string;
  source: string;
  visits: string;
  specialization: string;
  doNotEmail: string;
  /** Epoch milliseconds, or null for an empty cell. */
  lastActivity: number | null;
  notes: string;
  converted: string;
}

/** mulberry32: a tiny seeded generator, so the corpus is the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateExport(count: number, seed: number): ExportRow[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const day = Date.UTC(2026, 7, 1);
  return Array.from({ length: count }, (_, i) => ({
    id: `P-${String(1000 + i)}`,
    origin: pick(["Lead Add Form", "API", "Landing Page Submission", "lead add form "]),
    source: pick(["Google", "Reference", "Olark Chat", "Competitor", "", "Select"]),
    visits: pick(["", "0", "2", "5", "7", "12"]),
    specialization: pick(["Select", "Finance Management", "Marketing", ""]),
    doNotEmail: pick(["Yes", "No", "No"]),
    lastActivity: next() < 0.2 ? null : day + Math.floor(next() * 90) * 86_400_000,
    notes: pick(["", "call back, after 5pm", 'said "call me"', "no"]),
    converted: pick(["0", "1"]),
  }));
}

export interface CsvShape {
  delimiter: "," | ";" | "\t" | "|";
  eol: "\n" | "\r\n" | "\r";
  bom?: boolean;
  /** Timestamps as ISO dates (default) or epoch numbers in this unit. */
  epoch?: "s" | "ms";
  /** A delimiter at the end of every line (an empty last header). */
  trailingDelimiter?: boolean;
}

function cell(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function timeCell(ms: number | null, epoch: CsvShape["epoch"]): string {
  if (ms === null) return "";
  if (epoch === "s") return String(ms / 1000);
  if (epoch === "ms") return String(ms);
  return new Date(ms).toISOString().slice(0, 10);
}

export function toCsv(rows: readonly ExportRow[], shape: CsvShape): string {
  const end = shape.trailingDelimiter ? shape.delimiter : "";
  const line = (cells: readonly string[]) =>
    cells.map((text) => cell(text, shape.delimiter)).join(shape.delimiter) + end;
  const lines = [line(HEADERS)];
  for (const row of rows) {
    lines.push(
      line([
        row.id,
        row.origin,
        row.source,
        row.visits,
        row.specialization,
        row.doNotEmail,
        timeCell(row.lastActivity, shape.epoch),
        row.notes,
        row.converted,
      ]),
    );
  }
  return `${shape.bom ? "\uFEFF" : ""}${lines.join(shape.eol)}${shape.eol}`;
}

/** The same leads as NDJSON keyed by field names, typed as JSON, timestamps as epoch milliseconds. */
export function toNdjson(rows: readonly ExportRow[]): string {
  return rows
    .map((row) => {
      const lead: Record<string, unknown> = { id: row.id, lead_origin: row.origin };
      if (row.source !== "") lead.lead_source = row.source;
      if (row.visits !== "") lead.total_visits = Number(row.visits);
      if (row.specialization !== "") lead.specialization = row.specialization;
      lead.do_not_email = row.doNotEmail === "Yes";
      if (row.lastActivity !== null) lead.last_activity_at = row.lastActivity;
      if (row.notes !== "") lead.notes = row.notes;
      lead.Converted = row.converted;
      return `${JSON.stringify(lead)}\n`;
    })
    .join("");
}
