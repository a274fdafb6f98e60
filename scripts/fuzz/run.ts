import type { Ruleset } from "../../src/eval/ruleset.js";
import { Random } from "./random.js";
import { generateLeadFile, runRecordCase } from "./records.js";
import { damage, generateRuleset, runRulesetCase } from "./rulesets.js";

/** Full size: rulesets up to 1 MB, lead files up to 3 MB. */
export const FULL_SIZES = { maxRulesetBytes: 1_000_000, maxLeadBytes: 3_000_000 } as const;

export interface FuzzOptions {
  cases: number;
  seed: number;
  /** The reference ruleset, for scoring lead files. */
  ruleset: Ruleset;
  /** Sizes: rulesets up to `maxRulesetBytes`, lead files up to `maxLeadBytes`. */
  maxRulesetBytes?: number;
  maxLeadBytes?: number;
  /**
   * Runs only the cases whose index is `index` modulo `count`: the shards of one run, one per worker
   * thread, together run exactly the cases (and seeds) that one sequential run would.
   */
  shard?: { index: number; count: number };
  /** The index of the first case to run (default 0): `first` = `cases` − 1 replays one case. */
  first?: number;
  /** Called as each case starts (a watchdog outside the thread can then name a case that hangs). */
  onCase?: (index: number, seed: number) => void;
}

export interface FuzzStats {
  cases: number;
  rulesets: number;
  compiled: number;
  rulesetBytes: number;
  largestRuleset: number;
  files: number;
  records: number;
  leadBytes: number;
  slowestMs: number;
  /** The index of the slowest case, to replay it (`npm run fuzz -- --seed S --case I`). */
  slowestCase: number;
}

export const NO_CASES: FuzzStats = {
  cases: 0,
  rulesets: 0,
  compiled: 0,
  rulesetBytes: 0,
  largestRuleset: 0,
  files: 0,
  records: 0,
  leadBytes: 0,
  slowestMs: 0,
  slowestCase: -1,
};

/** The seed of case `index` of a run: any case is reproduced from the run's seed and its index alone. */
export function caseSeed(runSeed: number, index: number): number {
  return runSeed * 1_000_003 + index;
}

/** Runs one case (its kind follows from its index); throws with a description when an invariant breaks. */
export async function runCase(
  index: number,
  seed: number,
  ruleset: Ruleset,
  sizes: { maxRulesetBytes: number; maxLeadBytes: number },
  stats: FuzzStats,
): Promise<void> {
  const random = new Random(seed);
  if (index % 2 === 0) {
    let text = generateRuleset(random, sizes.maxRulesetBytes);
    if (random.chance(0.4)) text = damage(random, text);
    const outcome = runRulesetCase(text);
    stats.rulesets += 1;
    stats.compiled += outcome.compiled ? 1 : 0;
    stats.rulesetBytes += outcome.bytes;
    stats.largestRuleset = Math.max(stats.largestRuleset, outcome.bytes);
  } else {
    const file = generateLeadFile(random, sizes.maxLeadBytes);
    const outcome = await runRecordCase(ruleset, file);
    stats.files += 1;
    stats.records += outcome.read;
    stats.leadBytes += outcome.bytes;
  }
}

/** Runs the cases (of one shard); resolves to what they covered, rejects with the failing case's seed. */
export async function runFuzzCases(options: FuzzOptions): Promise<FuzzStats> {
  const sizes = {
    maxRulesetBytes: options.maxRulesetBytes ?? FULL_SIZES.maxRulesetBytes,
    maxLeadBytes: options.maxLeadBytes ?? FULL_SIZES.maxLeadBytes,
  };
  const { index: shard, count: shards } = options.shard ?? { index: 0, count: 1 };
  const stats = { ...NO_CASES };
  for (let i = options.first ?? 0; i < options.cases; i++) {
    if (i % shards !== shard) continue;
    const seed = caseSeed(options.seed, i);
    options.onCase?.(i, seed);
    const started = performance.now();
    try {
      await runCase(i, seed, options.ruleset, sizes, stats);
    } catch (error) {
      throw new Error(`fuzz case ${i} (seed ${options.seed}, case seed ${seed}) failed: ${describe(error)}`);
    }
    stats.cases += 1;
    const took = Math.round(performance.now() - started);
    if (took > stats.slowestMs) {
      stats.slowestMs = took;
      stats.slowestCase = i;
    }
  }
  return stats;
}

export function mergeStats(a: FuzzStats, b: FuzzStats): FuzzStats {
  const slower = b.slowestMs > a.slowestMs ? b : a;
  return {
    cases: a.cases + b.cases,
    rulesets: a.rulesets + b.rulesets,
    compiled: a.compiled + b.compiled,
    rulesetBytes: a.rulesetBytes + b.rulesetBytes,
    largestRuleset: Math.max(a.largestRuleset, b.largestRuleset),
    files: a.files + b.files,
    records: a.records + b.records,
    leadBytes: a.leadBytes + b.leadBytes,
    slowestMs: slower.slowestMs,
    slowestCase: slower.slowestCase,
  };
}

export function describeFuzzRun(seed: number, stats: FuzzStats, seconds: number): string {
  return [
    `${stats.cases} cases (seed ${seed}) in ${seconds.toFixed(1)} s, no crash, hang or broken invariant`,
    `  rulesets: ${stats.rulesets} (${stats.compiled} compiled), ${(stats.rulesetBytes / 1e6).toFixed(1)} MB, largest ${(stats.largestRuleset / 1e6).toFixed(2)} MB`,
    `  lead files: ${stats.files}, ${stats.records} records, ${(stats.leadBytes / 1e6).toFixed(1)} MB`,
    `  slowest case: ${stats.slowestMs} ms (case ${stats.slowestCase})`,
  ].join("\n");
}

/** Every case in this thread, one after the other (the CI slice); resolves to the summary. */
export async function runFuzz(options: FuzzOptions): Promise<string> {
  const started = performance.now();
  const stats = await runFuzzCases(options);
  return describeFuzzRun(options.seed, stats, (performance.now() - started) / 1000);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
