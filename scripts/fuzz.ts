/**
 * `npm run fuzz [-- --cases N --seed S]`: the grammar-aware ruleset fuzzer and the record-level lead-file
 * fuzzer, alternating, at realistic sizes (rulesets up to 1 MB, lead files up to 3 MB). Any crash, hang
 * (no case may take more than a minute) or broken invariant stops the run with the seed that reproduces it.
 * CI runs a 2,000-case slice (test/fuzz/slice.test.ts); BENCHMARKS.md records a full run.
 */
import { compileDirectory } from "../src/compile/compile-ruleset.js";
import { createRuleset } from "../src/eval/ruleset.js";
import { runFuzz } from "./fuzz/run.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
};

const compiled = await compileDirectory("rules");
if (compiled.artifact === null) throw new Error("the reference rules do not compile");
const report = await runFuzz({
  cases: option("cases", 100_000),
  seed: option("seed", 1),
  ruleset: createRuleset(compiled.artifact),
  onProgress: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`${report}\n`);
