import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import { diffRulesets, type PopulationLead } from "../../src/diff/population.js";
import { addPopulationFiles, type LoadedPopulation } from "../../src/diff/population-load.js";
import { renderDiffMarkdown } from "../../src/diff/report/markdown.js";
import { renderDiffText } from "../../src/diff/report/text.js";
import { renderDiffJson } from "../../src/diff/report/json.js";
import type { OutcomeDiff } from "../../src/diff/report/model.js";
import { expectGolden } from "../support/golden.js";
import { PROJECT_ROOT, RULES_DIR } from "../support/paths.js";
import { compileRules } from "./helpers.js";
import {
  FIT_AND_INTENT as FIT_AND_INTENT_RULES,
  FIT_ONLY as FIT_ONLY_RULES,
  signalsLeads,
  signalsRules,
} from "./signals.js";

const GOLDEN = path.join(PROJECT_ROOT, "test/golden/diff/outcomes");
const AS_OF = "2026-11-01T00:00:00Z";

const FIT_ONLY = compileRules(signalsRules(FIT_ONLY_RULES));
const FIT_AND_INTENT = compileRules(signalsRules(FIT_AND_INTENT_RULES));
const FIT_ONLY_LOUDER = compileRules(signalsRules("    when good_fit = true add 15"));

/** 40 leads (times `scale`) of four kinds, with their outcome (see signals.ts): 19 of 40 converted. */
function population(scale = 1): PopulationLead[] {
  return signalsLeads(scale).map(({ id, goodFit, intent, converted }) => ({
    lead: { id, good_fit: goodFit, intent },
    events: [],
    outcome: converted,
  }));
}

function outcomesOf(base: typeof FIT_ONLY, head: typeof FIT_ONLY, scale = 1): OutcomeDiff {
  return diffRulesets({ base, head, population: population(scale), asOf: AS_OF }).outcomes!;
}

