import { describe, expect, test } from "vitest";
import type { ScoringEvent } from "../../src/eval/event-index.js";
import {
  DAY,
  HOUR,
  T,
  artifact,
  before,
  eventRule,
  model,
  noEventRule,
  ref,
  x,
  type ModelDraft,
} from "../support/artifact-builder.js";
import { scoreWith } from "../support/scoring-helpers.js";

const lead = { id: "L1" };

function engagement(draft: ModelDraft, events: ScoringEvent[], asOf: number = T) {
  return scoreWith(artifact({ models: [model("m", draft)] }), lead, events, asOf);
}

const open = (msBefore: number): ScoringEvent => ({ type: "email_open", at: before(msBefore) });

describe("time windows: an event is within D when T − D < at ≤ T", () => {
  const rule = { engagement: [eventRule("email_open", 5, { each: true, within: "30d" })] };

  test("exactly T counts, exactly T − D does not, one millisecond later does", () => {
    expect(engagement(rule, [open(0)]).engagement).toBe(5);
    expect(engagement(rule, [open(30 * DAY)]).engagement).toBe(0);
    expect(engagement(rule, [open(30 * DAY - 1)]).engagement).toBe(5);
  });

  test("events after the as-of time are ignored", () => {
    expect(engagement(rule, [open(-1)]).engagement).toBe(0);
    expect(engagement(rule, [open(-DAY), open(DAY)]).engagement).toBe(5);
  });

  test("a rule without `within` counts every event up to T", () => {
    const always = { engagement: [eventRule("email_open", 1, { each: true })] };
    expect(engagement(always, [open(3650 * DAY), open(0), open(-1)]).engagement).toBe(2);
  });

  test("times may be ISO text, epoch milliseconds or Dates", () => {
    const events: ScoringEvent[] = [
      { type: "email_open", at: T - DAY },
      { type: "email_open", at: new Date(T - 2 * DAY) },
      { type: "email_open", at: "2026-10-30T00:00:00+02:00" },
    ];
    expect(engagement(rule, events).engagement).toBe(15);
  });

  test("events with an unreadable time or an undeclared type are not counted", () => {
    const events = [
      { type: "email_open", at: "yesterday" },
      { type: "email_open", at: Number.NaN },
      { type: "carrier_pigeon", at: before(DAY) },
      { type: "EMAIL_OPEN", at: before(DAY) },
      { type: " email_open ", at: before(DAY) },
    ] as ScoringEvent[];
    expect(engagement(rule, events).contributions[0]).toMatchObject({ points: 10, events: 2 });
  });
});

describe("once and each", () => {
  test("a once-only rule counts once however many events match", () => {
    const result = engagement({ engagement: [eventRule("email_open", 5, { within: "30d" })] }, [
      open(DAY),
      open(2 * DAY),
      open(3 * DAY),
    ]);
    expect(result.engagement).toBe(5);
    expect(result.contributions[0]).toMatchObject({ points: 5, events: 3 });
    expect(result.contributions[0]!.capped).toBeUndefined();
  });

  test("`each` counts every matching event", () => {
    const result = engagement({ engagement: [eventRule("email_open", 2, { each: true, within: "30d" })] }, [
      open(DAY),
      open(2 * DAY),
      open(40 * DAY),
    ]);
    expect(result.contributions).toEqual([
      {
        rule: "when event = email_open add 2 each within 30d",
        id: "m.engagement.1",
        section: "engagement",
        points: 4,
        loc: expect.any(Object),
        events: 2,
      },
    ]);
  });

  test("`where` narrows the events by their properties", () => {
    const pricing = eventRule("page_view", 10, {
      each: true,
      where: x.startsWith(ref.event("url"), "/pricing"),
    });
    const long = eventRule("page_view", 3, {
      each: true,
      where: x.cmp(ref.event("seconds", "number"), ">=", 120),
    });
    const result = engagement({ engagement: [pricing, long] }, [
      { type: "page_view", at: before(HOUR), url: "/Pricing/teams", seconds: 30 },
      { type: "page_view", at: before(HOUR), url: "/blog", seconds: 300 },
      { type: "page_view", at: before(HOUR), url: "/pricing" }, // seconds missing: unknown, not counted
    ]);
    expect(result.contributions.map((c) => [c.id, c.points, c.events])).toEqual([
      ["m.engagement.1", 20, 2],
      ["m.engagement.2", 3, 1],
    ]);
  });

  test("a rule over several types counts each of them", () => {
    const result = engagement({ engagement: [eventRule(["email_open", "email_click"], 1, { each: true })] }, [
      open(DAY),
      { type: "email_click", at: before(DAY) },
      { type: "page_view", at: before(DAY), url: "/" },
    ]);
    expect(result.engagement).toBe(2);
  });

  test("a rule with no types counts events of every type", () => {
    const result = engagement({ engagement: [eventRule([], 1, { each: true, within: "7d" })] }, [
      open(DAY),
      { type: "page_view", at: before(DAY), url: "/" },
      { type: "demo_request", at: before(8 * DAY) },
    ]);
    expect(result.engagement).toBe(2);
  });
});

