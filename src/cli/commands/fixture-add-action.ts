import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseInstant } from "../../eval/instant.js";
import { createRuleset, type Ruleset } from "../../eval/ruleset.js";
import type { ScoringEvent } from "../../eval/event-index.js";
import type { ScoreResult } from "../../eval/result.js";
import { appendCases, newFixtureFile, type NewCase } from "../../fixtures/case-text.js";
import { toFixtureLead } from "../../fixtures/from-population.js";
import { findFixtureFiles, loadFixtureFiles } from "../../fixtures/load.js";
import { parseFixtureText } from "../../fixtures/parse.js";
import { redactionProblem, redactLead, resultDifferences } from "../../fixtures/redact.js";
import { formatValue } from "../../fixtures/report/values.js";
import { runFixtures } from "../../fixtures/run.js";
import { summaryLine } from "../../fixtures/report/text.js";
import { EXPECT_KEYS, type ExpectKey, type Expectation } from "../../fixtures/types.js";
import { idText } from "../../io/read-leads.js";
import type { PopulationLead } from "../../diff/population.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import type { CommandIO } from "../io.js";
import { writeOutputFile } from "../output-files.js";
import { loadPopulationInput } from "../population-input.js";
import { displayPath, loadRulesOption } from "../rules-input.js";
import { fixtureSearch, projectConfig } from "./defaults.js";

export interface FixtureAddOptions {
  id: string[];
  from?: string;
  events?: string;
  name?: string[];
  to?: string;
  asOf?: string;
  expect?: string;
  redact?: string;
  rules?: string;
}

/** `leadscore fixture add`: loaded only when the command runs (see fixture.ts). */
export async function runFixtureAdd(
  io: CommandIO,
  options: FixtureAddOptions,
  setExitCode: (code: number) => void,
): Promise<void> {
  const config = await projectConfig(io);
  const keys = readExpectKeys(options.expect);
  const names = options.name ?? [];
  if (names.length > options.id.length) throw new UsageError("more --name than --id: give one name per lead");
  const target = options.to ?? (await defaultTarget(io, config));
  const existing = await readIfExists(path.resolve(io.cwd, target));
  const parsed = existing === null ? null : parseFixtureText(existing, displayPath(io, target));
  if (parsed !== null && parsed.asOf === null) {
    throw new UsageError(
      `\`${displayPath(io, target)}\` has no valid \`as_of\`: fix the file first (leadscore test)`,
    );
  }
  const fixtureAsOf = parsed?.asOf ?? options.asOf ?? config.asOf;
  if (fixtureAsOf === null) {
    throw new UsageError(
      "a new fixture file needs an `as_of`: pass --as-of, or set `as_of` in leadscore.yaml",
    );
  }
  const populationAsOf = options.asOf ?? config.asOf ?? fixtureAsOf;
  const times = { populationAsOfMs: readInstant(populationAsOf), fixtureAsOfMs: readInstant(fixtureAsOf) };

  const artifact = await loadRulesOption(io, options.rules ?? config.rules, setExitCode);
  if (artifact === null) return;
  // `--redact` replaces the project's list (`--redact ""` redacts nothing).
  const redact = readRedact(options.redact ?? config.redact.join(","), artifact.schema);
  const ruleset = createRuleset(artifact);
  const population = await loadPopulationInput(io, config, artifact, {
    leads: options.from,
    events: options.events,
  });
  const byId = new Map<string, PopulationLead>();
  for (const lead of population.loaded.leads) {
    const id = idText(lead.lead.id);
    if (id !== null && !byId.has(id)) byId.set(id, lead);
  }
  const missing = options.id.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    const rejected = population.loaded.rejects.length;
    throw new UsageError(
      `no valid lead ${missing.map((id) => `\`${id}\``).join(", ")} in ${population.label}` +
        (rejected > 0
          ? ` (${rejected} records there were rejected as invalid; see leadscore score --rejects)`
          : ""),
    );
  }

  const takenNames = new Set(parsed?.cases.map((c) => c.name) ?? []);
  const cases: NewCase[] = [];
  const refusals: string[] = [];
  options.id.forEach((id, index) => {
    const entry = byId.get(id)!;
    const name = names[index] ?? `lead ${id} taken from ${fileOf(entry.source ?? population.label)}`;
    if (takenNames.has(name)) {
      refusals.push(
        `${id}: ${displayPath(io, target)} already has a case named ${formatValue(name)}; pass --name`,
      );
      return;
    }
    takenNames.add(name);
    const made = makeCase(ruleset, entry, { name, keys, redact, times, populationAsOf });
    if ("refused" in made) refusals.push(`${id}: ${made.refused}`);
    else cases.push(made.fixtureCase);
  });
  if (refusals.length > 0) {
    io.stderr(`${refusals.map((r) => `leadscore: ${r}`).join("\n")}\nnothing written\n`);
    setExitCode(ExitCode.Failed);
    return;
  }

  const text =
    existing === null ? newFixtureFile(fixtureAsOf, cases, population.label) : appendCases(existing, cases);
  if (text === null) {
    throw new UsageError(
      `cannot append to \`${displayPath(io, target)}\`: its \`cases\` is not a list of cases`,
    );
  }
  await writeOutputFile(io, target, text);
  const shown = displayPath(io, target);
  const lines = cases.map((c) => `  + ${formatValue(c.name)}: ${describeExpectation(c.expect)}`);
  io.stdout(`${existing === null ? "created" : "added to"} ${shown}:\n${lines.join("\n")}\n`);
  const check = runFixtures(ruleset, (await loadFixtureFiles([target], { cwd: io.cwd })).fixtures);
  io.stdout(`${shown}: ${summaryLine(check)}\n`);
  if (check.failed > 0 || check.problems > 0) setExitCode(ExitCode.Failed);
}

