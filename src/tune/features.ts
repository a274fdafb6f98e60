import type { Artifact, Rule } from "../compile/artifact.js";
import type { ScoreResult } from "../eval/result.js";
import type { SparseRow } from "./logistic.js";

/**
 * A lead as the fit sees it: for each rule that fired, its contribution in units of its own points
 * (`add 5 each` for 3 events gives 3; decayed by half, 1.5; capped by `max 10`, 2). Scaling a rule's
 * points (and its `max` alike) scales its contribution exactly, so weights fitted on units are points.
 */
export interface TuningLead extends SparseRow {
  /** The lead's score under the current rules. */
  score: number;
}

export class FeatureCollector {
  readonly rules: Rule[];
  readonly leads: TuningLead[] = [];
  readonly #indexOf = new Map<string, number>();

  constructor(artifact: Artifact) {
    this.rules = artifact.models.flatMap((model) => model.rules);
    for (const [index, rule] of this.rules.entries()) this.#indexOf.set(rule.id, index);
  }

  add(result: ScoreResult, converted: boolean): void {
    // Excluded leads are routed nowhere whatever they score: their points decide nothing, so they teach nothing.
    if (result.model === null || result.score === null || result.excluded !== null) return;
    const indexes: number[] = [];
    const values: number[] = [];
    for (const contribution of result.contributions) {
      const index = this.#indexOf.get(contribution.id);
      if (index === undefined) continue; // the clamp
      const points = this.rules[index]!.points;
      if (points === 0 || contribution.points === 0) continue;
      indexes.push(index);
      values.push(contribution.points / points);
    }
    this.leads.push({ indexes, values, converted, score: result.score });
  }
}
