import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { PROJECT_ROOT } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";
import { withoutOutputVariables } from "../support/terminal.js";

const CANONICAL = `event email_open
event page_view { url: string }
`;

const MESSY = `event email_open
event page_view {
  url:string
}
`;

const BROKEN = `lead {
  id string
}
`;

/** A temporary project with `rules/<name>` files; returns its directory. */
function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "leadscore-fmt-"));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

function read(dir: string, name: string): string {
  return readFileSync(path.join(dir, name), "utf8");
}

/** What `fmt` prints for BROKEN saved as rules/a.score. */
const BROKEN_REPORT = [
  "rules/a.score:2:6: error LS103: expected `:` but found `string`",
  "  |",
  "2 |   id string",
  "  |      ^^^^^^",
  "",
  "",
].join("\n");

const MESSY_DIFF = [
  "--- a/rules/b.score",
  "+++ b/rules/b.score",
  "@@ -1,4 +1,2 @@",
  " event email_open",
  "-event page_view {",
  "-  url:string",
  "-}",
  "+event page_view { url: string }",
  "",
].join("\n");

describe("leadscore fmt", () => {
  test("the reference rules are already canonical", async () => {
    const run = await runLeadscore(["fmt", "--check", "rules"], PROJECT_ROOT);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "rules: all 5 files are formatted\n" });
  });

  test("defaults to rules/", async () => {
    const run = await runLeadscore(["fmt", "--check"], PROJECT_ROOT);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "rules: all 5 files are formatted\n" });
  });

  test("rewrites only the files that change and lists them", async () => {
    const dir = tempProject({ "rules/a.score": CANONICAL, "rules/b.score": MESSY });
    const run = await runLeadscore(["fmt"], dir);
    expect(run).toEqual({ code: 0, stdout: "rules/b.score\n", stderr: "rules: 1 of 2 files reformatted\n" });
    expect(read(dir, "rules/a.score")).toBe(CANONICAL);
    expect(read(dir, "rules/b.score")).toBe(CANONICAL);

    const again = await runLeadscore(["fmt"], dir);
    expect(again).toEqual({ code: 0, stdout: "", stderr: "rules: 0 of 2 files reformatted\n" });
  });

  test("--check prints a unified diff, changes nothing and exits 1", async () => {
    const dir = tempProject({ "rules/a.score": CANONICAL, "rules/b.score": MESSY });
    const run = await runLeadscore(["fmt", "--check"], dir);
    expect(run).toEqual({
      code: 1,
      stdout: MESSY_DIFF,
      stderr: "rules: 1 of 2 files not formatted (run `leadscore fmt` to fix)\n",
    });
    expect(read(dir, "rules/b.score")).toBe(MESSY);
  });

  test("--diff prints the same diff, changes nothing and exits 0", async () => {
    const dir = tempProject({ "rules/b.score": MESSY });
    const run = await runLeadscore(["fmt", "--diff"], dir);
    expect(run).toEqual({
      code: 0,
      stdout: MESSY_DIFF,
      stderr: "rules: 1 of 1 file not formatted (run `leadscore fmt` to fix)\n",
    });
    expect(read(dir, "rules/b.score")).toBe(MESSY);
  });

  test("a file with syntax errors is reported, left unchanged, and the others are still formatted", async () => {
    const dir = tempProject({ "rules/a.score": BROKEN, "rules/b.score": MESSY });
    const run = await runLeadscore(["fmt"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("rules/b.score\n");
    expect(run.stderr).toBe(
      [
        "rules/a.score:2:6: error LS103: expected `:` but found `string`",
        "  |",
        "2 |   id string",
        "  |      ^^^^^^",
        "",
        "rules: 1 of 2 files reformatted; 1 with syntax errors left unchanged",
        "",
      ].join("\n"),
    );
    expect(read(dir, "rules/a.score")).toBe(BROKEN);
    expect(read(dir, "rules/b.score")).toBe(CANONICAL);
  });

  test("--check fails on syntax errors even when nothing needs formatting", async () => {
    const dir = tempProject({ "rules/a.score": BROKEN });
    const run = await runLeadscore(["fmt", "--check"], dir);
    expect(run).toEqual({
      code: 1,
      stdout: "",
      stderr: `${BROKEN_REPORT}rules: the file has syntax errors: not checked\n`,
    });
  });

  describe("the summary says what is true of every file, whatever the mix", () => {
    const cases: Array<{ files: Record<string, string>; args: string[]; code: number; summary: string }> = [
      { files: { "a.score": CANONICAL }, args: ["--check"], code: 0, summary: "the file is formatted" },
      {
        files: { "a.score": CANONICAL, "b.score": CANONICAL },
        args: ["--check"],
        code: 0,
        summary: "all 2 files are formatted",
      },
      {
        files: { "a.score": BROKEN, "b.score": CANONICAL },
        args: ["--check"],
        code: 1,
        summary: "1 of 2 files formatted; 1 with syntax errors not checked",
      },
      {
        files: { "a.score": BROKEN, "b.score": MESSY, "c.score": CANONICAL },
        args: ["--check"],
        code: 1,
        summary: "1 of 3 files not formatted (run `leadscore fmt` to fix); 1 with syntax errors not checked",
      },
      {
        files: { "a.score": BROKEN, "b.score": BROKEN },
        args: ["--check"],
        code: 1,
        summary: "all 2 files have syntax errors: not checked",
      },
      {
        files: { "a.score": BROKEN, "b.score": CANONICAL },
        args: ["--diff"],
        code: 1,
        summary: "1 of 2 files formatted; 1 with syntax errors not checked",
      },
      {
        files: { "a.score": BROKEN },
        args: [],
        code: 1,
        summary: "the file has syntax errors: left unchanged",
      },
      {
        files: { "a.score": BROKEN, "b.score": CANONICAL },
        args: [],
        code: 1,
        summary: "0 of 2 files reformatted; 1 with syntax errors left unchanged",
      },
      {
        files: { "a.score": BROKEN, "b.score": BROKEN },
        args: [],
        code: 1,
        summary: "all 2 files have syntax errors: left unchanged",
      },
    ];
    test.each(cases)("fmt $args: $summary", async ({ files, args, code, summary }) => {
      const dir = tempProject(
        Object.fromEntries(Object.entries(files).map(([name, text]) => [`rules/${name}`, text])),
      );
      const run = await runLeadscore(["fmt", ...args], dir);
      expect(run.code).toBe(code);
      const brokenFiles = Object.entries(files).filter(([, text]) => text === BROKEN);
      const reports = brokenFiles.map(([name]) => BROKEN_REPORT.replace("rules/a.score", `rules/${name}`));
      expect(run.stderr).toBe(`${reports.join("")}rules: ${summary}\n`);
    });
  });

  describe("changes a diff cannot show are said in words", () => {
    test("--check on a CRLF file names the line endings, with no diff of identical-looking lines", async () => {
      const dir = tempProject({ "rules/a.score": CANONICAL.replace(/\n/g, "\r\n") });
      const run = await runLeadscore(["fmt", "--check"], dir);
      expect(run).toEqual({
        code: 1,
        stdout: "rules/a.score: line endings CRLF → LF\n",
        stderr: "rules: 1 of 1 file not formatted (run `leadscore fmt` to fix)\n",
      });
    });

    test("a CRLF file with other changes: the line endings in words, then the diff of the rest", async () => {
      const dir = tempProject({ "rules/b.score": MESSY.replace(/\n/g, "\r\n") });
      const run = await runLeadscore(["fmt", "--diff"], dir);
      expect(run).toEqual({
        code: 0,
        stdout: `rules/b.score: line endings CRLF → LF\n${MESSY_DIFF}`,
        stderr: "rules: 1 of 1 file not formatted (run `leadscore fmt` to fix)\n",
      });
    });

    test("a byte order mark is named too", async () => {
      const dir = tempProject({ "rules/a.score": `\uFEFF${CANONICAL.replace(/\n/g, "\r\n")}` });
      const run = await runLeadscore(["fmt", "--check"], dir);
      expect(run).toEqual({
        code: 1,
        stdout: "rules/a.score: byte order mark → none, line endings CRLF → LF\n",
        stderr: "rules: 1 of 1 file not formatted (run `leadscore fmt` to fix)\n",
      });
      const rewrite = await runLeadscore(["fmt"], dir);
      expect(rewrite).toEqual({
        code: 0,
        stdout: "rules/a.score\n",
        stderr: "rules: 1 of 1 file reformatted\n",
      });
      expect(read(dir, "rules/a.score")).toBe(CANONICAL);
    });
  });

  test("formats the files named, relative to the working directory, each once", async () => {
    const dir = tempProject({ "rules/b.score": MESSY, "extra/c.score": MESSY });
    const run = await runLeadscore(["fmt", "rules/b.score", "extra", "rules"], path.join(dir));
    expect(run).toEqual({
      code: 0,
      stdout: "rules/b.score\nextra/c.score\n",
      stderr: "rules/b.score extra rules: 2 of 2 files reformatted\n",
    });
    expect(read(dir, "extra/c.score")).toBe(CANONICAL);
  });

  test("CRLF files are rewritten with LF line ends", async () => {
    const dir = tempProject({ "rules/a.score": CANONICAL.replace(/\n/g, "\r\n") });
    const run = await runLeadscore(["fmt"], dir);
    expect(run).toEqual({ code: 0, stdout: "rules/a.score\n", stderr: "rules: 1 of 1 file reformatted\n" });
    expect(read(dir, "rules/a.score")).toBe(CANONICAL);
  });

  test("an unreadable path is bad usage (exit 2) and nothing is written", async () => {
    const dir = tempProject({ "rules/b.score": MESSY });
    const run = await runLeadscore(["fmt", "rules", "nope.score"], dir);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: "leadscore: cannot read `nope.score`: no such file or directory\n",
    });
    expect(read(dir, "rules/b.score")).toBe(MESSY);
  });

  test("a directory without rule files is not an error", async () => {
    const dir = tempProject({ "rules/README.md": "nothing here\n" });
    const run = await runLeadscore(["fmt", "--check"], dir);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "rules: no .score files found\n" });
  });

  test("--help describes the options and exit codes", async () => {
    const run = await runLeadscore(["fmt", "--help"], PROJECT_ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: leadscore fmt [options] [paths...]");
    expect(run.stdout).toContain("--check");
    expect(run.stdout).toContain("--diff");
    expect(run.stdout).toContain("Exit codes: 0 done");
  });

  test("--stdin with paths is bad usage", async () => {
    const run = await runLeadscore(["fmt", "--stdin", "rules"], PROJECT_ROOT);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: "leadscore: --stdin formats standard input: give no paths with it\n",
    });
  });
});

