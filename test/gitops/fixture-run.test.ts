import { beforeAll, describe, expect, test } from "vitest";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import { loadFixtureFiles } from "../../src/gitops/fixture-load.js";
import { parseFixtureText } from "../../src/gitops/fixture-parse.js";
import { formatProblem } from "../../src/gitops/fixture-types.js";
import { issuePath, runFixtures } from "../../src/gitops/run-fixtures.js";
import { createRuleset, type Ruleset } from "../../src/run/ruleset.js";
import { PROJECT_ROOT, RULES_DIR } from "../support/paths.js";

let ruleset: Ruleset;

beforeAll(async () => {
  const compiled = await compileDirectory(RULES_DIR, { displayPrefix: "rules" });
  ruleset = createRuleset(compiled.artifact!);
});

describe("runFixtures", () => {
  test("every reference case passes", async () => {
    const { fixtures } = await loadFixtureFiles(["rules/tests/acme.test.yaml"], { cwd: PROJECT_ROOT });
    const run = runFixtures(ruleset, fixtures);
    expect([run.passed, run.failed, run.problems]).toEqual([11, 0, 0]);
    expect(run.results.map((r) => [r.id, r.model, r.score, r.bucket])).toEqual([
      ["L1", "enterprise", 120, "SQL"],
      ["L2", "enterprise", 45, null],
      ["L3", "smb", -30, "Dead"],
      ["L4", "enterprise", 55, "Warm"],
      ["L5", "smb", 29, "Nurture"],
      ["L6", "customer", 65, "Expansion"],
      ["L7", "smb", 15, null],
      ["L8", "enterprise", 3.75, "Dead"],
      ["L9", "enterprise", 40, "Warm"],
      ["L10", "smb", 77.5, "Warm"],
      ["L11", "enterprise", 5, "Cold"],
    ]);
  });

  test("a case whose expectation does not hold fails with each checked key", () => {
    const fixture = parseFixtureText(
      [
        "as_of: 2026-11-01T00:00:00Z",
        "cases:",
        "  - name: a CEO without activity",
        "    lead: {id: L1, email: a@b.com, title: CEO, employees: 20, country: US, stage: lead}",
        "    expect: {model: smb, fit: 45, bucket: Warm}",
        "",
      ].join("\n"),
      "t.test.yaml",
    );
    const run = runFixtures(ruleset, [fixture]);
    expect([run.passed, run.failed]).toEqual([0, 1]);
    const [outcome] = run.files[0]!.cases;
    expect(outcome!.checks).toEqual([
      { key: "model", expected: "smb", actual: "smb", ok: true },
      { key: "fit", expected: 45, actual: 40, ok: false },
      { key: "bucket", expected: "Warm", actual: "Nurture", ok: false },
    ]);
    expect(outcome!.passed).toBe(false);
    expect(outcome!.result!.contributions.map((c) => [c.id, c.points])).toEqual([
      ["smb.fit.1", 25],
      ["smb.fit.5", 10],
      ["smb.fit.6", 5],
    ]);
  });

  test("the case's own as_of decides the windows", () => {
    const text = (asOf: string) =>
      [
        "as_of: 2026-11-01T00:00:00Z",
        "cases:",
        "  - name: a demo request",
        `    as_of: ${asOf}`,
        "    lead: {id: L1, email: a@b.com, title: Engineer, stage: lead}",
        "    events: [{type: demo_request, at: 2026-10-30T10:00:00Z}]",
        "    expect: {engagement: 40}",
        "",
      ].join("\n");
    expect(runFixtures(ruleset, [parseFixtureText(text("2026-11-01T00:00:00Z"), "t")]).passed).toBe(1);
    // Scored before the event happened: it does not count.
    const early = runFixtures(ruleset, [parseFixtureText(text("2026-10-30T09:00:00Z"), "t")]);
    expect(early.files[0]!.cases[0]!.checks[0]!.actual).toBe(0);
    // 40 days later the demo request is outside its 30-day window.
    const late = runFixtures(ruleset, [parseFixtureText(text("2026-12-09T10:00:00Z"), "t")]);
    expect(late.files[0]!.cases[0]!.checks[0]!.actual).toBe(0);
  });

  test("records the ruleset refuses are problems on their line; the other cases still run", () => {
    const fixture = parseFixtureText(
      [
        "as_of: 2026-11-01T00:00:00Z",
        "cases:",
        "  - name: an invalid lead",
        "    lead:",
        "      id: L1",
        "      title: CEO",
        "      employees: many",
        "      stage: prospect",
        "    events:",
        "      - {type: email_open, at: 2026-10-20T08:00:00Z}",
        "      - {type: emial_open, at: 2026-10-21T08:00:00Z}",
        "      - {type: page_view, at: 2026-10-22T08:00:00Z, seconds: 30}",
        "    expect: {bucket: Dead}",
        "  - name: a valid lead",
        "    lead: {id: L2, email: a@b.com, title: CEO, stage: lead}",
        "    expect: {model: smb}",
        "",
      ].join("\n"),
      "t.test.yaml",
    );
    const run = runFixtures(ruleset, [fixture]);
    expect([run.passed, run.failed, run.problems]).toEqual([1, 1, 5]);
    const [invalid] = run.files[0]!.cases;
    expect(invalid!.result).toBeNull();
    expect(invalid!.problems.map(formatProblem)).toEqual([
      "t.test.yaml:4:5: lead.email: missing required field `email`",
      "t.test.yaml:7:7: lead.employees: must be a number",
      "t.test.yaml:8:7: lead.stage: `prospect` is not one of subscriber, lead, mql, sql, customer",
      "t.test.yaml:11:10: events[1].type: unknown event type `emial_open` (did you mean `email_open`?)",
      "t.test.yaml:12:9: events[2].url: missing required field `url`",
    ]);
    expect(run.results.map((r) => r.id)).toEqual(["L2"]);
  });

  test("a case's problems are all reported at once: how it is written, what it expects, what the schema refuses", () => {
    const fixture = parseFixtureText(
      [
        "as_of: 2026-11-01T00:00:00Z",
        "cases:",
        "  - name: broken in every way", //                              3
        "    lead: {id: L1, email: a@b.com, title: CEO, stage: lead, employees: many}",
        "    events:",
        "      - {type: webnar, at: 2026-10-20T08:00:00Z}", //             6
        "      - {type: email_open, at: 2026-10-20}", //                   7: one problem, not two
        "      - email_open", //                                           8: one problem, not two
        "      - {type: page_view}", //                                    9: `at` once; `url` still said
        "      - {type: 5, at: 2026-10-21T08:00:00Z}", //                 10: one problem, not two
        "      - {type: page_view, at: 2026-10-22T08:00:00Z, url: /, seconds: long}", // 11
        "    expect: {bukcet: SQL, bucket: Nurtrue}", //                   12
        "  - name: without a lead, the lead's fields are not listed as missing", // 13
        "    expect: {model: smb}",
        "  - name: a lead that is not a map is said once",
        "    lead: L3", //                                                 16
        "    events: {type: demo_request}", //                             17
        "    expect: {model: smb}",
        "",
      ].join("\n"),
      "t.test.yaml",
    );
    const run = runFixtures(ruleset, [fixture]);
    expect(run.files[0]!.cases.map((c) => c.problems.map(formatProblem))).toEqual([
      [
        "t.test.yaml:4:61: lead.employees: must be a number",
        "t.test.yaml:6:10: events[0].type: unknown event type `webnar` (did you mean `webinar_attended`?)",
        "t.test.yaml:7:32: `at` must be an ISO-8601 timestamp with a time zone, like 2026-11-01T00:00:00Z (found `2026-10-20`)",
        "t.test.yaml:8:9: an event is a map with `type`, `at` and its properties",
        "t.test.yaml:9:9: missing `at` in an event: when it happened, like 2026-10-20T08:00:00Z",
        "t.test.yaml:9:9: events[3].url: missing required field `url`",
        "t.test.yaml:10:16: `type` must be the name of an event type",
        "t.test.yaml:11:61: events[5].seconds: must be a number",
        "t.test.yaml:12:14: unknown key `expect.bukcet`: did you mean `bucket`?",
        "t.test.yaml:12:35: unknown bucket `Nurtrue` in `expect.bucket`: did you mean `Nurture`?",
      ],
      ["t.test.yaml:13:5: missing `lead` in a case: the lead's fields, like `lead: {id: L1, title: CEO}`"],
      [
        "t.test.yaml:16:11: `lead` must be a map of lead fields, like `{id: L1, title: CEO}`",
        "t.test.yaml:17:13: `events` must be a list of events, like `- {type: email_open, at: 2026-10-20T08:00:00Z}`",
      ],
    ]);
    expect([run.passed, run.failed, run.problems]).toEqual([0, 3, 13]);
  });

  test("a case that checks nothing fails unscored, and a file without cases fails the run", () => {
    const checksNothing = parseFixtureText(
      [
        "as_of: 2026-11-01T00:00:00Z",
        "cases:",
        "  - name: checks nothing",
        "    lead: {id: L1, email: a@b.com, title: CEO, stage: lead}",
        "    expect: {}",
        "  - name: checks the model",
        "    lead: {id: L2, email: a@b.com, title: CEO, stage: lead}",
        "    expect: {model: smb}",
        "",
      ].join("\n"),
      "a.test.yaml",
    );
    const empty = parseFixtureText("as_of: 2026-11-01T00:00:00Z\ncases: []\n", "b.test.yaml");
    const run = runFixtures(ruleset, [checksNothing, empty]);
    expect([run.passed, run.failed, run.problems]).toEqual([1, 1, 2]);
    const [nothing] = run.files[0]!.cases;
    expect([nothing!.passed, nothing!.result, nothing!.checks]).toEqual([false, null, []]);
    expect(nothing!.problems.map(formatProblem)).toEqual([
      "a.test.yaml:5:13: this case checks nothing: add keys under `expect`",
    ]);
    expect(run.files[1]!.cases).toEqual([]);
    expect(run.files[1]!.problems.map(formatProblem)).toEqual(["b.test.yaml:2:8: the file has no cases"]);
    expect(run.results.map((r) => r.id)).toEqual(["L2"]);
  });

  test("a case without an instant to score at is not scored, and says why", () => {
    const fixture = parseFixtureText(
      "cases:\n  - name: no as_of\n    lead: {id: L1, email: a@b.com, title: CEO, stage: lead}\n    expect: {model: smb}\n",
      "t.test.yaml",
    );
    const run = runFixtures(ruleset, [fixture]);
    expect([run.passed, run.failed, run.problems]).toEqual([0, 1, 1]);
    expect(run.files[0]!.cases[0]!.notScored).toBe(
      "not scored: neither the case nor the file gives a valid `as_of`",
    );
  });
});

describe("issuePath", () => {
  test("reads the paths validation reports", () => {
    expect(issuePath("lead.employees")).toEqual(["lead", "employees"]);
    expect(issuePath("lead")).toEqual(["lead"]);
    expect(issuePath("events[3].at")).toEqual(["events", 3, "at"]);
    expect(issuePath("events[0]")).toEqual(["events", 0]);
    expect(issuePath("lead.a.b")).toEqual(["lead", "a.b"]);
    expect(issuePath("other")).toEqual([]);
  });
});
