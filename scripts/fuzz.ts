/**
 * `npm run fuzz [-- --cases N --seed S --workers W --case I --from I]`: the grammar-aware ruleset fuzzer and the
 * record-level lead-file fuzzer, alternating, at realistic sizes (rulesets up to 1 MB, lead files up to
 * 3 MB), in W worker threads (default: one per core) that share the cases out by index, so a run gives the
 * same cases whatever W is. Any crash or broken invariant stops the run with the seed and case index that
 * reproduce it (`--case I` runs that case alone; `--from I` resumes a run at case I, skipping the cases
 * before it, which are the same cases whatever ran them); so does a hang: a case still running after
 * `--case-limit` seconds (default 300, wall-clock, generous because this runs beside other work).
 * CI runs a 2,000-case slice (test/fuzz/slice.test.ts); BENCHMARKS.md records a full run.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { describeFuzzRun, FULL_SIZES, mergeStats, NO_CASES, type FuzzStats } from "./fuzz/run.js";
import type { WorkerInput, WorkerMessage } from "./fuzz/worker.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} needs a whole number`);
  return value;
};

const seed = option("seed", 1);
const only = option("case", -1);
const cases = only >= 0 ? only + 1 : option("cases", 100_000);
const first = only >= 0 ? only : option("from", 0);
const workers = Math.max(1, Math.min(option("workers", availableParallelism()), cases - first));
const caseLimitMs = option("case-limit", 300) * 1000;
const started = Date.now();
/** A worker thread does not inherit tsx's loader: it registers it, then loads the TypeScript worker. */
const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL("./fuzz/worker.ts", import.meta.url).href)}); })`;

/** What each worker is doing: the case it started last, and when. */
const current = new Map<Worker, { index: number; seed: number; since: number }>();
let stats: FuzzStats = NO_CASES;
let done = 0;
let lastProgress = 0;

function stop(message: string): never {
  process.stderr.write(`${message}\n`);
  for (const worker of current.keys()) void worker.terminate();
  process.exit(1);
}

const finished = Array.from({ length: workers }, (_, index) => {
  const input: WorkerInput = {
    rulesDir: "rules",
    cases,
    seed,
    first,
    shard: { index, count: workers },
    ...FULL_SIZES,
  };
  const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: input });
  return new Promise<void>((resolve) => {
    worker.on("message", (message: WorkerMessage) => {
      if (message.kind === "case") {
        if (current.has(worker)) done += 1;
        current.set(worker, { index: message.index, seed: message.seed, since: Date.now() });
        if (done - lastProgress >= 1000) {
          lastProgress = done;
          process.stderr.write(`${done} cases, ${Math.round((Date.now() - started) / 1000)} s\n`);
        }
      } else if (message.kind === "done") {
        stats = mergeStats(stats, message.stats);
        current.delete(worker);
        resolve();
      } else stop(message.message);
    });
    worker.on("error", (error) => stop(`a fuzz worker failed: ${error.stack ?? error.message}`));
  });
});

const watchdog = setInterval(() => {
  for (const { index, seed: caseSeed, since } of current.values()) {
    const running = Date.now() - since;
    if (running > caseLimitMs)
      stop(
        `fuzz case ${index} (seed ${seed}, case seed ${caseSeed}) still running after ${running} ms: a hang`,
      );
  }
}, 1000);
await Promise.all(finished);
clearInterval(watchdog);
process.stdout.write(
  `${describeFuzzRun(seed, stats, (Date.now() - started) / 1000)} with ${workers} workers\n`,
);
