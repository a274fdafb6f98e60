import { describe, expect, it } from "vitest";
import { diffRules } from "../../src/diff/rules.js";
import { changeLine } from "../../src/diff/report/format.js";
import { BASE_RULES, compileRules, edit } from "./helpers.js";

const base = compileRules(BASE_RULES);

/** The changes from the base rules to the edited ones, one line each with where the change is written. */
function changes(...replacements: Array<[string, string]>): string[] {
  const head = compileRules(edit(BASE_RULES, ...replacements));
  return diffRules(base, head).map(
    (c) => `${changeLine(c)} @ ${c.loc ? `${c.loc.file}:${c.loc.line}` : "-"}`,
  );
}

describe("diffRules: rules", () => {
  it("reports nothing for the same rules", () => {
    expect(diffRules(base, compileRules(BASE_RULES))).toEqual([]);
  });

  it("ignores layout, comments and the order of rules within a section", () => {
    const reordered = edit(BASE_RULES, [
      "    when title in [CEO, CTO] add 30\n    when country in target_countries add 5\n",
      "    # titles that sign\n    when country in target_countries add 5\n\n    when title in [CEO, CTO] add 30\n",
    ]);
    expect(diffRules(base, compileRules(reordered))).toEqual([]);
  });

  it("a points change is a changed rule, with every setting that moved", () => {
    const head = compileRules(
      edit(BASE_RULES, [
        "when event = demo_request add 50 within 30d",
        "when event = demo_request add 60 within 30d",
      ]),
    );
    expect(diffRules(base, head)).toEqual([
      {
        subject: "rule",
        change: "changed",
        model: "main",
        section: "engagement",
        name: "when event = demo_request add 60 within 30d",
        before: "when event = demo_request add 50 within 30d",
        after: "when event = demo_request add 60 within 30d",
        details: [{ what: "points", before: "+50", after: "+60" }],
        loc: { file: "rules/main.score", line: 46 },
        key: expect.any(String),
      },
    ]);
  });

  it("reports each, max, within and the no-event window as settings of the same rule", () => {
    expect(changes(["add 15 each max 30 within 30d", "add 15 max 30 within 30d"])).toEqual([
      'changed rule in customer engagement: when event = page_view where url starts with "/pricing" add 15 max 30 within 30d — counting each event → once @ rules/main.score:32',
    ]);
    expect(changes(["add 2 each max 10 within 30d", "add 2 each max 20 within 14d"])).toEqual([
      "changed rule in main engagement: when event = email_open add 2 each max 20 within 14d — max 10 → 20; within 30d → 14d @ rules/main.score:45",
    ]);
    expect(changes(["when no event within 90d subtract 20", "when no event within 60d subtract 25"])).toEqual(
      [
        "changed rule in main engagement: when no event within 60d subtract 25 — points -20 → -25; no-event window 90d → 60d @ rules/main.score:47",
      ],
    );
  });

  it("compares windows by duration, not by how they are written", () => {
    expect(changes(["add 50 within 30d", "add 50 within 720h"])).toEqual([]);
  });

  it("a changed condition with the same points is one changed rule", () => {
    expect(changes(["when employees >= 500 add 10", "when employees >= 1000 add 10"])).toEqual([
      "changed rule in main fit: when employees >= 1000 add 10 — condition employees >= 500 → employees >= 1000 @ rules/main.score:42",
    ]);
  });

  it("a changed condition on other fields with other points is a rule removed and a rule added", () => {
    expect(changes(["when employees >= 500 add 10", 'when title contains "VP" add 20'])).toEqual([
      "removed rule in main fit: when employees >= 500 add 10 @ rules/main.score:42",
      'added rule in main fit: when title contains "VP" add 20 @ rules/main.score:42',
    ]);
  });

  it("lists added rules where they stand, fit before engagement, models in order", () => {
    expect(
      changes(
        [
          "    when employees >= 500 add 10\n",
          '    when employees >= 500 add 10\n    when title contains "VP" add 20\n',
        ],
        [
          "    when employees >= 200 add 10\n",
          "    when employees >= 200 add 10\n    when employees >= 1000 add 5\n",
        ],
      ),
    ).toEqual([
      "added rule in customer fit: when employees >= 1000 add 5 @ rules/main.score:30",
      'added rule in main fit: when title contains "VP" add 20 @ rules/main.score:44',
    ]);
  });

  it("tells rules with the same condition apart by their order", () => {
    expect(
      changes([
        "    when event = demo_request add 50 within 30d\n",
        "    when event = demo_request add 50 within 30d\n    when event = demo_request add 10 each within 7d\n",
      ]),
    ).toEqual([
      "added rule in main engagement: when event = demo_request add 10 each within 7d @ rules/main.score:47",
    ]);
  });

  it("a changed list is one list change, not every rule that reads it", () => {
    expect(changes(["list target_countries = [US, CA]", "list target_countries = [US, GB, DE]"])).toEqual([
      "changed list target_countries: added GB, DE; removed CA @ -",
    ]);
  });

  it("reports decay and clamp changes", () => {
    expect(changes(["decay 50% every 30d", "decay 25% every 14d"])).toEqual([
      "changed decay (model main): decay 50% every 30d → decay 25% every 14d @ rules/main.score:48",
    ]);
    expect(changes(["    decay 50% every 30d\n", ""])).toEqual([
      "removed decay (model main): decay 50% every 30d @ rules/main.score:48",
    ]);
    expect(changes(["bucket Hot", "clamp score between 0 and 150\n\nbucket Hot"])).toEqual([
      "added clamp: clamp score between 0 and 150 @ rules/main.score:23",
    ]);
  });
});

