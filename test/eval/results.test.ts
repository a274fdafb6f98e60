import { describe, expect, test } from "vitest";
import type { ScoringEvent } from "../../src/eval/event-index.js";
import {
  DAY,
  T,
  action,
  artifact,
  before,
  bucket,
  eventRule,
  exclusion,
  grades,
  model,
  noEventRule,
  profileRule,
  ref,
  test as when,
  x,
} from "../support/artifact-builder.js";
import { Ruleset } from "../../src/eval/ruleset.js";
import { scoreWith } from "../support/scoring-helpers.js";

const title = ref.lead("title");
const employees = ref.lead("employees", "number");
const email = ref.lead("email");
const always = x.present(ref.lead("id"));

describe("model choice", () => {
  const enterprise = model("enterprise", {
    when: x.cmp(employees, ">=", 500),
    fit: [profileRule(always, 1)],
  });
  const customer = model("customer", {
    when: x.eq(ref.lead("stage", "enum"), "customer"),
    fit: [profileRule(always, 2)],
  });
  const smb = model("smb", { fit: [profileRule(always, 3)] });

  test("models are tried in order; the default is used last even when declared first", () => {
    const a = artifact({ models: [smb, enterprise, customer] });
    expect(scoreWith(a, { id: "1", employees: 800, stage: "customer" }).model).toBe("enterprise");
    expect(scoreWith(a, { id: "2", employees: 10, stage: "customer" }).model).toBe("customer");
    expect(scoreWith(a, { id: "3", employees: 10, stage: "lead" }).model).toBe("smb");
    expect(scoreWith(a, { id: "4" }).model).toBe("smb");
  });

  test("a model whose condition is unknown does not take the lead", () => {
    const a = artifact({ models: [enterprise, smb] });
    expect(scoreWith(a, { id: "1" })).toMatchObject({ model: "smb", fit: 3 });
  });

  test("without a default model, leads no model takes are unscored", () => {
    const a = artifact({
      models: [enterprise],
      buckets: [bucket("All", when.otherwise(), [action("disqualify")])],
      grades: grades("A >= 0, else B", "1 >= 0, else 2"),
    });
    expect(scoreWith(a, { id: "9", employees: 5 })).toEqual({
      id: "9",
      model: null,
      fit: null,
      engagement: null,
      score: null,
      grade: null,
      bucket: null,
      excluded: null,
      actions: [],
      contributions: [],
    });
  });

  test("an unscored lead still reports its exclusion: exclusions are global", () => {
    const a = artifact({
      models: [enterprise],
      exclusions: [exclusion("competitor", { kind: "profile", expr: x.endsWith(email, "@rival.com") })],
    });
    expect(scoreWith(a, { id: "9", email: "a@rival.com" })).toMatchObject({
      model: null,
      excluded: "competitor",
    });
  });
});

