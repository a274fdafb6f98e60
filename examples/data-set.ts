/**
 * The example data set as text: the population of `population.ts` written as the three files of
 * `examples/data/`, with a handful of deliberately bad records (DEFECTS below) so that `leadscore score`
 * shows how it reports them. Pure: the same seed and size give the same bytes.
 */
import { csvField } from "../src/io/write-results.js";
import { generatePopulation, LEAD_KEYS, type PopulationEvent, type PopulationLead } from "./population.js";

type LeadValues = Record<string, string | number | undefined>;
type EventValues = Record<string, string | number | undefined>;

interface DataSet {
  leads: LeadValues[];
  /** Each lead's events, by lead position. */
  eventsOf: EventValues[][];
}

/**
 * The deliberate defects, each on the lead at a fixed fraction of the population so that any size shows
 * them; they appear in both leads files (an event defect in events.ndjson and in the lead's embedded events).
 */
const DEFECTS: ReadonlyArray<{ at: number; what: string; apply(data: DataSet, index: number): void }> = [
  {
    at: 0.07,
    what: "employees written as words (`about 200`): not a number",
    apply: (data, i) => setField(data, i, "employees", "about 200"),
  },
  {
    at: 0.19,
    what: "stage `prospect`: not one of the declared stages",
    apply: (data, i) => setField(data, i, "stage", "prospect"),
  },
  {
    at: 0.33,
    what: "no email: a required field is missing",
    apply: (data, i) => setField(data, i, "email", undefined),
  },
  {
    at: 0.47,
    what: "an event with an impossible timestamp (month 13)",
    apply: (data, i) => addEvent(data, i, { type: "page_view", at: "2026-13-05T10:00:00Z", url: "/pricing" }),
  },
  {
    at: 0.61,
    what: "an event of an undeclared type (`tweet`)",
    apply: (data, i) => addEvent(data, i, { type: "tweet", at: "2026-10-20T09:30:00Z" }),
  },
  {
    at: 0.89,
    what: "a page view whose `seconds` is text",
    apply: (data, i) =>
      addEvent(data, i, { type: "page_view", at: "2026-10-21T14:00:00Z", url: "/pricing", seconds: "long" }),
  },
];

/** A broken line after the lead at this fraction: a ragged CSV row, and an unfinished JSON line. */
const BROKEN_LINE_AT = 0.75;
const BROKEN_CSV_ROW = "L-broken,kai@brokenrow.com,CEO,software,50,US,lead,,0,an extra column";
const BROKEN_JSON_LINE = '{"id":"L-broken","email":"kai@brokenrow.com","title":"CEO",';

/** Lines only the events file has: no lead id, not JSON, and events of a lead that is in no leads file. */
function eventsFileDefects(): string[] {
  return [
    JSON.stringify({ type: "email_open", at: "2026-10-02T08:00:00Z" }),
    '{"lead_id":"L1","type":"email_open","at":',
    JSON.stringify({ lead_id: "L-unknown", type: "email_open", at: "2026-10-03T08:00:00Z" }),
    JSON.stringify({
      lead_id: "L-unknown",
      type: "page_view",
      at: "2026-10-04T08:00:00Z",
      url: "/pricing",
      seconds: 30,
    }),
  ];
}

export interface DataSetFiles {
  /** The leads, one row each (header = the fields of the rules' `lead` block). */
  "leads.csv": string;
  /** Their events, one per line with `lead_id`, in time order (so not grouped by lead). */
  "events.ndjson": string;
  /** The same leads, one per line, each with its events embedded. */
  "leads.ndjson": string;
}

/** What a reader of the files should find in them, for the README and the tests. */
export function renderDataSet(options: { seed: number; leads: number }): DataSetFiles {
  const count = options.leads;
  const population = generatePopulation({ seed: options.seed, leads: count });
  const data: DataSet = {
    leads: population.leads.map((lead: PopulationLead) => ({ ...lead })),
    eventsOf: groupEvents(population.leads, population.events),
  };
  for (const defect of DEFECTS) defect.apply(data, Math.floor(defect.at * count));
  const brokenAfter = Math.floor(BROKEN_LINE_AT * count);

  const csv = [LEAD_KEYS.join(",")];
  const ndjson: string[] = [];
  data.leads.forEach((lead, index) => {
    csv.push(
      LEAD_KEYS.map((field) => csvField(lead[field] === undefined ? "" : String(lead[field]))).join(","),
    );
    const events = (data.eventsOf[index] ?? []).map(withoutLeadId);
    ndjson.push(JSON.stringify({ ...definedOnly(lead), events }));
    if (index === brokenAfter) {
      csv.push(BROKEN_CSV_ROW);
      ndjson.push(BROKEN_JSON_LINE);
    }
  });

  // The events file is in time order, as an event stream exports it: a lead's events are spread out.
  const timeline = data.eventsOf
    .flatMap((events, leadIndex) => events.map((event, order) => ({ event, leadIndex, order })))
    .sort(
      (a, b) =>
        compareText(String(a.event.at), String(b.event.at)) || a.leadIndex - b.leadIndex || a.order - b.order,
    )
    .map(({ event, leadIndex }) =>
      JSON.stringify({ lead_id: data.leads[leadIndex]?.id, ...withoutLeadId(event) }),
    );
  const defects = eventsFileDefects();
  // Spread the events-file defects through the file rather than at its end.
  defects.forEach((line, i) => {
    timeline.splice(Math.floor(((i + 1) * timeline.length) / (defects.length + 1)), 0, line);
  });

  return {
    "leads.csv": `${csv.join("\n")}\n`,
    "events.ndjson": `${timeline.join("\n")}\n`,
    "leads.ndjson": `${ndjson.join("\n")}\n`,
  };
}

function setField(data: DataSet, index: number, field: string, value: string | undefined): void {
  const lead = data.leads[index];
  if (lead !== undefined) lead[field] = value;
}

function addEvent(data: DataSet, index: number, event: EventValues): void {
  data.eventsOf[index]?.push(event);
}

function groupEvents(leads: readonly PopulationLead[], events: readonly PopulationEvent[]): EventValues[][] {
  const positions = new Map(leads.map((lead, index) => [lead.id, index]));
  const grouped: EventValues[][] = leads.map(() => []);
  for (const event of events) grouped[positions.get(event.lead_id) ?? -1]?.push({ ...event });
  return grouped;
}

function withoutLeadId(event: EventValues): EventValues {
  const { lead_id: _leadId, ...rest } = event;
  return rest;
}

function definedOnly(values: LeadValues): LeadValues {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
