import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { RULES_DIR } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";

const HOSTILE = "L\u001b]0;owned\u0007\u202eX";
const SHOWN = "L\\x1b]0;owned\\x07\\u202eX";

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "leadscore-stdout-"));
  cpSync(RULES_DIR, path.join(dir, "rules"), { recursive: true });
  const lead = {
    id: HOSTILE,
    email: "a@b.com",
    title: "CEO",
    industry: "software",
    employees: 5000,
    country: "US",
    stage: "lead",
  };
  writeFileSync(path.join(dir, "lead.json"), JSON.stringify({ lead, events: [] }));
  writeFileSync(
    path.join(dir, "rules/tests/hostile.test.yaml"),
    `as_of: 2026-11-01T00:00:00Z\ncases:\n  - name: "fails \\e]0;owned\\a on purpose"\n    lead: {id: L9, email: a@b.com, title: CEO, industry: software, employees: 5000, country: US, stage: lead}\n    expect: {bucket: Nowhere}\n`,
  );
  return dir;
}

describe("issue 9 item 14: text reports on stdout escape terminal controls from data", () => {
  test("explain's text escapes a hostile lead id; --json keeps JSON's own escaping", async () => {
    const dir = project();
    const text = await runLeadscore(
      ["explain", "--lead", "lead.json", "--as-of", "2026-11-01T00:00:00Z"],
      dir,
    );
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(SHOWN);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(text.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    const json = await runLeadscore(
      ["explain", "--lead", "lead.json", "--json", "--as-of", "2026-11-01T00:00:00Z"],
      dir,
    );
    expect(JSON.parse(json.stdout).id).toBe(HOSTILE);
  });

  test("test's text reporter escapes a hostile fixture name", async () => {
    const dir = project();
    const run = await runLeadscore(["test"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("fails \\x1b]0;owned\\x07 on purpose");
    expect(run.stdout).not.toContain("\u001b");
  });
});
