/**
 * One worker thread of `npm run fuzz`: runs its shard of the cases and tells the main thread which case
 * it is on (so a hang is named even though the case never returns), then what its cases covered.
 */
import { parentPort, workerData } from "node:worker_threads";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import { createRuleset } from "../../src/eval/ruleset.js";
import { runFuzzCases, type FuzzStats } from "./run.js";

export interface WorkerInput {
  rulesDir: string;
  cases: number;
  seed: number;
  first: number;
  shard: { index: number; count: number };
  maxRulesetBytes: number;
  maxLeadBytes: number;
}

export type WorkerMessage =
  | { kind: "case"; index: number; seed: number }
  | { kind: "done"; stats: FuzzStats }
  | { kind: "failed"; message: string };

const input = workerData as WorkerInput;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
try {
  const compiled = await compileDirectory(input.rulesDir);
  if (compiled.artifact === null) throw new Error("the reference rules do not compile");
  const stats = await runFuzzCases({
    ...input,
    ruleset: createRuleset(compiled.artifact),
    onCase: (index, seed) => post({ kind: "case", index, seed }),
  });
  post({ kind: "done", stats });
} catch (error) {
  post({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
}
