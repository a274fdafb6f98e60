import { beforeAll, describe, expect, test } from "vitest";
import type { Artifact } from "../../src/compile/artifact.js";
import { readEventTimes } from "../../src/eval/event-times.js";
import { InputValidator } from "../../src/eval/validate-input.js";
import { createRuleset, loadRuleset, type Ruleset } from "../../src/index.js";
import { RULES_DIR } from "../support/paths.js";

const lead = {
  id: "L1",
  email: "jane@bigco.com",
  title: "CEO",
  industry: "software",
  employees: 5000,
  country: "US",
  stage: "lead",
};
const events = [
  { type: "demo_request", at: "2026-10-30T10:00:00Z" },
  { type: "page_view", at: "2026-10-29T09:00:00Z", url: "/pricing", seconds: 240 },
  { type: "email_open", at: "2026-10-20T08:00:00Z" },
];
const asOf = "2026-11-01T00:00:00Z";

let acme: Artifact;
let rules: Ruleset;

beforeAll(async () => {
  acme = (await loadRuleset(RULES_DIR)).artifact;
  rules = createRuleset(acme);
});

describe("readEventTimes", () => {
  test("reads each event's `at` as scoring does, NaN for what is no time or no event", () => {
    const times = readEventTimes([
      { type: "email_open", at: "2026-10-30T10:00:00Z" },
      { type: "email_open", at: " 2026-10-30 12:00:00+02:00 " },
      { type: "email_open", at: 1_790_000_000_000 },
      { type: "email_open", at: new Date(Date.UTC(2026, 9, 1)) },
      { type: "email_open", at: "30/10/2026" },
      { type: "email_open", at: 9e15 },
      { type: "email_open" },
      null,
      "email_open",
    ]);
    expect(times).toEqual([
      Date.UTC(2026, 9, 30, 10),
      Date.UTC(2026, 9, 30, 10),
      1_790_000_000_000,
      Date.UTC(2026, 9, 1),
      NaN,
      NaN,
      NaN,
      NaN,
      NaN,
    ]);
  });
});

describe("scoring with the times read already (ScoreOptions.eventTimes)", () => {
  test("gives the result scoring gives when it reads them itself", () => {
    const own = rules.score(lead, events, { asOf });
    expect(own.score).toBe(120);
    expect(rules.score(lead, events, { asOf, eventTimes: readEventTimes(events) })).toEqual(own);
  });

  test("reads the times given, not the events' text: they are the times the lead was validated with", () => {
    // The demo request's time moved past the as-of time: it no longer counts (50 points less).
    const times = readEventTimes(events);
    times[0] = Date.UTC(2026, 10, 2);
    const result = rules.score(lead, events, { asOf, eventTimes: times });
    expect(result.score).toBe(70);
    expect(result.contributions.map((c) => c.id)).not.toContain("enterprise.engagement.7");
  });

  test("reads the events itself when the times given are not one per event", () => {
    const own = rules.score(lead, events, { asOf });
    expect(rules.score(lead, events, { asOf, eventTimes: [NaN] })).toEqual(own);
  });

  test("leaves the times given as they were, for the next ruleset scoring the lead", () => {
    // Also those of events it does not index: after the as-of time, or of a type it does not declare.
    const more = [...events, { type: "trade_show", at: "2026-10-28T00:00:00Z" }];
    const times = readEventTimes(more);
    const copy = [...times];
    rules.score(lead, more, { asOf: "2026-10-25T00:00:00Z", eventTimes: times });
    expect(times).toEqual(copy);
  });

  test("validates with them too (validate: true)", () => {
    const times = readEventTimes(events);
    times[2] = NaN;
    expect(() => rules.score(lead, events, { asOf, validate: true, eventTimes: times })).toThrow(
      "events[2].at: `2026-10-20T08:00:00Z` is not an ISO-8601 timestamp",
    );
  });
});

describe("validation with the times read already", () => {
  test("reports what it reports when it reads the times itself", () => {
    const validator = new InputValidator(acme.schema);
    const odd = [
      { type: "email_open", at: "2026-10-30" },
      { type: "email_open", at: "yesterday" },
      { type: "email_open" },
      { type: "email_open", at: "  " },
      { type: "nope", at: "nope" },
      { at: "2026-10-30" },
      { type: "page_view", at: "2026-13-01", url: 5 },
      7,
    ];
    const issues = validator.validate(lead, odd);
    expect(issues).toEqual([
      { path: "events[1].at", reason: "`yesterday` is not an ISO-8601 timestamp" },
      { path: "events[2].at", reason: "missing required field `at`" },
      { path: "events[3].at", reason: "missing required field `at`" },
      { path: "events[4].type", reason: "unknown event type `nope`" },
      { path: "events[5].type", reason: "missing required field `type`" },
      { path: "events[6].at", reason: "`2026-13-01` is not an ISO-8601 timestamp" },
      { path: "events[6].url", reason: "must be text" },
      { path: "events[7]", reason: "must be an object with `type` and `at`" },
    ]);
    expect(validator.validate(lead, odd, readEventTimes(odd))).toEqual(issues);
  });
});
