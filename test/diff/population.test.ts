import { describe, expect, it } from "vitest";
import { diffRulesets, type PopulationLead } from "../../src/diff/population.js";
import { renderDiffMarkdown } from "../../src/diff/report/markdown.js";
import { BASE_RULES, compileRules, edit } from "./helpers.js";

const AS_OF = "2026-11-01T00:00:00Z";
const daysAgo = (days: number): string => new Date(Date.parse(AS_OF) - days * 86_400_000).toISOString();

const base = compileRules(BASE_RULES);
// The change under review: a lower Hot threshold, email opens worth more, Germany a target country.
const head = compileRules(
  edit(
    BASE_RULES,
    ["bucket Hot >= 100", "bucket Hot >= 90"],
    ["add 2 each max 10 within 30d", "add 3 each max 15 within 30d"],
    ["list target_countries = [US, CA]", "list target_countries = [US, CA, DE]"],
  ),
);

const population: PopulationLead[] = [
  {
    source: "leads.ndjson record 1",
    lead: { id: "L10", email: "ceo@big.com", title: "CEO", employees: 600, country: "US", stage: "lead" },
    events: [{ type: "demo_request", at: daysAgo(5) }],
  },
  {
    source: "leads.ndjson record 2",
    lead: { id: "L2", email: "cto@mid.de", title: "CTO", employees: 100, country: "DE", stage: "lead" },
    events: [1, 2, 3, 4].map((days) => ({ type: "email_open", at: daysAgo(days) })),
  },
  {
    source: "leads.ndjson record 3",
    lead: { id: "L3", email: "it@client.com", title: "IT", employees: 300, stage: "customer" },
    events: [
      { type: "page_view", at: daysAgo(3), url: "/pricing" },
      { type: "page_view", at: daysAgo(2), url: "/pricing/teams" },
    ],
  },
  {
    source: "leads.ndjson record 4",
    lead: { id: "L4", email: "spy@rival.com", title: "CEO", employees: 600, country: "US", stage: "lead" },
    events: [{ type: "demo_request", at: daysAgo(5) }],
  },
  {
    source: "leads.ndjson record 5",
    lead: { id: "L5", email: "owner@shop.fr", title: "Owner", country: "FR", stage: "lead" },
    events: [],
  },
];

