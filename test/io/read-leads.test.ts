import { describe, expect, it } from "vitest";
import { leadsFormatOf } from "../../src/io/leads-format.js";
import { embeddedEventsProblem, idText } from "../../src/io/read-leads.js";

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

describe("idText", () => {
  it("is the trimmed id text, a number as text, or null", () => {
    expect(idText(" L1 ")).toBe("L1");
    expect(idText(42)).toBe("42");
    expect(idText("  ")).toBeNull();
    expect(idText(true)).toBeNull();
    expect(idText(undefined)).toBeNull();
  });
});

describe("embeddedEventsProblem", () => {
  it("accepts a list of objects or nothing, and says what else is wrong", () => {
    expect(embeddedEventsProblem(undefined)).toBeNull();
    expect(embeddedEventsProblem(null)).toBeNull();
    expect(embeddedEventsProblem([{ type: "email_open" }])).toBeNull();
    expect(embeddedEventsProblem({})).toBe("`events` must be an array of event objects");
    expect(embeddedEventsProblem([{}, 3])).toBe("events[1] must be an event object");
  });
});
