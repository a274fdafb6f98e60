import type { Artifact } from "../compile/artifact.js";
import type { InputOptions } from "../io/input-options.js";
import { LeadPreparer } from "../io/prepare-lead.js";
import type { BatchScorer } from "./score-file.js";
import type { ScoringEvent } from "../eval/event-index.js";
import type { Ruleset } from "../eval/ruleset.js";
import { everyBucket } from "../compile/every-bucket.js";

/** A ruleset as a batch uses it: records prepared by the one input layer, every lead scored as of one instant. */
export function batchScorerFor(ruleset: Ruleset, asOfMs: number, input: InputOptions): BatchScorer {
  const preparer = new LeadPreparer(ruleset.artifact.schema, input);
  return {
    // The records and events a batch scores are the readers' own (read-item.ts), parsed for it.
    prepare: (record, events) => preparer.prepare(record.fields, events, record.fromText, true),
    // Validation has accepted the events by now, so each has a `type` and a readable `at`, read already.
    score: (lead, events, _record, times) =>
      ruleset.score(lead, events as readonly ScoringEvent[], { asOf: asOfMs, eventTimes: times }),
  };
}

/** Bucket names in the order the rules declare them (global buckets, then each model's own). */
export function bucketOrderOf(artifact: Artifact): string[] {
  const names = everyBucket(artifact).map((b) => b.name);
  return [...new Set(names)];
}

/** Exclusion reasons in declaration order. */
export function exclusionOrderOf(artifact: Artifact): string[] {
  return [...new Set(artifact.exclusions.map((exclusion) => exclusion.reason))];
}
