import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { expectGolden } from "../support/golden.js";
import { PROJECT_ROOT, RULES_DIR } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";

const GOLDEN = path.join(PROJECT_ROOT, "test/golden/test-command");
const REFERENCE_FIXTURES = readFileSync(path.join(RULES_DIR, "tests/acme.test.yaml"), "utf8");

/** A project with a copy of the reference rules and the given fixture files below `rules/tests/`. */
function project(fixtures: Record<string, string>, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "leadscore-test-"));
  cpSync(RULES_DIR, path.join(dir, "rules"), {
    recursive: true,
    filter: (source) => !source.includes("tests"),
  });
  mkdirSync(path.join(dir, "rules/tests"), { recursive: true });
  for (const [name, text] of Object.entries(fixtures))
    writeFileSync(path.join(dir, "rules/tests", name), text);
  for (const [name, text] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Replaces one line of the reference fixtures, checking that the line is there. */
function changed(lineNumber: number, from: string, to: string): string {
  const lines = REFERENCE_FIXTURES.split("\n");
  expect(lines[lineNumber - 1]).toBe(from);
  lines[lineNumber - 1] = to;
  return lines.join("\n");
}

/** The reference fixtures with the unsubscribe case (L5) expecting a bucket and a score it does not get. */
const FAILING = changed(81, "      bucket: Nurture", "      bucket: Warm").replace(
  "      engagement: 4\n      score: 29",
  "      engagement: 4\n      score: 30",
);

describe("leadscore test on the reference", () => {
  test("every reference case passes: 11 passed, 0 failed", async () => {
    const run = await runLeadscore(["test"], PROJECT_ROOT);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n").filter((line) => /^\d+ passed, \d+ failed$/.test(line))).toEqual([
      "11 passed, 0 failed",
    ]);
    expectGolden(path.join(GOLDEN, "reference.txt"), run.stdout);
  });

  test("takes fixture files and directories, and --rules", async () => {
    const byFile = await runLeadscore(
      ["test", "rules/tests/acme.test.yaml", "--rules", "rules"],
      PROJECT_ROOT,
    );
    const byDirectory = await runLeadscore(["test", "rules/tests"], PROJECT_ROOT);
    expect(byFile.code).toBe(0);
    expect(byDirectory.code).toBe(0);
    expect(byFile.stdout).toBe(byDirectory.stdout);
  });

  test("--rules takes a compiled artifact", async () => {
    const dir = project({ "acme.test.yaml": REFERENCE_FIXTURES });
    const compiled = await runLeadscore(["compile", "rules", "--out", "acme.json"], dir);
    expect(compiled.code).toBe(0);
    const run = await runLeadscore(["test", "--rules", "acme.json"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith("\n11 passed, 0 failed\n")).toBe(true);
  });
});

