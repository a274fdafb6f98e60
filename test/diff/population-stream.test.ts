import { existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { diffRulesets, type PopulationLead } from "../../src/diff/population.js";
import { streamDiff, type StreamLimits } from "../../src/diff/population-stream.js";
import { writeDocument, type DocumentPart, type ReportLists } from "../../src/diff/report/document.js";
import { diffJsonDocument, renderDiffJson } from "../../src/diff/report/json.js";
import { diffMarkdownDocument, renderDiffMarkdown } from "../../src/diff/report/markdown.js";
import type { RejectedRecord } from "../../src/diff/report/model.js";
import { diffTextDocument, renderDiffText } from "../../src/diff/report/text.js";
import { BASE_RULES, compileRules, edit } from "./helpers.js";

const AS_OF = "2026-11-01T00:00:00Z";
const base = compileRules(BASE_RULES);
const head = compileRules(edit(BASE_RULES, ["bucket Hot >= 100", "bucket Hot >= 90"]));

/**
 * Leads in an order unlike the report's (ids descending, numbers of different widths), some moving (95
 * points: Warm → Hot) and some not, and ids that repeat (the report orders those by their place).
 */
function population(count: number): PopulationLead[] {
  return Array.from({ length: count }, (_, i) => {
    const n = count - i;
    return {
      lead: {
        id: n % 97 === 0 ? "same-id" : `L${n}`,
        email: `ceo${n}@example.com`,
        title: n % 3 === 0 ? "Intern" : "CEO",
        employees: 600,
        country: "US",
        stage: "lead",
      },
      events: [{ type: "demo_request", at: "2026-10-30T00:00:00Z" }],
      source: `leads.ndjson record ${i + 1}`,
    };
  });
}

const rejects: RejectedRecord[] = Array.from({ length: 300 }, (_, i) => ({
  source: `leads.ndjson record ${i + 1} (line ${i + 1})`,
  reason: i % 2 === 0 ? "lead.employees: must be a number" : "under the head rules: lead.plan: missing",
}));

async function written(document: readonly DocumentPart[], lists: ReportLists): Promise<string> {
  let text = "";
  await writeDocument(document, lists, {
    write: (chunk) => {
      text += chunk;
    },
    close: async () => undefined,
  });
  return text;
}

async function streamed(leads: PopulationLead[], limits: StreamLimits) {
  return streamDiff(
    { base, head, asOf: AS_OF },
    async (sink) => {
      for (const lead of leads) sink.leads.push(lead);
      for (const reject of rejects) sink.rejects.push(reject);
    },
    limits,
  );
}

describe("diff in one pass, the lists spilled to disk", () => {
  const leads = population(3_000);
  const inMemory = diffRulesets({
    base,
    head,
    population: leads,
    asOf: AS_OF,
    inputs: { sources: [], rejects },
  });

  it("gives the same bytes as the report held in memory: comment, full markdown, text and JSON", async () => {
    expect(inMemory.summary.moved).toBeGreaterThan(1_000);
    const run = await streamed(leads, { movedInMemory: 64, rejectsInMemory: 60 });
    try {
      const { report, lists } = run;
      // Only the first moved leads and rejects are held; every count covers all of them.
      expect(report.moved).toHaveLength(200);
      expect(report.population.rejects).toHaveLength(200);
      expect(report.summary).toEqual(inMemory.summary);
      expect(report.population.rejected).toBe(300);
      expect(report.population.refusedByOneSide).toBe(150);
      expect(renderDiffMarkdown(report, { fullReport: "impact.md" })).toBe(
        renderDiffMarkdown(inMemory, { fullReport: "impact.md" }),
      );
      expect(await written(diffMarkdownDocument(report), lists)).toBe(
        renderDiffMarkdown(inMemory, { maxChars: Infinity }),
      );
      expect(await written(diffTextDocument(report), lists)).toBe(renderDiffText(inMemory));
      expect(await written(diffJsonDocument(report), lists)).toBe(renderDiffJson(inMemory));
      // The lists can be read again (--full-report and --out both stream them).
      expect(await written(diffJsonDocument(report), lists)).toBe(renderDiffJson(inMemory));
    } finally {
      run.dispose();
    }
  });

  it("removes its temporary files", async () => {
    const before = new Set(readdirSync(tmpdir()).filter((name) => name.startsWith("leadscore-spill-")));
    const run = await streamed(leads, { movedInMemory: 64, rejectsInMemory: 60 });
    const spilled = readdirSync(tmpdir()).filter(
      (name) => name.startsWith("leadscore-spill-") && !before.has(name),
    );
    expect(spilled).toHaveLength(1);
    run.dispose();
    expect(existsSync(`${tmpdir()}/${spilled[0]}`)).toBe(false);
  });

  it("touches no file when everything fits in memory, and gives the same report", async () => {
    const run = await streamed(leads, { movedInMemory: 10_000, rejectsInMemory: 10_000 });
    try {
      expect(run.report).toEqual(inMemory);
      expect(await written(diffTextDocument(run.report), run.lists)).toBe(renderDiffText(inMemory));
    } finally {
      run.dispose();
    }
  });
});