interface CaseSettings {
  name: string;
  keys: readonly ExpectKey[];
  redact: readonly string[];
  times: { populationAsOfMs: number; fixtureAsOfMs: number };
  populationAsOf: string;
}

/** The case for one population lead, or why it is refused. */
function makeCase(
  ruleset: Ruleset,
  entry: PopulationLead,
  settings: CaseSettings,
): { fixtureCase: NewCase } | { refused: string } {
  const score = (lead: Readonly<Record<string, unknown>>, events: readonly unknown[], asOf: number) =>
    ruleset.score(lead, events as readonly ScoringEvent[], { asOf });
  const inPopulation = score(entry.lead, entry.events, settings.times.populationAsOfMs);
  const moved = toFixtureLead(ruleset.artifact.schema, entry.lead, entry.events, settings.times);
  const asFixture = score(moved.lead, moved.events, settings.times.fixtureAsOfMs);
  const drift = resultDifferences(inPopulation, asFixture);
  if (drift.length > 0) {
    return {
      refused: `moved to the fixture file's as_of, the lead scores differently (${drift.join("; ")})`,
    };
  }
  let lead = moved.lead;
  if (settings.redact.length > 0) {
    const redacted = redactLead(lead, settings.redact);
    const differences = resultDifferences(
      asFixture,
      score(redacted, moved.events, settings.times.fixtureAsOfMs),
    );
    if (differences.length > 0) {
      const blamed = settings.redact.filter(
        (field) =>
          resultDifferences(
            asFixture,
            score(redactLead(lead, [field]), moved.events, settings.times.fixtureAsOfMs),
          ).length > 0,
      );
      const fields = (blamed.length > 0 ? blamed : settings.redact).map((f) => `\`${f}\``).join(", ");
      return {
        refused: `redacting ${fields} would change what the rules decide (${differences.join("; ")}); the rules read ${blamed.length === 1 ? "that field" : "those fields"}: leave ${blamed.length === 1 ? "it" : "them"} out of --redact`,
      };
    }
    lead = redacted;
  }
  return {
    fixtureCase: {
      name: settings.name,
      lead,
      events: moved.events,
      expect: expectationOf(asFixture, settings.keys),
    },
  };
}

/** `model enterprise, score 26.5, grade C3, bucket Nurture`: what the new case pins down. */
function describeExpectation(expect: Expectation): string {
  return EXPECT_KEYS.filter((key) => Object.hasOwn(expect, key))
    .map((key) => `${key} ${formatValue(expect[key], key)}`)
    .join(", ");
}

/** `examples/data/leads.csv record 88 (line 89)` → `examples/data/leads.csv`. */
function fileOf(source: string): string {
  return source.replace(/ record \d+ \(line \d+\)$/, "");
}

function expectationOf(result: ScoreResult, keys: readonly ExpectKey[]): Expectation {
  const expect: Expectation = {};
  for (const key of EXPECT_KEYS) if (keys.includes(key)) expect[key] = result[key];
  return expect;
}

function readExpectKeys(text: string | undefined): ExpectKey[] {
  if (text === undefined) return [...EXPECT_KEYS];
  const keys = text
    .split(",")
    .map((key) => key.trim())
    .filter((key) => key !== "");
  const unknown = keys.filter((key) => !(EXPECT_KEYS as readonly string[]).includes(key));
  if (unknown.length > 0 || keys.length === 0) {
    throw new UsageError(`--expect takes result keys among ${EXPECT_KEYS.join(", ")} (found \`${text}\`)`);
  }
  return keys as ExpectKey[];
}

function readRedact(text: string | undefined, schema: Parameters<typeof redactionProblem>[0]): string[] {
  if (text === undefined) return [];
  const fields = text
    .split(",")
    .map((f) => f.trim())
    .filter((f) => f !== "");
  for (const field of fields) {
    const problem = redactionProblem(schema, field);
    if (problem !== null) throw new UsageError(`--redact: ${problem}`);
  }
  return fields;
}

function readInstant(text: string): number {
  const ms = parseInstant(text);
  if (Number.isNaN(ms))
    throw new UsageError(`\`${text}\` is not an ISO-8601 time (for example 2026-11-01T00:00:00Z)`);
  return ms;
}

async function defaultTarget(
  io: CommandIO,
  config: Awaited<ReturnType<typeof projectConfig>>,
): Promise<string> {
  const found = await findFixtureFiles(io.cwd, [], await fixtureSearch(io, config));
  const [first] = found.files;
  if (first === undefined) throw new UsageError("no fixture file to add to: pass --to <file>.test.yaml");
  return first;
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new UsageError(
      `cannot read \`${file}\`: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}