describe("a failing fixture", () => {
  test("shows expected vs actual for each checked key, the result and the rules that fired", async () => {
    const dir = project({ "acme.test.yaml": FAILING });
    const run = await runLeadscore(["test"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    expectGolden(path.join(GOLDEN, "failing.txt"), run.stdout);
    expect(run.stdout).toContain(
      [
        "  ✗ an unsubscribe subtracts, repeated pricing visits add up",
        "      at rules/tests/acme.test.yaml:68",
        "      ✓ model       expected smb                       actual smb",
        "      ✓ fit         expected 25                        actual 25",
        "      ✓ engagement  expected 4                         actual 4",
        "      ✗ score       expected 30                        actual 29",
        "      ✓ grade       expected C4                        actual C4",
        "      ✗ bucket      expected Warm                      actual Nurture",
        '      ✓ actions     expected nurture "monthly-digest"  actual nurture "monthly-digest"',
        '      scored by model smb: fit 25 + engagement 4 = score 29, grade C4, bucket Nurture, actions nurture "monthly-digest"',
        "      rules fired:",
      ].join("\n"),
    );
    expect(run.stdout).toContain("rules/smb.score:17\n");
    expect(run.stdout.endsWith("\n10 passed, 1 failed\n")).toBe(true);
  });

  test("--reporter junit gives JUnit XML with the failure and its expected-vs-actual body", async () => {
    const dir = project({ "acme.test.yaml": FAILING });
    const run = await runLeadscore(["test", "--reporter", "junit"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("10 passed, 1 failed\n");
    expectGolden(path.join(GOLDEN, "failing.junit.xml"), run.stdout);
    expect(run.stdout).toContain(
      '<failure message="score: expected 30, actual 29; bucket: expected Warm, actual Nurture" type="expectation">',
    );
    expectWellFormedXml(run.stdout);
  });

  test("--output writes the report to a file and still prints the text report", async () => {
    const dir = project({ "acme.test.yaml": FAILING });
    const junit = await runLeadscore(["test", "--reporter", "junit"], dir);
    const text = await runLeadscore(["test"], dir);
    const run = await runLeadscore(["test", "--reporter", "junit", "--output", "report.xml"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(text.stdout);
    expect(run.stderr).toBe("wrote report.xml (junit)\n");
    expect(readFileSync(path.join(dir, "report.xml"), "utf8")).toBe(junit.stdout);
  });

  test("--reporter json gives stable JSON", async () => {
    const dir = project({ "acme.test.yaml": FAILING });
    const run = await runLeadscore(["test", "--reporter", "json"], dir);
    const again = await runLeadscore(["test", "--reporter", "json"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(again.stdout);
    expectGolden(path.join(GOLDEN, "failing.json"), run.stdout);
    const report = JSON.parse(run.stdout) as {
      passed: number;
      failed: number;
      files: Array<{ cases: Array<{ passed: boolean; checks: Array<{ key: string; ok: boolean }> }> }>;
    };
    expect([report.passed, report.failed]).toEqual([10, 1]);
    const failing = report.files[0]!.cases.filter((c) => !c.passed);
    expect(failing.map((c) => c.checks.filter((check) => !check.ok).map((check) => check.key))).toEqual([
      ["score", "bucket"],
    ]);
  });
});

const BAD_YAML = `as_of: 2026-11-01T00:00:00Z
cases:
  - name: "an unterminated name
    lead: {id: B1}
`;

const BAD_CASES = `as_of: 2026-11-01T00:00:00Z
cases:
  - name: a misspelt expectation
    lead: {id: B2, email: a@b.com, title: CEO, stage: lead}
    expect:
      bukcet: SQL
  - name: an event without a time zone
    lead: {id: B3, email: a@b.com, title: CEO, stage: lead}
    events:
      - {type: demo_request, at: 2026-10-30T10:00:00}
    expect: {model: smb}
  - name: a lead the schema refuses
    lead:
      id: B4
      title: CEO
      employees: lots
      stage: lead
    expect: {model: smb}
  - name: a sound case still runs
    lead: {id: B5, email: a@b.com, title: CEO, stage: lead}
    expect: {model: smb, fit: 25}
`;

describe("bad fixtures", () => {
  test("every problem is reported with file:line:col; other files and cases still run; exit 1", async () => {
    const dir = project({ "a-broken.test.yaml": BAD_YAML, "b-bad.test.yaml": BAD_CASES });
    const run = await runLeadscore(["test"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    expectGolden(path.join(GOLDEN, "bad-fixtures.txt"), run.stdout);
    const problems = run.stdout
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => /^rules\/tests\/\S+:\d+:\d+: /.test(line));
    expect(problems).toEqual([
      'rules/tests/a-broken.test.yaml:5:1: YAML: Missing closing "quote',
      "rules/tests/b-bad.test.yaml:6:7: unknown key `expect.bukcet`: did you mean `bucket`?",
      "rules/tests/b-bad.test.yaml:10:34: `at` must be an ISO-8601 timestamp with a time zone, like 2026-11-01T00:00:00Z (found `2026-10-30T10:00:00`)",
      "rules/tests/b-bad.test.yaml:13:5: lead.email: missing required field `email`",
      "rules/tests/b-bad.test.yaml:16:7: lead.employees: must be a number",
    ]);
    expect(run.stdout).toContain("  ✓ a sound case still runs\n");
    expect(run.stdout.endsWith("\n5 fixture problems\n1 passed, 3 failed\n")).toBe(true);
  });

  test("in JUnit, a broken file is an error test case and unscored cases are errors", async () => {
    const dir = project({ "a-broken.test.yaml": BAD_YAML, "b-bad.test.yaml": BAD_CASES });
    const run = await runLeadscore(["test", "--reporter", "junit"], dir);
    expect(run.code).toBe(1);
    expectGolden(path.join(GOLDEN, "bad-fixtures.junit.xml"), run.stdout);
    expectWellFormedXml(run.stdout);
    expect(run.stdout.split("\n").slice(0, 3)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="leadscore test" tests="5" failures="0" errors="4">',
      '  <testsuite name="rules/tests/a-broken.test.yaml" tests="1" failures="0" errors="1" skipped="0">',
    ]);
  });
});

describe("fixtures that check nothing", () => {
  test("a case with `expect: {}` and a file with `cases: []` are problems that fail the run", async () => {
    const dir = project({
      "a-empty.test.yaml": "as_of: 2026-11-01T00:00:00Z\ncases: []\n",
      "b-nothing.test.yaml": `as_of: 2026-11-01T00:00:00Z
cases:
  - name: checks nothing
    lead: {id: N1, email: a@b.com, title: CEO, stage: lead}
    expect: {}
  - name: checks the model
    lead: {id: N2, email: a@b.com, title: CEO, stage: lead}
    expect: {model: smb}
`,
    });
    const run = await runLeadscore(["test"], dir);
    expect(run).toEqual({
      code: 1,
      stdout: [
        "rules/tests/a-empty.test.yaml: 0 of 0 passed, 1 problem",
        "  rules/tests/a-empty.test.yaml:2:8: the file has no cases",
        "",
        "rules/tests/b-nothing.test.yaml: 1 of 2 passed, 1 problem",
        "  ✗ checks nothing",
        "      at rules/tests/b-nothing.test.yaml:3",
        "      rules/tests/b-nothing.test.yaml:5:13: this case checks nothing: add keys under `expect`",
        "  ✓ checks the model",
        "",
        "2 fixture problems",
        "1 passed, 1 failed",
        "",
      ].join("\n"),
      stderr: "",
    });
  });
});

describe("duplicate case names", () => {
  test("the second case with a name is a problem that names the line of the first", async () => {
    const dir = project({
      "dup.test.yaml": `as_of: 2026-11-01T00:00:00Z
cases:
  - name: a CEO without activity
    lead: {id: D1, email: a@b.com, title: CEO, stage: lead}
    expect: {model: smb}
  - name: a CEO without activity
    lead: {id: D2, email: c@d.com, title: CEO, stage: lead}
    expect: {model: smb}
`,
    });
    const run = await runLeadscore(["test"], dir);
    expect(run).toEqual({
      code: 1,
      stdout: [
        "rules/tests/dup.test.yaml: 1 of 2 passed, 1 problem",
        "  ✓ a CEO without activity",
        "  ✗ a CEO without activity",
        "      at rules/tests/dup.test.yaml:6",
        "      rules/tests/dup.test.yaml:6:11: the case at line 3 has the same name: give each case its own, so reports tell them apart",
        "",
        "1 fixture problem",
        "1 passed, 1 failed",
        "",
      ].join("\n"),
      stderr: "",
    });
  });
});

describe("expected names the rules do not have", () => {
  test("a misspelt bucket is a fixture problem with the closest bucket, not a mismatch", async () => {
    const dir = project({ "acme.test.yaml": changed(81, "      bucket: Nurture", "      bucket: Nurtrue") });
    const run = await runLeadscore(["test"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      [
        "rules/tests/acme.test.yaml: 10 of 11 passed, 1 problem",
        "  ✓ CEO at a large software company who asked for a demo is sales-ready",
        "  ✓ a competitor is excluded however engaged, but still scored for the record",
        "  ✓ a student with no company size falls to the default model and is disqualified",
        "  ✓ older engagement decays by half every 30 days",
        "  ✗ an unsubscribe subtracts, repeated pricing visits add up",
        "      at rules/tests/acme.test.yaml:68",
        "      rules/tests/acme.test.yaml:81:15: unknown bucket `Nurtrue` in `expect.bucket`: did you mean `Nurture`?",
        "  ✓ ",
      ].join("\n"),
    );
    expect(run.stdout.endsWith("\n1 fixture problem\n10 passed, 1 failed\n")).toBe(true);
  });
});

describe("--coverage and --min-coverage", () => {
  test("lists the rules that never fired and the buckets never reached", async () => {
    const run = await runLeadscore(["test", "--coverage"], PROJECT_ROOT);
    expect(run.code).toBe(0);
    expectGolden(path.join(GOLDEN, "coverage.txt"), run.stdout);
    expect(run.stdout).toContain(
      "coverage: 74.00% (37 of 50: 29 of 36 rules fired, 8 of 14 buckets reached)\n" +
        "  model customer: 4 of 5 rules fired, 1 of 2 buckets reached\n" +
        "    rule never fired      rules/customers.score:10  when event = webinar_attended add 10 within 60d\n" +
        "    bucket never reached  rules/customers.score:13  bucket Healthy\n",
    );
  });

  test.each([
    ["74", 0, "minimum 74% met"],
    ["74.00", 0, "minimum 74.00% met"],
    ["73.99", 0, "minimum 73.99% met"],
    ["74.01", 1, "below the minimum of 74.01%"],
    ["80", 1, "below the minimum of 80%"],
  ])("--min-coverage %s exits %i (coverage is exactly 74%%)", async (minimum, code, words) => {
    const run = await runLeadscore(["test", "--min-coverage", minimum], PROJECT_ROOT);
    expect(run.code).toBe(code);
    expect(run.stdout).toContain(
      `coverage: 74.00% (37 of 50: 29 of 36 rules fired, 8 of 14 buckets reached), ${words}\n`,
    );
    expect(run.stdout.endsWith("\n11 passed, 0 failed\n")).toBe(true);
  });

  test("a coverage of 2 out of 3 shows as 66.66% and fails a minimum of 66.67", async () => {
    const rules = `ruleset "t" version 1
lead {
  id: string
  title: string
}
model only {
  fit {
    when title = CEO add 10
    when title = CTO add 10
  }
  bucket All otherwise -> disqualify
}
`;
    const dir = mkdtempSync(path.join(tmpdir(), "leadscore-test-"));
    mkdirSync(path.join(dir, "rules"));
    writeFileSync(path.join(dir, "rules/t.score"), rules);
    writeFileSync(
      path.join(dir, "rules/t.test.yaml"),
      "as_of: 2026-11-01T00:00:00Z\ncases:\n  - name: a CEO\n    lead: {id: L1, title: CEO}\n    expect: {fit: 10}\n",
    );
    const passing = await runLeadscore(["test", "--min-coverage", "66.66"], dir);
    const failing = await runLeadscore(["test", "--min-coverage", "66.67"], dir);
    expect(passing.code).toBe(0);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain(
      "coverage: 66.66% (2 of 3: 1 of 2 rules fired, 1 of 1 buckets reached), below the minimum of 66.67%\n" +
        "  model only: 1 of 2 rules fired, 1 of 1 buckets reached\n" +
        "    rule never fired  rules/t.score:9  when title = CTO add 10\n",
    );
  });

  test("--reporter json carries the coverage", async () => {
    const run = await runLeadscore(["test", "--reporter", "json", "--min-coverage", "75"], PROJECT_ROOT);
    expect(run.code).toBe(1);
    const { coverage } = JSON.parse(run.stdout) as { coverage: Record<string, unknown> };
    expect([
      coverage.percent,
      coverage.covered,
      coverage.total,
      coverage.minimum,
      coverage.meetsMinimum,
    ]).toEqual(["74.00", 37, 50, "75", false]);
  });
});

describe("usage", () => {
  test.each([
    [["test", "--reporter", "xml"], "leadscore: unknown reporter `xml` (use text, json, junit)\n"],
    [
      ["test", "--min-coverage", "101"],
      "leadscore: --min-coverage takes a percentage from 0 to 100, like 80 or 92.5 (found `101`)\n",
    ],
    [["test", "nope.test.yaml"], "leadscore: cannot read `nope.test.yaml`: no such file or directory\n"],
    [["test", "--rules", "nope"], "leadscore: cannot read `nope`: no such file or directory\n"],
    [["test", "schema"], "leadscore: no fixture files (*.test.yaml) found in schema\n"],
  ])("%j exits 2", async (argv, stderr) => {
    const run = await runLeadscore(argv, PROJECT_ROOT);
    expect(run).toEqual({ code: 2, stdout: "", stderr });
  });

  test("rules with errors exit 1 before any case runs", async () => {
    const dir = project({ "acme.test.yaml": REFERENCE_FIXTURES }, { "rules/broken.score": "model {\n" });
    const run = await runLeadscore(["test"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("rules/broken.score:");
  });

  test("--help describes coverage and the exit codes", async () => {
    const run = await runLeadscore(["test", "--help"], PROJECT_ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "coverage = (rules fired + buckets reached) / (rules + buckets reachable per model)",
    );
    expect(run.stdout).toContain("Exit codes: 0 every case passes");
    expect(run.stdout).toContain(
      "Every case checks\nat least one, has a name of its own in its file, and names only models, grades, buckets and exclusion\nreasons the rules have; a file has at least one case.",
    );
  });
});

describe("leadscore.yaml", () => {
  test("gives the rules directory and the fixture globs", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "leadscore-test-"));
    cpSync(RULES_DIR, path.join(dir, "scoring"), {
      recursive: true,
      filter: (source) => !source.includes("tests"),
    });
    mkdirSync(path.join(dir, "fixtures"));
    writeFileSync(path.join(dir, "fixtures/acme.test.yaml"), REFERENCE_FIXTURES);
    writeFileSync(
      path.join(dir, "leadscore.yaml"),
      "version: 1\nrules: scoring\nfixtures: [fixtures/*.test.yaml]\n",
    );
    const run = await runLeadscore(["test"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("fixtures/acme.test.yaml: 11 of 11 passed\n")).toBe(true);
    // The other commands find the rules there too.
    const check = await runLeadscore(["check"], dir);
    expect(check).toEqual({
      code: 0,
      stdout: "",
      stderr: "scoring: 0 errors, 0 warnings (5 files checked)\n",
    });
  });

  test("YAML alias bomb: in leadscore.yaml it is a located usage error, not an internal error", async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...["b", "c", "d", "e", "f", "g", "h"].map(
        (name, i) => `${name}: &${name} [${Array(9).fill(`*${"abcdefg"[i]}`).join(",")}]`,
      ),
      "",
    ].join("\n");
    const dir = project({ "acme.test.yaml": REFERENCE_FIXTURES }, { "leadscore.yaml": bomb });
    expect(await runLeadscore(["test"], dir)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "leadscore: leadscore.yaml:2:8: YAML: aliases (`*name`) expand to too many values (more than 100 aliases); write the values out\n",
    });
  });

  test("a bad configuration is a usage error", async () => {
    const dir = project({ "acme.test.yaml": REFERENCE_FIXTURES }, { "leadscore.yaml": "rulez: rules\n" });
    const run = await runLeadscore(["test"], dir);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: "leadscore: leadscore.yaml:1:1: unknown key `rulez`: did you mean `rules`?\n",
    });
    expect((await runLeadscore(["check"], dir)).code).toBe(2);
  });
});

/**
 * Well-formedness of the XML the reporter writes: balanced elements, quoted attributes, and no raw `<`,
 * `&` or quote where XML forbids them.
 */
function expectWellFormedXml(xml: string): void {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, "");
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let index = 0;
  while (index < body.length) {
    token.lastIndex = index;
    const match = token.exec(body);
    if (!match) throw new Error(`not well-formed XML at offset ${index}: ${body.slice(index, index + 40)}`);
    const [whole, closing, name, attributes, selfClosing, text] = match;
    const checkEntities = (part: string) =>
      expect(part.replace(/&(?:amp|lt|gt|quot|apos|#\d+);/g, "")).not.toMatch(/[&<]/);
    if (text !== undefined) checkEntities(text);
    else {
      checkEntities(attributes ?? "");
      if (closing) expect(stack.pop()).toBe(name);
      else if (!selfClosing) stack.push(name!);
    }
    index += whole.length;
  }
  expect(stack).toEqual([]);
}
