import { observeProbedValues } from "./probed-values.js";
import type { Artifact } from "../compile/artifact.js";
import { unscoredResult, type ScoreResult } from "../eval/result.js";
import type { InputOptions } from "../io/input-options.js";
import { readLeadRecords, type InputReport } from "../io/lead-records.js";
import { createDecoder } from "../sql/decode.js";
import type { SqlEngine } from "../sql/engines/engine.js";
import { appendLeads, createTables, type LoadedLead, type LoadTables } from "../sql/load.js";
import { RESULT_LINE_MACROS, resultLinesQuery } from "../sql/result-lines.js";
import { engineQuery } from "../sql/score-loaded.js";
import { OutcomeCounts } from "./outcomes.js";
import { eachDecoded, writeResultLines } from "./result-lines-table.js";
import {
  certainEvents,
  certainEventsInPlace,
  certainLeads,
  IN_EVENTS,
  IN_LEADS,
  LEAD_PATH,
  planParquetInput,
  sortParquetRecords,
  uncertainEventRows,
  uncertainLeadRows,
  type ParquetLayout,
} from "./parquet-certain.js";
import { parquetEvents, parquetLeads } from "./parquet-input.js";
import { idKeyOf, q } from "./parquet-row-checks.js";
import type { RuleUsageTally } from "./rule-usage.js";
import { scoreBatch, type BatchScorer, type BatchSummary, type RejectLine } from "./score-file.js";

/**
 * `score --engine duckdb` with Parquet leads (and Parquet events, or none): the fast path. DuckDB reads
 * the files itself and SQL sorts every record into one of two kinds (parquet-certain.ts):
 *   certain   every value is one the shared input layer certainly accepts and reads the same
 *             (parquet-row-checks.ts), its id is present and no other record has it, and all its events
 *             are certain too: loaded into the leads and events tables by SQL, never touching JavaScript;
 *   the rest  handed, with their events, to the JS input layer (scoreBatch with the JS preparer), which
 *             rejects them with their record numbers and reasons exactly as the JS engine does, or accepts
 *             them: those are appended to the same tables.
 * The generated SQL then scores both kinds in one query, in record order. What the summary counts over
 * all records (events attached and unmatched, events after the as-of time, the values the rules probe) is
 * counted by SQL over the same rows the JS engine would count, so summary, rejects and exit code are the
 * JS engine's.
 */

export interface ParquetFastOptions {
  engine: SqlEngine;
  artifact: Artifact;
  asOfMs: number;
  input: InputOptions;
  /** The files (absolute paths) and their names as the user wrote them. */
  leads: { file: string; source: string };
  events: { file: string; source: string } | null;
  /** The JS engine's scorer; only its `prepare` is used, for the records SQL cannot decide. */
  scorer: BatchScorer;
  inputReport: InputReport;
  asOf: string;
  bucketOrder: readonly string[];
  exclusionOrder: readonly string[];
  usage?: RuleUsageTally;
  onResult(result: ScoreResult): void | Promise<void>;
  /**
   * Given, results are written as NDJSON: every result's line (`JSON.stringify(result)` and a line break,
   * UTF-8) comes here, in runs of lines; `onResult` is not called.
   */
  onLines?(lines: Uint8Array): void | Promise<void>;
  onReject(reject: RejectLine): void | Promise<void>;
}

/**
 * The relations the generated SQL reads: `leads`, and `events` (a view: the certain leads' events where
 * they lie, and those the JS input layer accepted, kept in JS_EVENTS).
 */
const EVENTS = "events";
const JS_EVENTS = "ls_js_events";

/** The JS engine's summary counts events dated before this as probably read in the wrong unit. */
const YEAR_2000 = Date.UTC(2000, 0, 1);
const UNMATCHED_EXAMPLES = 5;

/**
 * A runnable fast path, or null when the files' columns are of kinds it does not read (an id that is
 * a double, events without `lead_id`/`type`/`at` columns…): then the caller takes the general path,
 * which reads every record through the JS input layer. Nothing is emitted before `run`.
 */
export async function parquetFastPath(
  options: Omit<ParquetFastOptions, "onResult" | "onReject" | "onLines">,
): Promise<{
  run(handlers: Pick<ParquetFastOptions, "onResult" | "onReject" | "onLines">): Promise<FastRun>;
} | null> {
  if (options.engine.streamChunks === undefined) return null;
  const layout = await planParquetInput(options.engine, options.artifact, options.input, options);
  if (layout === null) return null;
  return {
    run: (handlers) => runFastPath({ ...options, ...handlers }, layout),
  };
}

/** The run's summary, and how many records SQL took without the JS input layer. */
export interface FastRun {
  summary: BatchSummary;
  certain: number;
}

