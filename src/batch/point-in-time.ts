import type { ScoringEvent } from "../eval/event-index.js";
import { toInstant } from "../eval/instant.js";
import type { Ruleset } from "../eval/ruleset.js";
import { batchScorerFor } from "./scorer.js";
import type { BatchScorer } from "./score-file.js";
import type { InputOptions } from "../io/input-options.js";
import type { LeadRecord } from "../io/lead-records.js";

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
  input: InputOptions,
): BatchScorer {
  const base = batchScorerFor(ruleset, 0, input);
  // The time is a lead field (after mapping), or else a column of the file as it is named there.
  const timeValueOf = (record: LeadRecord): unknown =>
    Object.hasOwn(record.fields, field) ? record.fields[field] : record.raw[field];
  const instantOf = (record: LeadRecord): number => toInstant(timeValueOf(record));
  return {
    prepare(record, events) {
      const prepared = base.prepare(record, events);
      const value = timeValueOf(record);
      if (value === undefined || value === null || value === "")
        return {
          ...prepared,
          issues: [
            ...prepared.issues,
            { path: field, reason: "missing: the lead is scored as of this time" },
          ],
        };
      if (Number.isNaN(instantOf(record)))
        return {
          ...prepared,
          issues: [
            ...prepared.issues,
            { path: field, reason: `\`${String(value)}\` is not an ISO-8601 time` },
          ],
        };
      return prepared;
    },
    score: (lead, events, record, times) =>
      ruleset.score(lead, events as readonly ScoringEvent[], {
        asOf: instantOf(record) + offsetMs,
        eventTimes: times,
      }),
  };
}