/** Runs the real command in a child process, which is the only way to give it a standard input. */
function runWithStdin(
  args: string[],
  input: string,
): { status: number | null; stdout: string; stderr: string } {
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "fmt", "--stdin", ...args],
    {
      cwd: PROJECT_ROOT,
      // As the in-process runs: no colour or CI variables of the machine running the tests.
      env: withoutOutputVariables(process.env),
      input,
      encoding: "utf8",
    },
  );
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe("leadscore fmt --stdin", () => {
  test("prints the formatted text and nothing else", () => {
    expect(runWithStdin([], MESSY)).toEqual({ status: 0, stdout: CANONICAL, stderr: "" });
  });

  test("--check prints a diff of standard input and exits 1", () => {
    expect(runWithStdin(["--check"], MESSY)).toEqual({
      status: 1,
      stdout: MESSY_DIFF.replace(/rules\/b\.score/g, "<stdin>"),
      stderr: "",
    });
    expect(runWithStdin(["--check"], CANONICAL)).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  test("--check names CRLF line endings instead of a diff of identical-looking lines", () => {
    expect(runWithStdin(["--check"], CANONICAL.replace(/\n/g, "\r\n"))).toEqual({
      status: 1,
      stdout: "<stdin>: line endings CRLF → LF\n",
      stderr: "",
    });
  });

  test("syntax errors are reported against <stdin> and exit 1", () => {
    const run = runWithStdin([], BROKEN);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "<stdin>:2:6: error LS103: expected `:` but found `string`\n  |\n2 |   id string\n  |      ^^^^^^\n\n",
    );
  });
});
