import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { populationLeads, POPULATION_AS_OF } from "../../examples/population.js";
import { RULES_DIR } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";
import { writeReferenceSides } from "./helpers.js";
import { POSTGRES_URL, requirePostgresInCi } from "../sql/support/databases.js";

requirePostgresInCi();

/**
 * `leadscore diff --engine postgres --leads-table … --events-table …` over a population that is already
 * PostgreSQL tables gives the report the JS engine gives on the same population as files, byte for byte
 * (every format, the full report) — but for what names the inputs: the population section (tables are
 * not files) and the place a moved lead comes from. The tables hold what a file cannot (typed NULLs) and
 * rows the table path does not score (no id, a shared id, events without a lead_id, a time or a type):
 * those are counted and listed, and the files hold exactly the rows the tables' path scores.
 */
const DAY = 86_400_000;
const AS_OF_MS = Date.parse(POPULATION_AS_OF);

/** The head's changes, on the reference rules: moves by threshold, new rule, exclusion, actions. */
const CHANGES: Record<string, Array<[string, string]>> = {
  "schema.score": [["  plan: string?\n", "  plan: string?\n  created_at: date?\n"]],
  "routing.score": [
    ["bucket MQL >= 100", "bucket MQL >= 85"],
    ['because "job seeker"', 'because "job seeker"\nexclude when title contains "intern" because "intern"'],
  ],
  "enterprise.score": [
    [
      "    decay 50% every 30d",
      '    when event = page_view where url starts with "/PRICING" add 7 each max 21 within 30d\n    decay 50% every 30d',
    ],
  ],
  "smb.score": [
    [
      "when event = content_download add 10 within 60d",
      'when event = content_download add 13 within 60d\n    when event = content_download where asset = "roi-guid" add 2',
    ],
    [
      "when employees between 10 and 499 add 10",
      'when employees between 10 and 499 add 10\n    when industry = "helthcare" add 1\n    when country = "Brazill" add 1',
    ],
  ],
};

/** Ids a report must escape (markup, SQL, terminal control, astral characters, quotes). */
const HOSTILE_IDS = [
  "<img src=x onerror=alert(1)>",
  "| pipe | `tick` *star*",
  "'; DROP TABLE leads; --",
  'quote " and \\ backslash',
  "esc \u001b[31mred",
  "astral \u{1F600} é",
  "Robert'); --",
  "[link](javascript:alert(1))",
];

interface Lead {
  id: string;
  fields: Record<string, unknown>;
  events: Array<Record<string, unknown>>;
}

/** UTF-8 byte order, as PostgreSQL's "C" collation orders the ids. */
const bytewise = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The leads both paths score: generated, with hostile ids, values that only trimming and folding equate. */
function scoredLeads(): Lead[] {
  const leads: Lead[] = [];
  let n = 0;
  for (const { lead, events } of populationLeads({ seed: 16, leads: 500 })) {
    const { converted: _converted, id, ...fields } = lead;
    const own: Record<string, unknown> = { ...fields };
    if (n % 5 === 0)
      own.created_at = new Date(AS_OF_MS - ((n * 7919) % 200) * DAY - (n % 7) * 1000).toISOString();
    if (n % 13 === 3) own.title = `  ${String(fields.title).toUpperCase()}  `;
    if (n % 17 === 4) own.title = "Marketing Intern";
    if (n % 19 === 6) own.country = " us ";
    // A value only the population has (not the fixtures): its first spelling in id order is the table's.
    if (n % 29 === 9) own.country = ["BRAZIL", " Brazil "][n % 2];
    if (n % 23 === 8) delete own.industry;
    // The first spelling of a value (in id order) is the one a suggestion quotes.
    if (own.industry === "healthcare") own.industry = [" HealthCare ", "HEALTHCARE"][n % 2];
    const given: Array<Record<string, unknown>> = events.map(({ lead_id: _lead, ...event }) => event);
    if (n % 11 === 2) {
      given.push({
        type: "page_view",
        at: new Date(AS_OF_MS - 3 * DAY).toISOString(),
        url: " /pricing/plans ",
      });
    }
    given.sort((a, b) => Date.parse(String(a.at)) - Date.parse(String(b.at)));
    let last = Number.NEGATIVE_INFINITY;
    const timed = given.map((event) => {
      // Distinct times within a lead: a table's events are in time order.
      let at = Date.parse(String(event.at));
      if (at <= last) at = last + 1;
      last = at;
      const spelled =
        event.asset === "roi-guide" ? { ...event, asset: [" ROI-Guide", "roi-GUIDE "][n % 2] } : event;
      return { ...spelled, at: new Date(at).toISOString() };
    });
    leads.push({ id: n < HOSTILE_IDS.length ? HOSTILE_IDS[n]! : id, fields: own, events: timed });
    n += 1;
  }
  return leads.sort((a, b) => bytewise(a.id, b.id));
}

