import { describe, expect, test } from "vitest";
import { parseFixtureText } from "../../src/gitops/fixture-parse.js";
import { renderJsonReport } from "../../src/gitops/report-json.js";
import { renderJunitReport } from "../../src/gitops/report-junit.js";
import { contributionLines, describeResult, renderTextReport } from "../../src/gitops/report-text.js";
import { formatAction, formatPoints, formatValue } from "../../src/gitops/report-values.js";
import type { TestRun } from "../../src/gitops/run-fixtures.js";
import type { ScoreResult } from "../../src/run/result.js";

const RESULT: ScoreResult = {
  id: "L1",
  model: "enterprise",
  fit: 25,
  engagement: -21.25,
  score: 3.75,
  grade: "C4",
  bucket: "Dead",
  excluded: null,
  actions: [{ disqualify: true }],
  contributions: [
    {
      rule: 'when title contains "Director" add 10',
      id: "enterprise.fit.3",
      section: "fit",
      points: 10,
      loc: { file: "rules/enterprise.score", line: 6, column: 5 },
    },
    {
      rule: "when event = email_bounce subtract 10",
      id: "enterprise.engagement.9",
      section: "engagement",
      points: -1.25,
      loc: { file: "rules/enterprise.score", line: 22, column: 5 },
      events: 1,
      decay: { before: -10, after: -1.25, factor: 0.125, ageDays: 100 },
    },
    {
      rule: "when event = email_open add 2 each max 10 within 30d",
      id: "enterprise.engagement.1",
      section: "engagement",
      points: 10,
      loc: { file: "rules/enterprise.score", line: 14, column: 5 },
      events: 7,
      capped: true,
    },
  ],
};

/** A run of one case whose name and expectation hold characters XML must escape. */
function awkwardRun(): TestRun {
  const fixture = parseFixtureText(
    [
      "as_of: 2026-11-01T00:00:00Z",
      "cases:",
      `  - name: "R&D <leads> say \\"hi\\" it's \\u0001 odd"`,
      "    lead: {id: L1}",
      "    expect: {bucket: 'A<B&C'}",
      "",
    ].join("\n"),
    "t & u.test.yaml",
  );
  const fixtureCase = fixture.cases[0]!;
  const result = { ...RESULT, bucket: "Dead" };
  return {
    files: [
      {
        file: fixture.file,
        problems: [],
        cases: [
          {
            fixture: fixtureCase,
            passed: false,
            checks: [{ key: "bucket", expected: "A<B&C", actual: "Dead", ok: false }],
            problems: [],
            notScored: null,
            result,
          },
        ],
        passed: 0,
        failed: 1,
      },
    ],
    passed: 0,
    failed: 1,
    problems: 0,
    results: [result],
  };
}

describe("values in reports", () => {
  test("text is bare unless it could be misread", () => {
    expect(formatValue("Warm")).toBe("Warm");
    expect(formatValue("job seeker")).toBe("job seeker");
    expect(formatValue("null")).toBe('"null"');
    expect(formatValue("42")).toBe('"42"');
    expect(formatValue("-1.5")).toBe('"-1.5"');
    expect(formatValue("true")).toBe('"true"');
    expect(formatValue("")).toBe('""');
    expect(formatValue(" padded")).toBe('" padded"');
    expect(formatValue("a: b")).toBe("a: b");
    expect(formatValue('say "hi"')).toBe('"say \\"hi\\""');
    expect(formatValue("two\nlines")).toBe('"two\\nlines"');
    expect(formatValue(null)).toBe("null");
    expect(formatValue(-21.25)).toBe("-21.25");
  });

  test("actions read like the rules", () => {
    expect(formatValue([], "actions")).toBe("(none)");
    expect(formatAction({ route: "sales", within: "4h", say: "Offer a demo" })).toBe(
      'route sales within 4h say "Offer a demo"',
    );
    expect(formatAction({ route: "sales" })).toBe("route sales");
    expect(formatAction({ nurture: "monthly-digest" })).toBe('nurture "monthly-digest"');
    expect(formatAction({ disqualify: true })).toBe("disqualify");
    expect(formatValue([{ disqualify: true }, { nurture: "x" }], "actions")).toBe('disqualify; nurture "x"');
    // Anything else is shown as it is, so a wrong expectation is never disguised.
    expect(formatAction({ route: "sales", within: 4 })).toBe('{"route":"sales","within":4}');
    expect(formatAction({ disqualify: "yes" })).toBe('{"disqualify":"yes"}');
    expect(formatAction({ nurture: "x", extra: 1 })).toBe('{"nurture":"x","extra":1}');
  });

  test("points are signed", () => {
    expect([formatPoints(30), formatPoints(-1.25), formatPoints(0)]).toEqual(["+30", "-1.25", "0"]);
  });
});

describe("text report", () => {
  test("describes the result in one line", () => {
    expect(describeResult(RESULT)).toBe(
      "scored by model enterprise: fit 25 - engagement 21.25 = score 3.75, grade C4, bucket Dead, actions disqualify",
    );
    expect(describeResult({ ...RESULT, excluded: "competitor", bucket: null, actions: [] })).toBe(
      "scored by model enterprise: fit 25 - engagement 21.25 = score 3.75, grade C4, excluded: competitor (no bucket, no actions)",
    );
    expect(describeResult({ ...RESULT, model: null })).toBe(
      "no model takes this lead (the ruleset has no default model): not scored",
    );
  });

  test("lists the rules that fired in columns, with how their points came", () => {
    expect(contributionLines(RESULT.contributions)).toEqual([
      "rules fired:",
      '  fit           +10  when title contains "Director" add 10                 rules/enterprise.score:6',
      "  engagement  -1.25  when event = email_bounce subtract 10                 rules/enterprise.score:22  (decayed from -10)",
      "  engagement    +10  when event = email_open add 2 each max 10 within 30d  rules/enterprise.score:14  (7 events, capped)",
    ]);
    expect(contributionLines([])).toEqual(["rules fired: none"]);
  });

  test("ends with the summary line", () => {
    expect(renderTextReport(awkwardRun()).endsWith("\n0 passed, 1 failed\n")).toBe(true);
  });
});

describe("JUnit report", () => {
  test("escapes names, messages and bodies", () => {
    const xml = renderJunitReport(awkwardRun());
    expect(xml).toContain(
      '<testsuite name="t &amp; u.test.yaml" tests="1" failures="1" errors="0" skipped="0">',
    );
    expect(xml).toContain(
      '<testcase name="R&amp;D &lt;leads&gt; say &quot;hi&quot; it&apos;s \uFFFD odd" classname="t &amp; u.test.yaml" file="t &amp; u.test.yaml" line="3">',
    );
    expect(xml).toContain(
      '<failure message="bucket: expected A&lt;B&amp;C, actual Dead" type="expectation">',
    );
    expect(xml).toContain("✗ bucket  expected A&lt;B&amp;C  actual Dead\n");
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
  });
});

describe("JSON report", () => {
  test("is the same bytes for the same run", () => {
    expect(renderJsonReport(awkwardRun())).toBe(renderJsonReport(awkwardRun()));
    const report = JSON.parse(renderJsonReport(awkwardRun())) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(["passed", "failed", "problems", "files", "coverage"]);
  });
});
