import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { findFixtureFiles, loadFixtureFiles } from "../../src/gitops/fixture-load.js";
import { parseFixtureText } from "../../src/gitops/fixture-parse.js";
import { formatProblem, isRunnable, type FixtureFile } from "../../src/gitops/fixture-types.js";
import { PROJECT_ROOT } from "../support/paths.js";

const REFERENCE = "rules/tests/acme.test.yaml";

/** Every problem of a file, of both kinds, by position. */
function problemsOf(fixture: FixtureFile): string[] {
  return [
    ...fixture.problems,
    ...fixture.testProblems,
    ...fixture.cases.flatMap((c) => [...c.problems, ...c.testProblems]),
  ]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map(formatProblem);
}

describe("loadFixtureFiles on the reference fixtures", () => {
  test("reads every case with its position, as_of, lead, events and expectation", async () => {
    const { fixtures, problems, unreadable } = await loadFixtureFiles([REFERENCE], { cwd: PROJECT_ROOT });
    expect(problems).toEqual([]);
    expect(unreadable).toEqual([]);
    const [file] = fixtures;
    expect(file!.file).toBe(REFERENCE);
    expect(file!.asOf).toBe("2026-11-01T00:00:00Z");
    expect(file!.cases.map((c) => [c.line, c.column])).toEqual([
      [6, 5],
      [23, 5],
      [37, 5],
      [51, 5],
      [68, 5],
      [85, 5],
      [100, 5],
      [111, 5],
      [126, 5],
      [144, 5],
      [157, 5],
    ]);
    const first = file!.cases[0]!;
    expect(first.name).toBe("CEO at a large software company who asked for a demo is sales-ready");
    expect(first.file).toBe(REFERENCE);
    expect(first.asOf).toBe("2026-11-01T00:00:00Z");
    expect(first.asOfMs).toBe(Date.UTC(2026, 10, 1));
    expect(first.lead).toEqual({
      id: "L1",
      email: "jane@bigco.com",
      title: "CEO",
      industry: "software",
      employees: 5000,
      country: "US",
      stage: "lead",
    });
    expect(first.events[1]).toEqual({
      type: "page_view",
      at: "2026-10-29T09:00:00Z",
      url: "/pricing",
      seconds: 240,
    });
    expect(first.expect).toEqual({
      model: "enterprise",
      fit: 55,
      engagement: 65,
      score: 120,
      grade: "A1",
      bucket: "SQL",
      actions: [{ route: "sales", within: "4h", say: "Offer a product demo" }],
    });
    // Only the keys written are checked: the job seeker case gives four.
    expect(Object.keys(file!.cases[6]!.expect)).toEqual(["model", "excluded", "bucket", "actions"]);
    expect(file!.cases[10]!.events).toEqual([]);
    expect(file!.cases.every(isRunnable)).toBe(true);
  });

  test("locate finds a field, an event and its property, falling back to the deepest node written", async () => {
    const { fixtures } = await loadFixtureFiles([REFERENCE], { cwd: PROJECT_ROOT });
    const first = fixtures[0]!.cases[0]!;
    expect(first.locate([])).toEqual({ line: 6, column: 5 });
    expect(first.locate(["lead", "employees"])).toEqual({ line: 7, column: 75 });
    expect(first.locate(["lead", "plan"])).toEqual({ line: 7, column: 5 });
    expect(first.locate(["events", 2])).toEqual({ line: 11, column: 9 });
    expect(first.locate(["events", 1, "url"])).toEqual({ line: 10, column: 53 });
    expect(first.locate(["events", 9, "at"])).toEqual({ line: 8, column: 5 });
  });
});