describe("caps", () => {
  test("`max` caps the total", () => {
    const result = engagement({ engagement: [eventRule("email_open", 2, { each: true, max: 10 })] }, [
      open(1),
      open(2),
      open(3),
      open(4),
      open(5),
      open(6),
      open(7),
    ]);
    expect(result.engagement).toBe(10);
    expect(result.contributions[0]).toMatchObject({ points: 10, events: 7, capped: true });
  });

  test("a total exactly at the cap is not marked capped", () => {
    const result = engagement({ engagement: [eventRule("email_open", 5, { each: true, max: 10 })] }, [
      open(1),
      open(2),
    ]);
    expect(result.contributions[0]).toMatchObject({ points: 10, events: 2 });
    expect(result.contributions[0]!.capped).toBeUndefined();
  });

  test("a subtracting rule is capped by absolute value", () => {
    const result = engagement({ engagement: [eventRule("unsubscribe", -15, { each: true, max: 20 })] }, [
      { type: "unsubscribe", at: before(DAY) },
      { type: "unsubscribe", at: before(2 * DAY) },
    ]);
    expect(result.engagement).toBe(-20);
    expect(result.contributions[0]).toMatchObject({ points: -20, capped: true });
  });
});

describe("decay: (1 − P/100)^⌊age / every⌋, before caps", () => {
  const decay = { percent: 50, every: "30d" };

  test("period boundaries: an event exactly one period old has decayed once", () => {
    const rule = { engagement: [eventRule("demo_request", 40)], decay };
    const demo = (msBefore: number) => [{ type: "demo_request", at: before(msBefore) }];
    expect(engagement(rule, demo(0)).engagement).toBe(40);
    expect(engagement(rule, demo(30 * DAY - 1)).engagement).toBe(40);
    expect(engagement(rule, demo(30 * DAY)).engagement).toBe(20);
    expect(engagement(rule, demo(60 * DAY)).engagement).toBe(10);
    expect(engagement(rule, demo(100 * DAY)).engagement).toBe(5);
  });

  test("a once-only rule uses its most recent matching event", () => {
    const result = engagement({ engagement: [eventRule("demo_request", 40)], decay }, [
      { type: "demo_request", at: before(70 * DAY) },
      { type: "demo_request", at: before(35 * DAY) },
      { type: "demo_request", at: before(95 * DAY) },
    ]);
    expect(result.engagement).toBe(20);
    expect(result.contributions[0]).toMatchObject({
      points: 20,
      events: 3,
      decay: { before: 40, after: 20, factor: 0.5, ageDays: 35 },
    });
  });

  test("`each` decays every event on its own, then the cap applies", () => {
    const rule = { engagement: [eventRule("email_open", 10, { each: true, max: 12 })], decay };
    // 10 + 5 + 2.5 = 17.5 after decay, capped at 12.
    const result = engagement(rule, [open(DAY), open(31 * DAY), open(61 * DAY)]);
    expect(result.contributions[0]).toMatchObject({
      points: 12,
      events: 3,
      decay: { before: 30, after: 17.5 },
      capped: true,
    });
    // Without the cap binding: 5 + 2.5 = 7.5.
    expect(engagement(rule, [open(31 * DAY), open(61 * DAY)]).engagement).toBe(7.5);
  });

  test("subtracting rules decay too", () => {
    const result = engagement({ engagement: [eventRule("unsubscribe", -10)], decay }, [
      { type: "unsubscribe", at: before(100 * DAY) },
    ]);
    expect(result.engagement).toBe(-1.25);
  });

  test("fresh events report no decay", () => {
    const result = engagement({ engagement: [eventRule("email_open", 2, { each: true })], decay }, [
      open(DAY),
    ]);
    expect(result.contributions[0]!.decay).toBeUndefined();
  });

  test("decay of a quarter every 14 days", () => {
    const result = engagement(
      { engagement: [eventRule("demo_request", 10)], decay: { percent: 25, every: "14d" } },
      [{ type: "demo_request", at: before(43 * DAY) }],
    );
    // 10 × 0.75³ = 4.21875 → 4.22
    expect(result.engagement).toBe(4.22);
    expect(result.contributions[0]!.decay).toEqual({
      before: 10,
      after: 4.22,
      factor: 0.421875,
      ageDays: 43,
    });
  });

  test("`no event` rules are not decayed", () => {
    const result = engagement({ engagement: [noEventRule(null, "90d", -20)], decay }, [open(91 * DAY)]);
    expect(result.engagement).toBe(-20);
    expect(result.contributions[0]!.decay).toBeUndefined();
    expect(result.contributions[0]!.events).toBeUndefined();
  });
});

