import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Artifact } from "../../src/compile/artifact.js";
import { compileSources } from "../../src/compile/compile-ruleset.js";
import type { ScoringEvent } from "../../src/eval/event-index.js";
import { Ruleset } from "../../src/eval/ruleset.js";
import { createDecoder } from "../../src/sql/decode.js";
import type { SqlEngine } from "../../src/sql/engines/engine.js";
import { loadTables, type LoadedLead } from "../../src/sql/load.js";
import { RESULT_LINE_MACROS, resultLinesQuery } from "../../src/sql/result-lines.js";
import { engineQuery } from "../../src/sql/score-loaded.js";
import type { ScoreResult } from "../../src/eval/result.js";
import { engines, requirePostgresInCi } from "./support/databases.js";
import { AS_OF, lead, ruleset, withoutNul } from "./support/random-rules.js";

/**
 * Differential testing: random rulesets (every construct) over hostile populations; the JS engine, DuckDB
 * and PostgreSQL must give the same result, field by field, for every lead. Each population is loaded
 * once per database and scored by many rulesets (they share one schema), so the run stays short.
 * `npm run fuzz:sql` runs far more (LEADSCORE_FUZZ_POPULATIONS, LEADSCORE_FUZZ_SEED).
 */
const POPULATIONS = Number(process.env.LEADSCORE_FUZZ_POPULATIONS ?? 30);
const RULESETS_PER_POPULATION = 10;
const LEADS = 200;
const SEED = Number(process.env.LEADSCORE_FUZZ_SEED ?? 20261101);
/**
 * A population takes about a second on two cores with PostgreSQL; five each leaves room for a loaded
 * machine, so that a long `fuzz:sql` run (1,000 populations: ~18 minutes) is not cut off at ten.
 */
const TIME_LIMIT_MS = Math.max(600_000, POPULATIONS * 5_000);

requirePostgresInCi();

interface Trial {
  leads: LoadedLead[];
  rulesets: Array<{ text: string; artifact: Artifact }>;
}

/** Unique ids (events are filed by id), some with spaces around them; a lead without an id has no events. */
function population(seed: number): LoadedLead[] {
  const sampled = fc.sample(lead, { seed, numRuns: LEADS });
  return withoutNul(
    sampled.map(({ lead: fields, events }, i) => {
      const id = i % 50 === 49 ? null : i % 7 === 0 ? ` L${i} ` : `L${i}`;
      return { lead: { ...fields, id }, events: id === null ? [] : events };
    }),
  );
}

function trials(): Trial[] {
  const texts = fc.sample(ruleset(false), { seed: SEED, numRuns: POPULATIONS * RULESETS_PER_POPULATION });
  const compiled = texts.map((text) => ({ text, result: compileSources([{ path: "fuzz.score", text }]) }));
  const invalid = compiled.filter((entry) => entry.result.artifact === null);
  // The generator writes valid rules; a rejected one would silently shrink the test.
  expect(
    invalid.map((entry) => entry.result.diagnostics.map((d) => `${d.code} ${d.message}`))[0],
  ).toBeUndefined();
  return Array.from({ length: POPULATIONS }, (_, p) => ({
    leads: population(SEED + p + 1),
    rulesets: compiled
      .slice(p * RULESETS_PER_POPULATION, (p + 1) * RULESETS_PER_POPULATION)
      .map((entry) => ({ text: entry.text, artifact: entry.result.artifact! })),
  }));
}