describe("totals", () => {
  test("fit and engagement are sums of their rules; score adds them", () => {
    const a = artifact({
      models: [
        model("m", {
          fit: [
            profileRule(always, 25),
            profileRule(x.contains(title, "student"), -30),
            profileRule(always, 0.5),
          ],
          engagement: [eventRule("email_open", 2, { each: true })],
        }),
      ],
    });
    const result = scoreWith(a, { id: "L", title: "PhD student" }, [{ type: "email_open", at: before(DAY) }]);
    expect(result).toMatchObject({ fit: -4.5, engagement: 2, score: -2.5 });
  });

  test("rule points are rounded to 2 decimals and the totals add up exactly", () => {
    const a = artifact({
      models: [
        model("m", {
          fit: [profileRule(always, 0.1), profileRule(always, 0.2), profileRule(always, 1.005)],
          engagement: [eventRule("demo_request", 10), eventRule("email_open", 10)],
          decay: { percent: 25, every: "14d" },
        }),
      ],
    });
    const result = scoreWith(a, { id: "L" }, [
      { type: "demo_request", at: before(43 * DAY) }, // 4.21875 → 4.22
      { type: "email_open", at: before(29 * DAY) }, // 5.625 → 5.63
    ]);
    expect(result.contributions.map((c) => c.points)).toEqual([0.1, 0.2, 1.01, 4.22, 5.63]);
    expect(result).toMatchObject({ fit: 1.31, engagement: 9.85, score: 11.16 });
  });

  test("negative halves round away from zero", () => {
    const a = artifact({ models: [model("m", { fit: [profileRule(always, -1.005)] })] });
    expect(scoreWith(a, { id: "L" })).toMatchObject({ fit: -1.01, engagement: 0, score: -1.01 });
  });

  test("the result has exactly these keys, in this order", () => {
    const a = artifact({ models: [model("m")] });
    expect(Object.keys(scoreWith(a, { id: "L" }))).toEqual([
      "id",
      "model",
      "fit",
      "engagement",
      "score",
      "grade",
      "bucket",
      "excluded",
      "actions",
      "contributions",
    ]);
  });

  test("the id is the lead's id as text", () => {
    const a = artifact({ models: [model("m")] });
    expect(scoreWith(a, { id: 42 }).id).toBe("42");
    expect(scoreWith(a, { id: " L7 " }).id).toBe("L7");
    expect(scoreWith(a, {}).id).toBeNull();
  });

  test("contributions explain every fired rule with its source", () => {
    const a = artifact({
      models: [
        model("m", {
          fit: [profileRule(x.eq(title, "CEO"), 30), profileRule(x.eq(title, "CTO"), 30)],
          engagement: [noEventRule(null, "90d", -20)],
        }),
      ],
    });
    const result = scoreWith(a, { id: "L", title: "CEO" });
    expect(result.contributions).toEqual([
      {
        rule: "when title = CEO add 30",
        id: "m.fit.1",
        section: "fit",
        points: 30,
        loc: { file: "rules/test.score", line: expect.any(Number), column: 3 },
      },
      {
        rule: "when no event within 90d subtract 20",
        id: "m.engagement.1",
        section: "engagement",
        points: -20,
        loc: expect.objectContaining({ file: "rules/test.score" }),
      },
    ]);
  });
});

describe("clamp", () => {
  const rules = { fit: [profileRule(always, 80)], engagement: [eventRule("email_open", 40, { each: true })] };
  const opens = (n: number): ScoringEvent[] =>
    Array.from({ length: n }, (_, i) => ({ type: "email_open", at: before((i + 1) * DAY) }));

  test("keeps the score in range and adds a contribution so the explanation adds up", () => {
    const a = artifact({ models: [model("m", rules)], clamp: { min: 0, max: 100 } });
    const result = scoreWith(a, { id: "L" }, opens(1));
    expect(result).toMatchObject({ fit: 80, engagement: 40, score: 100 });
    expect(result.contributions.at(-1)).toEqual({
      rule: "clamp score between 0 and 100",
      id: "clamp",
      section: "clamp",
      points: -20,
      loc: { file: "rules/test.score", line: 98, column: 3 },
    });
    expect(result.contributions.reduce((sum, c) => sum + c.points, 0)).toBe(result.score);
  });

  test("no contribution when the score is already in range", () => {
    const a = artifact({ models: [model("m", rules)], clamp: { min: 0, max: 200 } });
    const result = scoreWith(a, { id: "L" }, opens(1));
    expect(result.score).toBe(120);
    expect(result.contributions.map((c) => c.section)).toEqual(["fit", "engagement"]);
  });

  test("a model's own clamp replaces the global one", () => {
    const a = artifact({
      models: [model("m", { ...rules, clamp: { min: -10, max: 90 } })],
      clamp: { min: 0, max: 100 },
    });
    const result = scoreWith(a, { id: "L" }, opens(2));
    expect(result.score).toBe(90);
    expect(result.contributions.at(-1)).toMatchObject({ id: "m.clamp", points: -70 });
  });

  test("raises a score below the minimum", () => {
    const a = artifact({
      models: [model("m", { fit: [profileRule(always, -15)] })],
      clamp: { min: 0, max: 100 },
    });
    const result = scoreWith(a, { id: "L" });
    expect(result).toMatchObject({ fit: -15, engagement: 0, score: 0 });
    expect(result.contributions.at(-1)).toMatchObject({ section: "clamp", points: 15 });
  });

  test("buckets compare the clamped score", () => {
    const a = artifact({
      models: [model("m", rules)],
      clamp: { min: 0, max: 100 },
      buckets: [bucket("Over", when.threshold(">", 100)), bucket("Top", when.atLeast(100))],
    });
    expect(scoreWith(a, { id: "L" }, opens(1)).bucket).toBe("Top");
  });
});

