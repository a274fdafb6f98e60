import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runLeadscore } from "../support/run-cli.js";
import { PROJECT_ROOT, RULES_DIR } from "../support/paths.js";
import { GIT_ENV, commitAll, git } from "../support/git-helpers.js";

/**
 * `leadscore diff` in a project directory: the reference rules in rules/ (the working tree), a copy with
 * another MQL threshold in old-rules/, and a git history for the revision cases.
 */
let project: string;
const GOLDEN = path.join(PROJECT_ROOT, "test/golden/diff");

function setFile(file: string, text: string): void {
  writeFileSync(path.join(project, file), text);
}

beforeAll(() => {
  for (const [name, value] of Object.entries(GIT_ENV)) vi.stubEnv(name, value);
  project = mkdtempSync(path.join(tmpdir(), "leadscore-diff-cli-"));
  cpSync(RULES_DIR, path.join(project, "rules"), { recursive: true });
  cpSync(RULES_DIR, path.join(project, "old-rules"), { recursive: true });
  const routing = path.join(project, "old-rules/routing.score");
  writeFileSync(routing, readFileSync(routing, "utf8").replace("bucket MQL >= 100", "bucket MQL >= 110"));
  setFile(
    "leadscore.yaml",
    "rules: rules\nfixtures: [rules/tests/*.test.yaml]\nas_of: 2026-11-01T00:00:00Z\n",
  );
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(project, { recursive: true, force: true });
});

describe("leadscore diff with directories", () => {
  it("compares a directory with the working tree and prints the text report", async () => {
    const run = await runLeadscore(["diff", "--base-dir", "old-rules"], project);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").slice(0, 9)).toEqual([
      "leadscore diff: old-rules (acme v1) → working tree (acme v1)",
      "Scored as of 2026-11-01T00:00:00Z (from `as_of` in leadscore.yaml).",
      "Fixture leads are scored as of their fixture file's `as_of`.",
      "",
      "Rule changes (1)",
      "  changed bucket MQL: condition >= 110 → >= 100",
      "      rules/routing.score:11 · no lead moved",
      "",
      "Leads: 11 scored, 0 changed bucket, 0 changed action, 0 changed score",
    ]);
  });

  it("names --as-of as the instant of scoring", async () => {
    const run = await runLeadscore(
      ["diff", "--base-dir", "old-rules", "--head-dir", "rules", "--as-of", "2026-12-01T00:00:00Z"],
      project,
    );
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[1]).toBe("Scored as of 2026-12-01T00:00:00Z (from --as-of).");
  });

  it("writes the markdown comment to --out and the full report to --full-report", async () => {
    const run = await runLeadscore(
      [
        "diff",
        "--base-dir",
        "old-rules",
        "--format",
        "markdown",
        "--out",
        "comment.md",
        "--full-report",
        "full.md",
      ],
      project,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "Wrote the impact report to comment.md: 11 leads scored, 0 moved, 1 rule change.\n",
    );
    const comment = readFileSync(path.join(project, "comment.md"), "utf8");
    expect(comment.split("\n").slice(0, 2)).toEqual(["<!-- leadscore-diff -->", "## Lead scoring impact"]);
    expect(readFileSync(path.join(project, "full.md"), "utf8")).toBe(comment);
  });

  it("prints the JSON report", async () => {
    const run = await runLeadscore(
      ["diff", "--base-dir", "old-rules", "--head-dir", "rules", "--format", "json"],
      project,
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      format: string;
      summary: { leads: number };
      changes: unknown[];
    };
    expect([report.format, report.summary.leads, report.changes.length]).toEqual(["leadscore.diff", 11, 1]);
  });

  it("exits 1 with the diagnostics when a side's rules have errors", async () => {
    cpSync(path.join(project, "rules"), path.join(project, "broken-rules"), { recursive: true });
    setFile("broken-rules/routing.score", "bucket MQL >= -> route sales\n");
    const run = await runLeadscore(["diff", "--base-dir", "broken-rules"], project);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("The rules at broken-rules have errors:\n\n");
    expect(run.stderr).toContain("rules/routing.score:1:");
    expect(run.stderr.trimEnd().split("\n").at(-1)).toMatch(/^broken-rules: 1 error/);
  });

  it("exits 2 for bad usage", async () => {
    const cases: Array<[string[], string]> = [
      [
        ["diff", "--base-dir", "old-rules", "--as-of", "yesterday"],
        "leadscore: --as-of `yesterday` is not an ISO-8601 time (for example 2026-11-01T00:00:00Z)\n",
      ],
      [
        ["diff", "--base-dir", "old-rules", "--out", "x.md", "--full-report", "./x.md"],
        "leadscore: --full-report `./x.md` is also --out; give each output its own file\n",
      ],
      [
        ["diff", "--base-dir", "old-rules", "--format", "html"],
        "error: option '--format <format>' argument 'html' is invalid. Allowed choices are text, markdown, json.\n(run with --help for usage)\n",
      ],
      [
        ["diff", "no-such-thing"],
        "leadscore: `no-such-thing` is not a git revision: the project is not in a git repository\n",
      ],
      [
        ["diff", "old-rules"],
        "leadscore: `old-rules` is a directory, not a git revision: to compare with a directory, use --base-dir old-rules\n",
      ],
      [["diff", "--base-dir", "no-such-dir"], "leadscore: --base-dir `no-such-dir` is not a directory\n"],
      [["diff"], "leadscore: name the base: a git revision (leadscore diff main) or --base-dir <dir>\n"],
      [
        ["diff", "main", "--base-dir", "old-rules", "--head-dir", "rules"],
        "leadscore: name the base either as a revision or with --base-dir, not both\n",
      ],
    ];
    for (const [argv, stderr] of cases) {
      const run = await runLeadscore(argv, project);
      expect({ argv, code: run.code, stderr: run.stderr }).toEqual({ argv, code: 2, stderr });
    }
  });
});