describe("JS, DuckDB and PostgreSQL agree on random rulesets and hostile leads", () => {
  const named = engines();
  const sessions: SqlEngine[] = [];
  beforeAll(async () => {
    for (const engine of named) sessions.push(await engine.open());
    for (const session of sessions)
      if (session.dialect === "duckdb") for (const macro of RESULT_LINE_MACROS) await session.run(macro);
  });
  afterAll(async () => {
    for (const session of sessions) await session.close();
  });

  it(
    `${POPULATIONS * RULESETS_PER_POPULATION} rulesets × ${LEADS} leads on ${named.map((e) => e.name).join(", ")}: every field of every result`,
    async () => {
      let compared = 0;
      let linesWritten = 0;
      for (const trial of trials()) {
        await Promise.all(
          sessions.map((session) => loadTables(session, trial.rulesets[0]!.artifact, trial.leads)),
        );
        for (const { text, artifact } of trial.rulesets) {
          const ruleset = new Ruleset(artifact);
          const expected = trial.leads.map(({ lead: fields, events }) =>
            ruleset.score(fields, events as ScoringEvent[], { asOf: AS_OF }),
          );
          // The databases work at the same time: DuckDB in this process's threads, PostgreSQL in its own.
          // DuckDB's rows also carry the result lines SQL writes itself (result-lines.ts): each must be the
          // JS engine's NDJSON line, or NULL, and its tally must count what the JS engine's result holds.
          const answers = await Promise.all(
            sessions.map(async (session) => {
              const sql = engineQuery(artifact, session.dialect, AS_OF);
              if (session.dialect !== "duckdb") return session.query(sql);
              const columns = (await session.query(`DESCRIBE ${sql}`)).map((row) => String(row.column_name));
              const lines = resultLinesQuery(artifact, AS_OF, sql, columns);
              const rows = await session.query(lines.sql);
              rows.forEach((row, i) => {
                if (row.ls_line === null) return;
                linesWritten++;
                if (
                  row.ls_line !== JSON.stringify(expected[i]) ||
                  tallyCounts(String(row.ls_tally), lines.fired) !== tallyOf(expected[i]!, lines.fired)
                )
                  expect({
                    rules: text,
                    lead: trial.leads[i],
                    line: row.ls_line,
                    tally: tallyCounts(String(row.ls_tally), lines.fired),
                  }).toEqual({
                    rules: text,
                    lead: trial.leads[i],
                    line: JSON.stringify(expected[i]),
                    tally: tallyOf(expected[i]!, lines.fired),
                  });
              });
              return rows;
            }),
          );
          answers.forEach((rows, e) => {
            const actual = rows.map(createDecoder(artifact, AS_OF));
            const name = named[e]!.name;
            for (let i = 0; i < expected.length; i++) {
              if (JSON.stringify(actual[i]) !== JSON.stringify(expected[i])) {
                expect({ rules: text, lead: trial.leads[i], [name]: actual[i] }).toEqual({
                  rules: text,
                  lead: trial.leads[i],
                  [name]: expected[i],
                });
              }
              compared++;
            }
          });
        }
      }
      expect(compared).toBe(POPULATIONS * RULESETS_PER_POPULATION * LEADS * sessions.length);
      // Most lines are written by SQL (the rest, by JavaScript, are checked as results above).
      expect(linesWritten).toBeGreaterThan((POPULATIONS * RULESETS_PER_POPULATION * LEADS) / 2);
    },
    TIME_LIMIT_MS,
  );
});

/**
 * What the run's summary reads of a tally result-lines.ts writes (score-parquet-fast.ts `countTallies`):
 * how many times each contribution id fired, then the outcome. An id can have several digits — every
 * model has its own `clamp` digit — of which at most the lead's model's is set.
 */
function tallyCounts(tally: string, fired: readonly string[]): string {
  const counts = new Map<string, number>();
  fired.forEach((id, i) => {
    if (tally[i] === "1") counts.set(id, (counts.get(id) ?? 0) + 1);
  });
  return `${[...counts.entries()].sort().join(" ")} ${tally.slice(fired.length)}`;
}

/** The same for the JS engine's result: each of its contributions once, then its outcome. */
function tallyOf(result: ScoreResult, fired: readonly string[]): string {
  const ids = new Set(result.contributions.map((contribution) => contribution.id));
  const counts = [...new Set(fired)].filter((id) => ids.has(id)).map((id) => [id, 1] as const);
  const outcome =
    result.model === null
      ? "u"
      : result.excluded !== null
        ? `x${result.excluded}`
        : result.bucket === null
          ? "n"
          : `b${result.bucket}`;
  return `${counts.sort().join(" ")} ${outcome}`;
}
