/**
 * Two scores per lead (the same leads ranked by two rulesets) with the lead's outcome, kept as counts of
 * leads per (score under A, score under B) and outcome. Everything a paired comparison of the two
 * rankings needs — each side's AUC, and DeLong's covariance of the two — is computed from these counts,
 * so memory grows with the number of distinct score pairs (bounded by the scores rules can give, at two
 * decimals), never with the number of leads: a population can stream through one lead at a time.
 */
import type { ScoreGroup } from "./score-groups.js";

/** Leads of one outcome class: score under A → score under B → leads. */
type PairCounts = Map<number, Map<number, number>>;

export interface ScorePair {
  a: number;
  b: number;
  leads: number;
}

export class PairedScoreCounts {
  readonly #converted: PairCounts = new Map();
  readonly #notConverted: PairCounts = new Map();
  #convertedLeads = 0;
  #notConvertedLeads = 0;

  /** `times` leads of this outcome scored `a` under A and `b` under B. */
  add(a: number, b: number, converted: boolean, times = 1): void {
    const counts = converted ? this.#converted : this.#notConverted;
    let row = counts.get(a);
    if (row === undefined) {
      row = new Map();
      counts.set(a, row);
    }
    row.set(b, (row.get(b) ?? 0) + times);
    if (converted) this.#convertedLeads += times;
    else this.#notConvertedLeads += times;
  }

  get converted(): number {
    return this.#convertedLeads;
  }

  get notConverted(): number {
    return this.#notConvertedLeads;
  }

  /** The leads of one class by score pair (in the order first seen: callers only sum over them). */
  *pairs(converted: boolean): Iterable<ScorePair> {
    for (const [a, row] of converted ? this.#converted : this.#notConverted) {
      for (const [b, leads] of row) yield { a, b, leads };
    }
  }

  /** One side's ranking as score groups, highest score first (what AUC, ROC and KS are computed from). */
  groups(side: "a" | "b"): ScoreGroup[] {
    const groups = new Map<number, ScoreGroup>();
    for (const converted of [true, false]) {
      for (const pair of this.pairs(converted)) {
        const score = side === "a" ? pair.a : pair.b;
        let group = groups.get(score);
        if (group === undefined) {
          group = { score, converted: 0, notConverted: 0 };
          groups.set(score, group);
        }
        if (converted) group.converted += pair.leads;
        else group.notConverted += pair.leads;
      }
    }
    return [...groups.values()].sort((x, y) => y.score - x.score);
  }
}
