import { expect, test } from "vitest";
import { bundleRuntime } from "./bundle-runtime.js";

/*
 * `leadscore/runtime` is for services, browsers and edge workers that only score: its import graph must
 * not pull in the compiler's front end, the CLI or the tooling, nor any Node built-in.
 */
const FORBIDDEN = [
  // syntax/iso-8601.ts, durations.ts and literals.ts are the one ISO-8601, duration and string-literal
  // readers (and string printer), shared with scoring and artifact loading: no parser comes with them.
  /^src\/(syntax\/(?!(iso-8601|durations|literals)\.ts$)|(check|cli|diff|fixtures|git|project|init|batch)\/)/,
  /^src\/compile\/(compile-ruleset|read-rules|build-artifact|stages|lower-expression|hash)\.ts$/,
  /^src\/io\/(read-|write-|csv-scan)/,
  /node_modules\/(chevrotain|@chevrotain|lodash-es|yaml|diff|commander)\//,
];

test("the runtime bundle has no parser, CLI, YAML or diff code", async () => {
  const { metafile } = await bundleRuntime();
  const inputs = Object.keys(metafile.inputs);
  expect(inputs).toContain("src/eval/evaluator.ts");
  expect(inputs.filter((input) => FORBIDDEN.some((pattern) => pattern.test(input)))).toEqual([]);
});

test("the runtime bundle uses no Node built-in", async () => {
  const { nodeBuiltins } = await bundleRuntime();
  expect(nodeBuiltins).toEqual([]);
});
