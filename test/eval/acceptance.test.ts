import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import { Ruleset } from "../../src/eval/ruleset.js";
import type { ScoringEvent } from "../../src/eval/event-index.js";
import { RULES_DIR } from "../support/paths.js";

/**
 * The reference ruleset and its hand-computed fixtures: every case must be reproduced exactly. Only the
 * keys under `expect` are compared; `actions` in full.
 */
interface FixtureCase {
  name: string;
  lead: Record<string, unknown>;
  events: ScoringEvent[];
  expect: Record<string, unknown>;
}

const fixture = parse(readFileSync(path.join(RULES_DIR, "tests/acme.test.yaml"), "utf8")) as {
  as_of: string;
  cases: FixtureCase[];
};

let ruleset: Ruleset;

beforeAll(async () => {
  const compiled = await compileDirectory(RULES_DIR, { displayPrefix: "rules" });
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  ruleset = new Ruleset(compiled.artifact!);
});

describe("reference fixtures (rules/tests/acme.test.yaml)", () => {
  test("there are cases to check", () => {
    expect(fixture.cases.length).toBe(11);
  });

  test.each(fixture.cases.map((c) => [c.name, c] as const))("%s", (_name, fixtureCase) => {
    expect(ruleset.validate(fixtureCase.lead, fixtureCase.events)).toEqual([]);
    const result = ruleset.score(fixtureCase.lead, fixtureCase.events, { asOf: fixture.as_of });
    const checked = Object.fromEntries(
      Object.keys(fixtureCase.expect).map((key) => [
        key,
        (result as unknown as Record<string, unknown>)[key],
      ]),
    );
    expect(checked).toEqual(fixtureCase.expect);
    // The explanation adds up: contributions sum to the score.
    const sum = result.contributions.reduce((total, c) => total + c.points, 0);
    expect(Math.round(sum * 100) / 100).toBe(result.score);
  });

  test("scoring is deterministic to the byte", () => {
    const once = fixture.cases.map((c) =>
      JSON.stringify(ruleset.score(c.lead, c.events, { asOf: fixture.as_of })),
    );
    const twice = fixture.cases.map((c) =>
      JSON.stringify(ruleset.score(c.lead, c.events, { asOf: fixture.as_of })),
    );
    expect(twice).toEqual(once);
  });
});
