import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLeadscore } from "../support/run-cli.js";
import { FIT_AND_INTENT, FIT_ONLY, signalsLeads, signalsRules } from "./signals.js";

/**
 * `leadscore diff` on a population with an outcome column: `outcome:` of the population entry in
 * leadscore.yaml, or --outcome, read as `score --outcome` reads it.
 */
let project: string;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
  writeFileSync(path.join(project, file), text);
}

/** The 120 leads of signals.ts as a CSV file, with their outcome in `column` as `yes` / `no`. */
function history(column: string, yes: string, no: string): string {
  const rows = signalsLeads(3).map(
    (lead) => `${lead.id},${lead.goodFit},${lead.intent},${lead.converted ? yes : no}`,
  );
  return `id,good_fit,intent,${column}\n${rows.join("\n")}\n`;
}

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), "leadscore-diff-outcomes-"));
  write("old-rules/signals.score", signalsRules(FIT_ONLY));
  write("rules/signals.score", signalsRules(FIT_AND_INTENT));
  write("data/history.csv", history("Stage", "Closed Won", "Closed Lost"));
  write(
    "leadscore.yaml",
    [
      "rules: rules",
      "fixtures: []",
      "as_of: 2026-11-01T00:00:00Z",
      "population:",
      "  - leads: data/history.csv",
      '    outcome: {column: Stage, converted: ["Closed Won"], not_converted: ["Closed Lost"]}',
      "",
    ].join("\n"),
  );
  write("data/plain.csv", history("Won", "yes", "no"));
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

describe("leadscore diff with outcomes", () => {
  it("reads the outcome of the population entry in leadscore.yaml and gives the verdict", async () => {
    const run = await runLeadscore(["diff", "--base-dir", "old-rules", "--format", "json"], project);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.outcomes).toMatchObject({
      columns: ["Stage"],
      leads: 120,
      converted: 57,
      unknown: 0,
      ranking: { before: 0.6754, after: 0.8133, difference: 0.1378 },
      verdict: "better",
    });
    const markdown = await runLeadscore(["diff", "--base-dir", "old-rules", "--format", "markdown"], project);
    expect(markdown.stdout).toContain(
      "> [!TIP]\n> **Better**: the change ranks converters higher — AUC 0.6754 → 0.8133 (+0.1378; 95% interval +0.0405 to +0.2352) on 120 leads with a known outcome (`Stage`).\n",
    );
  });

  it("takes --outcome as score and report do: the column, with the default yes/no values", async () => {
    write(
      "leadscore.yaml",
      "rules: rules\nfixtures: []\nas_of: 2026-11-01T00:00:00Z\npopulation:\n  - leads: data/plain.csv\n",
    );
    const without = await runLeadscore(["diff", "--base-dir", "old-rules", "--format", "json"], project);
    expect(JSON.parse(without.stdout).outcomes).toBeNull();
    const run = await runLeadscore(
      ["diff", "--base-dir", "old-rules", "--format", "json", "--outcome", "Won"],
      project,
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).outcomes).toMatchObject({
      columns: ["Won"],
      leads: 120,
      verdict: "better",
    });
    write("leadscore.yaml", "rules: rules\nfixtures: []\n");
    const nothing = await runLeadscore(["diff", "--base-dir", "old-rules", "--outcome", "Won"], project);
    expect([nothing.code, nothing.stderr]).toEqual([
      2,
      "leadscore: --outcome names the outcome column of the population files, and leadscore.yaml lists none under `population` (fixture leads have no outcome)\n",
    ]);
    write(
      "leadscore.yaml",
      "rules: rules\nfixtures: []\nas_of: 2026-11-01T00:00:00Z\npopulation:\n  - leads: data/plain.csv\n",
    );
    const misspelt = await runLeadscore(["diff", "--base-dir", "old-rules", "--outcome", "Wonn"], project);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toContain(
      "the outcome column `Wonn` is no column of the file (did you mean `Won`?)",
    );
  });
});
