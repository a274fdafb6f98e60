/**
 * A 2,000-case slice of `npm run fuzz` (scripts/fuzz.ts) at smaller sizes, so that every CI run tries
 * fresh adversarial rulesets and lead files; the full run (100,000 cases at realistic sizes) is recorded
 * in BENCHMARKS.md. A failure names the seed and case that reproduce it: `npm run fuzz -- --seed S --case I`.
 *
 * Its budget is a number of cases, not of seconds: about 30 s of CPU on a quiet machine, but a loaded one
 * (CI neighbours, a full local run beside other work) may take several times that, hence the generous
 * timeout. A case that truly hangs still fails it.
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
}, 900_000);
