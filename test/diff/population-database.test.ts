import { describe, expect, it } from "vitest";
import { diffRulesets, type PopulationLead } from "../../src/diff/population.js";
import { scoreInDatabase } from "../../src/diff/population-database.js";
import { streamDiff } from "../../src/diff/population-stream.js";
import { openDuckDb } from "../../src/sql/engines/duckdb.js";
import { BASE_RULES, compileRules, edit } from "./helpers.js";

const AS_OF = "2026-11-01T00:00:00Z";
const base = compileRules(BASE_RULES);
const head = compileRules(edit(BASE_RULES, ["bucket Hot >= 100", "bucket Hot >= 90"]));

/** 100 leads of which only the fourth moves (a CEO at 95 points: Warm → Hot). */
const leads: PopulationLead[] = Array.from({ length: 100 }, (_, i) => ({
  lead: {
    id: `L${i}`,
    email: `p${i}@example.com`,
    title: i === 3 ? "CEO" : "Intern",
    employees: 600,
    country: "US",
    stage: "lead",
  },
  events: [{ type: "demo_request", at: "2026-10-30T00:00:00Z" }],
  source: `leads.ndjson record ${i + 1}`,
}));

describe("diff in a database", () => {
  it("reads the population again only up to the last lead that moved, and gives the JS report", async () => {
    const engine = await openDuckDb({ threads: 1 });
    const pushed: number[] = [];
    try {
      const run = await streamDiff(
        { base, head, asOf: AS_OF },
        async (sink) => {
          let count = 0;
          try {
            for (const lead of leads) {
              count += 1;
              await sink.leads.push(lead);
            }
          } finally {
            pushed.push(count);
          }
        },
        undefined,
        (diff, read, sink) => scoreInDatabase(engine, diff, read, sink),
      );
      try {
        expect(run.report.summary.moved).toBe(1);
        expect(run.report).toEqual(diffRulesets({ base, head, population: leads, asOf: AS_OF }));
      } finally {
        run.dispose();
      }
    } finally {
      await engine.close();
    }
    expect(pushed).toEqual([100, 4]);
  });
});