describe("diffRules: buckets, grades, exclusions, models, schema", () => {
  it("reports bucket thresholds and actions moved, by scope and name", () => {
    expect(
      changes(
        ["bucket Hot >= 100", "bucket Hot >= 90"],
        ['route sales within 48h say "Send an email"', 'route sales within 24h say "Send an email"'],
        ["bucket Expansion >= 30", "bucket Expansion >= 40"],
      ),
    ).toEqual([
      "changed bucket Hot: condition >= 100 → >= 90 @ rules/main.score:23",
      'changed bucket Warm: actions route sales within 48h say "Send an email" → route sales within 24h say "Send an email" @ rules/main.score:24',
      "changed bucket Expansion (model customer): condition >= 30 → >= 40 @ rules/main.score:34",
    ]);
  });

  it("reports buckets added and removed, and a new order of the buckets kept", () => {
    expect(
      changes([
        "bucket Cold otherwise",
        'bucket Lukewarm >= 20 -> nurture "webinars"\nbucket Cold otherwise',
      ]),
    ).toEqual(['added bucket Lukewarm: bucket Lukewarm >= 20 -> nurture "webinars" @ rules/main.score:25']);
    expect(changes(['bucket Healthy otherwise -> nurture "newsletter"\n', ""])).toEqual([
      'removed bucket Healthy (model customer): bucket Healthy otherwise -> nurture "newsletter" @ rules/main.score:35',
    ]);
    expect(
      changes([
        'bucket Hot >= 100 -> route sales within 4h\nbucket Warm >= 40 -> route sales within 48h say "Send an email"',
        'bucket Warm >= 40 -> route sales within 48h say "Send an email"\nbucket Hot >= 100 -> route sales within 4h',
      ]),
    ).toEqual(["changed bucket order: Hot, Warm, Cold → Warm, Hot, Cold @ -"]);
  });

  it("reports grade tiers moved, added and removed, by dimension", () => {
    expect(
      changes(["grade fit A >= 50, B >= 30, else C", "grade fit A >= 60, B >= 30, C >= 10, else D"]),
    ).toEqual(["changed fit grade: A >= 50 → A >= 60; added C >= 10; else C → D @ rules/main.score:20"]);
    expect(
      changes(["grade engagement 1 >= 40, 2 >= 10, else 3", "grade engagement 1 >= 40, else 3"]),
    ).toEqual(["changed engagement grade: removed 2 >= 10 @ rules/main.score:21"]);
  });

  it("reports exclusions added, removed and changed, by reason", () => {
    expect(
      changes([
        'exclude when email ends with "@rival.com" because "competitor"',
        'exclude when email ends with ["@rival.com", "@other.io"] because "competitor"\nexclude when title contains "student" because "student"',
      ]),
    ).toEqual([
      'changed exclusion "competitor": condition email ends with "@rival.com" → email ends with ["@rival.com", "@other.io"] @ rules/main.score:18',
      'added exclusion "student": exclude when title contains "student" because "student" @ rules/main.score:19',
    ]);
    expect(changes(['exclude when email ends with "@rival.com" because "competitor"\n', ""])).toEqual([
      'removed exclusion "competitor": exclude when email ends with "@rival.com" because "competitor" @ rules/main.score:18',
    ]);
  });

  it("reports models added, removed and with another condition", () => {
    expect(
      changes([
        "model customer when stage = customer",
        "model customer when stage = customer and employees >= 10",
      ]),
    ).toEqual([
      "changed model customer: condition when stage = customer → when stage = customer and employees >= 10 @ rules/main.score:27",
    ]);
    expect(
      changes([
        "model main {",
        'model partner "Partners" when email ends with "@partner.com" {\n  fit {\n    when title in [CEO] add 5\n  }\n}\n\nmodel main {',
      ]),
    ).toEqual([
      'added model partner: model partner "Partners" when email ends with "@partner.com" @ rules/main.score:38',
      "added rule in partner fit: when title in [CEO] add 5 @ rules/main.score:40",
    ]);
  });

  it("reports lead fields and event properties", () => {
    expect(
      changes(
        ["  country: string?\n", "  country: string?\n  plan: string?\n"],
        ["event page_view { url: string }", "event page_view { url: string, seconds: number? }"],
      ),
    ).toEqual([
      "added lead field plan: plan: string? @ -",
      "changed event page_view: added seconds: number? @ -",
    ]);
  });
});