let project: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
  writeFileSync(path.join(project, file), text);
};

const SCHEMA = 'o"dd sch';
const LEADS = `${SCHEMA}.le'ads; DROP TABLE x --`;
const EVENTS = `${SCHEMA}.events`;

const LEAD_COLUMNS: Array<[string, string]> = [
  ["id", "TEXT"],
  ["email", "TEXT"],
  ["title", "TEXT"],
  ["industry", "TEXT"],
  ["employees", "NUMERIC"],
  ["country", "TEXT"],
  ["stage", "TEXT"],
  ["plan", "TEXT"],
  ["created_at", "TIMESTAMPTZ"],
];
const EVENT_COLUMNS: Array<[string, string]> = [
  ["lead_id", "TEXT"],
  ["type", "TEXT"],
  ["at", "TIMESTAMPTZ"],
  ["campaign", "TEXT"],
  ["url", "TEXT"],
  ["seconds", "DOUBLE PRECISION"],
  ["asset", "TEXT"],
];

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const table = (dotted: string) => dotted.split(".").map(ident).join(".");

/** Rows the tables hold and the files do not: what the table path counts and lists instead of scoring. */
const LEADS_WITHOUT_ID = [null, "   ", null];
const SHARED_IDS = [
  ["twice", 2],
  ["thrice", 3],
] as const;
const EVENTS_NOT_SCORED = 6;