describe("leadscore diff with git revisions", () => {
  beforeAll(() => {
    git(project, "init", "--quiet", "--initial-branch=main");
    git(project, "config", "user.name", "Test Author");
    git(project, "config", "user.email", "author@example.com");
    commitAll(project, "reference rules");
  });

  it("exits 2 for an unknown revision", async () => {
    const run = await runLeadscore(["diff", "nope"], project);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("leadscore: unknown revision `nope`: no such branch, tag or commit\n");
  });

  it("never reads a directory that poses as the base revision (a directory named like a branch)", async () => {
    // A pull request adds `main/rules/` holding its own rules: `diff main` must not read it.
    cpSync(path.join(project, "old-rules"), path.join(project, "main/rules"), { recursive: true });
    try {
      const run = await runLeadscore(["diff", "main"], project);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(
        "leadscore: `main` is both a git revision and a directory: name the revision so that no directory " +
          "has its name (a commit id, or refs/heads/…, refs/remotes/…), or compare with the directory using --base-dir\n",
      );
      const unambiguous = await runLeadscore(["diff", "refs/heads/main"], project);
      expect(unambiguous.code).toBe(0);
      expect(unambiguous.stdout).toContain("Rule changes (0)");
    } finally {
      rmSync(path.join(project, "main"), { recursive: true, force: true });
    }
  });

  it("takes one revision as the head when the base is a directory", async () => {
    const run = await runLeadscore(["diff", "--base-dir", "old-rules", "main"], project);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("leadscore diff: old-rules (acme v1) → main (acme v1)");
  });

  it("reads the head's fixture files at the head revision", async () => {
    git(project, "checkout", "--quiet", "-b", "fixtures-change");
    const fixture = path.join(project, "rules/tests/acme.test.yaml");
    const text = readFileSync(fixture, "utf8");
    // One more fixture lead on the branch, just above the MQL threshold of the old rules.
    writeFileSync(
      fixture,
      `${text}\n  - name: a quiet lead\n    lead: {id: L99, email: x@y.com, title: Analyst, employees: 20, country: BR, stage: lead}\n    events: []\n    expect: {bucket: Dead}\n`,
    );
    commitAll(project, "one more fixture");
    // Back on main, the working tree has no L99: the head's fixtures must be read from git.
    git(project, "checkout", "--quiet", "main");
    const run = await runLeadscore(["diff", "main", "fixtures-change"], project);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Leads: 12 scored, 0 changed bucket");
    expect(run.stdout).toContain("Rule changes (0)\n  none: the two rulesets mean the same\n");
    expect((await runLeadscore(["diff", "main"], project)).stdout).toContain("Leads: 11 scored");
  });

  it("writes a one-line comment for a change nobody can see, naming the fixtures that changed", async () => {
    // fixtures-change (above) adds a fixture case and touches no rule.
    const run = await runLeadscore(["diff", "main", "fixtures-change", "--format", "markdown"], project);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      "<!-- leadscore-diff -->\n**main** → **fixtures-change**: the rules mean the same — no lead can score " +
        "differently (what changed is comments, formatting or fixtures). Fixtures changed: `rules/tests/acme.test.yaml`.\n",
    );
  });

  it("reads each side's own leadscore.yaml: rules moved to another directory, another as_of", async () => {
    git(project, "checkout", "--quiet", "-b", "moved-rules", "main");
    try {
      git(project, "mv", "rules", "scoring");
      setFile(
        "leadscore.yaml",
        "rules: scoring\nfixtures: [scoring/tests/*.test.yaml]\nas_of: 2026-12-01T00:00:00Z\n",
      );
      commitAll(project, "rules move to scoring/");
      const run = await runLeadscore(["diff", "main", "moved-rules"], project);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout.split("\n").slice(0, 8)).toEqual([
        "leadscore diff: main (acme v1) → moved-rules (acme v1)",
        "Scored as of 2026-12-01T00:00:00Z (from `as_of` in leadscore.yaml); the base as of its own `as_of`, 2026-11-01T00:00:00Z.",
        "Fixture leads are scored as of their fixture file's `as_of`.",
        "",
        "Rule changes (1)",
        '  changed configuration leadscore.yaml: rules rules → scoring; fixtures ["rules/tests/*.test.yaml"] → ["scoring/tests/*.test.yaml"]; as_of 2026-11-01T00:00:00Z → 2026-12-01T00:00:00Z',
        "      each side read and scored with its own configuration",
        "  fixtures changed: rules/tests/acme.test.yaml, scoring/tests/acme.test.yaml",
      ]);
    } finally {
      git(project, "checkout", "--quiet", "main");
    }
  });

  it("reports population files that cannot be read as bad input", async () => {
    setFile(
      "leadscore.yaml",
      "rules: rules\npopulation:\n  - leads: missing.csv\nas_of: 2026-11-01T00:00:00Z\n",
    );
    try {
      const run = await runLeadscore(["diff", "main"], project);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe("leadscore: cannot read `missing.csv`: no such file or directory\n");
      expect(existsSync(path.join(project, "missing.csv"))).toBe(false);
    } finally {
      setFile(
        "leadscore.yaml",
        "rules: rules\nfixtures: [rules/tests/*.test.yaml]\nas_of: 2026-11-01T00:00:00Z\n",
      );
    }
  });
});

