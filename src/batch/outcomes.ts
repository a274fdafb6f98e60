import type { ScoreResult } from "../eval/result.js";

/** The outcome counts of a batch summary (BatchSummary["outcomes"]); they add up to the leads scored. */
export interface OutcomeSummary {
  buckets: Record<string, number>;
  /** Scored and not excluded, but no bucket matched. */
  noBucket: number;
  /** No model took the lead (a ruleset without a default model). */
  unscored: number;
  excluded: Record<string, number>;
}

/** What happened to the scored leads, as the summary counts it: by bucket, exclusion, no bucket, unscored. */
export class OutcomeCounts {
  private readonly buckets = new Map<string, number>();
  private readonly excluded = new Map<string, number>();
  private noBucket = 0;
  private unscored = 0;

  /** Counts a result (`times` results with the same outcome). */
  add(result: Pick<ScoreResult, "model" | "excluded" | "bucket">, times = 1): void {
    if (result.model === null) this.unscored += times;
    else if (result.excluded !== null) increment(this.excluded, result.excluded, times);
    else if (result.bucket === null) this.noBucket += times;
    else increment(this.buckets, result.bucket, times);
  }

  summary(bucketOrder: readonly string[], exclusionOrder: readonly string[]): OutcomeSummary {
    return {
      buckets: ordered(this.buckets, bucketOrder),
      noBucket: this.noBucket,
      unscored: this.unscored,
      excluded: ordered(this.excluded, exclusionOrder),
    };
  }
}

/** Adds `times` (one lead, or a group of leads with the same result) to the count under `key`. */
export function increment(counts: Map<string, number>, key: string, times = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + times);
}

/** Counts keyed in declared order first, then any other names alphabetically: stable across runs. */
function ordered(counts: ReadonlyMap<string, number>, order: readonly string[]): Record<string, number> {
  const declared = order.filter((name, index) => counts.has(name) && order.indexOf(name) === index);
  const others = [...counts.keys()].filter((name) => !order.includes(name)).sort();
  return Object.fromEntries([...declared, ...others].map((name) => [name, counts.get(name) ?? 0]));
}
