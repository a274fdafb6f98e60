import { describe, expect, it } from "vitest";
import { scoreBatch, type BatchScorer, type RejectLine } from "../../src/batch/score-file.js";
import { readEventsByLead } from "../../src/io/read-events.js";
import type { ReadReject } from "../../src/io/read-item.js";
import type { LeadsFormat } from "../../src/io/leads-format.js";
import { emptyInputReport, readLeadRecords } from "../../src/io/lead-records.js";
import { DEFAULT_INPUT_OPTIONS } from "../../src/io/input-options.js";
import type { RulesetSchema } from "../../src/eval/validate-input.js";
import type { ScoreResult } from "../../src/eval/result.js";
import { readEventTimes } from "../../src/eval/event-times.js";
import { chunked } from "../support/read-helpers.js";

const SCHEMA: RulesetSchema = {
  lead: [
    { name: "id", type: "string", optional: false },
    { name: "email", type: "string", optional: true },
    { name: "employees", type: "number", optional: true },
    { name: "model", type: "string", optional: true },
  ],
  events: [],
};

function leadsOf(text: string, format: LeadsFormat) {
  const input = { open: () => chunked(text), name: `leads.${format}`, format };
  return readLeadRecords(input, SCHEMA, DEFAULT_INPUT_OPTIONS, emptyInputReport(format));
}

/** A stand-in ruleset: employees must be a number, event types must be known, the bucket follows size. */
const standIn = {
  coerceRow(row: Readonly<Record<string, unknown>>) {
    // Blank cells are missing, as in the real coercion.
    const lead: Record<string, unknown> = Object.fromEntries(
      Object.entries(row).filter(([, value]) => value !== ""),
    );
    const issues: Array<{ path: string; reason: string }> = [];
    if (row.employees !== undefined && row.employees !== "") {
      const employees = Number(row.employees);
      if (Number.isNaN(employees))
        issues.push({ path: "lead.employees", reason: `\`${row.employees}\` is not a number` });
      else lead.employees = employees;
    }
    return { lead, issues };
  },
  validate(lead: Readonly<Record<string, unknown>>, events: readonly Readonly<Record<string, unknown>>[]) {
    const issues: Array<{ path: string; reason: string }> = [];
    if (lead.id === undefined || lead.id === "")
      issues.push({ path: "lead.id", reason: "missing required field `id`" });
    if (typeof lead.employees === "string")
      issues.push({ path: "lead.employees", reason: "must be a number" });
    events.forEach((event, i) => {
      if (event.type === "bogus")
        issues.push({ path: `events[${i}].type`, reason: "unknown event type `bogus`" });
    });
    return issues;
  },
};

const scorer: BatchScorer = {
  prepare(record, events) {
    const { lead, issues } = record.fromText
      ? standIn.coerceRow(record.fields)
      : { lead: record.fields, issues: [] };
    const reported = new Set(issues.map((issue) => issue.path));
    const validated = standIn.validate(lead, events).filter((issue) => !reported.has(issue.path));
    return { lead, events, times: readEventTimes(events), issues: [...issues, ...validated] };
  },
  score(lead, events): ScoreResult {
    const employees = typeof lead.employees === "number" ? lead.employees : 0;
    const excluded = String(lead.email ?? "").endsWith("@rival.com") ? "competitor" : null;
    const bucket = excluded !== null ? null : employees >= 500 ? "Big" : employees > 0 ? "Small" : null;
    return {
      id: String(lead.id),
      model: lead.model === "none" ? null : "m",
      fit: employees,
      engagement: events.length,
      score: employees + events.length,
      grade: null,
      bucket: lead.model === "none" ? null : bucket,
      excluded,
      actions: [],
      contributions: [],
    };
  },
};

async function run(leadsText: string, format: LeadsFormat, eventsText?: string, memoryEvents?: number) {
  const rejects: RejectLine[] = [];
  const results: Array<[number, number, string | null, number | null]> = [];
  let events = null;
  if (eventsText !== undefined) {
    const onEventReject = (reject: ReadReject) => void rejects.push({ ...reject, source: "events.ndjson" });
    const index = await readEventsByLead(
      chunked(eventsText),
      onEventReject,
      memoryEvents === undefined ? {} : { memoryEvents },
    );
    events = { source: "events.ndjson", index };
  }
  try {
    const summary = await scoreBatch({
      scorer,
      leads: leadsOf(leadsText, format),
      leadsSource: `leads.${format}`,
      events,
      asOf: "2026-11-01T00:00:00Z",
      bucketOrder: ["Big", "Small"],
      onResult: (result, at) => void results.push([at.record, at.line, result.id, result.engagement]),
      onReject: (reject) => void rejects.push(reject),
    });
    return { summary, results, rejects };
  } finally {
    // The events went to temporary files past `memoryEvents`: removed, as the commands do.
    events?.index.byLead.dispose();
  }
}