describe("the change measured on outcomes", () => {
  it("gives the conversion each bucket and team gets, and no verdict on 40 leads", () => {
    const outcomes = outcomesOf(FIT_ONLY, FIT_AND_INTENT);
    expect(outcomes.leads).toBe(40);
    expect(outcomes.converted).toBe(19);
    // Before: fit scores 10 (Warm: 20 leads, 13 converted), the rest 0 (Cold: 20 leads, 6 converted).
    // After: both 30 (Hot, 9 of 10), fit 10 and intent 20 (Warm, 9 of 20), neither 0 (Cold, 1 of 10).
    expect(outcomes.buckets).toEqual([
      {
        bucket: "Hot",
        before: { leads: 0, converted: 0, rate: null, interval: null },
        after: { leads: 10, converted: 9, rate: 0.9, interval: { low: 0.5958, high: 0.9821 } },
      },
      {
        bucket: "Warm",
        before: { leads: 20, converted: 13, rate: 0.65, interval: { low: 0.4329, high: 0.8188 } },
        after: { leads: 20, converted: 9, rate: 0.45, interval: { low: 0.2582, high: 0.6579 } },
      },
      {
        bucket: "Cold",
        before: { leads: 20, converted: 6, rate: 0.3, interval: { low: 0.1455, high: 0.519 } },
        after: { leads: 10, converted: 1, rate: 0.1, interval: { low: 0.0179, high: 0.4042 } },
      },
    ]);
    // Intent-only leads are sent to sales now: 10 more, of which 5 converted.
    expect(outcomes.teams).toEqual([
      {
        team: "sales",
        before: { leads: 20, converted: 13, rate: 0.65, interval: { low: 0.4329, high: 0.8188 } },
        after: { leads: 30, converted: 18, rate: 0.6, interval: { low: 0.4232, high: 0.7541 } },
        added: { leads: 10, converted: 5, rate: 0.5, interval: { low: 0.2366, high: 0.7634 } },
        removed: { leads: 0, converted: 0, rate: null, interval: null },
      },
    ]);
    // AUC before: (13·(14 + 7/2) + 6·(14/2)) / (19·21) = 269.5/399; after: 324.5/399.
    expect(outcomes.ranking).toMatchObject({
      leads: 40,
      converted: 19,
      before: 0.6754,
      after: 0.8133,
      difference: 0.1378,
      interval: { low: -0.0338, high: 0.3095 },
    });
    expect(outcomes.verdict).toBe("no measurable difference");
  });

  it("finds the change better on three times as many leads of the same kinds", () => {
    const outcomes = outcomesOf(FIT_ONLY, FIT_AND_INTENT, 3);
    expect(outcomes.ranking).toMatchObject({ leads: 120, before: 0.6754, after: 0.8133, difference: 0.1378 });
    expect(outcomes.ranking.interval!.low).toBeGreaterThan(0);
    expect(outcomes.verdict).toBe("better");
    // As `leadscore diff` reads it: from a population file with an outcome column.
    const report = diffRulesets({
      base: FIT_ONLY,
      head: FIT_AND_INTENT,
      population: population(3),
      asOf: AS_OF,
      inputs: {
        sources: [
          {
            source: "history.csv",
            read: 120,
            accepted: 120,
            rejected: 0,
            outcome: { column: "Converted", missing: 0, unreadable: 0, unreadableExamples: [] },
          },
        ],
        rejects: [],
      },
    });
    expect(report.outcomes!.columns).toEqual(["Converted"]);
    expectGolden(path.join(GOLDEN, "better.md"), renderDiffMarkdown(report));
    // The report as data: also the seed of the Markdown injection test's outcome section.
    expectGolden(path.join(GOLDEN, "better.json"), renderDiffJson(report));
    // The README shows this comment's verdict and outcome section: every line of it, as the golden has it.
    const readme = readFileSync(path.join(PROJECT_ROOT, "README.md"), "utf8");
    const start = readme.indexOf("```markdown\n> [!TIP]\n");
    const shown = readme.slice(start + "```markdown\n".length, readme.indexOf("```\n", start + 3));
    expect(start).toBeGreaterThan(0);
    const golden = renderDiffMarkdown(report).split("\n");
    for (const line of shown.split("\n")) expect(golden).toContain(line);
  });

  it("finds the reverse change worse, and says so at the top of the comment", () => {
    const outcomes = outcomesOf(FIT_AND_INTENT, FIT_ONLY, 3);
    expect(outcomes.ranking).toMatchObject({ before: 0.8133, after: 0.6754, difference: -0.1378 });
    expect(outcomes.ranking.interval!.high).toBeLessThan(0);
    expect(outcomes.verdict).toBe("worse");
    expect(outcomes.teams[0]).toMatchObject({
      added: { leads: 0 },
      removed: { leads: 30, converted: 15, rate: 0.5 },
    });
    const report = diffRulesets({
      base: FIT_AND_INTENT,
      head: FIT_ONLY,
      population: population(3),
      asOf: AS_OF,
    });
    const markdown = renderDiffMarkdown(report);
    const lines = markdown.split("\n");
    const verdict = lines.findIndex((line) => line.startsWith("> **Worse**"));
    expect(lines.slice(verdict - 1, verdict + 1)).toEqual([
      "> [!WARNING]",
      "> **Worse**: the change ranks converters lower — AUC 0.8133 → 0.6754 (-0.1378; 95% interval -0.2352 to -0.0405) on 120 leads with a known outcome.",
    ]);
    expectGolden(path.join(GOLDEN, "worse.md"), markdown);
    expectGolden(path.join(GOLDEN, "worse.txt"), renderDiffText(report));
  });

  it("finds no measurable difference when the ranking stays the same", () => {
    const outcomes = outcomesOf(FIT_ONLY, FIT_ONLY_LOUDER);
    expect(outcomes.ranking).toMatchObject({
      before: 0.6754,
      after: 0.6754,
      difference: 0,
      standardError: 0,
      interval: { low: 0, high: 0 },
    });
    expect(outcomes.verdict).toBe("no measurable difference");
    expect(outcomes.ranking.rescored).toBe(20);
  });

  it("says so when no measured lead scores differently (a threshold moved)", () => {
    const head = compileRules(signalsRules(FIT_ONLY_RULES).replace("bucket Hot >= 25", "bucket Hot >= 10"));
    const report = diffRulesets({ base: FIT_ONLY, head, population: population(), asOf: AS_OF });
    expect(report.outcomes!.ranking).toMatchObject({
      rescored: 0,
      difference: 0,
      interval: { low: 0, high: 0 },
    });
    expect(report.outcomes!.verdict).toBe("no measurable difference");
    expect(renderDiffMarkdown(report)).toContain(
      "> [!NOTE]\n> **Same scores**: no lead scores differently on 40 leads with a known outcome, so the AUC stays 0.6754; what changes is where leads go — see conversion per bucket and team.\n",
    );
  });

  it("leaves leads without an outcome out, and has no outcome section without outcomes", () => {
    const leads = population();
    leads[0]!.outcome = null;
    delete leads[1]!.outcome;
    const outcomes = diffRulesets({
      base: FIT_ONLY,
      head: FIT_AND_INTENT,
      population: leads,
      asOf: AS_OF,
    }).outcomes!;
    expect([outcomes.leads, outcomes.unknown, outcomes.converted]).toEqual([38, 1, 17]);
    const none = population().map(({ outcome: _outcome, ...lead }) => lead);
    expect(
      diffRulesets({ base: FIT_ONLY, head: FIT_AND_INTENT, population: none, asOf: AS_OF }).outcomes,
    ).toBe(null);
  });

  it("is not measurable when nobody converted, and says why", () => {
    const leads = population().map((lead) => ({ ...lead, outcome: false }));
    const outcomes = diffRulesets({
      base: FIT_ONLY,
      head: FIT_AND_INTENT,
      population: leads,
      asOf: AS_OF,
    }).outcomes!;
    expect(outcomes.verdict).toBe("not measurable");
    expect(outcomes.ranking).toMatchObject({ before: null, after: null, interval: null });
  });
});

