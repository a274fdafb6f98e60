import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Artifact } from "../../src/compile/artifact.js";
import { compileDirectory, compileSources } from "../../src/compile/compile-ruleset.js";
import { readRuleSources } from "../../src/compile/read-rules.js";
import { diffRulesets, type PopulationLead } from "../../src/diff/population.js";
import { renderDiffJson } from "../../src/diff/report/json.js";
import { DIFF_COMMENT_MARKER, renderDiffMarkdown } from "../../src/diff/report/markdown.js";
import { renderDiffText } from "../../src/diff/report/text.js";
import { expectGolden } from "../support/golden.js";
import { PROJECT_ROOT, RULES_DIR } from "../support/paths.js";
import { BASE_RULES, compileRules, edit } from "./helpers.js";
import { referenceReport } from "./reference.js";

const GOLDEN = path.join(PROJECT_ROOT, "test/golden/diff");
const AS_OF = "2026-11-01T00:00:00Z";

/** The reference rules, and the change under review: MQL from 100 to 90, webinars count for small teams. */
async function referenceChange(): Promise<{ base: Artifact; head: Artifact }> {
  const base = await compileDirectory(RULES_DIR, { displayPrefix: "rules" });
  const sources = (await readRuleSources(RULES_DIR, "rules")).map((source) => ({
    path: source.path,
    text: source.text
      .replace("bucket MQL >= 100", "bucket MQL >= 90")
      .replace(
        "    when event = content_download add 10 within 60d\n",
        "    when event = content_download add 10 within 60d\n    when event = webinar_attended add 15 within 60d\n",
      ),
  }));
  const head = compileSources(sources);
  expect(base.diagnostics).toEqual([]);
  expect(head.diagnostics).toEqual([]);
  return { base: base.artifact!, head: head.artifact! };
}

describe("the impact report of a change to the reference rules", () => {
  it("renders the pull-request comment, the terminal report and the JSON (golden files)", async () => {
    const report = await referenceReport(await referenceChange());
    expect(report.moved.map((lead) => `${lead.id}: ${lead.before.bucket} → ${lead.after.bucket}`)).toEqual([
      "N01: Warm → MQL",
      "N02: Nurture → MQL",
      "N03: Cold → Warm",
      "N04: Warm → MQL",
    ]);
    expect(report.population.rejects).toEqual([
      { source: "population/leads.ndjson record 5 (line 5)", reason: "lead.employees: must be a number" },
      {
        source: "population/leads.ndjson record 11 (line 11)",
        reason: "events[0].type: unknown event type `webinar`",
      },
      {
        source: "population/leads.ndjson record 12 (line 12)",
        reason: "lead.email: missing required field `email`",
      },
    ]);
    const markdown = renderDiffMarkdown(report);
    expect(markdown.startsWith(`${DIFF_COMMENT_MARKER}\n`)).toBe(true);
    expectGolden(path.join(GOLDEN, "acme.md"), markdown);
    expectGolden(path.join(GOLDEN, "acme.txt"), renderDiffText(report));
    expectGolden(path.join(GOLDEN, "acme.json"), renderDiffJson(report));
  });
});

