import { beforeAll, describe, expect, test } from "vitest";
import { compileDirectory, compileSources } from "../../src/compile/compile-ruleset.js";
import type { Artifact } from "../../src/compile/artifact.js";
import { resultNames } from "../../src/gitops/fixture-expect-names.js";
import { parseFixtureText } from "../../src/gitops/fixture-parse.js";
import { formatProblem } from "../../src/gitops/fixture-types.js";
import { runFixtures } from "../../src/gitops/run-fixtures.js";
import { createRuleset } from "../../src/run/ruleset.js";
import { RULES_DIR } from "../support/paths.js";

let reference: Artifact;

beforeAll(async () => {
  reference = (await compileDirectory(RULES_DIR, { displayPrefix: "rules" })).artifact!;
});

/** Runs one fixture text against `artifact`: the problems of each case, formatted. */
function caseProblems(artifact: Artifact, lines: string[]): string[][] {
  const fixture = parseFixtureText(lines.join("\n"), "t.test.yaml");
  const run = runFixtures(createRuleset(artifact), [fixture]);
  return run.files[0]!.cases.map((c) => c.problems.map(formatProblem));
}

const LEAD = "    lead: {id: L1, email: a@b.com, title: CEO, stage: lead}";

describe("resultNames", () => {
  test("the reference's models, grades (fit × engagement labels), buckets and exclusion reasons", () => {
    expect(resultNames(reference)).toEqual({
      model: ["customer", "enterprise", "smb"],
      grade: [
        ...["A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4"],
        ...["C1", "C2", "C3", "C4", "D1", "D2", "D3", "D4"],
      ],
      bucket: ["SQL", "MQL", "Warm", "Nurture", "Cold", "Dead", "Expansion", "Healthy"],
      excluded: ["competitor", "job seeker"],
    });
  });
});

describe("expected names the rules do not have", () => {
  test("are problems at the value, with the closest name", () => {
    expect(
      caseProblems(reference, [
        "as_of: 2026-11-01T00:00:00Z",
        "cases:",
        "  - name: typos in every name",
        LEAD,
        "    expect:",
        "      model: entreprise", //     6
        "      grade: a1", //             7: names compare exactly, as results do
        "      bucket: Nurtrue", //       8
        "      excluded: competitors", // 9
        "",
      ]),
    ).toEqual([
      [
        "t.test.yaml:6:14: unknown model `entreprise` in `expect.model`: did you mean `enterprise`?",
        "t.test.yaml:7:14: unknown grade `a1` in `expect.grade`: did you mean `A1`?",
        "t.test.yaml:8:15: unknown bucket `Nurtrue` in `expect.bucket`: did you mean `Nurture`?",
        "t.test.yaml:9:17: unknown exclusion reason `competitors` in `expect.excluded`: did you mean `competitor`?",
      ],
    ]);
  });

  test("list the names to choose from when none is close, or several are as close", () => {
    expect(
      caseProblems(reference, [
        "as_of: 2026-11-01T00:00:00Z",
        "cases:",
        "  - name: names from another ruleset",
        LEAD,
        "    expect: {model: partner, grade: E1, bucket: Hot, excluded: spam}",
        "",
      ]),
    ).toEqual([
      [
        "t.test.yaml:5:21: unknown model `partner` in `expect.model` (the rules' models: customer, enterprise, smb)",
        // E1 is one edit from A1, B1, C1 and D1 alike: no single suggestion.
        "t.test.yaml:5:37: unknown grade `E1` in `expect.grade` (the grades the rules give: A1, A2, A3, A4, B1, B2, B3, B4, C1, C2, C3, C4, D1, D2, D3, D4)",
        "t.test.yaml:5:49: unknown bucket `Hot` in `expect.bucket` (the rules' buckets: SQL, MQL, Warm, Nurture, Cold, Dead, Expansion, Healthy)",
        "t.test.yaml:5:64: unknown exclusion reason `spam` in `expect.excluded` (the rules' exclusion reasons: competitor, job seeker)",
      ],
    ]);
  });

  test("null and the rules' own names are fine; the case is scored and checked", () => {
    const fixture = parseFixtureText(
      [
        "as_of: 2026-11-01T00:00:00Z",
        "cases:",
        "  - name: every name known",
        LEAD,
        "    expect: {model: smb, grade: B4, bucket: Nurture, excluded: null}",
        "  - name: a model's own bucket",
        "    lead: {id: L2, email: a@b.com, title: CEO, stage: customer}",
        "    expect: {model: customer, bucket: Healthy, excluded: null}",
        "",
      ].join("\n"),
      "t.test.yaml",
    );
    const run = runFixtures(createRuleset(reference), [fixture]);
    expect([run.passed, run.failed, run.problems]).toEqual([1, 1, 0]);
    expect(run.files[0]!.cases[0]!.checks.filter((check) => !check.ok)).toEqual([
      { key: "grade", expected: "B4", actual: "C4", ok: false },
    ]);
  });

  test("a ruleset without grades, exclusions or buckets says so", () => {
    const { artifact } = compileSources([
      {
        path: "t.score",
        text: 'ruleset "t" version 1\nlead {\n  id: string\n}\nmodel only {\n  fit {\n    when id is present add 1\n  }\n}\n',
      },
    ]);
    expect(
      caseProblems(artifact!, [
        "as_of: 2026-11-01T00:00:00Z",
        "cases:",
        "  - name: names of things the rules lack",
        "    lead: {id: L1}",
        "    expect: {grade: A1, bucket: SQL, excluded: competitor}",
        "",
      ]),
    ).toEqual([
      [
        "t.test.yaml:5:21: unknown grade `A1` in `expect.grade` (the rules give no grades)",
        "t.test.yaml:5:33: unknown bucket `SQL` in `expect.bucket` (the rules have no buckets)",
        "t.test.yaml:5:48: unknown exclusion reason `competitor` in `expect.excluded` (the rules exclude no leads)",
      ],
    ]);
  });
});
