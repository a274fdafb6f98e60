import { describe, expect, it } from "vitest";
import { formatUsage, RuleUsageTally } from "../../src/batch/rule-usage.js";
import { compileSources } from "../../src/compile/compile-ruleset.js";
import type { ScoringEvent } from "../../src/eval/event-index.js";
import { Ruleset } from "../../src/eval/ruleset.js";

const RULES = `ruleset "usage" version 1
lead {
  id: string
  lead_origin: string
  source: string?
  stage: "Lead Add Form" | API | "Landing Page"
  employees: number?
}
event page_view { url: string }
list channels = ["Google", "Olark Chat", Refrence]
model default {
  fit {
    when lead_origin = "Lead Add From" add 40
    when source in channels add 5
    when stage = "Landing Page" add 3
    when employees >= 500 add 10
    when lead_origin != "API" and source = google add 1
  }
  engagement {
    when event = page_view where url = "/pricing" add 5 each
    when event = page_view where url in ["/docs", "/careers"] add 1
  }
}
exclude when lead_origin = "Quick Add Form" because "quick"
bucket Hot when source = "Olark Chat" -> route sales within 4h
bucket Cold otherwise -> disqualify
`;

const AS_OF = Date.UTC(2026, 10, 1);

function tally(leads: Array<{ lead: Record<string, unknown>; events?: ScoringEvent[] }>) {
  const compiled = compileSources([{ path: "rules/usage.score", text: RULES }]);
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const artifact = compiled.artifact!;
  const rules = new Ruleset(artifact);
  const usage = new RuleUsageTally(artifact);
  for (const { lead, events = [] } of leads) {
    usage.observe(lead, events);
    usage.count(rules.score(lead, events, { asOf: AS_OF }));
  }
  return usage.summary();
}

describe("rule usage over a population", () => {
  const population = [
    { lead: { id: "L1", lead_origin: "Lead Add Form", source: " google ", stage: "API", employees: 900 } },
    {
      lead: { id: "L2", lead_origin: "API", source: "Olark Chat", stage: "API" },
      events: [{ type: "page_view", at: "2026-10-30T00:00:00Z", url: "/Pricing" }],
    },
    {
      lead: { id: "L3", lead_origin: "Landing Page Submission", source: "Reference", stage: "Lead Add Form" },
    },
  ];

  it("lists the rules that fired for no lead and the values no lead has, with the closest observed value", () => {
    const summary = tally(population);
    expect(summary).toEqual({
      rules: 7,
      neverFired: [
        {
          id: "default.fit.1",
          rule: 'when lead_origin = "Lead Add From" add 40',
          at: "rules/usage.score:13",
        },
        { id: "default.fit.3", rule: 'when stage = "Landing Page" add 3', at: "rules/usage.score:15" },
        {
          id: "default.engagement.2",
          rule: 'when event = page_view where url in ["/docs", "/careers"] add 1',
          at: "rules/usage.score:21",
        },
      ],
      unseenValues: [
        {
          scope: "lead",
          field: "lead_origin",
          value: "Lead Add From",
          list: null,
          at: ["rules/usage.score:13"],
          suggestion: "Lead Add Form",
        },
        {
          scope: "lead",
          field: "source",
          value: "Refrence",
          list: "channels",
          at: ["rules/usage.score:14"],
          suggestion: "Reference",
        },
        {
          scope: "lead",
          field: "stage",
          value: "Landing Page",
          list: null,
          at: ["rules/usage.score:15"],
          suggestion: null,
        },
        {
          scope: "event",
          field: "url",
          value: "/docs",
          list: null,
          at: ["rules/usage.score:21"],
          suggestion: null,
        },
        {
          scope: "event",
          field: "url",
          value: "/careers",
          list: null,
          at: ["rules/usage.score:21"],
          suggestion: null,
        },
        {
          scope: "lead",
          field: "lead_origin",
          value: "Quick Add Form",
          list: null,
          at: ["rules/usage.score:24"],
          suggestion: null,
        },
      ],
    });
  });

  it("prints them as the score summary does: values quoted, where each is written, a suggestion when one is close", () => {
    expect(formatUsage(tally(population))).toEqual([
      "  rules that fired for no lead: 3 of 7",
      '    when lead_origin = "Lead Add From" add 40  (rules/usage.score:13)',
      '    when stage = "Landing Page" add 3  (rules/usage.score:15)',
      '    when event = page_view where url in ["/docs", "/careers"] add 1  (rules/usage.score:21)',
      "  values in the rules that no lead has: 6",
      '    lead_origin "Lead Add From" (rules/usage.score:13): did you mean "Lead Add Form"?',
      '    source "Refrence" (list channels, rules/usage.score:14): did you mean "Reference"?',
      '    stage "Landing Page" (rules/usage.score:15)',
      '    event property url "/docs" (rules/usage.score:21)',
      '    event property url "/careers" (rules/usage.score:21)',
      '    lead_origin "Quick Add Form" (rules/usage.score:24)',
    ]);
  });

  it("leaves out the number of rules when it is not known (the diff lists only what the change brings)", () => {
    const { neverFired, unseenValues } = tally(population);
    expect(
      formatUsage({ neverFired: neverFired.slice(0, 1), unseenValues: unseenValues.slice(0, 1) }, ""),
    ).toEqual([
      "rules that fired for no lead: 1",
      '  when lead_origin = "Lead Add From" add 40  (rules/usage.score:13)',
      "values in the rules that no lead has: 1",
      '  lead_origin "Lead Add From" (rules/usage.score:13): did you mean "Lead Add Form"?',
    ]);
  });

  it("says nothing when every rule fired and every value was seen", () => {
    expect(formatUsage({ rules: 3, neverFired: [], unseenValues: [] })).toEqual([]);
  });

  it("counts a value as seen however the data spells its case and spaces, and names a value used twice once", () => {
    const summary = tally([
      { lead: { id: "L1", lead_origin: "  lead add from ", source: "REFRENCE", stage: "landing page" } },
    ]);
    const values = summary.unseenValues.map(
      (unseen) => `${unseen.field}=${unseen.value}@${unseen.at.join("+")}`,
    );
    expect(values).toEqual([
      "source=Google@rules/usage.score:14+rules/usage.score:17",
      "source=Olark Chat@rules/usage.score:14+rules/usage.score:25",
      "lead_origin=API@rules/usage.score:17",
      "url=/pricing@rules/usage.score:20",
      "url=/docs@rules/usage.score:21",
      "url=/careers@rules/usage.score:21",
      "lead_origin=Quick Add Form@rules/usage.score:24",
    ]);
  });

  it("shows the first ten of a long list and says how many more the JSON summary holds", () => {
    const neverFired = Array.from({ length: 12 }, (_, i) => ({
      id: `m.fit.${i + 1}`,
      rule: `when n = ${i} add 1`,
      at: `r.score:${i + 1}`,
    }));
    const lines = formatUsage({ rules: 12, neverFired, unseenValues: [] });
    expect(lines).toHaveLength(12);
    expect(lines[0]).toBe("  rules that fired for no lead: 12 of 12");
    expect(lines[10]).toBe("    when n = 9 add 1  (r.score:10)");
    expect(lines[11]).toBe("    … 2 more (--json lists them all)");
  });
});

