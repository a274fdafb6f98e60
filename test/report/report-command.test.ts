/**
 * `leadscore report` on a population of six measured leads, whose every number is worked out by hand in
 * the comments; then the ways input goes wrong.
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { OutcomeReport } from "../../src/report/model.js";
import { runLeadscore } from "../support/run-cli.js";

const RULES = `ruleset "tiny" version 1

lead {
  id: string
  title: string
  created: string?
}

model m {
  fit {
    when title = CEO add 30
    when title = Intern add 10
    when title = Owner add 5
  }
}

grade fit A >= 20, B >= 5, else C
grade engagement 1 >= 10, else 2

bucket Hot >= 20 -> route sales within 4h
bucket Rest otherwise -> nurture "digest"
`;

// Scores: CEO 30, Intern 10, Manager 0. Leads 7 and 8 have no readable outcome.
const LEADS = `id,title,won,created
1,CEO,yes,2026-10-01T00:00:00Z
2,CEO,yes,2026-10-01T00:00:00Z
3,CEO,no,2026-10-01T00:00:00Z
4,Manager,yes,2026-10-01T00:00:00Z
5,Manager,no,2026-10-01T00:00:00Z
6,Intern,no,2026-10-01T00:00:00Z
7,Manager,maybe,2026-10-01T00:00:00Z
8,Manager,,2026-10-01T00:00:00Z
`;

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "leadscore-report-"));
  mkdirSync(path.join(dir, "rules"));
  writeFileSync(path.join(dir, "rules", "tiny.score"), RULES);
  writeFileSync(path.join(dir, "leads.csv"), LEADS);
});

async function report(args: string[], leads = "leads.csv") {
  const run = await runLeadscore(
    ["report", "--rules", "rules", "--leads", leads, "--as-of", "2026-11-01T00:00:00Z", ...args],
    dir,
  );
  return {
    ...run,
    json: run.code === 0 && args.includes("json") ? (JSON.parse(run.stdout) as OutcomeReport) : null,
  };
}

describe("leadscore report on six measured leads", () => {
  test("counts the leads without a readable outcome and leaves them out", async () => {
    const { code, json, stderr } = await report(["--outcome", "won", "--format", "json"]);
    expect(code).toBe(0);
    expect(json!.population).toEqual({
      source: "leads.csv",
      read: 8,
      scored: 8,
      rejected: 0,
      measured: 6,
      converted: 3,
      baseRate: 0.5,
      outcome: { field: "won", missing: 1, unreadable: 1, unreadableExamples: ["maybe"] },
      unscored: 0,
    });
    expect(json!.status).toBe("ok");
    expect(json!.notes).toEqual([
      '2 scored leads have no readable `won` (1 missing, 1 unreadable) (unreadable values: "maybe"): they are left out of every measure.',
    ]);
    expect(stderr).toBe(
      "8 leads read from leads.csv: 8 scored, 0 rejected; 6 measured against `won`, 3 converted; AUC 0.6111\n" +
        '  2 scored leads have no readable `won` (1 missing, 1 unreadable) (unreadable values: "maybe"): they are left out of every measure.\n',
    );
  });

  test("ranks: AUC 5.5/9, KS 1/3 at score 30", async () => {
    const { json } = await report(["--outcome", "won", "--format", "json"]);
    // Groups (converted, not): 30 (2, 1), 10 (0, 1), 0 (1, 1). Each converter at 30 beats the two lower
    // non-converters and ties one (2.5 each); the one at 0 ties one (0.5): (5 + 0.5) / 9.
    expect(json!.ranking.auc).toBe(0.6111);
    // TPR − FPR at 30, 10, 0: 2/3 − 1/3, 2/3 − 2/3, 1 − 1.
    expect(json!.ranking.ks).toEqual({ value: 0.3333, threshold: 30 });
    expect(json!.ranking.roc).toEqual([
      { threshold: null, fpr: 0, tpr: 0 },
      { threshold: 30, fpr: 0.3333, tpr: 0.6667 },
      { threshold: 10, fpr: 0.6667, tpr: 0.6667 },
      { threshold: 0, fpr: 1, tpr: 1 },
    ]);
  });

  test("buckets and grades: rate, Wilson interval, lift over the 50% base rate", async () => {
    const { json } = await report(["--outcome", "won", "--format", "json"]);
    // Hot: 2 of 3; Wilson 95% for 2/3 is 20.77% – 93.85%; lift (2/3) / (1/2) = 1.3333.
    expect(json!.buckets).toEqual([
      {
        group: "Hot",
        leads: 3,
        converted: 2,
        rate: 0.6667,
        interval: { low: 0.2077, high: 0.9385 },
        lift: 1.3333,
        model: null,
        action: "route sales within 4h",
        inversionOf: null,
      },
      {
        group: "Rest",
        leads: 3,
        converted: 1,
        rate: 0.3333,
        interval: { low: 0.0615, high: 0.7923 },
        lift: 0.6667,
        model: null,
        action: 'nurture "digest"',
        inversionOf: null,
      },
    ]);
    expect(json!.grades.map((g) => [g.group, g.leads, g.converted, g.rate])).toEqual([
      ["A2", 3, 2, 0.6667],
      ["B2", 1, 0, 0],
      ["C2", 2, 1, 0.5],
    ]);
    // Routing: Hot holds half the leads and 2 of the 3 conversions.
    expect(json!.routing).toEqual([
      {
        bucket: "Hot",
        model: null,
        team: "sales",
        leads: 3,
        converted: 2,
        leadShare: 0.5,
        conversionShare: 0.6667,
        precision: 0.6667,
        cumulativeLeadShare: 0.5,
        cumulativeConversionShare: 0.6667,
        cumulativePrecision: 0.6667,
      },
    ]);
  });

  test("rules: fire rates, conversion fired and not, lift, and flags", async () => {
    const { json } = await report(["--outcome", "won", "--format", "json"]);
    expect(
      json!.rules.map((r) => [
        r.rule,
        r.points,
        r.fired,
        r.rateWhenFired,
        r.rateWhenNotFired,
        r.lift,
        r.flags,
      ]),
    ).toEqual([
      // CEO: fired for 3 of 6 (2 converted); the other 3: 1 converted.
      ["when title = CEO add 30", 30, 3, 0.6667, 0.3333, 1.3333, []],
      // Intern: fired once, did not convert: it adds points but converts below the base rate.
      ["when title = Intern add 10", 10, 1, 0, 0.6, 0, ["sign-disagrees"]],
      ["when title = Owner add 5", 5, 0, null, 0.5, null, ["never-fires"]],
    ]);
  });

  test("the threshold sweep of Hot >= 20 counts the leads at each threshold", async () => {
    const { json } = await report(["--outcome", "won", "--format", "json"]);
    const sweep = json!.sweeps[0]!;
    expect(sweep.bucket).toBe("Hot");
    // Step 2 around 20: 12..28. Scores ≥ 12 and ≥ 28 are the three CEOs; ≥ 10 would add the intern.
    expect(sweep.rows.map((r) => [r.threshold, r.leads, r.converted, r.current])).toEqual([
      [12, 3, 2, false],
      [14, 3, 2, false],
      [16, 3, 2, false],
      [18, 3, 2, false],
      [20, 3, 2, true],
      [22, 3, 2, false],
      [24, 3, 2, false],
      [26, 3, 2, false],
      [28, 3, 2, false],
    ]);
  });

  test("Markdown and HTML show the same numbers, and the same input gives the same bytes", async () => {
    const markdown = await report(["--outcome", "won", "--format", "markdown"]);
    expect(markdown.stdout).toContain(
      "| Hot | (all) | route sales within 4h | 3 | 2 | 66.7% | 20.8% – 93.8% | 1.33 |  |",
    );
    expect(markdown.stdout).toContain("| AUC | 0.6111 |");
    const html = await report(["--outcome", "won", "--format", "html"]);
    expect(html.stdout).toContain('<td class="num">66.7%</td><td class="num">20.8% – 93.8%</td>');
    expect(html.stdout).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect((await report(["--outcome", "won", "--format", "html"])).stdout).toBe(html.stdout);
  });
});

describe("leadscore report on bad input", () => {
  test("an outcome column the file does not have is a usage error naming the columns", async () => {
    const { code, stderr } = await report(["--outcome", "Converted"]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      "cannot read `leads.csv`: the outcome column `Converted` is no column of the file (its columns: id, title, won, created)",
    );
  });

  test("nobody converted: the report says so and has no ranking", async () => {
    writeFileSync(path.join(dir, "none.csv"), "id,title,won\n1,CEO,no\n2,Manager,no\n");
    const { code, json } = await report(["--outcome", "won", "--format", "json"], "none.csv");
    expect(code).toBe(0);
    expect(json!.status).toBe("nobody-converted");
    expect(json!.notes[0]).toMatch(/^Nobody in this population converted/);
    expect(json!.ranking.auc).toBeNull();
    expect(json!.ranking.roc).toEqual([]);
    const html = await report(["--outcome", "won", "--format", "html"], "none.csv");
    expect(html.stdout).toContain("Nobody in this population converted");
  });

  test("everybody converted: the report says so", async () => {
    writeFileSync(path.join(dir, "all.csv"), "id,title,won\n1,CEO,1\n2,Manager,1\n");
    const { json } = await report(["--outcome", "won", "--format", "json"], "all.csv");
    expect(json!.status).toBe("everybody-converted");
    expect(json!.buckets.map((b) => b.rate)).toEqual([1, 1]);
  });

  test("--as-of-field scores each lead as of its own time; a bad time rejects the lead, counted", async () => {
    writeFileSync(
      path.join(dir, "timed.csv"),
      "id,title,won,created\n1,CEO,yes,2026-10-01T00:00:00Z\n2,CEO,no,last week\n3,Manager,no,\n",
    );
    const run = await runLeadscore(
      [
        "report",
        "--rules",
        "rules",
        "--leads",
        "timed.csv",
        "--outcome",
        "won",
        "--as-of-field",
        "created",
        "--offset",
        "7d",
        "--format",
        "json",
        "--rejects",
        "rejects.ndjson",
      ],
      dir,
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as OutcomeReport;
    expect(json.asOf).toEqual({ field: "created", offset: "7d" });
    expect(json.population).toMatchObject({ read: 3, scored: 1, rejected: 2, measured: 1 });
    const rejects = readFileSync(path.join(dir, "rejects.ndjson"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).reason);
    expect(rejects).toEqual([
      "created: `last week` is not an ISO-8601 time",
      "created: missing: the lead is scored as of this time",
    ]);
  });

  test("time options that contradict each other are usage errors", async () => {
    expect((await report(["--outcome", "won", "--as-of-field", "created"])).code).toBe(2);
    const offset = await runLeadscore(
      ["report", "--leads", "leads.csv", "--outcome", "won", "--offset", "7d"],
      dir,
    );
    expect(offset.code).toBe(2);
    expect(offset.stderr).toContain("--offset needs --as-of-field");
  });
});

describe("leadscore report reads the outcome as every command does", () => {
  test("with the values leadscore.yaml configures for the column (diff and score read them too)", async () => {
    const project = mkdtempSync(path.join(tmpdir(), "leadscore-report-config-"));
    mkdirSync(path.join(project, "rules"));
    writeFileSync(path.join(project, "rules", "tiny.score"), RULES);
    writeFileSync(path.join(project, "leads.csv"), LEADS);
    writeFileSync(
      path.join(project, "leadscore.yaml"),
      "population:\n  - leads: leads.csv\n    outcome: {column: won, converted: [yes, maybe], not_converted: [no]}\n",
    );
    const run = await runLeadscore(
      ["report", "--rules", "rules", "--leads", "leads.csv", "--as-of", "2026-11-01T00:00:00Z"].concat([
        "--outcome",
        "won",
        "--format",
        "json",
      ]),
      project,
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as OutcomeReport;
    // Lead 7's `maybe` is read as converted: 7 measured, 4 converted; only lead 8 (empty) is left out.
    expect(json.population).toMatchObject({ measured: 7, converted: 4 });
    expect(json.population.outcome).toEqual({
      field: "won",
      missing: 1,
      unreadable: 0,
      unreadableExamples: [],
    });
  });
});
