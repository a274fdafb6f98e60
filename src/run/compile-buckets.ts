import type { Action, Bucket } from "../compile/artifact.js";
import type { ExprCompiler } from "./compile-expr.js";
import type { EvalContext } from "./eval-context.js";
import type { ResultAction } from "./result.js";
import { TRUE } from "./truth.js";

export interface CompiledBucket {
  name: string;
  /** Reads the final (rounded, clamped) score and the grade from the context. */
  matches: (ctx: EvalContext) => boolean;
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
  return buckets.map((bucket) => ({
    name: bucket.name,
    matches: compileBucketTest(bucket, expressions),
    actions: Object.freeze(bucket.actions.map(resultAction)),
  }));
}

function compileBucketTest(bucket: Bucket, expressions: ExprCompiler): (ctx: EvalContext) => boolean {
  const { test } = bucket;
  switch (test.kind) {
    case "otherwise":
      return () => true;
    case "when": {
      const condition = expressions.compile(test.expr);
      return (ctx) => condition(ctx) === TRUE;
    }
    case "threshold": {
      const value = test.value;
      switch (test.cmp) {
        case "=":
          return (ctx) => ctx.score === value;
        case "!=":
          return (ctx) => ctx.score !== value;
        case "<":
          return (ctx) => ctx.score < value;
        case "<=":
          return (ctx) => ctx.score <= value;
        case ">":
          return (ctx) => ctx.score > value;
        case ">=":
          return (ctx) => ctx.score >= value;
      }
    }
  }
}