async function loadTables(leads: readonly Lead[]): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: POSTGRES_URL! });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${ident(SCHEMA)} CASCADE`);
    await client.query(`CREATE SCHEMA ${ident(SCHEMA)}`);
    const create = (name: string, columns: Array<[string, string]>) =>
      client.query(`CREATE TABLE ${table(name)} (${columns.map(([c, t]) => `${ident(c)} ${t}`).join(", ")})`);
    await create(LEADS, LEAD_COLUMNS);
    await create(EVENTS, EVENT_COLUMNS);
    const insert = async (name: string, columns: Array<[string, string]>, rows: unknown[][]) => {
      // One array parameter per column: the values are never SQL text.
      const arrays = columns.map((_, i) => rows.map((row) => row[i] ?? null));
      const casts = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
      await client.query(`INSERT INTO ${table(name)} SELECT * FROM unnest(${casts})`, arrays);
    };
    const leadRows: unknown[][] = [];
    const eventRows: unknown[][] = [];
    for (const lead of leads) {
      leadRows.push(LEAD_COLUMNS.map(([column]) => (column === "id" ? lead.id : lead.fields[column])));
      for (const event of lead.events) {
        eventRows.push(EVENT_COLUMNS.map(([column]) => (column === "lead_id" ? lead.id : event[column])));
      }
    }
    const someone = leads[10]!;
    for (const id of LEADS_WITHOUT_ID) leadRows.push([id, "x@example.com", "CEO", null, 9000, "US", "lead"]);
    for (const [id, times] of SHARED_IDS) {
      for (let i = 0; i < times; i++) leadRows.push([id, `${i}@example.com`, "CTO", null, 800, "DE", "mql"]);
      eventRows.push([id, "demo_request", new Date(AS_OF_MS - DAY).toISOString()]);
    }
    const at = new Date(AS_OF_MS - 2 * DAY).toISOString();
    eventRows.push(
      [null, "demo_request", at],
      ["  ", "demo_request", at],
      [someone.id, "demo_request", null],
      [someone.id, "webinar_attended", null],
      [someone.id, null, at],
      [someone.id, "   ", at],
      // A lead the tables do not have: filed under its id, for no one (as in the files).
      ["nobody", "email_open", at],
    );
    // Stored in no particular order: the table path orders by id.
    leadRows.reverse();
    await insert(LEADS, LEAD_COLUMNS, leadRows);
    await insert(EVENTS, EVENT_COLUMNS, eventRows);
  } finally {
    await client.end();
  }
}

const FORMATS = ["markdown", "text", "json"] as const;

async function diff(extra: string[], format: string) {
  const full = path.join(project, `full-${extra.length}-${format}`);
  const run = await runLeadscore(
    ["diff", "--base-dir", "base", "--format", format, "--full-report", full, ...extra],
    project,
  );
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return { stdout: run.stdout, full: readFileSync(full, "utf8") };
}

/**
 * A report with its population section and rejected count cut out, and (`moves`) each moved lead's place
 * in the leads file written as the table path names it: `<leads table> id "<id>"`. What remains must be
 * byte for byte the same; the cut parts are asserted on their own.
 */
function comparable(format: string, report: string, moves: readonly Lead[] | null): string {
  let text = report;
  if (moves !== null) {
    text = text.replace(/data\/leads\.ndjson record (\d+) \(line \d+\)/g, (_, record: string) => {
      const source = `${LEADS} id ${JSON.stringify(moves[Number(record) - 1]!.id)}`;
      return format === "json" ? JSON.stringify(source).slice(1, -1) : source;
    });
  }
  if (format === "json") {
    const parsed = JSON.parse(text);
    delete parsed.population;
    return JSON.stringify(parsed, null, 2);
  }
  if (format === "markdown") {
    return text
      .replace(/\n\| Rejected records \| [\d,]+ \|/, "")
      .replace(/<details>\n<summary>Population[\s\S]*?<\/details>\n/, "<population>\n");
  }
  return text
    .replace(/, [\d,]+ rejected records?\n/, "\n")
    .replace(/\nPopulation\n[\s\S]*$/, "\n<population>\n");
}

const describePostgres = POSTGRES_URL === null ? describe.skip : describe;

describePostgres("leadscore diff --engine postgres over tables", () => {
  let leads: Lead[];
  beforeAll(async () => {
    project = mkdtempSync(path.join(tmpdir(), "leadscore-diff-tables-"));
    writeReferenceSides(project, CHANGES);
    copyFileSync(path.join(RULES_DIR, "tests/acme.test.yaml"), path.join(project, "acme.test.yaml"));
    leads = scoredLeads();
    const lines = leads.map((lead) => JSON.stringify({ id: lead.id, ...lead.fields }));
    write("data/leads.ndjson", `${lines.join("\n")}\n`);
    const events = leads.flatMap((lead) =>
      lead.events.map((event) => JSON.stringify({ lead_id: lead.id, ...event })),
    );
    events.push(
      JSON.stringify({
        lead_id: "nobody",
        type: "email_open",
        at: new Date(AS_OF_MS - 2 * DAY).toISOString(),
      }),
    );
    write("data/events.ndjson", `${events.join("\n")}\n`);
    write(
      "leadscore.yaml",
      [
        "rules: rules",
        "fixtures: [acme.test.yaml]",
        `as_of: ${POPULATION_AS_OF}`,
        "population:",
        "  - leads: data/leads.ndjson",
        "    events: data/events.ndjson",
        "",
      ].join("\n"),
    );
    await loadTables(leads);
  }, 120_000);

  afterAll(() => {
    rmSync(project, { recursive: true, force: true });
  });

  const leadsTable = () => ["--engine", "postgres", "--database", POSTGRES_URL!, "--leads-table", LEADS];
  const tables = () => [...leadsTable(), "--events-table", EVENTS];

  it("gives the JS engine's report on the same population as files, every format and the full report", async () => {
    for (const format of FORMATS) {
      const js = await diff([], format);
      const postgres = await diff(tables(), format);
      expect(comparable(format, postgres.stdout, null)).toBe(comparable(format, js.stdout, leads));
      expect(comparable(format, postgres.full, null)).toBe(comparable(format, js.full, leads));
      // Only the population section and the rejected count were cut.
      for (const report of [postgres.stdout, js.full]) {
        expect(report.length - comparable(format, report, null).length).toBeLessThan(
          format === "json" ? 4_000 : 3_000,
        );
      }
      if (format === "json") {
        const report = JSON.parse(postgres.stdout);
        expect(report.summary.moved).toBeGreaterThan(20);
        expect(report.moved.some((lead: { id: string }) => HOSTILE_IDS.includes(lead.id))).toBe(true);
        // Values the rules probe and no lead has (observed in SQL, over every lead), with the nearest one.
        const unseen = report.usage.unseenValues.map((value: { value: string; suggestion: string }) => [
          value.value,
          value.suggestion,
        ]);
        expect(unseen).toEqual([
          ["helthcare", "healthcare"],
          ["Brazill", "Brazil"],
          ["roi-guid", "roi-guide"],
        ]);
      }
    }
  }, 300_000);

  it("counts and lists the rows it does not score, and names a moved lead by its table and id", async () => {
    const report = JSON.parse((await diff(tables(), "json")).stdout);
    const js = JSON.parse((await diff([], "json")).stdout);
    const withoutId = LEADS_WITHOUT_ID.length;
    const sharing = SHARED_IDS.reduce((sum, [, times]) => sum + times, 0);
    const leadRows = leads.length + withoutId + sharing;
    const eventRows = leads.reduce((sum, lead) => sum + lead.events.length, 0) + 2 + EVENTS_NOT_SCORED + 1;
    // The fixture file first, as for files; then the tables, events before leads.
    expect(report.population.sources.slice(1)).toEqual([
      {
        source: EVENTS,
        read: eventRows,
        accepted: eventRows - EVENTS_NOT_SCORED,
        rejected: EVENTS_NOT_SCORED,
      },
      { source: LEADS, read: leadRows, accepted: leads.length, rejected: withoutId + sharing },
    ]);
    expect(report.population.sources[0]).toEqual(js.population.sources[0]);
    expect(report.population.rejected).toBe(js.population.rejected + EVENTS_NOT_SCORED + withoutId + sharing);
    const someone = JSON.stringify(leads[10]!.id);
    expect(report.population.rejects.slice(-(EVENTS_NOT_SCORED + withoutId + sharing))).toEqual([
      {
        source: `${EVENTS} (an event without a lead_id)`,
        reason: "no lead_id: the event belongs to no lead",
      },
      {
        source: `${EVENTS} (an event without a lead_id)`,
        reason: "no lead_id: the event belongs to no lead",
      },
      { source: `${EVENTS} lead_id ${someone}`, reason: "no type: the event counts for no rule" },
      { source: `${EVENTS} lead_id ${someone}`, reason: "no type: the event counts for no rule" },
      { source: `${EVENTS} lead_id ${someone}`, reason: "no time (at): the event counts for no rule" },
      { source: `${EVENTS} lead_id ${someone}`, reason: "no time (at): the event counts for no rule" },
      ...Array.from({ length: withoutId }, () => ({
        source: `${LEADS} (a row without an id)`,
        reason: "no id: a table's lead is the row of its id",
      })),
      ...Array.from({ length: 3 }, () => ({
        source: `${LEADS} id "thrice"`,
        reason: "3 rows have this id: none of them is scored (a lead is one row per id)",
      })),
      ...Array.from({ length: 2 }, () => ({
        source: `${LEADS} id "twice"`,
        reason: "2 rows have this id: none of them is scored (a lead is one row per id)",
      })),
    ]);
    const moved = report.moved.find((lead: { source: string }) => lead.source.startsWith(LEADS));
    expect(moved.source).toBe(`${LEADS} id ${JSON.stringify(moved.id)}`);
  }, 120_000);

  it("gives each lead the result score --engine postgres gives it on the same tables", async () => {
    const report = JSON.parse((await diff(tables(), "json")).stdout);
    const score = await runLeadscore(
      [
        "score",
        "--rules",
        "rules",
        "--as-of",
        POPULATION_AS_OF,
        ...tables(),
        "--into",
        `${SCHEMA}.results`,
        "--dry-run",
        "--json",
      ],
      project,
    );
    expect(score.code).toBe(0);
    // The same rows left out, for the same reasons.
    const summary = JSON.parse(score.stderr);
    expect(summary.leads).toMatchObject({
      read: leads.length + 8,
      scored: leads.length,
      withoutId: 3,
      sharingId: 5,
    });
    const results = new Map<string, { to: string | null; score: { to: number } }>();
    for (const line of score.stdout.trim().split("\n")) {
      const result = JSON.parse(line);
      results.set(result.id, result);
    }
    expect(results.size).toBe(leads.length);
    const tableMoves = report.moved.filter((lead: { source: string }) => lead.source.startsWith(LEADS));
    expect(tableMoves.length).toBeGreaterThan(20);
    for (const lead of tableMoves) {
      const result = results.get(lead.id)!;
      expect(result.score.to).toBe(lead.after.score);
      expect(result.to).toBe(lead.after.bucket.startsWith("(") ? null : lead.after.bucket);
    }
  }, 120_000);

  it("refuses table options without PostgreSQL, and events rules without an events table", async () => {
    const cases: Array<[string[], string]> = [
      [
        ["--leads-table", "leads"],
        "--leads-table names a PostgreSQL table: use it with --engine postgres --database <url>",
      ],
      [["--events-table", "events"], "--events-table goes with --leads-table: name the leads table too"],
      [
        ["--engine", "postgres", "--database", POSTGRES_URL!, "--leads-table", "leads.csv"],
        "--leads-table: `leads.csv` is a file; this option names a table, [schema.]table",
      ],
      [
        ["--engine", "postgres", "--database", POSTGRES_URL!, "--leads-table", "ls_leads"],
        "--leads-table: `ls_leads` is also the name of a step of the generated SQL (ls_…): name the table with its schema, e.g. public.ls_leads",
      ],
      [
        [...leadsTable(), "--on-duplicate", "keep-last"],
        "--on-duplicate is for lead files; tables (--leads-table) are read by their column names, a lead being a row with an id no other row has: leave --on-duplicate out",
      ],
      [leadsTable(), "these rules read events: name their table with --events-table <table>"],
    ];
    for (const [flags, message] of cases) {
      const run = await runLeadscore(["diff", "--base-dir", "base", ...flags], project);
      expect(run.stderr).toContain(message);
      expect(run.code).toBe(2);
    }
  });
});
