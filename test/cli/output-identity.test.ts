import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { RULES_DIR } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";

/** A project with the reference rules and fixtures, and a compiled artifact. */
async function project(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "leadscore-identity-"));
  cpSync(RULES_DIR, path.join(dir, "rules"), { recursive: true });
  expect((await runLeadscore(["compile", "-o", "ruleset.json"], dir)).code).toBe(0);
  return dir;
}

describe("issue 9 item 16: every command refuses an output that is one of its inputs", () => {
  test("compile -o over a rule file, directly or through a link, is refused and the file kept", async () => {
    const dir = await project();
    const before = readFileSync(path.join(dir, "rules/routing.score"), "utf8");
    symlinkSync(path.join(dir, "rules/routing.score"), path.join(dir, "link.json"));
    for (const out of ["rules/routing.score", "link.json"]) {
      expect(await runLeadscore(["compile", "-o", out], dir)).toEqual({
        code: 2,
        stdout: "",
        stderr: `leadscore: -o \`${out}\` is an input file; choose another file\n`,
      });
    }
    expect(readFileSync(path.join(dir, "rules/routing.score"), "utf8")).toBe(before);
  });

  test("test --output over a fixture file or the artifact is refused", async () => {
    const dir = await project();
    const fixture = "rules/tests/acme.test.yaml";
    expect((await runLeadscore(["test", "--reporter", "junit", "--output", fixture], dir)).stderr).toBe(
      `leadscore: --output \`${fixture}\` is an input file; choose another file\n`,
    );
    const run = await runLeadscore(
      ["test", "--rules", "ruleset.json", "--reporter", "json", "--output", "ruleset.json"],
      dir,
    );
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: "leadscore: --output `ruleset.json` is an input file; choose another file\n",
    });
  });

  test("diff --out and --full-report, sql -o and report --out over an input are refused", async () => {
    const dir = await project();
    writeFileSync(path.join(dir, "leads.csv"), "id,email\n");
    const cases: Array<[string[], string]> = [
      [["diff", "--base-dir", "rules", "--out", "rules/smb.score"], "--out `rules/smb.score`"],
      [
        ["diff", "--base-dir", "rules", "--full-report", "rules/tests/acme.test.yaml"],
        "--full-report `rules/tests/acme.test.yaml`",
      ],
      [
        ["sql", "--rules", "ruleset.json", "--dialect", "duckdb", "--out", "ruleset.json"],
        "--out `ruleset.json`",
      ],
      [
        ["report", "--rules", "rules", "--leads", "leads.csv", "--outcome", "won", "--out", "leads.csv"],
        "--out `leads.csv`",
      ],
    ];
    for (const [argv, named] of cases) {
      const run = await runLeadscore(argv, dir);
      expect({ argv, code: run.code, stderr: run.stderr }).toEqual({
        argv,
        code: 2,
        stderr: `leadscore: ${named} is an input file; choose another file\n`,
      });
    }
  });
});
