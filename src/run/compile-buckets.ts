import type { Action, Bucket } from "../compile/artifact.js";
import type { ExprCompiler } from "./compile-expr.js";
import { test, type Condition } from "./condition.js";
import type { NormalValue } from "./normalize.js";
import type { ResultAction } from "./result.js";
import { Truth } from "./truth.js";

/**
 * How a bucket decides: `otherwise`, a `when` condition, or a comparison of the score with a threshold.
 * A `const enum` so that the switch in `bucketMatches` has constant cases (see condition.ts).
 */
const enum BucketKind {
  OTHERWISE,
  WHEN,
  SCORE_EQ,
  SCORE_NE,
  SCORE_LT,
  SCORE_LE,
  SCORE_GT,
  SCORE_GE,
}

const SCORE_TESTS = {
  "=": BucketKind.SCORE_EQ,
  "!=": BucketKind.SCORE_NE,
  "<": BucketKind.SCORE_LT,
  "<=": BucketKind.SCORE_LE,
  ">": BucketKind.SCORE_GT,
  ">=": BucketKind.SCORE_GE,
} as const;

/**
 * A bucket as data, tested by `bucketMatches` without a call per bucket (most buckets compare the score
 * with a threshold, which is cheaper than calling anything).
 */
export interface CompiledBucket {
  name: string;
  kind: BucketKind;
  /** Threshold buckets: the value the score is compared with. */
  threshold: number;
  /** `when` buckets: the condition, which reads the results (score, fit, engagement, grade) from slots. */
  condition: Condition | null;
  /** Shared by every result in this bucket, so frozen. */
  actions: readonly ResultAction[];
}

/** An action as results show it: `within` and `say` only when written. */
export function resultAction(action: Action): ResultAction {
  if ("route" in action) {
    const shown: { route: string; within?: string; say?: string } = { route: action.route };
    if (action.within !== null) shown.within = action.within;
    if (action.say !== null) shown.say = action.say;
    return Object.freeze(shown);
  }
  if ("nurture" in action) return Object.freeze({ nurture: action.nurture });
  return Object.freeze({ disqualify: true as const });
}

export function compileBuckets(buckets: readonly Bucket[], expressions: ExprCompiler): CompiledBucket[] {
  return buckets.map((bucket) => {
    const { test: decides } = bucket;
    return {
      name: bucket.name,
      kind:
        decides.kind === "otherwise"
          ? BucketKind.OTHERWISE
          : decides.kind === "when"
            ? BucketKind.WHEN
            : SCORE_TESTS[decides.cmp],
      threshold: decides.kind === "threshold" ? decides.value : 0,
      condition: decides.kind === "when" ? expressions.condition(decides.expr) : null,
      actions: Object.freeze(bucket.actions.map(resultAction)),
    };
  });
}

/** Whether the lead falls in this bucket, given its final (rounded, clamped) score and the result slots. */
export function bucketMatches(
  bucket: CompiledBucket,
  values: ReadonlyArray<NormalValue | undefined>,
  score: number,
): boolean {
  switch (bucket.kind) {
    case BucketKind.OTHERWISE:
      return true;
    case BucketKind.WHEN:
      return test(bucket.condition!, values) === Truth.TRUE;
    case BucketKind.SCORE_EQ:
      return score === bucket.threshold;
    case BucketKind.SCORE_NE:
      return score !== bucket.threshold;
    case BucketKind.SCORE_LT:
      return score < bucket.threshold;
    case BucketKind.SCORE_LE:
      return score <= bucket.threshold;
    case BucketKind.SCORE_GT:
      return score > bucket.threshold;
    default:
      return score >= bucket.threshold;
  }
}