describe("diffRules: rules are paired by meaning, not by position (unchanged first, then by likeness)", () => {
  const engagement = [
    "    when event = email_open add 2 each max 10 within 30d\n    when event = demo_request add 50 within 30d\n",
  ] as const;

  it("a rule inserted at the top of a section is one added rule; the rules below it are untouched", () => {
    expect(
      changes([engagement[0], `    when event = demo_request add 20 within 90d\n${engagement[0]}`]),
    ).toEqual([
      "added rule in main engagement: when event = demo_request add 20 within 90d @ rules/main.score:45",
    ]);
  });

  it("a rule inserted in the middle is one added rule", () => {
    expect(
      changes([
        "    when country in target_countries add 5\n",
        '    when country in target_countries add 5\n    when title contains "Director" add 5\n',
      ]),
    ).toEqual(['added rule in main fit: when title contains "Director" add 5 @ rules/main.score:42']);
  });

  it("a deleted rule is one removed rule", () => {
    expect(changes(["    when country in target_countries add 5\n", ""])).toEqual([
      "removed rule in main fit: when country in target_countries add 5 @ rules/main.score:41",
    ]);
  });

  it("reordered rules are no change (their order does not matter); reordered exclusions are", () => {
    expect(
      changes([
        engagement[0],
        "    when event = demo_request add 50 within 30d\n    when event = email_open add 2 each max 10 within 30d\n",
      ]),
    ).toEqual([]);
    expect(
      changes([
        'exclude when email ends with "@rival.com" because "competitor"',
        'exclude when title contains "student" because "student"\nexclude when email ends with "@rival.com" because "competitor"\nexclude when title contains "jobs" because "job seeker"',
      ]),
    ).toEqual([
      'added exclusion "student": exclude when title contains "student" because "student" @ rules/main.score:18',
      'added exclusion "job seeker": exclude when title contains "jobs" because "job seeker" @ rules/main.score:20',
    ]);
  });

  it("a duplicated rule is one added rule, and the duplicates pair one to one", () => {
    const duplicated = `${engagement[0]}    when event = email_open add 2 each max 10 within 30d\n`;
    expect(changes([engagement[0], duplicated])).toEqual([
      "added rule in main engagement: when event = email_open add 2 each max 10 within 30d @ rules/main.score:47",
    ]);
    const head = compileRules(edit(BASE_RULES, [engagement[0], duplicated]));
    expect(diffRules(head, compileRules(edit(BASE_RULES, [engagement[0], duplicated])))).toEqual([]);
  });

  it("a renamed bucket is one change naming both names, not a bucket removed and another added", () => {
    expect(
      changes([
        'bucket Warm >= 40 -> route sales within 48h say "Send an email"',
        'bucket Engaged >= 40 -> route sales within 48h say "Send an email"',
      ]),
    ).toEqual(["changed bucket Engaged: name Warm → Engaged @ rules/main.score:24"]);
  });

  it("a renamed list is one change; the rules that read it under its new name are unchanged", () => {
    expect(
      changes(
        ["list target_countries = [US, CA]", "list target_markets = [US, CA]"],
        ["when country in target_countries add 5", "when country in target_markets add 5"],
      ),
    ).toEqual(["changed list target_markets: name target_countries → target_markets @ -"]);
  });
});