describe("parseFixtureText", () => {
  test("a case's own as_of overrides the file's", () => {
    const fixture = parseFixtureText(
      [
        "as_of: 2026-11-01T00:00:00Z",
        "cases:",
        "  - name: scored at the file's instant",
        "    lead: {id: L1}",
        "    expect: {bucket: Dead}",
        "  - name: scored a month earlier, in Paris",
        "    as_of: 2026-10-01T02:00:00+02:00",
        "    lead: {id: L2}",
        "    expect: {bucket: Dead}",
        "",
      ].join("\n"),
      "t.test.yaml",
    );
    expect(fixture.problems).toEqual([]);
    expect(fixture.cases.map((c) => [c.asOf, c.asOfMs])).toEqual([
      ["2026-11-01T00:00:00Z", Date.UTC(2026, 10, 1)],
      ["2026-10-01T02:00:00+02:00", Date.UTC(2026, 9, 1)],
    ]);
  });

  test("without a file-wide as_of, cases with their own run and the others are reported once", () => {
    const fixture = parseFixtureText(
      [
        "cases:",
        "  - name: has its own",
        "    as_of: 2026-11-01T00:00:00Z",
        "    lead: {id: L1}",
        "    expect: {bucket: Dead}",
        "  - name: has none",
        "    lead: {id: L2}",
        "    expect: {bucket: Dead}",
        "",
      ].join("\n"),
      "t.test.yaml",
    );
    expect(problemsOf(fixture)).toEqual([
      "t.test.yaml:1:1: missing `as_of`: the instant the cases are scored at, like `as_of: 2026-11-01T00:00:00Z`",
    ]);
    expect(fixture.cases.map(isRunnable)).toEqual([true, false]);
  });

  test("a file whose cases all have their own as_of needs none", () => {
    const fixture = parseFixtureText(
      "cases:\n  - name: own\n    as_of: 2026-11-01T00:00:00Z\n    lead: {id: L1}\n    expect: {bucket: Dead}\n",
      "t.test.yaml",
    );
    expect(problemsOf(fixture)).toEqual([]);
  });

  test("YAML syntax errors are located and stop the file, not the run", () => {
    const yamlProblems = (text: string) => {
      const fixture = parseFixtureText(text, "t.test.yaml");
      expect(fixture.cases).toEqual([]);
      return problemsOf(fixture);
    };
    expect(
      yamlProblems(
        "as_of: 2026-11-01T00:00:00Z\ncases:\n  - name: broken\n    lead: {id: L1, title: CEO\n    expect: {}\n",
      ),
    ).toEqual([
      "t.test.yaml:5:5: YAML: Flow map in block collection must be sufficiently indented and end with a }",
    ]);
    expect(
      yamlProblems('as_of: 2026-11-01T00:00:00Z\ncases:\n  - name: "unterminated\n    lead: {id: L1}\n'),
    ).toEqual(['t.test.yaml:5:1: YAML: Missing closing "quote']);
    expect(yamlProblems("as_of: 2026-11-01T00:00:00Z\ncases:\n\t- name: tab\n")).toEqual([
      "t.test.yaml:3:1: YAML: Tabs are not allowed as indentation",
    ]);
  });

  test("a duplicated key is a YAML error at the second key", () => {
    const fixture = parseFixtureText(
      "as_of: 2026-11-01T00:00:00Z\nas_of: 2026-11-02T00:00:00Z\ncases: []\n",
      "t.test.yaml",
    );
    expect(problemsOf(fixture)).toEqual(["t.test.yaml:2:1: YAML: Map keys must be unique"]);
  });

  test("every other problem is located with file:line:col and a way to fix it", () => {
    const fixture = parseFixtureText(
      [
        "as_of: 2026-11-01", //                                      1
        "cses: []", //                                               2
        "cases:", //                                                 3
        "  - name: typos everywhere", //                             4
        "    lead: {id: L1, email: a@b.com}", //                     5
        "    events:", //                                            6
        "      - {type: email_open, at: 2026-10-20T08:00:00}", //    7
        "      - {at: 2026-10-20T08:00:00Z}", //                     8
        "      - {type: email_open}", //                             9
        "      - email_open", //                                     10
        "    expect:", //                                            11
        "      bukcet: SQL", //                                      12
        "      fit: '55'", //                                        13
        "      grade: 1", //                                         14
        "      actions:", //                                         15
        "        - {route: sales, whithin: 4h}", //                  16
        "        - nurture", //                                      17
        "  - name: nothing but a name", //                           18
        "    extra: 1", //                                           19
        "    evnts: []", //                                          20
        "  - name: ''", //                                           21
        "    lead: [L1]", //                                         22
        "    events: {type: x}", //                                  23
        "    expect: {actions: none}", //                            24
        "  - just a string", //                                      25
        "",
      ].join("\n"),
      "t.test.yaml",
    );
    expect(problemsOf(fixture)).toEqual([
      "t.test.yaml:1:8: `as_of` must be an ISO-8601 timestamp with a time zone, like 2026-11-01T00:00:00Z (found `2026-11-01`)",
      "t.test.yaml:2:1: unknown key `cses`: did you mean `cases`?",
      "t.test.yaml:7:32: `at` must be an ISO-8601 timestamp with a time zone, like 2026-11-01T00:00:00Z (found `2026-10-20T08:00:00`)",
      "t.test.yaml:8:9: missing `type` in an event",
      "t.test.yaml:9:9: missing `at` in an event: when it happened, like 2026-10-20T08:00:00Z",
      "t.test.yaml:10:9: an event is a map with `type`, `at` and its properties",
      "t.test.yaml:12:7: unknown key `expect.bukcet`: did you mean `bucket`?",
      "t.test.yaml:13:12: `expect.fit` must be a number or null",
      "t.test.yaml:14:14: `expect.grade` must be text or null",
      "t.test.yaml:16:26: unknown action key `whithin`: did you mean `within`?",
      "t.test.yaml:17:11: an action is a map: `{route: sales, within: 4h, say: …}`, `{nurture: …}` or `{disqualify: true}`",
      "t.test.yaml:18:5: missing `lead` in a case: the lead's fields, like `lead: {id: L1, title: CEO}`",
      "t.test.yaml:18:5: missing `expect` in a case: the result keys to check, like `bucket: SQL`",
      "t.test.yaml:19:5: unknown case key `extra` (known keys: name, as_of, lead, events, expect)",
      "t.test.yaml:20:5: unknown case key `evnts`: did you mean `events`?",
      "t.test.yaml:21:11: `name` must be a short sentence saying what the case pins down",
      "t.test.yaml:22:11: `lead` must be a map of lead fields, like `{id: L1, title: CEO}`",
      "t.test.yaml:23:13: `events` must be a list of events, like `- {type: email_open, at: 2026-10-20T08:00:00Z}`",
      "t.test.yaml:24:23: `expect.actions` must be a list of actions, like `- {nurture: monthly-digest}` (or `[]`)",
      "t.test.yaml:25:5: a case is a map with `name`, `lead`, `events` and `expect`",
    ]);
    expect(fixture.cases.map((c) => c.name)).toEqual([
      "typos everywhere",
      "nothing but a name",
      "case 3",
      "case 4",
    ]);
    expect(fixture.cases.some(isRunnable)).toBe(false);
  });

  test("a file that is not a map, or has no cases", () => {
    expect(problemsOf(parseFixtureText("- a\n- b\n", "t.test.yaml"))).toEqual([
      "t.test.yaml:1:1: a fixture file is a map with `as_of` and `cases`",
    ]);
    expect(problemsOf(parseFixtureText("", "t.test.yaml"))).toEqual([
      "t.test.yaml:1:1: a fixture file is a map with `as_of` and `cases`",
    ]);
    expect(problemsOf(parseFixtureText("as_of: 2026-11-01T00:00:00Z\n", "t.test.yaml"))).toEqual([
      "t.test.yaml:1:1: missing `cases`: the list of fixture leads, each with `name`, `lead`, `events` and `expect`",
    ]);
    expect(problemsOf(parseFixtureText("as_of: 2026-11-01T00:00:00Z\ncases: {}\n", "t.test.yaml"))).toEqual([
      "t.test.yaml:2:8: `cases` must be a list of cases, each starting with `- name: …`",
    ]);
  });

  test("a file without cases and a case that checks nothing are test problems; their leads stay sound", () => {
    for (const [text, at] of [
      ["as_of: 2026-11-01T00:00:00Z\ncases: []\n", "2:8"],
      ["as_of: 2026-11-01T00:00:00Z\ncases:\n", "2:1"],
      ["as_of: 2026-11-01T00:00:00Z\ncases: ~\n", "2:1"],
    ] as const) {
      const fixture = parseFixtureText(text, "t.test.yaml");
      expect(fixture.problems).toEqual([]);
      expect(problemsOf(fixture)).toEqual([`t.test.yaml:${at}: the file has no cases`]);
    }
    const fixture = parseFixtureText(
      [
        "as_of: 2026-11-01T00:00:00Z",
        "cases:",
        "  - name: checks nothing",
        "    lead: {id: L1}",
        "    expect: {}",
        "  - name: checks nothing either",
        "    lead: {id: L2}",
        "    expect:",
        "      {}",
        "  - name: a misspelt key is reported as such, not as checking nothing",
        "    lead: {id: L3}",
        "    expect: {bukcet: SQL}",
        "  - name: checks the bucket",
        "    lead: {id: L4}",
        "    expect: {bucket: Dead}",
        "",
      ].join("\n"),
      "t.test.yaml",
    );
    expect(problemsOf(fixture)).toEqual([
      "t.test.yaml:5:13: this case checks nothing: add keys under `expect`",
      "t.test.yaml:9:7: this case checks nothing: add keys under `expect`",
      "t.test.yaml:12:14: unknown key `expect.bukcet`: did you mean `bucket`?",
    ]);
    // The impact diff reads the problems of the records only: these leads are still good data.
    expect(fixture.cases.map((c) => c.problems.length)).toEqual([0, 0, 1, 0]);
    expect(fixture.cases.map(isRunnable)).toEqual([false, false, false, true]);
  });

  test("a case name given twice in a file is a test problem at the second, naming the first's line", () => {
    const fixture = parseFixtureText(
      [
        "as_of: 2026-11-01T00:00:00Z",
        "cases:",
        "  - name: a CEO", //                     3
        "    lead: {id: L1}",
        "    expect: {bucket: Dead}",
        "  - name: a CTO", //                     6
        "    lead: {id: L2}",
        "    expect: {bucket: Dead}",
        "  - lead: {id: L3}", //                  9
        "    name: '  a CEO '", //               10: trimmed like every name
        "    expect: {bucket: Dead}",
        "  - name: a ceo", //                    12: another name
        "    lead: {id: L4}",
        "    expect: {bucket: Dead}",
        "  - name: a CEO", //                    15
        "    lead: {id: L5}",
        "    expect: {bucket: Dead}",
        "",
      ].join("\n"),
      "t.test.yaml",
    );
    expect(problemsOf(fixture)).toEqual([
      "t.test.yaml:10:11: the case at line 3 has the same name: give each case its own, so reports tell them apart",
      "t.test.yaml:15:11: the case at line 3 has the same name: give each case its own, so reports tell them apart",
    ]);
    expect(fixture.cases.map((c) => c.problems.length)).toEqual([0, 0, 0, 0, 0]);
    expect(fixture.cases.map(isRunnable)).toEqual([true, true, false, true, false]);
    // Names are per file: another file may use them again.
    expect(
      problemsOf(
        parseFixtureText(
          "as_of: 2026-11-01T00:00:00Z\ncases:\n  - name: a CEO\n    lead: {id: L1}\n    expect: {bucket: Dead}\n",
          "u.test.yaml",
        ),
      ),
    ).toEqual([]);
  });

  test("timestamps need a date, a time and a zone", () => {
    const at = (value: string) =>
      problemsOf(
        parseFixtureText(
          `as_of: ${value}\ncases:\n  - name: n\n    lead: {id: L1}\n    expect: {bucket: Dead}\n`,
          "t.test.yaml",
        ),
      );
    for (const good of [
      "2026-11-01T00:00:00Z",
      "2026-11-01T00:00Z",
      "2026-11-01T01:00:00.250+01:00",
      "2026-11-01 00:00:00+0000",
      "2026-11-01T00:00:00-05",
    ]) {
      expect(at(good)).toEqual([]);
    }
    for (const bad of [
      "2026-11-01",
      "2026-11-01T00:00:00",
      "2026-13-01T00:00:00Z",
      "2026-02-30T00:00:00Z",
      "Nov 1 2026",
      "1793491200000",
    ]) {
      expect(at(bad)).toHaveLength(1);
    }
  });
});