describe("grades", () => {
  const scored = (
    fit: number,
    engagement: number,
    g = grades("A >= 50, B > 30, C >= 15, else D", "1 >= 60, 2 >= 30, 3 >= 10, else 4"),
  ) =>
    scoreWith(
      artifact({
        models: [
          model("m", { fit: [profileRule(always, fit)], engagement: [noEventRule(null, "1d", engagement)] }),
        ],
        grades: g,
      }),
      { id: "L" },
    ).grade;

  test("fit letter and engagement digit, first tier met wins", () => {
    expect(scored(55, 65)).toBe("A1");
    expect(scored(50, 60)).toBe("A1");
    expect(scored(49.99, 59.99)).toBe("B2");
    expect(scored(30, 30)).toBe("C2"); // B needs more than 30
    expect(scored(30.01, 10)).toBe("B3");
    expect(scored(-30, -20)).toBe("D4");
  });

  test("grades compare the rounded values", () => {
    // 49.995 rounds to 50.00 → A
    expect(scored(49.995, 60)).toBe("A1");
  });

  test("no label below every tier without `else`: no grade", () => {
    const noFallback = grades("A >= 50", "1 >= 60, else 2");
    expect(scored(55, 0, noFallback)).toBe("A2");
    expect(scored(10, 70, noFallback)).toBeNull();
  });

  test("one dimension alone grades by its own labels; neither: no grade", () => {
    expect(scored(55, 65, grades("A >= 50, else B", null))).toBe("A");
    expect(scored(20, 65, grades("A >= 50, else B", null))).toBe("B");
    expect(scored(55, 65, grades(null, "1 >= 70, else 2"))).toBe("2");
    expect(scored(20, -5, grades(null, "1 >= 0"))).toBeNull();
    expect(scored(55, 65, grades(null, null))).toBeNull();
  });
});

