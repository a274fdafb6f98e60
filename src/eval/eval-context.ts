import type { NormalValue } from "./normalize.js";

/**
 * What compiled conditions read while one lead is scored: one array of normalised values, by slot. A slot
 * holds a lead field (filled once per lead), an event property (filled before a `where` tests an event)
 * or a scoring result (filled before buckets are tried); see ExprCompiler. Conditions therefore read
 * every value the same way, with no lookup by name. One context per compiled ruleset is reused for every
 * lead (scoring is synchronous), so evaluating a condition never allocates.
 */
export interface EvalContext {
  values: Array<NormalValue | undefined>;
}

export function createEvalContext(slots: number): EvalContext {
  return { values: new Array<NormalValue | undefined>(slots).fill(undefined) };
}
