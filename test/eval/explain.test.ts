import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import { parse } from "yaml";
import type { Artifact } from "../../src/compile/artifact.js";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import { renderExplanation } from "../../src/eval/explain.js";
import type { ScoringEvent } from "../../src/eval/event-index.js";
import { Ruleset } from "../../src/eval/ruleset.js";
import { expectGolden } from "../support/golden.js";
import { PROJECT_ROOT, RULES_DIR } from "../support/paths.js";
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
  profileRule,
  ref,
  resetLines,
  test as when,
  x,
} from "../support/artifact-builder.js";

const GOLDEN = path.join(PROJECT_ROOT, "test/golden/explain");

interface FixtureCase {
  lead: Record<string, unknown>;
  events: ScoringEvent[];
}
const fixture = parse(readFileSync(path.join(RULES_DIR, "tests/acme.test.yaml"), "utf8")) as {
  as_of: string;
  cases: FixtureCase[];
};
const AS_OF = Date.parse(fixture.as_of);

let acme: Artifact;
beforeAll(async () => {
  acme = (await compileDirectory(RULES_DIR, { displayPrefix: "rules" })).artifact!;
});

function explain(
  rules: Artifact,
  lead: Record<string, unknown>,
  events: ScoringEvent[],
  asOf: number,
): string {
  return renderExplanation(new Ruleset(rules).score(lead, events, { asOf }), rules, { asOf });
}

describe("explanations of reference leads", () => {
  test.each([
    ["L1", "sales-ready CEO: grade thresholds, SQL bucket and its action"],
    ["L2", "competitor: excluded, still scored"],
    ["L3", "student: fallback grades, otherwise bucket"],
    ["L4", "decay of a once-only rule"],
    ["L6", "customer: the model's own buckets"],
    ["L8", "decayed subtraction and silence"],
    ["L9", "capped opens"],
  ])("%s (%s)", (id) => {
    const fixtureCase = fixture.cases.find((c) => c.lead.id === id)!;
    expectGolden(path.join(GOLDEN, `${id}.txt`), explain(acme, fixtureCase.lead, fixtureCase.events, AS_OF));
  });
});

describe("renderExplanation as the README calls it", () => {
  test("(result, artifact) without options: the same text, without the as-of time", () => {
    const fixtureCase = fixture.cases.find((c) => c.lead.id === "L4")!;
    const result = new Ruleset(acme).score(fixtureCase.lead, fixtureCase.events, { asOf: AS_OF });
    const withTime = renderExplanation(result, acme, { asOf: fixture.as_of });
    expect(withTime.split("\n")[0]).toBe(
      'Lead L4, scored by model enterprise "Enterprise decision makers", as of 2026-11-01T00:00:00Z',
    );
    expect(renderExplanation(result, acme)).toBe(withTime.replace(", as of 2026-11-01T00:00:00Z", ""));
  });
});

describe("explanations of edge cases", () => {
  const always = x.present(ref.lead("id"));
  beforeEach(() => resetLines());

  test("a clamped score, decay on an `each` rule, and a grade without a label", () => {
    const rules = artifact({
      models: [
        model("hot", {
          label: "Hot leads",
          fit: [profileRule(always, 90)],
          engagement: [eventRule("email_open", 10, { each: true, max: 12 })],
          decay: { percent: 50, every: "30d" },
        }),
      ],
      clamp: { min: 0, max: 100 },
      grades: grades("A >= 95", "1 >= 10, else 2"),
      buckets: [bucket("Top", when.atLeast(100), [action("route sales within 4h say Call today")])],
    });
    const events = [1, 31, 61].map((days) => ({ type: "email_open", at: before(days * DAY) }));
    expectGolden(path.join(GOLDEN, "clamp-and-decay.txt"), explain(rules, { id: "H1" }, events, T));
  });

  test("a lead no model takes, excluded too", () => {
    const rules = artifact({
      models: [model("enterprise", { when: x.cmp(ref.lead("employees", "number"), ">=", 500) })],
      exclusions: [
        exclusion("competitor", { kind: "profile", expr: x.endsWith(ref.lead("email"), "@rival.com") }),
      ],
    });
    expectGolden(
      path.join(GOLDEN, "unscored.txt"),
      explain(rules, { id: "U1", email: "x@rival.com", employees: 5 }, [], T),
    );
  });

  test("no bucket matches", () => {
    const rules = artifact({
      models: [model("m", { fit: [profileRule(always, 5)] })],
      buckets: [bucket("Hot", when.atLeast(50))],
    });
    expect(explain(rules, { id: "N1" }, [], T)).toBe(
      [
        "Lead N1, scored by model m, as of 2026-11-01T00:00:00Z",
        "",
        "Fit: 5",
        "  +5  when id is present add 5  rules/test.score:100",
        "",
        "Engagement: 0",
        "  no engagement rule applies",
        "",
        "Score: 5 = fit 5 + engagement 0",
        "",
        "Grade: none (no fit grades are declared; no engagement grades are declared)",
        "Bucket: none (no bucket matches)",
        "",
      ].join("\n"),
    );
  });
});

describe("a bucket's condition in the explanation", () => {
  test("is printed from its expression, whole, even when a value contains ` -> `", async () => {
    const { compileSources } = await import("../../src/compile/compile-ruleset.js");
    const { artifact: compiled } = compileSources([
      {
        path: "r.score",
        text: `ruleset "arrows" version 1
lead {
  id: string
  title: string?
}
model m {
  fit {
    when title is present add 1
  }
  bucket Odd when title contains " -> " -> nurture "odd"
  bucket Rest otherwise -> disqualify
}
`,
      },
    ]);
    const result = new Ruleset(compiled!).score({ id: "L1", title: "a -> b" }, [], { asOf: T });
    expect(renderExplanation(result, compiled!, { asOf: T })).toContain(
      'Bucket: Odd of model m, because title contains " -> " (r.score:10)\n',
    );
  });
});