describe("buckets", () => {
  const g = grades("A >= 50, B >= 30, else D", "1 >= 60, 2 >= 30, else 4");
  const globalBuckets = [
    bucket("SQL", when.when(x.in(ref.result("grade", "string"), ["A1", "a2", "B1"])), [
      action("route sales within 4h say Offer a product demo"),
    ]),
    bucket("MQL", when.atLeast(100), [action("route sales within 4h")]),
    bucket("Nurture", when.atLeast(20), [action("nurture monthly-digest")]),
    bucket("Dead", when.otherwise(), [action("disqualify")]),
  ];
  const withScores = (fit: number, engagement: number, extra: object = {}) =>
    artifact({
      models: [
        model("m", {
          fit: [profileRule(always, fit)],
          engagement: [noEventRule(null, "1d", engagement)],
          ...extra,
        }),
      ],
      grades: g,
      buckets: globalBuckets,
    });

  test("first match wins; actions are shown as results write them", () => {
    expect(scoreWith(withScores(55, 65), { id: "L" })).toMatchObject({
      grade: "A1",
      bucket: "SQL",
      actions: [{ route: "sales", within: "4h", say: "Offer a product demo" }],
    });
    expect(scoreWith(withScores(55, 35), { id: "L" })).toMatchObject({ grade: "A2", bucket: "SQL" });
    const mql = scoreWith(withScores(10, 95), { id: "L" });
    expect(mql).toMatchObject({ grade: "D1", bucket: "MQL" });
    expect(mql.actions).toEqual([{ route: "sales", within: "4h" }]);
    expect(scoreWith(withScores(10, 10), { id: "L" })).toMatchObject({
      bucket: "Nurture",
      actions: [{ nurture: "monthly-digest" }],
    });
    expect(scoreWith(withScores(10, 5), { id: "L" })).toMatchObject({
      bucket: "Dead",
      actions: [{ disqualify: true }],
    });
  });

  test("a model's own buckets replace the global ones", () => {
    const own = [
      bucket("Expansion", when.atLeast(40), [action("route account_management within 24h say Discuss")]),
    ];
    const a = withScores(30, 35, { buckets: own });
    expect(scoreWith(a, { id: "L" })).toMatchObject({
      bucket: "Expansion",
      actions: [{ route: "account_management", within: "24h", say: "Discuss" }],
    });
    // No own bucket matches: no bucket, even though a global one would.
    const low = withScores(1, 1, { buckets: own });
    expect(scoreWith(low, { id: "L" })).toMatchObject({ bucket: null, actions: [] });
  });

  test("no bucket matches: bucket null, no actions", () => {
    const a = artifact({ models: [model("m")], buckets: [bucket("Hot", when.atLeast(50))] });
    expect(scoreWith(a, { id: "L" })).toMatchObject({ score: 0, bucket: null, actions: [] });
  });

  test("bucket conditions read results and lead fields; an unknown grade matches nothing", () => {
    const a = artifact({
      models: [model("m", { fit: [profileRule(always, 40)] })],
      buckets: [
        bucket("Graded", when.when(x.present(ref.result("grade", "string")))),
        bucket(
          "BigFit",
          when.when(x.and(x.cmp(ref.result("fit"), ">", 30), x.eq(ref.lead("country"), "us"))),
        ),
        bucket("Other", when.otherwise()),
      ],
    });
    expect(scoreWith(a, { id: "L", country: "US" }).bucket).toBe("BigFit");
    expect(scoreWith(a, { id: "L", country: "DE" }).bucket).toBe("Other");
    expect(scoreWith(a, { id: "L" }).bucket).toBe("Other");
  });

  test("conditions on the grade alone hold for the grades they name, and none for a lead without a grade", () => {
    const grade = ref.result("grade", "string");
    const gradeBuckets = [
      bucket("NotA", when.when(x.not(x.in(grade, ["A1", "A2"])))),
      bucket("Ungraded", when.when(x.missing(grade))),
      bucket("Rest", when.otherwise()),
    ];
    const scoredWith = (fit: number, g: ReturnType<typeof grades>) =>
      scoreWith(
        artifact({
          models: [model("m", { fit: [profileRule(always, fit)] })],
          grades: g,
          buckets: gradeBuckets,
        }),
        { id: "L" },
      );
    expect(scoredWith(55, g)).toMatchObject({ grade: "A4", bucket: "NotA" });
    expect(scoredWith(10, g)).toMatchObject({ grade: "D4", bucket: "NotA" });
    // `not (grade in …)` of a missing grade is unknown, so only `grade is missing` holds.
    expect(scoredWith(10, grades("A >= 50", null))).toMatchObject({ grade: null, bucket: "Ungraded" });
    expect(scoredWith(55, grades("A >= 50", null))).toMatchObject({ grade: "A", bucket: "NotA" });
    expect(scoredWith(55, grades("A >= 50, else B", "1 >= 0"))).toMatchObject({
      grade: "A1",
      bucket: "Rest",
    });
  });

  test("threshold operators compare the final score", () => {
    const ops = [">", ">=", "<", "<=", "=", "!="] as const;
    const pick = (score: number) =>
      ops.filter(
        (op) =>
          scoreWith(
            artifact({
              models: [model("m", { fit: [profileRule(always, score)] })],
              buckets: [bucket("B", when.threshold(op, 20))],
            }),
            { id: "L" },
          ).bucket === "B",
      );
    expect(pick(20)).toEqual([">=", "<=", "="]);
    expect(pick(20.01)).toEqual([">", ">=", "!="]);
    expect(pick(19.99)).toEqual(["<", "<=", "!="]);
  });
});

