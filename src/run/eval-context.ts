import type { NormalValue } from "./normalize.js";

/**
 * What compiled conditions read while one lead is scored. One context object per compiled ruleset is
 * reused for every lead (scoring is synchronous), so evaluating a condition never allocates.
 */
export interface EvalContext {
  /** The lead's fields that conditions read, normalised once per lead, by slot (see ExprCompiler). */
  lead: Array<NormalValue | undefined>;
  /** The event a `where` condition is testing, and its time in epoch ms. */
  event: Readonly<Record<string, unknown>> | undefined;
  eventAt: number;
  /** Scoring results, for bucket conditions; NaN / undefined until known. */
  fit: number;
  engagement: number;
  score: number;
  /** Lowercased, like every compared text. */
  grade: string | undefined;
}

export function createEvalContext(leadSlots: number): EvalContext {
  return {
    lead: new Array<NormalValue | undefined>(leadSlots).fill(undefined),
    event: undefined,
    eventAt: NaN,
    fit: NaN,
    engagement: NaN,
    score: NaN,
    grade: undefined,
  };
}
