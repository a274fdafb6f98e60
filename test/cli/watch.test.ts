import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import type { CommandIO } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/program.js";
import { RULES_DIR } from "../support/paths.js";

/** A copy of the reference project to edit while it is watched. */
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "leadscore-watch-"));
  cpSync(RULES_DIR, path.join(dir, "rules"), { recursive: true });
  writeFileSync(
    path.join(dir, "lead.yaml"),
    "as_of: 2026-11-01T00:00:00Z\nlead: {id: L1, email: jane@bigco.com, title: CEO, employees: 5000, stage: lead}\n",
  );
  return dir;
}

/** Resolves when `seen()` holds; polls what the command printed so far (bounded by the test's timeout). */
async function until(seen: () => boolean): Promise<void> {
  while (!seen()) await new Promise((resolve) => setTimeout(resolve, 20));
}

test("watch runs check, test and explain, then again after a rule file changes, clearing the screen each time", async () => {
  const dir = project();
  let out = "";
  let screen = "";
  const io: CommandIO = {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      out += text;
    },
    progress: (text) => {
      screen += text;
    },
    isTTY: true,
    cwd: dir,
  };
  const running = runCli(["watch", "--explain", "lead.yaml", "--max-runs", "3", "--color", "never"], io);
  await until(() => out.includes("watch: run 1:"));
  expect(out).toContain("rules: 0 errors, 0 warnings (5 files checked)");
  expect(out).toContain("11 passed, 0 failed");
  expect(out).toContain("Lead L1, scored by model enterprise");
  expect(out).toMatch(/watch: run 1: all good \(check, test, explain in \d+ ms\); watching for changes/);

  // A broken rule: check says why; test and explain are not run on rules with errors.
  const file = path.join(dir, "rules/enterprise.score");
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.replace("when title in", "when titel in"));
  await until(() => out.includes("watch: run 2:"));
  const second = out.slice(out.indexOf("watch: run 1:"));
  expect(second).toContain("rules/enterprise.score:4:10: error LS201: unknown lead field `titel`");
  expect(second).toContain("test: not run (the rules have errors)");
  expect(second).toMatch(/watch: run 2: problems found \(check, test, explain in \d+ ms\)/);

  // Fixed again: the third run passes, and the watch stops there (--max-runs 3) with its exit code.
  writeFileSync(file, text);
  expect(await running).toBe(0);
  expect(out.slice(out.indexOf("watch: run 2:"))).toMatch(/watch: run 3: all good .* ms\)\n$/);
  expect(screen.split("\u001b[2J\u001b[3J\u001b[H")).toHaveLength(4);
}, 60_000);

test("--max-runs must be a whole number of at least 1", async () => {
  let err = "";
  const io: CommandIO = {
    stdout: () => {},
    stderr: (text) => {
      err += text;
    },
    isTTY: false,
    cwd: project(),
  };
  expect(await runCli(["watch", "--max-runs", "0"], io)).toBe(2);
  expect(err).toBe("leadscore: --max-runs must be at least 1\n");
});
