import { describe, expect, it } from "vitest";
import { resolveInputOptions } from "../../src/io/input-options.js";
import { LeadPreparer } from "../../src/io/prepare-lead.js";
import { DEFAULT_EVENTS, DEFAULT_LEAD } from "../support/artifact-builder.js";

const schema = { lead: DEFAULT_LEAD, events: DEFAULT_EVENTS };
const lead = { id: "L1", email: "a@b.co" };

function events(): Array<Record<string, unknown>> {
  return [
    { type: "email_open", at: "2026-10-01T00:00:00Z" },
    { type: "Page_View", at: 1_790_000_000, url: "/pricing" },
    { type: "nope", at: 5 },
    { type: "email_click", at: "2026-10-03T00:00:00Z", campaign: "fall" },
  ];
}

describe("LeadPreparer: events parsed for the lead (eventsParsed)", () => {
  const preparer = new LeadPreparer(schema, { ...resolveInputOptions([]), epoch: "s" });

  it("prepares them as copies would be prepared: same lead, events and issues", () => {
    expect(preparer.prepare(lead, events(), false, true)).toEqual(preparer.prepare(lead, events(), false));
  });

  it("takes an event as it is unless a time is rewritten, and then changes a copy, never the event", () => {
    const given = events();
    const prepared = preparer.prepare(lead, given, false, true);
    expect(prepared.events[0]).toBe(given[0]);
    expect(prepared.events[3]).toBe(given[3]);
    expect(prepared.events[1]).not.toBe(given[1]);
    expect(prepared.events[1]).toEqual({ type: "Page_View", at: 1_790_000_000_000, url: "/pricing" });
    expect(given[1]).toEqual({ type: "Page_View", at: 1_790_000_000, url: "/pricing" });
    // An undeclared type's `at` is still read in the epoch unit (then the type is the problem).
    expect(prepared.events[2]).toEqual({ type: "nope", at: 5000 });
    expect(given[2]).toEqual({ type: "nope", at: 5 });
    expect(prepared.issues.map((issue) => issue.path)).toEqual(["events[2].type"]);
  });

  it("copies every event by default (a caller's objects may change under it)", () => {
    const given = events();
    const prepared = preparer.prepare(lead, given, false);
    for (const [i, event] of prepared.events.entries()) expect(event).not.toBe(given[i]);
  });

  it("names the event of a time it cannot read in the epoch unit", () => {
    const strict = new LeadPreparer(schema, resolveInputOptions([]));
    const prepared = strict.prepare(
      lead,
      [events()[0], { type: "email_open", at: 1_790_000_000 }],
      false,
      true,
    );
    expect(prepared.issues.map((issue) => issue.path)).toEqual(["events[1].at"]);
  });
});

describe("LeadPreparer: each event's time, read once for validation and scoring", () => {
  it("reads the times of the events as prepared: epoch numbers in the declared unit, NaN when unreadable", () => {
    const preparer = new LeadPreparer(schema, { ...resolveInputOptions([]), epoch: "s" });
    const prepared = preparer.prepare(
      lead,
      [...events(), { type: "email_open", at: "2026-10-32" }, { type: "email_open" }],
      false,
      true,
    );
    expect(prepared.times).toEqual([
      Date.UTC(2026, 9, 1),
      1_790_000_000_000,
      5000,
      Date.UTC(2026, 9, 3),
      NaN,
      NaN,
    ]);
    expect(prepared.issues).toEqual([
      { path: "events[2].type", reason: "unknown event type `nope`" },
      { path: "events[4].at", reason: "`2026-10-32` is not an ISO-8601 timestamp" },
      { path: "events[5].at", reason: "missing required field `at`" },
    ]);
  });
});