describe("loadFixtureFiles", () => {
  test("an unreadable file is a problem of that file; the others are read", async () => {
    const { fixtures, problems, unreadable } = await loadFixtureFiles(["missing.test.yaml", REFERENCE], {
      cwd: PROJECT_ROOT,
    });
    expect(fixtures.map((f) => [f.file, f.cases.length])).toEqual([
      ["missing.test.yaml", 0],
      [REFERENCE, 11],
    ]);
    expect(problems.map(formatProblem)).toEqual(["missing.test.yaml:1:1: cannot read the file: ENOENT"]);
    expect(unreadable).toEqual(["missing.test.yaml"]);
  });
});

describe("findFixtureFiles", () => {
  test("directories give every *.test.yaml below them, files stand for themselves, in order", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "leadscore-fixtures-"));
    for (const name of ["b.test.yaml", "a.test.yml", "notes.yaml"]) writeFileSync(path.join(dir, name), "");
    const found = await findFixtureFiles(dir, [".", "b.test.yaml", "nope"], { root: dir, globs: [] });
    expect(found).toEqual({ files: ["a.test.yml", "b.test.yaml"], missing: ["nope"] });
  });

  test("without targets, the configured globs are expanded from the project root", async () => {
    const found = await findFixtureFiles(PROJECT_ROOT, [], {
      root: PROJECT_ROOT,
      globs: ["rules/**/*.test.yaml"],
    });
    expect(found).toEqual({ files: [REFERENCE], missing: [] });
  });
});
