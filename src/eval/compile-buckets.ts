import type { Action, Bucket, Expr } from "../compile/artifact.js";
import { exprRefs } from "../compile/expr-refs.js";
import type { ExprCompiler } from "./compile-expr.js";
import type { Grade } from "./compile-grades.js";
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
  /** A `when` condition on the grade alone, decided in advance for every grade (see `tabulateByGrade`). */
  BY_GRADE,
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
  /** The same condition when it reads nothing but the grade (else null), for `tabulateByGrade`. */
  gradeOnly: Expr | null;
  /** By-grade buckets: whether the condition holds, by grade index (and, last, for no grade). */
  byGrade: Uint8Array;
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
      gradeOnly: decides.kind === "when" && readsOnlyGrade(decides.expr) ? decides.expr : null,
      byGrade: NO_TABLE,
      actions: Object.freeze(bucket.actions.map(resultAction)),
    };
  });
}

const NO_TABLE = new Uint8Array(0);

function readsOnlyGrade(expr: Expr): boolean {
  return exprRefs(expr).every((ref) => ref.scope === "result" && ref.name === "grade");
}

/**
 * Decides in advance the `when` conditions that read nothing but the grade (`bucket SQL when grade in
 * [A1, A2, B1]`): a ruleset has a handful of grades, so each such condition becomes a table by grade
 * index, and trying the bucket is one read. `gradeSlot` is where conditions read the grade.
 */
export function tabulateByGrade(
  buckets: readonly CompiledBucket[],
  grades: readonly Grade[],
  expressions: ExprCompiler,
  gradeSlot: number,
): void {
  for (const bucket of buckets) {
    if (bucket.gradeOnly === null || gradeSlot < 0 || bucket.kind === BucketKind.BY_GRADE) continue;
    const condition = expressions.condition(bucket.gradeOnly);
    const values = new Array<NormalValue | undefined>(expressions.slotCount).fill(undefined);
    const byGrade = new Uint8Array(grades.length + 1);
    for (let index = 0; index <= grades.length; index++) {
      values[gradeSlot] = index < grades.length ? grades[index]!.lower : undefined;
      byGrade[index] = test(condition, values) === Truth.TRUE ? 1 : 0;
    }
    bucket.kind = BucketKind.BY_GRADE;
    bucket.byGrade = byGrade;
  }
}

/**
 * Whether the lead falls in this bucket, given its final (rounded, clamped) score, the result slots and
 * its grade index (CompiledGrades.indexOf; the number of grades when it has none).
 */
export function bucketMatches(
  bucket: CompiledBucket,
  values: ReadonlyArray<NormalValue | undefined>,
  score: number,
  gradeIndex: number,
): boolean {
  switch (bucket.kind) {
    case BucketKind.BY_GRADE:
      return bucket.byGrade[gradeIndex] === 1;
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
