import type { ScoringEvent } from "../eval/event-index.js";
import { toInstant } from "../eval/instant.js";
import type { Ruleset } from "../eval/ruleset.js";
import { batchScorerFor } from "./scorer.js";
import type { BatchScorer } from "./score-file.js";

/**
 * Scores each lead as of its own time: the value of `field` in the record (its creation time, say) plus
 * `offsetMs`. Measured against outcomes, this keeps what happened later — the sales call, the events
 * after it — out of the score, as it was out of reach when the lead had to be routed. A record whose
 * field is missing or not a time is rejected with that reason.
 */
export function pointInTimeScorer(
  ruleset: Ruleset,
  field: string,
  offsetMs: number,
  columnNames: ReadonlyMap<string, string> = new Map(),
): BatchScorer {
  const base = batchScorerFor(ruleset, 0, columnNames);
  const instantOf = (record: Readonly<Record<string, unknown>>): number => toInstant(record[field]);
  return {
    coerceRow: base.coerceRow,
    validate(lead, events, record) {
      const issues = base.validate(lead, events, record);
      const value = record[field];
      if (value === undefined || value === null || value === "")
        return [...issues, { path: field, reason: "missing: the lead is scored as of this time" }];
      if (Number.isNaN(instantOf(record)))
        return [...issues, { path: field, reason: `\`${String(value)}\` is not an ISO-8601 time` }];
      return issues;
    },
    score: (lead, events, record) =>
      ruleset.score(lead, events as readonly ScoringEvent[], { asOf: instantOf(record) + offsetMs }),
  };
}