describe("diffRulesets", () => {
  const report = diffRulesets({ base, head, population, asOf: AS_OF });

  it("counts the leads per bucket before and after", () => {
    expect(report.summary).toEqual({
      leads: 5,
      changedBucket: 2,
      changedActions: 2,
      moved: 2,
      changedScore: 1,
    });
    expect(report.buckets).toEqual([
      { bucket: "Hot", before: 0, after: 1, delta: 1 },
      { bucket: "Warm", before: 1, after: 1, delta: 0 },
      { bucket: "Cold", before: 2, after: 1, delta: -1 },
      { bucket: "Expansion", before: 1, after: 1, delta: 0 },
      { bucket: "Healthy", before: 0, after: 0, delta: 0 },
      { bucket: "(excluded)", before: 1, after: 1, delta: 0 },
    ]);
  });

  it("counts transitions: rows are the base bucket, columns the head bucket", () => {
    expect(report.transitions).toEqual({
      labels: ["Hot", "Warm", "Cold", "Expansion", "(excluded)"],
      counts: [
        [0, 0, 0, 0, 0],
        [1, 0, 0, 0, 0],
        [0, 1, 1, 0, 0],
        [0, 0, 0, 1, 0],
        [0, 0, 0, 0, 1],
      ],
    });
  });

  it("lists the leads that moved, by id, with the changes that caused each move", () => {
    // L2 goes from 38 to 47 (Warm from 40) by +4 from a rule and +5 from a list: undoing either alone
    // leaves it at 43 or 42, still Warm — no single change decides its move, so none is its cause.
    expect(report.changes.map((c) => [c.subject, c.name, c.leads, c.moved])).toEqual([
      ["rule", "when event = email_open add 3 each max 15 within 30d", 1, 0],
      ["bucket", "Hot", null, 1],
      ["list", "target_countries", null, 0],
    ]);
    expect(report.moved).toEqual([
      {
        id: "L2",
        source: "leads.ndjson record 2",
        before: {
          model: "main",
          score: 38,
          grade: "B3",
          bucket: "Cold",
          excluded: null,
          actions: ['nurture "digest"'],
        },
        after: {
          model: "main",
          score: 47,
          grade: "B2",
          bucket: "Warm",
          excluded: null,
          actions: ['route sales within 48h say "Send an email"'],
        },
        bucketChanged: true,
        actionsChanged: true,
        rules: [
          {
            model: "main",
            section: "fit",
            rule: "when country in target_countries add 5",
            before: null,
            after: 5,
            change: null,
          },
          {
            model: "main",
            section: "engagement",
            rule: "when event = email_open add 3 each max 15 within 30d",
            before: 8,
            after: 12,
            change: 0,
          },
        ],
        causes: [],
        undecided: true,
      },
      {
        id: "L10",
        source: "leads.ndjson record 1",
        before: {
          model: "main",
          score: 95,
          grade: "B1",
          bucket: "Warm",
          excluded: null,
          actions: ['route sales within 48h say "Send an email"'],
        },
        after: {
          model: "main",
          score: 95,
          grade: "B1",
          bucket: "Hot",
          excluded: null,
          actions: ["route sales within 4h"],
        },
        bucketChanged: true,
        actionsChanged: true,
        rules: [],
        causes: [1],
        undecided: false,
      },
    ]);
  });

  it("summarizes the score changes", () => {
    expect(report.scoreDeltas).toEqual({
      compared: 5,
      up: 1,
      down: 0,
      unchanged: 4,
      min: 0,
      median: 0,
      max: 9,
      bands: [
        { label: "down 50 or more", count: 0 },
        { label: "down 20 to 50", count: 0 },
        { label: "down 10 to 20", count: 0 },
        { label: "down less than 10", count: 0 },
        { label: "unchanged", count: 4 },
        { label: "up less than 10", count: 1 },
        { label: "up 10 to 20", count: 0 },
        { label: "up 20 to 50", count: 0 },
        { label: "up 50 or more", count: 0 },
      ],
    });
  });

  it("reports the as-of time and both sides", () => {
    expect(report.asOf).toBe(AS_OF);
    expect(report.asOfSource).toBe("given");
    expect([report.base.label, report.base.name, report.head.label, report.head.version]).toEqual([
      "base",
      "t",
      "head",
      1,
    ]);
  });

  it("refuses an as-of time that is not a time", () => {
    expect(() => diffRulesets({ base, head, population, asOf: "last tuesday" })).toThrow(
      'as-of time "last tuesday" is not an ISO-8601 timestamp, epoch milliseconds or a valid Date',
    );
  });

  it("gives the same report for the same input, whatever the input order", () => {
    const again = diffRulesets({ base, head, population: [...population].reverse(), asOf: AS_OF });
    expect(again.moved.map((lead) => lead.id)).toEqual(["L2", "L10"]);
    expect(again.transitions).toEqual(report.transitions);
  });
});

describe("diffRulesets: outcomes that are not a bucket", () => {
  it("labels excluded, unscored and unbucketed leads and attributes the change", () => {
    // Head: a new exclusion, no default model, and no `otherwise` bucket for the customer model.
    const changed = compileRules(
      edit(
        BASE_RULES,
        ['because "competitor"', 'because "competitor"\nexclude when title = Owner because "owner"'],
        ["model main {", "model main when employees >= 1 {"],
        ['  bucket Healthy otherwise -> nurture "newsletter"\n', ""],
      ),
    );
    const leads: PopulationLead[] = [
      { lead: { id: "a", email: "o@x.fr", title: "Owner", employees: 5, stage: "lead" }, events: [] },
      { lead: { id: "b", email: "n@x.fr", title: "Nobody", stage: "lead" }, events: [] },
      { lead: { id: "c", email: "c@x.fr", title: "IT", stage: "customer" }, events: [] },
    ];
    const report = diffRulesets({ base, head: changed, population: leads, asOf: AS_OF });
    expect(report.moved.map((lead) => [lead.id, lead.before.bucket, lead.after.bucket, lead.source])).toEqual(
      [
        ["a", "Cold", "(excluded)", "#1"],
        ["b", "Cold", "(unscored)", "#2"],
        ["c", "Healthy", "(none)", "#3"],
      ],
    );
    const causes = report.moved.map((lead) => lead.causes.map((index) => report.changes[index]!.subject));
    expect(causes).toEqual([["exclusion"], ["model"], ["bucket"]]);
    expect(report.transitions.labels).toEqual(["Cold", "Healthy", "(none)", "(excluded)", "(unscored)"]);
  });
});

