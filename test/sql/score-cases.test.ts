import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileSources } from "../../src/compile/compile-ruleset.js";
import type { ScoringEvent } from "../../src/eval/event-index.js";
import { parseInstant } from "../../src/eval/instant.js";
import type { ScoreResult } from "../../src/eval/result.js";
import { Ruleset } from "../../src/eval/ruleset.js";
import type { SqlEngine } from "../../src/sql/engines/engine.js";
import { scoreLoaded } from "../../src/sql/score-loaded.js";
import { loadCases } from "../support/case-files.js";
import { engines, requirePostgresInCi } from "./support/databases.js";

/**
 * The scoring contract: data-only cases (test/cases/score/*.yaml: rules, leads, events, the expected
 * results) run on every engine. Each case's expectations must hold on the JS engine, and every engine's
 * result must equal the JS engine's, every field of it.
 */
interface ScoreCase {
  description: string;
  rules: string;
  as_of: string;
  leads: Array<{
    lead: Record<string, unknown>;
    events?: Array<Record<string, unknown>>;
    expect: Partial<ScoreResult>;
  }>;
}

requirePostgresInCi();
const cases = loadCases<ScoreCase>("score");
const named = engines();

describe.each(cases)("score case $name", ({ data }) => {
  const compiled = compileSources([{ path: "case.score", text: data.rules }]);
  const asOf = parseInstant(data.as_of);
  const sessions: SqlEngine[] = [];
  beforeAll(async () => {
    for (const engine of named) sessions.push(await engine.open());
  });
  afterAll(async () => {
    for (const session of sessions) await session.close();
  });

  it("compiles", () => {
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  const expected = () => {
    const ruleset = new Ruleset(compiled.artifact!);
    return data.leads.map(({ lead, events }) =>
      ruleset.score(lead, (events ?? []) as ScoringEvent[], { asOf }),
    );
  };

  it(`js: ${data.description}`, () => {
    const results = expected();
    data.leads.forEach(({ expect: wanted }, i) => {
      const shown = Object.fromEntries(
        Object.keys(wanted).map((key) => [key, results[i]![key as keyof ScoreResult]]),
      );
      expect({ id: results[i]!.id, ...shown }).toEqual({ id: results[i]!.id, ...wanted });
    });
  });

  it.each(named.map((engine, index) => ({ name: engine.name, index })))(
    "$name gives the JS engine's results",
    async ({ index }) => {
      const actual = await scoreLoaded(
        sessions[index]!,
        compiled.artifact!,
        data.leads.map(({ lead, events }) => ({ lead, events: events ?? [] })),
        asOf,
      );
      expect(actual).toEqual(expected());
    },
  );
});
