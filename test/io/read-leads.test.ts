import { describe, expect, it } from "vitest";
import { leadsFormatOf } from "../../src/io/leads-format.js";
import { leadIdOf, readLeads } from "../../src/io/read-leads.js";
import { chunked, collect, summarize } from "../support/read-helpers.js";

describe("leadsFormatOf", () => {
  it("chooses the format by extension, case-insensitively", () => {
    expect(leadsFormatOf("data/leads.csv")).toBe("csv");
    expect(leadsFormatOf("LEADS.CSV")).toBe("csv");
    expect(leadsFormatOf("leads.ndjson")).toBe("ndjson");
    expect(leadsFormatOf("leads.jsonl")).toBe("ndjson");
    expect(leadsFormatOf("leads.json")).toBeNull();
    expect(leadsFormatOf("leads")).toBeNull();
  });
});

describe("readLeads", () => {
  it("reads CSV rows as text fields", async () => {
    const items = await collect(readLeads(chunked("id,employees\nL1,500\n"), "csv"));
    expect(summarize(items)).toEqual([[1, 2, { format: "csv", fields: { id: "L1", employees: "500" } }]]);
  });

  it("reads NDJSON leads with their embedded events apart from their fields", async () => {
    const text = [
      '{"id":"L1","employees":500,"events":[{"type":"email_open","at":"2026-10-01T00:00:00Z"}]}',
      '{"id":"L2","events":null}',
      '{"id":"L3"}',
    ].join("\n");
    expect(summarize(await collect(readLeads(chunked(text), "ndjson")))).toEqual([
      [
        1,
        1,
        {
          format: "ndjson",
          fields: { id: "L1", employees: 500 },
          events: [{ type: "email_open", at: "2026-10-01T00:00:00Z" }],
        },
      ],
      [2, 2, { format: "ndjson", fields: { id: "L2" }, events: [] }],
      [3, 3, { format: "ndjson", fields: { id: "L3" }, events: [] }],
    ]);
  });

  it("rejects a lead whose events are not a list of objects, and passes reader rejects on", async () => {
    const text = '{"id":"L1","events":{}}\n{"id":"L2","events":[{},3]}\nnot json\n';
    const items = summarize(await collect(readLeads(chunked(text), "ndjson")));
    expect(items.slice(0, 2)).toEqual([
      [1, 1, "reject: `events` must be an array of event objects"],
      [2, 2, "reject: events[1] must be an event object"],
    ]);
    expect(items[2]?.[2]).toMatch(/^reject: invalid JSON/);
  });
});

describe("leadIdOf", () => {
  it("is the trimmed id text, a number as text, or null", () => {
    expect(leadIdOf({ format: "csv", fields: { id: " L1 " } })).toBe("L1");
    expect(leadIdOf({ format: "ndjson", fields: { id: 42 }, events: [] })).toBe("42");
    expect(leadIdOf({ format: "csv", fields: { id: "  " } })).toBeNull();
    expect(leadIdOf({ format: "ndjson", fields: { id: true }, events: [] })).toBeNull();
    expect(leadIdOf({ format: "ndjson", fields: {}, events: [] })).toBeNull();
  });
});
