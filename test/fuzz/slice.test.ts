/**
 * A 2,000-case slice of `npm run fuzz` (scripts/fuzz.ts) at smaller sizes, so that every CI run tries
 * fresh adversarial rulesets and lead files; the full run (100,000 cases at realistic sizes) is recorded
 * in BENCHMARKS.md. A failure names the seed that reproduces it: `npm run fuzz -- --seed S --cases N`.
 */
import { expect, test } from "vitest";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import { createRuleset } from "../../src/eval/ruleset.js";
import { runFuzz } from "../../scripts/fuzz/run.js";
import { RULES_DIR } from "../support/paths.js";

test("fuzz slice: 2,000 rulesets and lead files without a crash, hang or broken invariant", async () => {
  const compiled = await compileDirectory(RULES_DIR);
  const report = await runFuzz({
    cases: 2000,
    seed: 20261204,
    ruleset: createRuleset(compiled.artifact!),
    maxRulesetBytes: 4_000,
    maxLeadBytes: 8_000,
  });
  expect(report).toMatch(/^2000 cases \(seed 20261204\) in [\d.]+ s, no crash, hang or broken invariant/);
}, 120_000);