describe("the size limit of the pull-request comment", () => {
  const base = compileRules(BASE_RULES);
  const head = compileRules(edit(BASE_RULES, ["bucket Hot >= 100", "bucket Hot >= 90"]));
  /** `count` leads at 95 points: Warm under the base rules, Hot under the head rules. */
  function movingLeads(count: number): PopulationLead[] {
    return Array.from({ length: count }, (_, i) => ({
      lead: {
        id: `lead-${String(i + 1).padStart(5, "0")}`,
        email: `ceo${i}@example.com`,
        title: "CEO",
        employees: 600,
        country: "US",
        stage: "lead",
      },
      events: [{ type: "demo_request", at: "2026-10-30T00:00:00Z" }],
    }));
  }
  const rejects = Array.from({ length: 300 }, (_, i) => ({
    source: `population/leads.csv record ${i + 1} (line ${i + 2})`,
    reason: "lead.employees: `lots` is not a number",
  }));

  it("groups the digits of count differences like the counts beside them (+1,340, not +1340)", () => {
    const report = diffRulesets({ base, head, population: movingLeads(1340), asOf: AS_OF });
    const moved = report.buckets.filter((bucket) => bucket.delta !== 0);
    expect(moved.map((bucket) => Math.abs(bucket.delta))).toEqual([1340, 1340]);
    const markdown = renderDiffMarkdown(report, { fullReport: "impact.md" });
    expect(markdown).toMatch(/\| \*\*\+1,340\*\* \|/);
    expect(markdown).toMatch(/\| \*\*-1,340\*\* \|/);
    const text = renderDiffText(report);
    expect(text).toMatch(/ \+1,340\b/);
    expect(text).toMatch(/ -1,340\b/);
    expect(text).not.toMatch(/[+-]1340/);
    expect(markdown).not.toMatch(/[+-]1340/);
  });

  it("caps the moved-leads table at 200 rows when the comment fits", () => {
    const report = diffRulesets({ base, head, population: movingLeads(250), asOf: AS_OF });
    const markdown = renderDiffMarkdown(report, { fullReport: "impact.md" });
    expect(markdown.length).toBeLessThanOrEqual(60_000);
    expect(markdown.match(/^\| lead-\d+ \|/gm)).toHaveLength(200);
    expect(markdown).toContain("| lead-00200 |");
    expect(markdown).not.toContain("| lead-00201 |");
    expect(markdown).toContain("_…and 50 leads more. The full report is in `impact.md`._");
    const full = renderDiffMarkdown(report, { maxChars: Infinity });
    expect(full.match(/^\| lead-\d+ \|/gm)).toHaveLength(250);
    expect(full).not.toContain("…and");
  });

  it("shortens a big report below 60,000 characters, saying how much was left out and where the rest is", () => {
    const report = diffRulesets({
      base,
      head,
      population: movingLeads(20_000),
      asOf: AS_OF,
      inputs: { sources: [], rejects },
    });
    const full = renderDiffMarkdown(report, { maxChars: Infinity });
    expect(full.length).toBeGreaterThan(3_000_000);
    const markdown = renderDiffMarkdown(report, { fullReport: "impact.md" });
    expect(markdown.length).toBeLessThanOrEqual(60_000);
    expect(markdown.startsWith(`${DIFF_COMMENT_MARKER}\n## Lead scoring impact\n`)).toBe(true);
    expect(markdown).toContain(
      "> This comment is shortened to stay within the size of a pull-request comment. The full report is in `impact.md`.",
    );
    expect(markdown).toContain("| Changed bucket | 20,000 |");
    expect(markdown.match(/^\| lead-\d+ \|/gm)).toHaveLength(200);
    expect(markdown).toContain("_…and 19,800 leads more. The full report is in `impact.md`._");
    expect(markdown).toContain("_…and 250 rejected records more. The full report is in `impact.md`._");
    expect(count(markdown, "<details>")).toBe(count(markdown, "</details>"));
  });

  it("keeps shortening until the comment fits, and never leaves a section open", () => {
    const report = diffRulesets({
      base,
      head,
      population: movingLeads(500),
      asOf: AS_OF,
      inputs: { sources: [], rejects },
    });
    for (const maxChars of [20_000, 8_000, 3_000, 1_000]) {
      const markdown = renderDiffMarkdown(report, { maxChars });
      expect(markdown.length).toBeLessThanOrEqual(maxChars);
      expect(markdown.startsWith(DIFF_COMMENT_MARKER)).toBe(true);
      expect(count(markdown, "<details>")).toBe(count(markdown, "</details>"));
      expect(markdown).toContain("Run `leadscore diff --full-report <file>` for the full report.");
    }
  });
});

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}