describe("diffRulesets: decay", () => {
  it("ties a rule whose points changed through decay to the decay change", () => {
    const faster = compileRules(edit(BASE_RULES, ["decay 50% every 30d", "decay 50% every 7d"]));
    const leads: PopulationLead[] = [
      {
        lead: { id: "d", email: "d@x.br", title: "Nobody", country: "BR", stage: "lead" },
        events: [{ type: "demo_request", at: daysAgo(10) }],
      },
    ];
    const report = diffRulesets({ base, head: faster, population: leads, asOf: AS_OF });
    expect(report.moved).toHaveLength(1);
    const [moved] = report.moved;
    expect([moved!.before.bucket, moved!.after.bucket, moved!.before.score, moved!.after.score]).toEqual([
      "Warm",
      "Cold",
      50,
      25,
    ]);
    expect(moved!.rules).toEqual([
      {
        model: "main",
        section: "engagement",
        rule: "when event = demo_request add 50 within 30d",
        before: 50,
        after: 25,
        change: null,
      },
    ]);
    expect(moved!.causes.map((index) => report.changes[index]!.after)).toEqual(["decay 50% every 7d"]);
  });
});

describe("diffRulesets: causes (a change is named only when undoing it alone changes where the lead ends)", () => {
  // 30 (CTO) + 50 (demo) + 4 × 2 (email opens) = 88: Warm under `Hot >= 100`.
  const lead88: PopulationLead = {
    lead: { id: "L88", email: "cto@mid.br", title: "CTO", employees: 100, country: "BR", stage: "lead" },
    events: [
      { type: "demo_request", at: daysAgo(1) },
      ...[1, 2, 3, 4].map((days) => ({ type: "email_open", at: daysAgo(days) })),
    ],
  };
  const newRule = [
    "    when event = demo_request add 50 within 30d\n",
    "    when event = demo_request add 50 within 30d\n    when event = email_open add 15 within 30d\n",
  ] as [string, string];
  const because = (report: ReturnType<typeof diffRulesets>): string[][] =>
    report.moved.map((lead) =>
      lead.undecided ? ["(undecided)"] : lead.causes.map((index) => report.changes[index]!.name),
    );

  it("88 → 103 with Hot lowered to 90: the new rule is the cause, the threshold is not", () => {
    const changed = compileRules(edit(BASE_RULES, newRule, ["bucket Hot >= 100", "bucket Hot >= 90"]));
    const report = diffRulesets({ base, head: changed, population: [lead88], asOf: AS_OF });
    expect(report.moved.map((lead) => [lead.before.score, lead.after.score, lead.after.bucket])).toEqual([
      [88, 103, "Hot"],
    ]);
    expect(because(report)).toEqual([["when event = email_open add 15 within 30d"]]);
    expect(report.changes.map((change) => [change.subject, change.moved])).toEqual([
      ["rule", 1],
      ["bucket", 0],
    ]);
  });

  it("88 → 103 with Hot lowered to 80: either change alone moves it, so no single one is named", () => {
    const changed = compileRules(edit(BASE_RULES, newRule, ["bucket Hot >= 100", "bucket Hot >= 80"]));
    const report = diffRulesets({ base, head: changed, population: [lead88], asOf: AS_OF });
    expect(because(report)).toEqual([["(undecided)"]]);
  });

  it("a change that moves nobody is the cause of nothing, even beside one that moves a lead", () => {
    // L88's fit grade moves (B → A: A now from 30) and a rule changes for big companies only; only the
    // threshold moves the lead: no bucket reads grades, and the rule gives L88 nothing on either side.
    const changed = compileRules(
      edit(
        BASE_RULES,
        ["bucket Hot >= 100", "bucket Hot >= 85"],
        ["grade fit A >= 50, B >= 30, else C", "grade fit A >= 30, B >= 20, else C"],
        ["when employees >= 500 add 10", "when employees >= 5000 add 10"],
      ),
    );
    const report = diffRulesets({ base, head: changed, population: [lead88], asOf: AS_OF });
    expect(report.moved.map((lead) => [lead.before.grade, lead.after.grade])).toEqual([["B1", "A1"]]);
    expect(because(report)).toEqual([["Hot"]]);
    expect(report.changes.map((change) => [change.subject, change.leads, change.moved])).toEqual([
      ["rule", 0, 0],
      ["grade", null, 0],
      ["bucket", null, 1],
    ]);
  });
});

