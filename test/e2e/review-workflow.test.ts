/**
 * The review workflow end to end, as a team lives it: `leadscore init` creates a rules repository, the
 * rules are committed on main, someone changes them on a branch (a bucket threshold moved, a rule added),
 * and `leadscore diff main` tells the reviewers exactly which leads move and which change moved them;
 * `leadscore test` shows the fixture expectations the change breaks, expected next to actual.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DiffReport } from "../../src/diff/report/model.js";
import { GIT_ENV, commitAll, git } from "../support/git-helpers.js";
import { runLeadscore } from "../support/run-cli.js";

let repo: string;

/** Replaces text in a file of the repository; the text must be there exactly once. */
function change(file: string, from: string, to: string): void {
  const full = path.join(repo, file);
  const text = readFileSync(full, "utf8");
  expect(text.split(from)).toHaveLength(2);
  writeFileSync(full, text.replace(from, to));
}

beforeAll(async () => {
  for (const [name, value] of Object.entries(GIT_ENV)) vi.stubEnv(name, value);
  repo = mkdtempSync(path.join(tmpdir(), "leadscore-review-"));
  const init = await runLeadscore(["init"], repo);
  expect(init.code).toBe(0);
  git(repo, "init", "--quiet", "--initial-branch=main");
  git(repo, "config", "user.name", "Rev Ops");
  git(repo, "config", "user.email", "revops@example.com");
  git(repo, "config", "commit.gpgsign", "false");
  commitAll(repo, "Lead scoring rules");

  git(repo, "checkout", "--quiet", "-b", "recycle-more-leads");
  change("rules/routing.score", "bucket Recycle >= 0", "bucket Recycle >= -10");
  change(
    "rules/model.score",
    "    when employees >= 1000 add 20\n",
    '    when title contains "Head of" add 10\n    when employees >= 1000 add 20\n',
  );
  commitAll(repo, "Recycle slightly negative leads; heads of department count more");
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(repo, { recursive: true, force: true });
});

