import type { Artifact } from "../compile/artifact.js";
import { ColumnMapper } from "../io/column-names.js";
import { MissingColumnsError } from "../eval/errors.js";
import type { BatchScorer } from "./score-file.js";
import type { ScoringEvent } from "../eval/event-index.js";
import type { Ruleset } from "../eval/ruleset.js";

/** A ruleset as a batch uses it: every lead scored as of the same instant. */
export function batchScorerFor(
  ruleset: Ruleset,
  asOfMs: number,
  columnNames: ReadonlyMap<string, string> = new Map(),
): BatchScorer {
  const options = { asOf: asOfMs };
  const fields = ruleset.artifact.schema.lead.map((field) => field.name);
  const columns = new ColumnMapper(fields, columnNames);
  const required = ruleset.artifact.schema.lead.filter((field) => !field.optional).map((field) => field.name);
  let headerChecked = false;
  return {
    coerceRow: (row) => {
      const mapped = columns.map(row);
      if (!headerChecked) {
        headerChecked = true;
        // A header without a required field would reject every row for the same reason: say it once.
        const missing = required.filter((name) => !Object.hasOwn(mapped, name));
        if (missing.length > 0) throw new MissingColumnsError(missing, Object.keys(row));
      }
      const coerced = ruleset.coerceLead(mapped);
      return { lead: coerced.record, issues: coerced.issues };
    },
    validate: (lead, events) => ruleset.validate(lead, events),
    // Validation has accepted the events by now, so each has a `type` and a readable `at`.
    score: (lead, events) => ruleset.score(lead, events as readonly ScoringEvent[], options),
  };
}

/** Bucket names in the order the rules declare them (global buckets, then each model's own). */
export function bucketOrderOf(artifact: Artifact): string[] {
  const names = [...artifact.buckets, ...artifact.models.flatMap((model) => model.buckets ?? [])].map(
    (b) => b.name,
  );
  return [...new Set(names)];
}

/** Exclusion reasons in declaration order. */
export function exclusionOrderOf(artifact: Artifact): string[] {
  return [...new Set(artifact.exclusions.map((exclusion) => exclusion.reason))];
}