async function runFastPath(options: ParquetFastOptions, layout: ParquetLayout): Promise<FastRun> {
  const { engine, artifact, input } = options;
  const schema = artifact.schema;

  // 1.-3. Every record sorted into certain or not (parquet-certain.ts).
  await sortParquetRecords(engine, artifact, input, options, layout);

  // 4. The records SQL cannot decide go through the JS input layer, exactly as the general path reads them:
  // unfiled events (their rejects come first, as the JS engine reads events first), then the leads.
  const eventsIndex =
    options.events === null
      ? null
      : await parquetEvents(
          engine,
          options.events.file,
          options.events.source,
          ({ record, line, reason, raw }) =>
            options.onReject({ record, line, source: options.events!.source, reason, raw }),
          uncertainEventRows,
        );
  const accepted: Array<LoadedLead & { row: number }> = [];
  let sub: BatchSummary;
  try {
    sub = await scoreBatch({
      scorer: {
        prepare: options.scorer.prepare,
        score: (lead, events) => {
          accepted.push({ lead, events, row: 0 });
          return PENDING;
        },
      },
      leads: readLeadRecords(
        {
          open: () => {
            throw new Error("internal: Parquet leads are read by DuckDB");
          },
          name: options.leads.source,
          format: "csv",
          table: await parquetLeads(engine, options.leads.file, options.leads.source, uncertainLeadRows),
        },
        schema,
        input,
        options.inputReport,
      ),
      inputReport: options.inputReport,
      leadsSource: options.leads.source,
      events: options.events === null ? null : { source: options.events.source, index: eventsIndex! },
      asOf: options.asOf,
      onResult: (_pending, position) => {
        accepted[accepted.length - 1]!.row = position.record;
      },
      onReject: options.onReject,
    });
  } finally {
    eventsIndex?.byLead.dispose();
  }

  // 5. The relations the generated SQL reads: the certain leads copied by SQL into the leads table (a
  // million rows, cheap), the accepted others appended with their events; the certain leads' events are
  // read where they lie, with the appended ones (certainEventsInPlace).
  const tables = await createTables(
    engine,
    artifact,
    { leads: "leads", events: JS_EVENTS },
    { eventOrder: true },
  );
  // Positions are 0-based, record numbers (the leads' `__row`, as appended below) 1-based.
  await engine.run(
    `INSERT INTO ${q("leads")} SELECT pos + 1, * EXCLUDE (pos) FROM (${certainLeads(artifact)})`,
  );
  await appendLeads(engine, tables, accepted);
  await engine.run(
    `CREATE OR REPLACE TEMP VIEW ${q(EVENTS)} AS ` +
      (layout.eventColumns === null
        ? `SELECT * FROM ${q(JS_EVENTS)}`
        : `${certainEventsInPlace(artifact)} UNION ALL SELECT * FROM ${q(JS_EVENTS)}`),
  );

  // 6. Scored in one query, in record order. For NDJSON results, SQL writes each result's line where it
  // can prove it is the JS engine's (result-lines.ts) and tallies what the summary counts of it; the
  // lines are handed on as the bytes DuckDB made (result-lines-table.ts). Otherwise every row is decoded
  // into the JS engine's result.
  const relations = { leads: "leads", events: EVENTS };
  const sql = engineQuery(artifact, "duckdb", options.asOfMs, relations);
  const outcomes = new OutcomeCounts();
  const columns = (await engine.query(`DESCRIBE ${sql}`)).map((row) => String(row.column_name));
  let scored = 0;
  if (options.onLines !== undefined) {
    const lines = resultLinesQuery(artifact, options.asOfMs, sql, columns);
    for (const macro of RESULT_LINE_MACROS) await engine.run(macro);
    const written = await writeResultLines(
      engine,
      artifact,
      options.asOfMs,
      lines,
      relations,
      options.onLines,
      { outcomes, usage: options.usage },
    );
    scored = written.scored;
    countTallies(written.tallies, lines.fired, outcomes, options.usage);
  } else {
    const decode = createDecoder(artifact, options.asOfMs);
    await eachDecoded(engine, sql, columns, decode, { outcomes, usage: options.usage }, (result) => {
      scored += 1;
      return options.onResult(result);
    });
  }

  // 7. The summary, counted over all records as the JS engine counts it.
  // The events of the leads scored: the certain leads' (by key) and those appended with the others.
  const scoredEvents =
    layout.eventColumns === null
      ? `SELECT ${q("at")} FROM ${q(JS_EVENTS)}`
      : `SELECT ${q("at")} FROM (${certainEvents()}) UNION ALL SELECT ${q("at")} FROM ${q(JS_EVENTS)}`;
  const [counts] = await engine.query(
    `SELECT (SELECT COUNT(*) FROM ${IN_LEADS}) AS n_read, (SELECT COUNT(*) FROM ${LEAD_PATH} WHERE fast) AS n_certain, ` +
      `COUNT(*) FILTER (WHERE EPOCH_MS(${q("at")}) > ${options.asOfMs}) AS n_after, ` +
      `COUNT(*) FILTER (WHERE EPOCH_MS(${q("at")}) <= ${options.asOfMs} AND EPOCH_MS(${q("at")}) < ${YEAR_2000}) AS n_before ` +
      `FROM (${scoredEvents})`,
  );
  const read = Number(counts!.n_read);
  const certain = Number(counts!.n_certain);
  if (options.usage !== undefined && scored > 0) {
    await observeProbedValues(engine, [options.usage], probedRelations(tables));
  }
  const summary: BatchSummary = {
    asOf: options.asOf,
    leads: {
      source: options.leads.source,
      read,
      scored,
      rejected: sub.leads.rejected,
      ...(scored === 0 && sub.leads.firstRejectReason !== undefined
        ? { firstRejectReason: sub.leads.firstRejectReason }
        : {}),
    },
    outcomes: outcomes.summary(options.bucketOrder, options.exclusionOrder),
    events: options.events === null ? null : await eventsSummary(engine, options),
    input: {
      ...options.inputReport,
      eventsAfterAsOf: Number(counts!.n_after),
      eventsBefore2000: Number(counts!.n_before),
    },
    ...(options.usage === undefined || scored === 0 ? {} : { usage: options.usage.summary() }),
  };
  return { summary, certain };
}

