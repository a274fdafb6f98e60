import type { Artifact } from "../compile/artifact.js";
import type { RecordPosition } from "../io/read-item.js";
import { unscoredResult, type ScoreResult } from "../eval/result.js";
import type { SqlEngine } from "../sql/engines/engine.js";
import { scoreLoaded } from "../sql/score-loaded.js";
import type { LoadedLead } from "../sql/load.js";
import { OutcomeCounts } from "./outcomes.js";
import { scoreBatch, type BatchOptions, type BatchSummary } from "./score-file.js";
import type { LeadRecord } from "../io/lead-records.js";

export interface DatabaseBatchOptions extends Omit<BatchOptions, "outcome"> {
  engine: SqlEngine;
  artifact: Artifact;
  asOfMs: number;
}

/** What the JS batch is told a lead scored while the database has not scored it yet (never written). */
const PENDING: ScoreResult = Object.freeze(unscoredResult(null, null));

/**
 * Scores a file of leads inside a database (`score --engine duckdb`). The leads and events are read,
 * validated and rejected by the same code as the JS engine (scoreBatch with the same scorer), so the
 * rejects, their reasons and the counts are the same; the records it accepts are loaded into the
 * database and scored there by the generated SQL, and the results written in input order.
 */
export async function scoreBatchInDatabase(options: DatabaseBatchOptions): Promise<BatchSummary> {
  const accepted: LoadedLead[] = [];
  const positions: RecordPosition[] = [];
  const records: LeadRecord[] = [];
  const read = await scoreBatch({
    ...options,
    scorer: {
      ...options.scorer,
      score: (lead, events) => {
        accepted.push({ lead, events });
        return PENDING;
      },
    },
    onResult: (_pending, position, record) => {
      positions.push({ record: position.record, line: position.line });
      records.push(record);
    },
  });
  const results = await scoreLoaded(options.engine, options.artifact, accepted, options.asOfMs);
  const outcomes = new OutcomeCounts();
  for (let i = 0; i < results.length; i++) {
    outcomes.add(results[i]!);
    options.usage?.count(results[i]!);
    await options.onResult(results[i]!, positions[i]!, records[i]!);
  }
  return {
    ...read,
    outcomes: outcomes.summary(options.bucketOrder ?? [], options.exclusionOrder ?? []),
    // The tally saw every lead during the read, but the rules fired only now, in the database.
    ...(read.usage === undefined ? {} : { usage: options.usage!.summary() }),
  };
}