describe("exclusions", () => {
  const models = [model("m", { fit: [profileRule(always, 60)] })];
  const buckets = [bucket("Hot", when.atLeast(50), [action("route sales within 4h")])];
  const competitor = exclusion("competitor", { kind: "profile", expr: x.endsWith(email, "@rivalytics.com") });
  const jobSeeker = exclusion(
    "job seeker",
    { kind: "event", types: ["job_application"], where: null },
    "90d",
  );

  test("an excluded lead is scored and graded for the record, with no bucket and no actions", () => {
    const a = artifact({
      models,
      buckets,
      exclusions: [competitor],
      grades: grades("A >= 50, else B", "1 >= 10, else 2"),
    });
    expect(scoreWith(a, { id: "L", email: "bob@rivalytics.com" })).toMatchObject({
      model: "m",
      fit: 60,
      score: 60,
      grade: "A2",
      bucket: null,
      excluded: "competitor",
      actions: [],
    });
    expect(scoreWith(a, { id: "L", email: "bob@example.com" })).toMatchObject({
      bucket: "Hot",
      excluded: null,
    });
  });

  test("the first exclusion that holds, in declaration order, gives the reason", () => {
    const both = { id: "L", email: "bob@rivalytics.com" };
    const events = [{ type: "job_application", at: before(DAY) }];
    expect(scoreWith(artifact({ models, exclusions: [competitor, jobSeeker] }), both, events).excluded).toBe(
      "competitor",
    );
    expect(scoreWith(artifact({ models, exclusions: [jobSeeker, competitor] }), both, events).excluded).toBe(
      "job seeker",
    );
  });

  test("an event exclusion holds for a matching event in its window only", () => {
    const a = artifact({ models, buckets, exclusions: [jobSeeker] });
    const at = (msBefore: number) => [{ type: "job_application", at: before(msBefore) }];
    expect(scoreWith(a, { id: "L" }, at(0)).excluded).toBe("job seeker");
    expect(scoreWith(a, { id: "L" }, at(90 * DAY - 1)).excluded).toBe("job seeker");
    expect(scoreWith(a, { id: "L" }, at(90 * DAY)).excluded).toBeNull();
    expect(scoreWith(a, { id: "L" }, at(-1)).excluded).toBeNull();
  });

  test("an event exclusion without a window holds for any event up to T, and honours `where`", () => {
    const a = artifact({
      models,
      exclusions: [
        exclusion("careers", {
          kind: "event",
          types: ["page_view"],
          where: x.startsWith(ref.event("url"), "/careers"),
        }),
      ],
    });
    expect(
      scoreWith(a, { id: "L" }, [{ type: "page_view", at: before(999 * DAY), url: "/careers/eng" }]).excluded,
    ).toBe("careers");
    expect(
      scoreWith(a, { id: "L" }, [{ type: "page_view", at: before(DAY), url: "/pricing" }]).excluded,
    ).toBeNull();
    expect(
      scoreWith(a, { id: "L" }, [{ type: "page_view", at: before(-DAY), url: "/careers" }]).excluded,
    ).toBeNull();
  });

  test("a no-event exclusion ignores events after T", () => {
    const a = artifact({
      models,
      exclusions: [exclusion("dormant", { kind: "no_event", types: null, withinMs: 365 * DAY })],
    });
    expect(scoreWith(a, { id: "L" }, [{ type: "email_open", at: before(-DAY) }]).excluded).toBe("dormant");
    expect(scoreWith(a, { id: "L" }, [{ type: "email_open", at: before(DAY) }]).excluded).toBeNull();
  });

  test("an exclusion whose condition is unknown does not hold", () => {
    const a = artifact({ models, exclusions: [competitor] });
    expect(scoreWith(a, { id: "L" }).excluded).toBeNull();
  });
});

test("the as-of time is required and must be a time", () => {
  const a = artifact({ models: [model("m")] });
  expect(() => scoreWith(a, { id: "L" }, [], "yesterday")).toThrow(/not an ISO-8601 timestamp/);
  expect(scoreWith(a, { id: "L" }, [], "2026-11-01T00:00:00Z").score).toBe(0);
  expect(scoreWith(a, { id: "L" }, [], T).score).toBe(0);
});

test("a lead whose events cannot be read throws, and leaves nothing behind for the next lead", () => {
  const ruleset = new Ruleset(
    artifact({
      models: [
        model("m", {
          fit: [profileRule(always, 10)],
          engagement: [eventRule("page_view", 5, { where: x.startsWith(ref.event("url"), "/p") })],
        }),
      ],
    }),
  );
  const unreadable = {
    type: "page_view",
    at: before(DAY),
    get url(): string {
      throw new Error("unreadable url");
    },
  };
  expect(() => ruleset.score({ id: "A" }, [unreadable], { asOf: T })).toThrow("unreadable url");
  expect(ruleset.score({ id: "B" }, [], { asOf: T }).contributions.map((c) => c.points)).toEqual([10]);
});