/**
 * The summary's counts of the results SQL wrote (result-lines.ts `tally`): each distinct tally with how
 * many results had it, so JavaScript handles a few dozen keys rather than every result.
 */
function countTallies(
  tallies: ReadonlyMap<string, number>,
  fired: readonly string[],
  outcomes: OutcomeCounts,
  usage: RuleUsageTally | undefined,
): void {
  for (const [tally, times] of tallies) {
    fired.forEach((id, i) => {
      if (tally[i] === "1") usage?.noteFired(id);
    });
    const kind = tally[fired.length];
    const name = tally.slice(fired.length + 1);
    // Any model name stands for "scored": OutcomeCounts tells only whether there is one.
    outcomes.add(
      {
        model: kind === "u" ? null : "",
        excluded: kind === "x" ? name : null,
        bucket: kind === "b" ? name : null,
      },
      times,
    );
  }
}

/** What the JS batch is told a lead scored while the database has not scored it yet (never written). */
const PENDING: ScoreResult = Object.freeze(unscoredResult(null, null));

/**
 * The events summary (score-file.ts `summarizeEvents`): events filed under an id a lead took (a record
 * with that id that was not rejected as a duplicate), the others unmatched, the first few unmatched ids
 * in the order the file first mentions them.
 */
async function eventsSummary(
  engine: SqlEngine,
  options: ParquetFastOptions,
): Promise<NonNullable<BatchSummary["events"]>> {
  const keep = options.input.onDuplicate === "reject" ? "HAVING COUNT(*) = 1" : "";
  const taken = `SELECT key FROM ${IN_LEADS} WHERE key IS NOT NULL GROUP BY key ${keep}`;
  const [totals] = await engine.query(
    `SELECT COUNT(*) AS read, COUNT(*) FILTER (WHERE key IS NULL) AS rejected, ` +
      `COUNT(*) FILTER (WHERE key IN (${taken})) AS attached FROM ${IN_EVENTS}`,
  );
  const unmatched = await engine.query(
    `SELECT key, COUNT(*) AS n, MIN(pos) AS first FROM ${IN_EVENTS} ` +
      `WHERE key IS NOT NULL AND key NOT IN (${taken}) GROUP BY key ORDER BY first`,
  );
  return {
    source: options.events!.source,
    read: Number(totals!.read),
    rejected: Number(totals!.rejected),
    attached: Number(totals!.attached),
    unmatched: unmatched.reduce((sum, row) => sum + Number(row.n), 0),
    unmatchedLeads: unmatched.length,
    unmatchedExamples: unmatched.slice(0, UNMATCHED_EXAMPLES).map((row) => String(row.key)),
  };
}

/** The probed values of the scored tables, each lead's events in their order (see observeProbedValues). */
function probedRelations(tables: LoadTables) {
  return {
    leadColumns: new Set(["id", ...tables.leadFields.map((field) => field.name)]),
    eventColumns: new Set(tables.properties.map((property) => property.name)),
    leads: (field: string) => `SELECT ${q(field)} AS v, __row AS r1, 0 AS r2 FROM ${q("leads")}`,
    events: (field: string) =>
      `SELECT e.${q(field)} AS v, l.__row AS r1, e.__seq AS r2 FROM ${q("events")} e ` +
      `JOIN ${q("leads")} l ON e.lead_id = ${idKeyOf("l.id")}`,
  };
}