describe("scoreBatch", () => {
  it("scores valid leads in input order, rejects the rest with every issue, and the counts add up", async () => {
    const leads = [
      "id,email,employees,model",
      "L1,a@big.com,900,",
      "L2,b@small.com,12x,",
      "L3,c@small.com,40",
      ",d@none.com,,",
      "L5,e@rival.com,800,",
      "L6,f@x.com,0,",
      "L7,g@x.com,10,none",
    ].join("\n");
    const { summary, results, rejects } = await run(leads, "csv");
    expect(results).toEqual(
      [
        ["1", 2, "L1", 0],
        ["5", 6, "L5", 0],
        ["6", 7, "L6", 0],
        ["7", 8, "L7", 0],
      ].map(([record, ...rest]) => [Number(record), ...rest]),
    );
    expect(rejects).toEqual([
      {
        record: 2,
        line: 3,
        source: "leads.csv",
        reason: "lead.employees: `12x` is not a number",
        raw: { id: "L2", email: "b@small.com", employees: "12x", model: "" },
      },
      {
        record: 3,
        line: 4,
        source: "leads.csv",
        reason: "expected 4 fields as in the header, found 3",
        raw: "L3,c@small.com,40",
      },
      {
        record: 4,
        line: 5,
        source: "leads.csv",
        reason: "lead.id: missing required field `id`",
        raw: { id: "", email: "d@none.com", employees: "", model: "" },
      },
    ]);
    expect(summary).toEqual({
      asOf: "2026-11-01T00:00:00Z",
      leads: { source: "leads.csv", read: 7, scored: 4, rejected: 3 },
      outcomes: { buckets: { Big: 1 }, noBucket: 1, unscored: 1, excluded: { competitor: 1 } },
      events: null,
    });
  });

  // An events file past `memoryEvents` is sorted by lead id on disk and read back per lead: the same answers.
  it.each([
    ["held in memory", undefined],
    ["indexed on disk", 2],
  ])(
    "attaches events from the events file (%s), points at the events line of a bad event, and reports events of unknown leads",
    async (_how, memoryEvents) => {
      const leads = [
        '{"id":"L1","employees":600}',
        '{"id":"L2","events":[{"type":"email_open"}]}',
        '{"id":"L3"}',
      ].join("\n");
      const events = [
        '{"lead_id":"L1","type":"email_open","at":"2026-10-01T00:00:00Z"}',
        '{"lead_id":"L9","type":"email_open","at":"2026-10-01T00:00:00Z"}',
        '{"lead_id":"L2","type":"bogus","at":"2026-10-01T00:00:00Z"}',
        '{"lead_id":"L1","type":"email_click","at":"2026-10-02T00:00:00Z"}',
        '{"type":"email_click"}',
        '{"lead_id":"L8","type":"email_open","at":"2026-10-01T00:00:00Z"}',
        '{"lead_id":"L9","type":"email_open","at":"2026-10-03T00:00:00Z"}',
      ].join("\n");
      const { summary, results, rejects } = await run(leads, "ndjson", events, memoryEvents);
      expect(results).toEqual([
        [1, 1, "L1", 2],
        [3, 3, "L3", 0],
      ]);
      expect(rejects.map(({ source, record, line, reason }) => ({ source, record, line, reason }))).toEqual([
        { source: "events.ndjson", record: 5, line: 5, reason: "`lead_id` is missing" },
        {
          source: "leads.ndjson",
          record: 2,
          line: 2,
          reason: "events[1].type: unknown event type `bogus` (events.ndjson line 3)",
        },
      ]);
      expect(rejects[1]?.raw).toEqual({ id: "L2", events: [{ type: "email_open" }] });
      expect(summary.leads).toEqual({ source: "leads.ndjson", read: 3, scored: 2, rejected: 1 });
      expect(summary.events).toEqual({
        source: "events.ndjson",
        read: 7,
        rejected: 1,
        attached: 3,
        unmatched: 3,
        unmatchedLeads: 2,
        unmatchedExamples: ["L9", "L8"],
      });
      const { read, rejected, attached, unmatched } = summary.events ?? {
        read: 0,
        rejected: 0,
        attached: 0,
        unmatched: 0,
      };
      expect(rejected + attached + unmatched).toBe(read);
    },
  );

  it("lists bucket counts in declared order, then other names alphabetically", async () => {
    const leads = ["id,employees", "a,5", "b,900", "c,7"].join("\n");
    const { summary } = await run(leads, "csv");
    expect(Object.entries(summary.outcomes.buckets)).toEqual([
      ["Big", 1],
      ["Small", 2],
    ]);
  });

  it("waits for a slow consumer before reading on", async () => {
    const order: string[] = [];
    await scoreBatch({
      scorer,
      leads: leadsOf("id,employees\na,1\nb,2\n", "csv"),
      leadsSource: "leads.csv",
      events: null,
      asOf: "2026-11-01T00:00:00Z",
      onResult: async (result) => {
        order.push(`start ${result.id}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`end ${result.id}`);
      },
      onReject: () => undefined,
    });
    expect(order).toEqual(["start a", "end a", "start b", "end b"]);
  });
});

describe("readLeadRecords: duplicate ids (keep-first)", () => {
  it("rejects a repeated id naming the record kept, and tells ids apart as text", async () => {
    const ids = ["L1", "L2", "L1", "x\ud800", "x\udc00", "x\ufffd", "x\udc00", "é", "L2"];
    const text = ids.map((id) => `${JSON.stringify({ id })}\n`).join("");
    const items = [];
    for await (const item of leadsOf(text, "ndjson"))
      items.push(item.kind === "record" ? item.value.id : item.reason);
    expect(items).toEqual([
      "L1",
      "L2",
      "duplicate lead id `L1`: record 1 has it too and is kept (--on-duplicate keep-first)",
      "x\ud800",
      "x\udc00",
      "x\ufffd",
      "duplicate lead id `x\udc00`: record 5 has it too and is kept (--on-duplicate keep-first)",
      "é",
      "duplicate lead id `L2`: record 2 has it too and is kept (--on-duplicate keep-first)",
    ]);
  });
});