describe("tallies observing the same leads together (a diff's base and head)", () => {
  const compile = (text: string) => compileSources([{ path: "rules/usage.score", text }]).artifact!;
  const base = compile(RULES);
  // The head probes another value of a field both probe, and a field and an event value the base does not.
  const head = compile(
    RULES.replace('lead_origin = "Lead Add From"', 'lead_origin = "Lead Add Form"')
      .replace("when employees >= 500 add 10", 'when id = "L9" add 10')
      .replace('url = "/pricing"', 'url = "/pricing/team"'),
  );
  const leads = [
    { lead: { id: "L1", lead_origin: " lead add FORM", source: "Refrence", stage: "API" }, events: [] },
    {
      lead: { id: "l9", lead_origin: "Lead Add Form", source: "olark chat", stage: "API" },
      events: [
        { type: "page_view", at: "2026-10-30T00:00:00Z", url: "/Pricing/Team " },
        { type: "page_view", at: "2026-10-30T00:00:00Z", url: "/docs" },
      ],
    },
  ];
  const unseen = (tally: RuleUsageTally) =>
    tally.summary().unseenValues.map((value) => `${value.field} ${value.value}: ${value.suggestion ?? "-"}`);

  it("notes in each what it notes observing alone, every value read once for both", () => {
    const alone = [new RuleUsageTally(base), new RuleUsageTally(head)];
    for (const { lead, events } of leads) for (const tally of alone) tally.observe(lead, events);
    const together = [new RuleUsageTally(base), new RuleUsageTally(head)];
    const observe = RuleUsageTally.observer(together);
    for (const { lead, events } of leads) observe(lead, events);

    expect(together.map(unseen)).toEqual(alone.map(unseen));
    expect(unseen(together[0]!)).toEqual([
      "lead_origin Lead Add From: lead add FORM",
      "source Google: -",
      "stage Landing Page: -",
      "lead_origin API: -",
      "url /pricing: -",
      "url /careers: -",
      "lead_origin Quick Add Form: -",
    ]);
    expect(unseen(together[1]!)).toEqual([
      "source Google: -",
      "stage Landing Page: -",
      "lead_origin API: -",
      "url /careers: -",
      "lead_origin Quick Add Form: -",
    ]);
  });
});
