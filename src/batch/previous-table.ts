import type { Artifact } from "../compile/artifact.js";
import type { ResultAction, ScoreResult } from "../eval/result.js";
import type { ReadItem } from "../io/read-item.js";
import { bucketActions } from "../sql/decode.js";
import type { SqlEngine } from "../sql/engines/engine.js";
import { hasGoneAt, previousTableStatements } from "../sql/previous-table.js";
import { readPreviousRecords, type PreviousReject } from "./previous.js";
import { TransitionTracker } from "./transitions.js";

/**
 * Transitions on PostgreSQL (`score --engine postgres --previous-table <table>`): the database stages
 * today's results and hands over only the candidates — new, gone, or with another model, exclusion,
 * bucket or actions than the previous table's row — and the same TransitionTracker as `score --previous`
 * decides each one; the leads it does not hand over are unchanged by construction. A results table holds
 * no contributions, so `because` is null and no lead is marked `rulesChanged` — the same as a previous
 * CSV file gives (see README, "Running every day").
 */
export async function trackTableTransitions(options: {
  session: SqlEngine;
  artifact: Artifact;
  asOfMs: number;
  /** The previous table as the user named it. */
  previous: string;
  /** Leads staged today (one row per id). */
  scored: number;
  /** Ids that two or more leads share today: such leads are not scored, as a rejected record is not. */
  sharedIds: readonly string[];
  keepRecords: boolean;
  onReject(reject: PreviousReject): void | Promise<void>;
}): Promise<TransitionTracker> {
  const { session, artifact } = options;
  const goneAt = (await session.query(hasGoneAt(options.previous)))[0]!.has === true;
  const statements = previousTableStatements(options.previous, goneAt);
  const read = Number((await session.query(statements.count))[0]!.read);
  const badRows = await session.query(statements.rejects);
  for (const [index, row] of badRows.entries()) {
    const { rows, ...raw } = row;
    await options.onReject({
      record: index + 1,
      line: index + 1,
      reason:
        raw.id === null || raw.id === undefined
          ? "a result needs an `id`"
          : `lead \`${String(raw.id)}\` has ${String(rows)} rows in the previous table; none is used`,
      raw,
    });
  }
  const candidates = await session.query(statements.candidates);
  const previous = await readPreviousRecords(previousRows(candidates), "table", artifact, options.onReject);
  // Every row of the table was read: the rejected ones, the candidates, and the unchanged rest.
  previous.read = read;
  previous.rejected += badRows.length;
  previous.unlisted = read - previous.rejected - previous.byId.size;
  const tracker = new TransitionTracker({
    previous,
    source: options.previous,
    artifact,
    asOfMs: options.asOfMs,
    threshold: null,
    keepRecords: options.keepRecords,
  });
  const actions = bucketActions(artifact);
  let observed = 0;
  for (const row of candidates) {
    if (row.id === null || row.id === undefined) continue;
    tracker.observe(todayResult(row, actions));
    observed += 1;
  }
  tracker.unchangedLeads(options.scored - observed);
  for (const id of options.sharedIds) tracker.rejectedToday(id);
  tracker.finish();
  return tracker;
}

/** The previous side of the candidates, as result objects for the one reader of previous results. */
async function* previousRows(
  rows: ReadonlyArray<Record<string, unknown>>,
): AsyncGenerator<ReadItem<Record<string, unknown>>> {
  let record = 0;
  for (const row of rows) {
    if (row.previous_id === null || row.previous_id === undefined) continue;
    record += 1;
    let actions: unknown = row.previous_actions;
    try {
      actions = typeof actions === "string" ? JSON.parse(actions) : actions;
    } catch {
      // Not JSON: left as text, which the reader rejects as not a list of actions.
    }
    yield {
      kind: "record",
      record,
      line: record,
      value: {
        id: row.previous_id,
        model: row.previous_model,
        score: numberOrText(row.previous_score),
        bucket: row.previous_bucket,
        excluded: row.previous_excluded,
        actions,
      },
    };
  }
}

/** PostgreSQL gives DOUBLE PRECISION as a number, NUMERIC as its digits. */
function numberOrText(value: unknown): unknown {
  return typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))
    ? Number(value)
    : value;
}

/**
 * Today's staged row as the tracker reads a result: its outcome, score and actions (the rules' own, in
 * their order, not the JSONB's). Contributions are not needed: with no previous ones, no cause is told.
 */
function todayResult(
  row: Record<string, unknown>,
  actions: ReadonlyMap<string, readonly ResultAction[]>,
): ScoreResult {
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  const model = text(row.model);
  const bucket = text(row.bucket);
  return {
    id: text(row.id),
    model,
    fit: null,
    engagement: null,
    score: row.score === null || row.score === undefined ? null : Number(row.score),
    grade: null,
    bucket,
    excluded: text(row.excluded),
    actions: model === null || bucket === null ? [] : (actions.get(`${model}\u0000${bucket}`) ?? []),
    contributions: [],
  };
}
