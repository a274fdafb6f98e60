/**
 * Hostile records for the Parquet fast paths (`score --engine duckdb`, `diff --engine duckdb`): a ruleset
 * with every field type, and leads and events with what the input layer must judge itself — spaces and
 * no-break spaces, Unicode case, quotes and wildcards, line breaks, placeholders, shared ids, numbers and
 * dates in unusual spellings, unknown event types, events without a lead, after the as-of time or before
 * 2000 — and the reading options they are read under.
 */
export const AS_OF = "2026-11-01T00:00:00Z";

export const RULES = `
ruleset "hostile" version 1
lead {
  id: string
  email: string
  title: string?
  stage: subscriber | lead | customer
  employees: number?
  revenue: number?
  partner: boolean?
  signed_up: date?
  last_seen: date?
}
event page_view { url: string, seconds: number? }
event demo_request
event email_click { campaign: string? }
exclude when email ends with "@x.io" and employees >= 1000 because "tester"
exclude when event = page_view where url starts with "/x" within 30d because "odd"
grade fit A >= 30, B >= 10, else C
bucket Hot >= 50 -> route sales within 4h say "Call"
bucket Warm when grade in [A, B] -> nurture "warm"
bucket Cold otherwise -> disqualify
model enterprise when employees >= 500 {
  fit {
    when title in [CEO, CTO, "x%_'\\""] add 30
    when title starts with "VP" add 20
    when revenue > 1.5 add 3
    when partner = true add 5
    when signed_up within 30d add 7
    when last_seen within 90d add 9
    when stage = customer subtract 5
  }
  engagement {
    when event = page_view where url starts with "/pricing" add 10 each max 30 within 30d
    when event = demo_request add 50 within 30d
    when event = email_click where campaign = "fall" add 2 each
  }
}
model smb {
  fit {
    when title in [Founder, CEO, "Ünï"] add 25
    when stage in [lead, Customer] add 1
  }
  engagement {
    when event = page_view add 1 each max 5 within 60d
  }
}
`;

export type Cell = string | number | boolean | null;

/** Lead columns: their Parquet types; `Work Email` is mapped with --columns. */
export const LEAD_COLUMNS: Array<[string, string]> = [
  ["id", "VARCHAR"],
  ["Work Email", "VARCHAR"],
  ["title", "VARCHAR"],
  ["stage", "VARCHAR"],
  ["employees", "VARCHAR"],
  ["revenue", "DOUBLE"],
  ["partner", "VARCHAR"],
  ["signed_up", "VARCHAR"],
  ["last_seen", "TIMESTAMP"],
  ["notes", "VARCHAR"],
];

export const plain = (id: string, employees = "800"): Cell[] => [
  id,
  `${id.toLowerCase()}@bigco.com`,
  "CEO",
  "lead",
  employees,
  2.5,
  "yes",
  "2026-10-20T10:00:00Z",
  "2026-09-01T00:00:00Z",
  null,
];

