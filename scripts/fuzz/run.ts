import type { Ruleset } from "../../src/eval/ruleset.js";
import { Random } from "./random.js";
import { generateLeadFile, runRecordCase } from "./records.js";
import { damage, generateRuleset, runRulesetCase } from "./rulesets.js";

export interface FuzzOptions {
  cases: number;
  seed: number;
  /** The reference ruleset, for scoring lead files. */
  ruleset: Ruleset;
  /** Sizes: rulesets up to `maxRulesetBytes`, lead files up to `maxLeadBytes`. */
  maxRulesetBytes?: number;
  maxLeadBytes?: number;
  onProgress?: (line: string) => void;
}

/** Runs the cases; resolves to a summary, rejects with the failing case's seed and what broke. */
export async function runFuzz(options: FuzzOptions): Promise<string> {
  const maxRuleset = options.maxRulesetBytes ?? 1_000_000;
  const maxLeads = options.maxLeadBytes ?? 3_000_000;
  const started = Date.now();
  const stats = {
    rulesets: 0,
    compiled: 0,
    rulesetBytes: 0,
    files: 0,
    records: 0,
    leadBytes: 0,
    slowestMs: 0,
    largest: 0,
  };
  for (let i = 0; i < options.cases; i++) {
    const seed = options.seed * 1_000_003 + i;
    const random = new Random(seed);
    const caseStarted = Date.now();
    try {
      if (i % 2 === 0) {
        let text = generateRuleset(random, maxRuleset);
        if (random.chance(0.4)) text = damage(random, text);
        const outcome = runRulesetCase(text);
        stats.rulesets += 1;
        stats.compiled += outcome.compiled ? 1 : 0;
        stats.rulesetBytes += outcome.bytes;
        stats.largest = Math.max(stats.largest, outcome.bytes);
      } else {
        const file = generateLeadFile(random, maxLeads);
        const outcome = await runRecordCase(options.ruleset, file);
        stats.files += 1;
        stats.records += outcome.read;
        stats.leadBytes += outcome.bytes;
      }
    } catch (error) {
      throw new Error(`fuzz case ${i} (seed ${seed}) failed: ${(error as Error).stack ?? String(error)}`);
    }
    const took = Date.now() - caseStarted;
    stats.slowestMs = Math.max(stats.slowestMs, took);
    if (took > 60_000) throw new Error(`fuzz case ${i} (seed ${seed}) took ${took} ms: a hang`);
    if (options.onProgress && (i + 1) % 1000 === 0)
      options.onProgress(`${i + 1} cases, ${Math.round((Date.now() - started) / 1000)} s`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return [
    `${options.cases} cases (seed ${options.seed}) in ${seconds} s, no crash, hang or broken invariant`,
    `  rulesets: ${stats.rulesets} (${stats.compiled} compiled), ${(stats.rulesetBytes / 1e6).toFixed(1)} MB, largest ${(stats.largest / 1e6).toFixed(2)} MB`,
    `  lead files: ${stats.files}, ${stats.records} records, ${(stats.leadBytes / 1e6).toFixed(1)} MB`,
    `  slowest case: ${stats.slowestMs} ms`,
  ].join("\n");
}