describe("diffRulesets: routing load per team and SLA", () => {
  const rules = `lead {
  id: string
  title: string
  created_at: date?
}

bucket Hot >= 50 -> route sales within 4h
bucket Warm >= 20 -> route sdr within 48h
bucket Cold otherwise -> nurture "digest"

model main {
  fit {
    when title = CEO add 50
    when title = VP add 30
  }
}
`;
  const leads: PopulationLead[] = [
    ["a", "CEO", "2026-10-01T09:00:00Z"],
    ["b", "VP", "2026-10-02T10:00:00Z"],
    ["c", "VP", "2026-10-10T23:00:00Z"],
    ["d", "Analyst", "2026-10-05T08:00:00Z"],
  ].map(([id, title, created]) => ({ lead: { id, title, created_at: created }, events: [] }));

  it("counts the leads routed to each team before and after, per SLA and per day of creation", () => {
    const before = compileRules(rules);
    const after = compileRules(edit(rules, ["when title = VP add 30", "when title = VP add 50"]));
    const report = diffRulesets({ base: before, head: after, population: leads, asOf: AS_OF });
    expect(report.routing.span).toEqual({
      field: "created_at",
      from: "2026-10-01",
      to: "2026-10-10",
      days: 10,
    });
    expect(report.routing.teams).toEqual([
      {
        team: "sales",
        before: 1,
        after: 3,
        slas: [{ within: "4h", before: 1, after: 3 }],
        perDay: { before: 0.1, after: 0.3 },
      },
      {
        team: "sdr",
        before: 2,
        after: 0,
        slas: [{ within: "48h", before: 2, after: 0 }],
        perDay: { before: 0.2, after: 0 },
      },
    ]);
    const comment = renderDiffMarkdown(report);
    expect(comment.split("\n").slice(1, 6)).toEqual([
      "## Lead scoring impact",
      "",
      "**base** (`ruleset`) → **head** (`ruleset`) · scored as of 2026-11-01T00:00:00Z (as given).",
      "",
      "> [!WARNING]",
    ]);
    expect(comment).toContain("> Team sales gets 3× its load within 4h: 1 lead routed before, 3 after.\n");
    expect(comment).toContain(
      "Per day: over the 10 days from 2026-10-01 to 2026-10-10 in which the leads were created (`created_at`).",
    );
    expect(comment).toContain("| **sales** | within 4h | 1 | 3 | **+2** | 0.1 → 0.3 |");
  });
});

describe("diffRulesets: sides with different lead schemas", () => {
  it("says so at the top of the comment, and that no lead can be compared when none is valid under both", () => {
    const withPlan = compileRules(
      edit(BASE_RULES, ["  country: string?\n", "  country: string?\n  plan: string\n"]),
    );
    const some = diffRulesets({ base, head: withPlan, population, asOf: AS_OF });
    expect(some.schemasDiffer).toBe(true);
    expect(renderDiffMarkdown(some)).toContain(
      "> [!CAUTION]\n> The two sides declare different lead schemas: a lead is compared only when both accept it (0 records refused by one side only, listed under Population).\n",
    );
    const none = diffRulesets({ base, head: withPlan, population: [], asOf: AS_OF });
    expect(renderDiffMarkdown(none)).toContain(
      "> [!CAUTION]\n> The two sides cannot be compared on leads: their lead schemas differ and no lead is valid under both.\n",
    );
  });
});
