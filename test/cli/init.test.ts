import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parseProjectConfig } from "../../src/project/config.js";
import { runLeadscore } from "../support/run-cli.js";

const CREATED = `  .github/CODEOWNERS
  .github/workflows/leadscore.yml
  .gitignore
  README.md
  leadscore.yaml
  population/events.ndjson
  population/leads.csv
  rules/model.score
  rules/routing.score
  rules/schema.score
  rules/tests/example.test.yaml
`;

const NEXT_STEPS = `  leadscore check     # the rules have no errors
  leadscore test      # the fixture leads are decided as agreed
  git init && git add . && git commit -m "Lead scoring rules"

Then name your own teams in .github/CODEOWNERS and push to GitHub: every pull request that
changes the rules is checked and shows which leads in population/ it moves.
`;

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "leadscore-init-cli-"));
}

/** A fresh scaffold in a new temporary directory; returns the directory. */
async function scaffold(): Promise<string> {
  const cwd = tempDir();
  const run = await runLeadscore(["init", "rules-repo"], cwd);
  expect(run.code).toBe(0);
  return path.join(cwd, "rules-repo");
}

describe("leadscore init", () => {
  test("creates the directory, lists the files and the next steps", async () => {
    const cwd = tempDir();
    const run = await runLeadscore(["init", "rules-repo/"], cwd);
    expect(run).toEqual({
      code: 0,
      stdout: `Created a rules repository in rules-repo:\n${CREATED}\nNext steps:\n  cd rules-repo\n${NEXT_STEPS}`,
      stderr: "",
    });
    expect(readFileSync(path.join(cwd, "rules-repo", "rules", "routing.score"), "utf8")).toContain(
      "bucket Hot when grade in [A1, A2, B1] -> route sales within 4h",
    );
  });

  test("defaults to the current directory", async () => {
    const cwd = tempDir();
    const run = await runLeadscore(["init"], cwd);
    expect(run).toEqual({
      code: 0,
      stdout: `Created a rules repository in the current directory:\n${CREATED}\nNext steps:\n${NEXT_STEPS}`,
      stderr: "",
    });
  });

  test("quotes a directory with spaces in the cd step", async () => {
    const run = await runLeadscore(["init", "lead rules"], tempDir());
    expect(run.stdout).toContain('\n  cd "lead rules"\n');
  });

  test("refuses to overwrite, names the files and exits 2 without writing", async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, "README.md"), "# ours\n");
    writeFileSync(path.join(cwd, "leadscore.yaml"), "rules: ours\n");
    const run = await runLeadscore(["init"], cwd);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "leadscore: `.` has files already that a new rules repository would overwrite:\n" +
        "  README.md\n" +
        "  leadscore.yaml\n" +
        "Nothing was written. Choose another directory, or overwrite them with --force.\n",
    });
    expect(readFileSync(path.join(cwd, "README.md"), "utf8")).toBe("# ours\n");
  });

  test("--force overwrites and marks the files it replaced", async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, "README.md"), "# ours\n");
    const run = await runLeadscore(["init", "--force"], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("\n  README.md  (overwritten)\n  leadscore.yaml\n");
    expect(readFileSync(path.join(cwd, "README.md"), "utf8")).toMatch(/^# Lead scoring rules\n/);
  });

  test("refuses a file as the target directory", async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, "notes.txt"), "");
    const run = await runLeadscore(["init", "notes.txt"], cwd);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: "leadscore: cannot create a rules repository in `notes.txt`: it is a file\n",
    });
  });

  test("says in words why a file could not be written", async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, "rules"), "");
    const run = await runLeadscore(["init"], cwd);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "leadscore: cannot write `rules/model.score`: a file is in the way of a directory it needs" +
        " (7 files were written before it)\n",
    });
  });

  test("--help explains the command and --force", async () => {
    const run = await runLeadscore(["init", "--help"], tempDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: leadscore init [options] [dir]");
    expect(run.stdout).toContain("--force");
    expect(run.stdout).toContain("Nothing is written when any of the files exists already");
  });

  test("--action pins the workflow to the GitHub Action at that commit, quietly", async () => {
    const cwd = tempDir();
    const action = "acme/leadscore@0123456789abcdef0123456789abcdef01234567";
    const run = await runLeadscore(["init", "--action", action], cwd);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const workflow = readFileSync(path.join(cwd, ".github/workflows/leadscore.yml"), "utf8");
    expect(workflow.split(`uses: ${action}\n`)).toHaveLength(3);
  });

  test("--action at a tag works and notes that a tag can be moved", async () => {
    const run = await runLeadscore(["init", "--action", "acme/leadscore/sub@v1.2.0"], tempDir());
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      "note: the workflow uses acme/leadscore/sub@v1.2.0: a tag or branch can be moved to other code; a full commit SHA cannot\n",
    );
  });

  test.each([
    [
      "acme/leadscore",
      "`acme/leadscore` names no ref: pin the action to a tag or commit, like `acme/leadscore@v1`",
    ],
    [
      "acme/lead score@v1",
      "`acme/lead score@v1` is not owner/repo@ref (letters, digits, `-`, `_`, `.` and `/` only)",
    ],
    [
      "acme/leadscore@v1 #x",
      "`acme/leadscore@v1 #x` is not owner/repo@ref (letters, digits, `-`, `_`, `.` and `/` only)",
    ],
    [
      "acme/leadscore@../main",
      "`acme/leadscore@../main` is not owner/repo@ref: `../main` cannot name a git ref",
    ],
  ])("--action %s is refused with exit 2 and nothing written", async (action, problem) => {
    const cwd = tempDir();
    const run = await runLeadscore(["init", "--action", action], cwd);
    expect(run).toEqual({ code: 2, stdout: "", stderr: `leadscore: --action: ${problem}\n` });
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe("a fresh scaffold", () => {
  test("has a valid leadscore.yaml naming its rules, fixtures and population", async () => {
    const dir = await scaffold();
    const config = await parseProjectConfig(readFileSync(path.join(dir, "leadscore.yaml"), "utf8"), dir);
    expect(config).toEqual({
      root: dir,
      fromFile: true,
      rules: "rules",
      fixtures: ["rules/tests/*.test.yaml"],
      population: [{ leads: "population/leads.csv", events: "population/events.ndjson" }],
      asOf: "2026-11-01T00:00:00Z",
      redact: [],
      input: {},
    });
  });

  test("checks with no errors and no warnings", async () => {
    const run = await runLeadscore(["check", "--strict"], await scaffold());
    expect(run).toEqual({ code: 0, stdout: "", stderr: "rules: 0 errors, 0 warnings (3 files checked)\n" });
  });

  test("is formatted", async () => {
    const run = await runLeadscore(["fmt", "--check"], await scaffold());
    expect(run).toEqual({ code: 0, stdout: "", stderr: "rules: all 3 files are formatted\n" });
  });

  test("compiles", async () => {
    const dir = await scaffold();
    const run = await runLeadscore(["compile", "-o", "ruleset.json"], dir);
    expect(run.code).toBe(0);
    const artifact = JSON.parse(readFileSync(path.join(dir, "ruleset.json"), "utf8")) as {
      name: string;
      version: number;
      defaultModel: string;
      contentHash: string;
    };
    expect([artifact.name, artifact.version, artifact.defaultModel]).toEqual(["example", 1, "standard"]);
    expect(run.stderr).toBe(
      `wrote ruleset.json: ruleset "example" version 1, 1 models, 20 rules, ${artifact.contentHash}\n`,
    );
  });

  test("passes its fixture tests", async () => {
    const run = await runLeadscore(["test"], await scaffold());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("rules/tests/example.test.yaml: 10 of 10 passed\n");
    expect(run.stdout).toContain("10 passed, 0 failed\n");
  });

  test("fires every rule and reaches every bucket with its fixtures", async () => {
    const run = await runLeadscore(["test", "--coverage"], await scaffold());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "coverage: 100.00% (25 of 25: 20 of 20 rules fired, 5 of 5 buckets reached)\n",
    );
  });

  test("writes the JUnit results the workflow uploads", async () => {
    const dir = await scaffold();
    const run = await runLeadscore(["test", "--reporter", "junit", "--output", "test-results.xml"], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(dir, "test-results.xml"), "utf8")).toContain(
      '<testsuites name="leadscore test" tests="10" failures="0" errors="0">',
    );
  });

  test("shows which sample leads a change moves, as the pull request comment will", async () => {
    const dir = await scaffold();
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args], {
        cwd: dir,
      });
    git("init", "--quiet", "--initial-branch=main");
    git("add", ".");
    git("commit", "--quiet", "-m", "Lead scoring rules");
    const routing = path.join(dir, "rules", "routing.score");
    writeFileSync(
      routing,
      readFileSync(routing, "utf8").replace("bucket Nurture >= 15", "bucket Nurture >= 25"),
    );
    const run = await runLeadscore(
      ["diff", "main", "--format", "markdown", "--out", "diff.md", "--full-report", "diff-full.md"],
      dir,
    );
    expect(run.code).toBe(0);
    const report = readFileSync(path.join(dir, "diff.md"), "utf8");
    expect(report.startsWith("<!-- leadscore-diff -->\n## Lead scoring impact\n")).toBe(true);
    expect(report).toContain("| Scored | 30 |\n| Changed bucket | 4 |\n");
    expect(report).toContain("| Nurture | 13 | 9 | **-4** |\n| Recycle | 2 | 6 | **+4** |\n");
    expect(readFileSync(path.join(dir, "diff-full.md"), "utf8")).toContain("## Lead scoring impact");
  });
});
