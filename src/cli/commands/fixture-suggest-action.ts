import { parseInstant } from "../../eval/instant.js";
import { createRuleset } from "../../eval/ruleset.js";
import type { ScoringEvent } from "../../eval/event-index.js";
import { computeCoverage } from "../../fixtures/coverage.js";
import { findFixtureFiles, loadFixtureFiles } from "../../fixtures/load.js";
import { runFixtures } from "../../fixtures/run.js";
import { renderSuggestion, suggestionJson } from "../../fixtures/report/suggest.js";
import { coverageGaps, suggestLeads, type ScoredCandidate } from "../../fixtures/suggest.js";
import { idText } from "../../io/read-leads.js";
import { UsageError } from "../exit-codes.js";
import type { CommandIO } from "../io.js";
import { loadPopulationInput } from "../population-input.js";
import { loadRulesOption } from "../rules-input.js";
import { fixtureSearch, projectConfig } from "./defaults.js";

export interface FixtureSuggestOptions {
  from?: string;
  events?: string;
  asOf?: string;
  rules?: string;
  json?: boolean;
}

/** `leadscore fixture suggest`: loaded only when the command runs (see fixture.ts). */
export async function runFixtureSuggest(
  io: CommandIO,
  paths: string[],
  options: FixtureSuggestOptions,
  setExitCode: (code: number) => void,
): Promise<void> {
  const config = await projectConfig(io);
  const found = await findFixtureFiles(io.cwd, paths, await fixtureSearch(io, config));
  const [missing] = found.missing;
  if (missing !== undefined) throw new UsageError(`cannot read \`${missing}\`: no such file or directory`);
  const artifact = await loadRulesOption(io, options.rules ?? config.rules, setExitCode);
  if (artifact === null) return;
  const ruleset = createRuleset(artifact);
  const loaded = await loadFixtureFiles(found.files, { cwd: io.cwd });
  const run = runFixtures(ruleset, loaded.fixtures);
  const coverage = computeCoverage(artifact, run.results);

  const asOfText = options.asOf ?? config.asOf ?? loaded.fixtures.find((f) => f.asOf !== null)?.asOf ?? null;
  if (asOfText === null) {
    throw new UsageError(
      "no instant to score the population at: pass --as-of, or set `as_of` in leadscore.yaml",
    );
  }
  const asOf = parseInstant(asOfText);
  if (Number.isNaN(asOf)) throw new UsageError(`--as-of \`${asOfText}\` is not an ISO-8601 time`);

  const population = await loadPopulationInput(io, config, artifact, {
    leads: options.from,
    events: options.events,
  });
  function* candidates(): Generator<ScoredCandidate> {
    for (const entry of population.loaded.leads) {
      const id = idText(entry.lead.id);
      if (id === null) continue;
      const result = ruleset.score(entry.lead, entry.events as readonly ScoringEvent[], { asOf });
      yield { id, source: entry.source ?? id, result };
    }
  }
  const suggestion = suggestLeads(coverageGaps(coverage), candidates());
  const context = {
    coverage,
    population: {
      label: population.label,
      leads: population.loaded.leads.length,
      rejected: population.loaded.rejects.length,
    },
    asOf: asOfText,
    addCommand: [
      "leadscore",
      "fixture",
      "add",
      ...population.options,
      ...(options.asOf === undefined ? [] : ["--as-of", options.asOf]),
    ],
  };
  io.stdout(options.json ? suggestionJson(suggestion, context) : renderSuggestion(suggestion, context));
}
