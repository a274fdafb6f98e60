import { mkdtempSync, cpSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { colorEnabled, styleMarks } from "../../src/cli/color.js";
import { RULES_DIR } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";
import { hasScript, runInPipes, runInTerminal } from "../support/terminal.js";

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding escape codes is the point
const ESC = /\u001b/;

/** The reference rules with one misspelt field: `check` reports LS201 on enterprise.score line 4. */
function brokenRules(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "leadscore-color-"));
  cpSync(RULES_DIR, path.join(dir, "rules"), { recursive: true });
  const file = path.join(dir, "rules/enterprise.score");
  writeFileSync(file, readFileSync(file, "utf8").replace("when title in", "when titel in"));
  return dir;
}

describe("when colour is on", () => {
  test.each([
    ["auto", {}, true, true],
    ["auto", {}, false, false],
    ["auto", { TERM: "dumb" }, true, false],
    ["auto", { NO_COLOR: "1" }, true, false],
    ["auto", { NO_COLOR: "" }, true, true],
    ["auto", { FORCE_COLOR: "1" }, false, true],
    ["auto", { FORCE_COLOR: "0" }, true, false],
    ["auto", { FORCE_COLOR: "false" }, true, false],
    ["auto", { FORCE_COLOR: "1", NO_COLOR: "1" }, false, true],
    ["always", { NO_COLOR: "1" }, false, true],
    ["never", { FORCE_COLOR: "1" }, true, false],
  ] as const)("--color %s with %j on a terminal=%s: %s", (when, env, isTTY, expected) => {
    expect(colorEnabled(when, env, isTTY)).toBe(expected);
  });
});

describe("style marks", () => {
  test("styled text becomes colour; the text between marks is escaped, styled or not", () => {
    const { stylize, render } = styleMarks();
    const text = `${stylize("error", "error LS201")}: unknown field \`a\u001b[2Jb\``;
    expect(render(text, true, true)).toBe(
      "\u001b[1m\u001b[31merror LS201\u001b[39m\u001b[22m: unknown field `a\\x1b[2Jb`",
    );
    expect(render(text, false, true)).toBe("error LS201: unknown field `a\\x1b[2Jb`");
    expect(render(stylize("failed", "x\u001b]0;t\u0007"), true, true)).toBe(
      "\u001b[31mx\\x1b]0;t\\x07\u001b[39m",
    );
  });

  test("text from a file cannot forge a mark: another run's marks are shown as text, escaped", () => {
    const mine = styleMarks();
    const theirs = styleMarks();
    const forged = theirs.stylize("passed", "11 passed");
    const out = mine.render(`${mine.stylize("failed", "1 failed")} ${forged}`, true, true);
    expect(out.startsWith("\u001b[31m1 failed\u001b[39m \\x00")).toBe(true);
    expect(out.split("\u001b")).toHaveLength(3);
  });

  test("nested styles close in order and stdout keeps its bytes (no escaping) apart from the marks", () => {
    const { stylize, render } = styleMarks();
    expect(render(stylize("heading", `a ${stylize("up", "+1")} b`), true, false)).toBe(
      "\u001b[1ma \u001b[22m\u001b[1m\u001b[32m+1\u001b[39m\u001b[22m\u001b[1m b\u001b[22m",
    );
    expect(render("raw\u0001data", true, false)).toBe("raw\u0001data");
  });
});

describe("colour in the CLI", () => {
  test("a stream that is no terminal, or --color never, gets no escape codes", async () => {
    const dir = brokenRules();
    const run = await runLeadscore(["check"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("rules/enterprise.score:4:10: error LS201: unknown lead field `titel`");
    expect(run.stderr).not.toMatch(ESC);
    expect((await runLeadscore(["check"], dir, true)).stderr).toMatch(ESC);
    expect((await runLeadscore(["check", "--color", "never"], dir, true)).stderr).not.toMatch(ESC);
  });

  test("--color always colours the diagnostic, its caret and hint, and the summary", async () => {
    const run = await runLeadscore(["check", "--color", "always"], brokenRules());
    expect(run.stderr.split("\n").slice(0, 5)).toEqual([
      "\u001b[1mrules/enterprise.score:4:10:\u001b[22m \u001b[1m\u001b[31merror LS201\u001b[39m\u001b[22m: unknown lead field `titel`",
      "\u001b[34m  |\u001b[39m",
      "\u001b[34m4 |\u001b[39m     when titel in [CEO, CTO, CFO, COO] add 30",
      "\u001b[34m  |\u001b[39m          \u001b[1m\u001b[31m^^^^^\u001b[39m\u001b[22m",
      "  \u001b[36m= hint:\u001b[39m did you mean `title`?",
    ]);
    expect(run.stderr).toContain(
      "rules: \u001b[1m\u001b[31m1 error\u001b[39m\u001b[22m, 0 warnings (5 files checked)",
    );
  });

  test("a bad --color value is bad usage", async () => {
    const run = await runLeadscore(["check", "--color", "sometimes"], process.cwd());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Allowed choices are auto, always, never.");
  });
});

describe.skipIf(!hasScript)("colour in a real terminal, never in pipes or files", () => {
  const dir = brokenRules();

  test("check and test are coloured on a terminal", () => {
    const check = runInTerminal(["check"], dir);
    expect(check.code).toBe(1);
    expect(check.output).toContain("\u001b[1m\u001b[31merror LS201\u001b[39m\u001b[22m");
    const tests = runInTerminal(["test"], path.dirname(RULES_DIR));
    expect(tests.code).toBe(0);
    expect(tests.output).toContain("\u001b[32m✓\u001b[39m");
    expect(tests.output).toContain("\u001b[32m11 passed\u001b[39m, 0 failed");
  });

  test("NO_COLOR and --color never turn it off on a terminal; FORCE_COLOR turns it on in a pipe", () => {
    expect(runInTerminal(["check"], dir, { NO_COLOR: "1" }).output).not.toMatch(ESC);
    expect(runInTerminal(["check", "--color=never"], dir).output).not.toMatch(ESC);
    expect(runInPipes(["check"], dir, { FORCE_COLOR: "1" }).stderr).toMatch(ESC);
  });

  test("pipes and files get no colour", () => {
    const piped = runInPipes(["test"], path.dirname(RULES_DIR));
    expect(piped.output).toContain("11 passed, 0 failed");
    expect(piped.output + piped.stderr).not.toMatch(ESC);
    const out = path.join(dir, "report.txt");
    const written = runInTerminal(["test", "--output", out], path.dirname(RULES_DIR));
    expect(written.output).toMatch(ESC);
    expect(readFileSync(out, "utf8")).not.toMatch(ESC);
  });
});
