import { areaUnderCurve } from "../report/auc.js";
import { groupByScore } from "../report/score-groups.js";
import type { TuningLead } from "./features.js";
import { fitLogistic } from "./logistic.js";
import { linearScore, pointsFromWeights } from "./points.js";

export interface CrossValidation {
  folds: number;
  /** Mean over the folds of the held-out AUC of the current scores. */
  before: number | null;
  /** Mean over the folds of the held-out AUC of points fitted on the other folds. */
  after: number | null;
  /** Per fold, for the record. */
  perFold: Array<{ leads: number; before: number | null; after: number | null }>;
}

/**
 * k-fold cross-validation: lead i is in fold i mod k (input order, so the same file always gives the same
 * folds). Each fold is scored with points fitted on the other k − 1 folds, whole points as they would be
 * written; its AUC is compared with the AUC of the current scores on the same fold.
 */
export function crossValidate(
  leads: readonly TuningLead[],
  features: number,
  folds: number,
  lambda: number,
): CrossValidation {
  const perFold: CrossValidation["perFold"] = [];
  for (let fold = 0; fold < folds; fold++) {
    const train = leads.filter((_, i) => i % folds !== fold);
    const test = leads.filter((_, i) => i % folds === fold);
    const points = pointsFromWeights(fitLogistic(train, features, lambda), train);
    const outcomes = test.map((lead) => (lead.converted ? 1 : 0));
    perFold.push({
      leads: test.length,
      before: areaUnderCurve(
        groupByScore(
          test.map((lead) => lead.score),
          outcomes,
        ),
      ),
      after: areaUnderCurve(
        groupByScore(
          test.map((lead) => linearScore(points, lead)),
          outcomes,
        ),
      ),
    });
  }
  const mean = (key: "before" | "after"): number | null => {
    const values = perFold.map((fold) => fold[key]);
    return values.some((value) => value === null)
      ? null
      : values.reduce((sum: number, value) => sum + value!, 0) / values.length;
  };
  return { folds, before: mean("before"), after: mean("after"), perFold };
}