describe("the bundled example population, read with its outcome column as `leadscore diff` reads it", () => {
  it("measures the base ranking exactly as `leadscore report` does (AUC 0.8060, see the README)", async () => {
    const base = await compileDirectory(RULES_DIR, { displayPrefix: "rules" });
    const sides = { base: base.artifact!, head: base.artifact! };
    const population: LoadedPopulation = { leads: [], sources: [], rejects: [] };
    await addPopulationFiles(
      [{ leads: "examples/data/leads.csv", events: "examples/data/events.ndjson", outcome: "converted" }],
      sides,
      { root: PROJECT_ROOT },
      population,
    );
    const report = diffRulesets({ ...sides, population: population.leads, asOf: AS_OF });
    const outcomes = report.outcomes!;
    expect([outcomes.leads, outcomes.converted, outcomes.unknown]).toEqual([994, 299, 0]);
    expect(outcomes.ranking).toMatchObject({ before: 0.806, after: 0.806, difference: 0 });
    expect(outcomes.verdict).toBe("no measurable difference");
    expect(population.sources[1]!.outcome).toEqual({
      column: "converted",
      missing: 0,
      unreadable: 0,
      unreadableExamples: [],
    });
  });

  it("counts missing and unreadable outcomes per file, and leaves those leads out", async () => {
    const sides = { base: FIT_ONLY, head: FIT_AND_INTENT };
    const population: LoadedPopulation = { leads: [], sources: [], rejects: [] };
    const csv = [
      "id,good_fit,intent,Stage",
      "A,true,true,Closed Won",
      "B,true,false,Closed Lost",
      "C,false,true,",
      "D,false,false,maybe",
      "E,false,false,Open",
      "F,true,true,maybe",
    ].join("\n");
    await addPopulationFiles(
      [
        {
          leads: "history.csv",
          outcome: { column: "Stage", converted: ["Closed Won"], not_converted: ["Closed Lost"] },
        },
      ],
      sides,
      { root: "/project", open: () => Readable.from([csv]) },
      population,
    );
    expect(population.leads.map((lead) => lead.outcome)).toEqual([true, false, null, null, null, null]);
    expect(population.sources[0]!.outcome).toEqual({
      column: "Stage",
      missing: 1,
      unreadable: 3,
      unreadableExamples: ["maybe", "Open"],
    });
    const outcomes = diffRulesets({
      ...sides,
      population: population.leads,
      asOf: AS_OF,
      inputs: population,
    }).outcomes!;
    expect([outcomes.columns, outcomes.leads, outcomes.unknown]).toEqual([["Stage"], 2, 4]);
    expect(outcomes.verdict).toBe("not measurable");
    const report = diffRulesets({ ...sides, population: population.leads, asOf: AS_OF, inputs: population });
    expect(renderDiffMarkdown(report)).toContain(
      "- `history.csv`: 3 leads with a `Stage` that is neither converted nor not converted (`maybe`, `Open`, …); list such values under `outcome:` in leadscore.yaml.\n",
    );
    expect(renderDiffText(report)).toContain(
      "Outcomes: Ranking not measurable on 2 leads with a known outcome (Stage): it takes at least two leads that converted and two that did not.\n",
    );
  });
});