describe("no event within D", () => {
  const silence = { engagement: [noEventRule(null, "90d", -20)] };

  test("no events at all is silence", () => {
    expect(engagement(silence, []).engagement).toBe(-20);
  });

  test("an event in (T − D, T] breaks the silence; one at exactly T − D does not", () => {
    expect(engagement(silence, [open(90 * DAY - 1)]).engagement).toBe(0);
    expect(engagement(silence, [open(90 * DAY)]).engagement).toBe(-20);
    expect(engagement(silence, [open(0)]).engagement).toBe(0);
  });

  test("events after the as-of time do not break the silence", () => {
    expect(engagement(silence, [open(-HOUR)]).engagement).toBe(-20);
  });

  test("with types, only those types break the silence", () => {
    const quietEmail = { engagement: [noEventRule(["email_open", "email_click"], "30d", -5)] };
    expect(engagement(quietEmail, [{ type: "page_view", at: before(DAY), url: "/" }]).engagement).toBe(-5);
    expect(engagement(quietEmail, [{ type: "email_click", at: before(DAY) }]).engagement).toBe(0);
  });
});

test("the same events in any order give the same result", () => {
  const draft = {
    engagement: [eventRule("email_open", 2, { each: true, max: 7 }), eventRule("demo_request", 40)],
    decay: { percent: 25, every: "14d" },
  };
  const events: ScoringEvent[] = [
    open(DAY),
    open(20 * DAY),
    { type: "demo_request", at: before(15 * DAY) },
    open(3 * DAY),
  ];
  const forward = engagement(draft, events);
  expect(engagement(draft, [...events].reverse())).toEqual(forward);
  expect(forward.engagement).toBe(5.5 + 30);
});

test("rulesets with more event types than a type bitmask has bits still count the right events", () => {
  const events = Array.from({ length: 40 }, (_, i) => ({ name: `type_${i}`, properties: [] }));
  const a = artifact({
    events,
    models: [
      model("m", {
        engagement: [eventRule("type_33", 5, { each: true }), eventRule("type_1", 7, { each: true })],
      }),
    ],
  });
  // type_1 and type_33 share a bit of the mask: each rule must still count only its own type.
  expect(scoreWith(a, lead, [{ type: "type_1", at: before(DAY) }]).engagement).toBe(7);
  expect(scoreWith(a, lead, [{ type: "type_33", at: before(DAY) }]).engagement).toBe(5);
  expect(scoreWith(a, lead, [{ type: "type_39", at: before(DAY) }]).engagement).toBe(0);
});
