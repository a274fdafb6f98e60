import type { Artifact, SourceLocation } from "../compile/artifact.js";
import type { ScoreResult } from "../run/result.js";

/**
 * Fixture coverage: how much of the ruleset the fixture cases exercise.
 *
 *   - a rule is covered when a contribution with its id appears in at least one case's result;
 *   - a bucket is covered, per model, when at least one case is scored by that model and lands in it.
 *     A model can reach its own buckets, or the global buckets when it has none of its own; a global
 *     bucket is therefore counted once for every model that uses it.
 *
 *   coverage = (rules fired + buckets reached) / (rules + buckets reachable), over every model.
 *
 * All counts are integers; the percentage is shown truncated (never rounded up) and minimums are compared
 * exactly, so a ruleset at 79.99% never passes `--min-coverage 80`.
 */

export interface CoveredRule {
  id: string;
  section: "fit" | "engagement";
  text: string;
  loc: SourceLocation;
  fired: boolean;
}

export interface CoveredBucket {
  name: string;
  text: string;
  loc: SourceLocation;
  /** Whether the bucket is one of the global ones (used by a model without buckets of its own). */
  global: boolean;
  reached: boolean;
}

export interface ModelCoverage {
  model: string;
  rules: CoveredRule[];
  buckets: CoveredBucket[];
  rulesFired: number;
  bucketsReached: number;
}

export interface Coverage {
  models: ModelCoverage[];
  rules: number;
  rulesFired: number;
  buckets: number;
  bucketsReached: number;
  /** rulesFired + bucketsReached */
  covered: number;
  /** rules + buckets */
  total: number;
}

export function computeCoverage(artifact: Artifact, results: readonly ScoreResult[]): Coverage {
  const firedRules = new Set<string>();
  const reachedBuckets = new Set<string>();
  for (const result of results) {
    for (const contribution of result.contributions) firedRules.add(contribution.id);
    if (result.model !== null && result.bucket !== null)
      reachedBuckets.add(bucketKey(result.model, result.bucket));
  }
  const models = artifact.models.map((model): ModelCoverage => {
    const rules = model.rules.map((rule) => ({
      id: rule.id,
      section: rule.section,
      text: rule.text,
      loc: rule.loc,
      fired: firedRules.has(rule.id),
    }));
    const global = model.buckets === null;
    const buckets = (model.buckets ?? artifact.buckets).map((bucket) => ({
      name: bucket.name,
      text: bucket.text,
      loc: bucket.loc,
      global,
      reached: reachedBuckets.has(bucketKey(model.name, bucket.name)),
    }));
    return {
      model: model.name,
      rules,
      buckets,
      rulesFired: rules.filter((rule) => rule.fired).length,
      bucketsReached: buckets.filter((bucket) => bucket.reached).length,
    };
  });
  const sum = (pick: (model: ModelCoverage) => number) => models.reduce((n, model) => n + pick(model), 0);
  const rules = sum((model) => model.rules.length);
  const rulesFired = sum((model) => model.rulesFired);
  const buckets = sum((model) => model.buckets.length);
  const bucketsReached = sum((model) => model.bucketsReached);
  return {
    models,
    rules,
    rulesFired,
    buckets,
    bucketsReached,
    covered: rulesFired + bucketsReached,
    total: rules + buckets,
  };
}

function bucketKey(model: string, bucket: string): string {
  return `${model}\u0000${bucket}`;
}

/** Hundredths of a percent, truncated: 52 of 65 → 8000, 2 of 3 → 6666. Nothing to cover is 100%. */
export function coverageHundredths(coverage: Pick<Coverage, "covered" | "total">): number {
  if (coverage.total === 0) return 10_000;
  return Number((BigInt(coverage.covered) * 10_000n) / BigInt(coverage.total));
}

/** `76.92%`: truncated to 2 decimals, so 79.999…% shows as 79.99%, never as 80.00%. */
export function formatCoverage(coverage: Pick<Coverage, "covered" | "total">): string {
  const hundredths = coverageHundredths(coverage);
  return `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}%`;
}

/** A minimum percentage as an exact fraction: `79.99` → 7999/100. */
export interface Percentage {
  numerator: bigint;
  denominator: bigint;
  text: string;
}

/** Reads a percentage from 0 to 100 written in decimal (`80`, `79.99`, `100.0`); null for anything else. */
export function parsePercentage(text: string): Percentage | null {
  const match = /^(\d{1,3})(?:\.(\d{1,6}))?%?$/.exec(text.trim());
  if (!match) return null;
  const decimals = match[2] ?? "";
  const numerator = BigInt(`${match[1]}${decimals}`);
  const denominator = 10n ** BigInt(decimals.length);
  if (numerator > 100n * denominator) return null;
  return { numerator, denominator, text: text.trim().replace(/%$/, "") };
}

/** covered / total ≥ minimum / 100, in integers: covered·100·den ≥ num·total. */
export function meetsMinimum(coverage: Pick<Coverage, "covered" | "total">, minimum: Percentage): boolean {
  if (coverage.total === 0) return true;
  return BigInt(coverage.covered) * 100n * minimum.denominator >= minimum.numerator * BigInt(coverage.total);
}
