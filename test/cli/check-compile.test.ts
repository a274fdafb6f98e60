import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { PROJECT_ROOT } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";

function tempRules(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "leadscore-check-"));
  mkdirSync(path.join(dir, "rules"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, "rules", name), text);
  return dir;
}

const BROKEN = `ruleset "t" version 1
lead {
  id: string
  title: string
}
model m {
  fit {
    when titel = CEO add 5
  }
  bucket All otherwise -> disqualify
}
`;

describe("leadscore check", () => {
  test("the reference rules are clean", async () => {
    const run = await runLeadscore(["check", "rules"], PROJECT_ROOT);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "rules: 0 errors, 0 warnings (5 files checked)\n" });
  });

  test("defaults to rules/", async () => {
    const run = await runLeadscore(["check"], PROJECT_ROOT);
    expect(run.code).toBe(0);
  });

  test("reports a diagnostic with file:line:col, caret and hint, and exits 1", async () => {
    const cwd = tempRules({ "m.score": BROKEN });
    const run = await runLeadscore(["check"], cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        "rules/m.score:8:10: error LS201: unknown lead field `titel`",
        "  |",
        "8 |     when titel = CEO add 5",
        "  |          ^^^^^",
        "  = hint: did you mean `title`?",
        "",
        "rules: 1 error, 0 warnings (1 file checked)",
        "",
      ].join("\n"),
    );
  });

  test("--json gives the diagnostics as data", async () => {
    const cwd = tempRules({ "m.score": BROKEN });
    const run = await runLeadscore(["check", "--json"], cwd);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ files: ["rules/m.score"], errors: 1, warnings: 0 });
    expect(report.diagnostics[0]).toMatchObject({
      code: "LS201",
      severity: "error",
      span: { file: "rules/m.score", start: { line: 8, column: 10 } },
      hint: "did you mean `title`?",
    });
  });

  test("--strict fails on warnings", async () => {
    const cwd = tempRules({ "m.score": BROKEN.replace("titel", "title").replace(/^ruleset.*\n/, "") });
    expect((await runLeadscore(["check"], cwd)).code).toBe(0);
    expect((await runLeadscore(["check", "--strict"], cwd)).code).toBe(1);
  });

  test("directories and files named together form one ruleset", async () => {
    const [schema, model] = BROKEN.replace("titel", "title").split(/(?=^model)/m);
    const cwd = tempRules({ "schema.score": schema! });
    mkdirSync(path.join(cwd, "more"));
    writeFileSync(path.join(cwd, "more", "m.score"), model!);
    const run = await runLeadscore(["check", "rules", "more/m.score", "--json"], cwd);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      files: ["more/m.score", "rules/schema.score"],
      errors: 0,
      warnings: 0,
      diagnostics: [],
    });
    const alone = await runLeadscore(["check", "more/m.score"], cwd);
    expect(alone.code).toBe(1);
    expect(alone.stderr).toMatch(/\nmore\/m.score: 2 errors, 1 warning \(1 file checked\)\n$/);
  });

  test("a missing path is bad usage (exit 2), not a stack trace", async () => {
    const run = await runLeadscore(["check", "nowhere"], PROJECT_ROOT);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: "leadscore: cannot read `nowhere`: no such file or directory\n",
    });
  });
});

describe("leadscore compile", () => {
  test("writes a schema-valid artifact, byte-identical on every run", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "leadscore-compile-")), "ruleset.json");
    const first = await runLeadscore(["compile", "rules", "-o", out], PROJECT_ROOT);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(
      /^wrote .*ruleset\.json: ruleset "acme" version 1, 3 models, 36 rules, sha256:[0-9a-f]{64}\n$/,
    );
    const bytes = readFileSync(out, "utf8");
    const second = await runLeadscore(["compile", "rules"], PROJECT_ROOT);
    expect(second.stdout).toBe(bytes);
    expect(bytes).toBe(
      readFileSync(path.join(PROJECT_ROOT, "test/golden/compile/acme.ruleset.json"), "utf8"),
    );
  });

  test("writes nothing when the rules have errors", async () => {
    const cwd = tempRules({ "m.score": BROKEN });
    const run = await runLeadscore(["compile", "-o", "out.json"], cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("rules: 1 error, 0 warnings; nothing written");
  });
});

describe("output files", () => {
  test("compile -o creates the directory it writes into", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "leadscore-out-"));
    const run = await runLeadscore(
      ["compile", path.join(PROJECT_ROOT, "rules"), "-o", "dist/ruleset.json"],
      dir,
    );
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(dir, "dist/ruleset.json"), "utf8")).toContain(
      '"format": "leadscore.ruleset"',
    );
  });

  test("a path through a file is bad usage in words, not an errno code", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "leadscore-out-"));
    writeFileSync(path.join(dir, "file"), "");
    const run = await runLeadscore(
      ["compile", path.join(PROJECT_ROOT, "rules"), "-o", "file/ruleset.json"],
      dir,
    );
    expect(run).toMatchObject({
      code: 2,
      stderr: "leadscore: cannot write `file/ruleset.json`: a part of the path is a file, not a directory\n",
    });
  });
});
