import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import path from "node:path";
import type { Artifact } from "../../src/compile/artifact.js";
import { diffRulesets, type DiffRulesetsOptions } from "../../src/diff/population.js";
import {
  addFixtureLeads,
  addPopulationFiles,
  type LoadedPopulation,
} from "../../src/diff/population-load.js";
import type { DiffReport } from "../../src/diff/report/model.js";
import { PROJECT_ROOT, RULES_DIR } from "../support/paths.js";

/**
 * The impact report of two rulesets on the bundled example population, as `leadscore diff main` gives
 * it in a project with the reference fixtures and `population/leads.ndjson` (the golden population file),
 * scored as of 2026-11-01.
 */
export async function referenceReport(
  sides: { base: Artifact; head: Artifact },
  extra: Partial<DiffRulesetsOptions> = {},
): Promise<DiffReport> {
  const population: LoadedPopulation = { leads: [], sources: [], rejects: [] };
  const fixtureText = await readFile(path.join(RULES_DIR, "tests/acme.test.yaml"), "utf8");
  addFixtureLeads([{ file: "rules/tests/acme.test.yaml", text: fixtureText }], sides, population);
  const leadsText = await readFile(
    path.join(PROJECT_ROOT, "test/golden/diff/acme-population.ndjson"),
    "utf8",
  );
  await addPopulationFiles(
    [{ leads: "population/leads.ndjson" }],
    sides,
    // The population file as a project names it; its text comes from the golden directory.
    { root: "/project", open: () => Readable.from([leadsText]) },
    population,
  );
  return diffRulesets({
    ...sides,
    population: population.leads,
    asOf: "2026-11-01T00:00:00Z",
    baseLabel: "main",
    headLabel: "working tree",
    asOfSource: "config",
    inputs: { sources: population.sources, rejects: population.rejects },
    ...extra,
  });
}