describe("the pull-request comment of the reference change, written by the CLI", () => {
  it("is the reviewed golden comment (the README's example)", async () => {
    const repo = mkdtempSync(path.join(tmpdir(), "leadscore-diff-acme-"));
    try {
      cpSync(RULES_DIR, path.join(repo, "rules"), { recursive: true });
      mkdirSync(path.join(repo, "population"));
      cpSync(path.join(GOLDEN, "acme-population.ndjson"), path.join(repo, "population/leads.ndjson"));
      writeFileSync(
        path.join(repo, "leadscore.yaml"),
        "version: 1\nrules: rules\nfixtures:\n  - rules/tests/*.test.yaml\npopulation:\n  - leads: population/leads.ndjson\nas_of: 2026-11-01T00:00:00Z\n",
      );
      git(repo, "init", "--quiet", "--initial-branch=main");
      git(repo, "config", "user.name", "Test Author");
      git(repo, "config", "user.email", "author@example.com");
      commitAll(repo, "reference rules");
      const edit = (file: string, from: string, to: string): void => {
        const full = path.join(repo, file);
        writeFileSync(full, readFileSync(full, "utf8").replace(from, to));
      };
      edit("rules/routing.score", "bucket MQL >= 100", "bucket MQL >= 90");
      edit(
        "rules/smb.score",
        "    when event = content_download add 10 within 60d\n",
        "    when event = content_download add 10 within 60d\n    when event = webinar_attended add 15 within 60d\n",
      );
      const run = await runLeadscore(["diff", "main", "--format", "markdown"], repo);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(readFileSync(path.join(GOLDEN, "acme.md"), "utf8"));
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