describe("reviewing a rules change", () => {
  let report: DiffReport;

  beforeAll(async () => {
    const run = await runLeadscore(["diff", "main", "--format", "json"], repo);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    report = JSON.parse(run.stdout) as DiffReport;
  });

  it("scores the fixture leads and the configured population as of the configured time", () => {
    expect([report.base.label, report.head.label, report.asOf, report.asOfSource]).toEqual([
      "main",
      "working tree",
      "2026-11-01T00:00:00Z",
      "config",
    ]);
    expect(report.population.sources).toEqual([
      {
        source: "rules/tests/example.test.yaml",
        read: 10,
        accepted: 10,
        rejected: 0,
        asOf: "2026-11-01T00:00:00Z",
      },
      { source: "population/events.ndjson", read: 36, accepted: 36, rejected: 0 },
      { source: "population/leads.csv", read: 20, accepted: 20, rejected: 0 },
    ]);
    expect(report.summary).toEqual({
      leads: 30,
      changedBucket: 3,
      changedActions: 3,
      moved: 3,
      changedScore: 5,
    });
  });

  it("lists the two changes, with the leads each one touched", () => {
    expect(
      report.changes.map((c) => [c.change, c.subject, c.model, c.name, c.details, c.loc, c.leads, c.moved]),
    ).toEqual([
      [
        "added",
        "rule",
        "standard",
        'when title contains "Head of" add 10',
        [],
        { file: "rules/model.score", line: 12 },
        5,
        2,
      ],
      [
        "changed",
        "bucket",
        null,
        "Recycle",
        [{ what: "condition", before: ">= 0", after: ">= -10" }],
        { file: "rules/routing.score", line: 15 },
        null,
        1,
      ],
    ]);
  });

  it("counts the transitions between buckets", () => {
    expect(report.transitions).toEqual({
      labels: ["Hot", "Warm", "Nurture", "Recycle", "Disqualified", "(excluded)"],
      counts: [
        [4, 0, 0, 0, 0, 0],
        [0, 3, 0, 0, 0, 0],
        [0, 2, 11, 0, 0, 0],
        [0, 0, 0, 2, 0, 0],
        [0, 0, 0, 1, 3, 0],
        [0, 0, 0, 0, 0, 4],
      ],
    });
  });

  it("names the leads that moved and the changes that caused each move", () => {
    const moves = report.moved.map((lead) => ({
      id: lead.id,
      source: lead.source,
      bucket: `${lead.before.bucket} → ${lead.after.bucket}`,
      score: `${lead.before.score} → ${lead.after.score}`,
      actions: `${lead.before.actions.join(", ")} → ${lead.after.actions.join(", ")}`,
      rules: lead.rules.map((rule) => `${rule.rule}: ${rule.before} → ${rule.after}`),
      causes: lead.causes.map((index) => `${report.changes[index]!.subject} ${report.changes[index]!.name}`),
    }));
    expect(moves).toEqual([
      {
        id: "P07",
        source: "population/leads.csv record 7 (line 8)",
        bucket: "Nurture → Warm",
        score: "57.5 → 67.5",
        actions:
          'nurture "monthly-newsletter" → route sdr within 24h say "Send a personal email with a webinar invite"',
        rules: ['when title contains "Head of" add 10: null → 10'],
        causes: ['rule when title contains "Head of" add 10'],
      },
      {
        id: "P11",
        source: "population/leads.csv record 11 (line 12)",
        bucket: "Disqualified → Recycle",
        score: "-7.5 → -7.5",
        actions: 'disqualify → nurture "re-engagement"',
        rules: [],
        causes: ["bucket Recycle"],
      },
      {
        id: "P19",
        source: "population/leads.csv record 19 (line 20)",
        bucket: "Nurture → Warm",
        score: "50.5 → 60.5",
        actions:
          'nurture "monthly-newsletter" → route sdr within 24h say "Send a personal email with a webinar invite"',
        rules: ['when title contains "Head of" add 10: null → 10'],
        causes: ['rule when title contains "Head of" add 10'],
      },
    ]);
  });

  it("writes the pull-request comment with the same facts", async () => {
    const run = await runLeadscore(["diff", "main", "recycle-more-leads", "--format", "markdown"], repo);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines.slice(0, 2)).toEqual(["<!-- leadscore-diff -->", "## Lead scoring impact"]);
    expect(lines).toContain("| Changed bucket | 3 |");
    expect(lines).toContain(
      '- Added rule in `standard` fit: `when title contains "Head of" add 10` — `rules/model.score:12` · 5 leads scored differently, 2 moved',
    );
    expect(lines).toContain(
      "- Changed bucket `Recycle`: condition `>= 0` → `>= -10` — `rules/routing.score:15` · 1 lead moved",
    );
    expect(lines).toContain(
      '| P11 | Disqualified → **Recycle** | -7.5 → -7.5 | disqualify → nurture "re-engagement" | changed bucket `Recycle`: condition `>= 0` → `>= -10` |',
    );
  });

  it("shows the fixture expectations the change breaks, expected next to actual", async () => {
    const run = await runLeadscore(["test"], repo);
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n").map((line) => line.trimEnd());
    expect(lines).toContain("rules/tests/example.test.yaml: 8 of 10 passed");
    expect(lines).toContain("  ✗ a good fit who asked to be contacted goes to sales development");
    const failure = lines.indexOf("  ✗ a good fit who asked to be contacted goes to sales development");
    expect(lines.slice(failure + 1, failure + 5)).toEqual([
      "      at rules/tests/example.test.yaml:122",
      "      ✗ fit         expected 30                                                                      actual 40",
      "      ✓ engagement  expected 42                                                                      actual 42",
      "      ✗ score       expected 72                                                                      actual 82",
    ]);
    expect(lines).toContain("8 passed, 2 failed");
  });

  it("leaves the working tree as it was", () => {
    expect(git(repo, "status", "--porcelain")).toBe("");
    expect(git(repo, "rev-parse", "--abbrev-ref", "HEAD").trim()).toBe("recycle-more-leads");
  });
});