export const LEADS: Cell[][] = [
  plain("P1"),
  plain("P2", "20"),
  [" T1 ", " t1@x.io ", " ceo ", " LEAD ", " 1e3 ", 0, "No", "2026-10-20 10:00:00", null, "n"],
  ["\u00a0N1", "n1@x.io", "Ünï", "lead", "10", null, null, null, null, null],
  ["N2", "n2@x.io", "İ", "lead\u00a0", "900", null, "1", null, null, null],
  ["N3", "n3@x.io", "ß", "Customer", "+7", null, " TRUE ", "2026-10-20", null, null],
  ["Q1", "q1@x.io", "x%_'\"", "lead", "5.", null, null, null, null, null],
  ["Q2", "q2@x.io", 'line\nbreak, "quoted"', "lead", "1200", null, null, null, null, null],
  ["B1", "b1@x.io", "CEO", "prospect", "800", null, null, null, null, null],
  ["B2", null, "CEO", "lead", "800", null, null, null, null, null],
  ["B3", "b3@x.io", "CEO", "lead", "1,200", null, null, null, null, null],
  ["B4", "b4@x.io", "CEO", "lead", "0x10", null, "maybe", null, null, null],
  ["B5", "b5@x.io", "CEO", "lead", "800", Number.NaN, null, null, null, null],
  ["B6", "b6@x.io", "CEO", "lead", "800", null, null, "2026-02-30T00:00:00Z", null, null],
  ["B7", "b7@x.io", "CEO", "lead", "800", null, null, "1793000000", null, null],
  ["B8", "b8@x.io", "CEO", "lead", "800", null, null, "2026-10-20T10:00:00+02:00", null, null],
  ["B9", "b9@x.io", "CEO", "N/A", "N/A", null, "Select", null, null, null],
  ["  ", "blank@x.io", "CEO", "lead", "800", null, null, null, null, null],
  [null, "none@x.io", "CEO", "lead", "800", null, null, null, null, null],
  ["N/A", "na@x.io", "CEO", "lead", "800", null, null, null, null, null],
  ["D1", "d1a@x.io", "CEO", "lead", "800", null, null, null, null, null],
  plain("P3"),
  ["D1", "d1b@x.io", "CTO", "lead", "900", null, null, null, null, null],
  ["D2", "d2@x.io", "CEO", "prospect", "800", null, null, null, null, null],
  [" D2", "d2b@x.io", "CEO", "lead", "800", null, null, null, null, null],
  ["E1", "e1@x.io", "CEO", "lead", "800", null, null, null, null, null],
  ["E2", "e2@x.io", "CEO", "lead", "800", null, null, null, null, null],
  ["E3", "e3@x.io", "CEO", "lead", "800", null, null, null, null, null],
  ["E4", "e4@x.io", "CEO", "lead", "800", null, null, null, null, null],
  plain("P4", "10"),
  ["E5", "e5@x.io", "VP Sales", "customer", "", 1e300, "0", null, "1999-01-01T00:00:00Z", null],
];

/** Events: lead_id, type, at (TIMESTAMP or text), url, seconds (DOUBLE), campaign. */
export const EVENTS: Cell[][] = [
  ["P1", "page_view", "2026-10-30T10:00:00Z", "/pricing", 30, null],
  ["P1", "demo_request", "2026-10-29T10:00:00Z", null, null, null],
  ["P1", "email_click", "2026-10-28T10:00:00Z", null, null, "fall"],
  ["P2", "page_view", "2026-10-20T10:00:00.250Z", "/docs", 5, null],
  [" T1", " Page_View ", "2026-10-30T10:00:00Z", "/pricing/x", null, null],
  [null, "page_view", "2026-10-30T10:00:00Z", "/pricing", null, null],
  ["", "page_view", "2026-10-30T10:00:00Z", "/pricing", null, null],
  ["E1", "tweet", "2026-10-30T10:00:00Z", null, null, null],
  ["E2", "page_view", null, "/pricing", null, null],
  ["E3", "page_view", "2026-10-30T10:00:00Z", null, null, null],
  ["E4", "page_view", "2026-10-30T10:00:00Z", "   ", 1, null],
  ["E5", "page_view", "2026-11-02T00:00:00Z", "/pricing", 1, null],
  ["E5", "email_click", "1999-06-01T00:00:00Z", null, null, "FALL "],
  ["L9", "demo_request", "2026-10-30T10:00:00Z", null, null, null],
  ["L8", "tweet", "2026-10-30T10:00:00Z", null, null, null],
  ["D1", "demo_request", "2026-10-30T10:00:00Z", null, null, null],
  ["P3", "page_view", "2026-10-01T00:00:00Z", "/pricing", 10, null],
  ["P3", "page_view", "2026-10-02T00:00:00Z", "/PRICING", 10, null],
  ["N2", "demo_request", "2026-10-31T00:00:00Z", null, null, null],
  ["L9", "page_view", "2026-10-30T10:00:00Z", "/x", null, null],
];
export const EVENT_COLUMNS = ["lead_id", "type", "at", "url", "seconds", "campaign"];

export const sqlValue = (value: Cell, type: string): string => {
  if (value === null) return `CAST(NULL AS ${type})`;
  if (typeof value === "number")
    return Number.isNaN(value) ? `CAST('NaN' AS ${type})` : `CAST(${value} AS ${type})`;
  return `CAST('${String(value).replace(/'/g, "''")}' AS ${type})`;
};
export const OPTION_SETS: Array<[string, string[]]> = [
  ["the defaults", []],
  [
    "placeholders, keep-last, epoch seconds",
    ["--missing-values", "N/A,Select", "--on-duplicate", "keep-last", "--epoch", "s"],
  ],
  [
    "reject duplicates, a placeholder for one field",
    ["--on-duplicate", "reject", "--missing-values", "stage=N/A"],
  ],
];
