import type { Artifact } from "../compile/artifact.js";
import { foldCase } from "../eval/normalize.js";
import { unscoredResult, type ScoreResult } from "../eval/result.js";
import { planColumns } from "../io/column-plan.js";
import type { InputOptions } from "../io/input-options.js";
import { readLeadRecords, type InputReport } from "../io/lead-records.js";
import { createDecoder } from "../sql/decode.js";
import type { SqlEngine } from "../sql/engines/engine.js";
import { appendLeads, createTables, type LoadedLead, type LoadTables } from "../sql/load.js";
import { eventProperties } from "../sql/relations.js";
import { engineQuery } from "../sql/score-loaded.js";
import { OutcomeCounts } from "./outcomes.js";
import {
  parquetColumns,
  parquetEvents,
  parquetLeads,
  parquetRelation,
  type ParquetColumn,
} from "./parquet-input.js";
import {
  eventTypeKey,
  eventValueCheck,
  idKey,
  leadValueCheck,
  q,
  t,
  textOf,
  trimJs,
} from "./parquet-row-checks.js";
import type { RuleUsageTally } from "./rule-usage.js";
import { scoreBatch, type BatchScorer, type BatchSummary, type RejectLine } from "./score-file.js";

/**
 * `score --engine duckdb` with Parquet leads (and Parquet events, or none): the fast path. DuckDB reads
 * the files itself and SQL sorts every record into one of two kinds:
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
  onReject(reject: RejectLine): void | Promise<void>;
}

/** The JS engine's summary counts events dated before this as probably read in the wrong unit. */
const YEAR_2000 = Date.UTC(2000, 0, 1);
const UNMATCHED_EXAMPLES = 5;
/** As rule-usage.ts: distinct values kept per probed field, for suggestions. */
const OBSERVED_LIMIT = 2000;

/** Scratch tables of this path; `leads` and `events` are the tables the generated SQL reads. */
const IN_LEADS = "ls_in_leads";
const IN_EVENTS = "ls_in_events";
const LEAD_PATH = "ls_lead_path";

/**
 * A runnable fast path, or null when the files' columns are of kinds it does not read (an id that is
 * a double, events without `lead_id`/`type`/`at` columns…): then the caller takes the general path,
 * which reads every record through the JS input layer. Nothing is emitted before `run`.
 */
export async function parquetFastPath(options: Omit<ParquetFastOptions, "onResult" | "onReject">): Promise<{
  run(handlers: Pick<ParquetFastOptions, "onResult" | "onReject">): Promise<FastRun>;
} | null> {
  const { engine, artifact, input } = options;
  const schema = artifact.schema;
  const idField = schema.lead.find((field) => field.name === "id");
  if (idField === undefined || idField.type !== "string" || engine.stream === undefined) return null;

  const leadColumns = await parquetColumns(engine, options.leads.file, options.leads.source);
  // The same plan (and the same errors about the header) the input layer makes of the columns.
  const plan = planColumns(
    leadColumns.map((column) => column.name),
    schema.lead,
    input,
    options.leads.source,
  );
  const columnOf = new Map<string, ParquetColumn>();
  plan.targets.forEach((field, index) => {
    if (field !== null) columnOf.set(field, leadColumns[index]!);
  });
  const idColumn = columnOf.get("id");
  const leadKey = idColumn === undefined ? null : idKey(idColumn);
  if (leadKey === null) return null;

  let eventColumns: Map<string, ParquetColumn> | null = null;
  if (options.events !== null) {
    const columns = await parquetColumns(engine, options.events.file, options.events.source);
    eventColumns = new Map(columns.map((column) => [column.name, column]));
    const leadId = eventColumns.get("lead_id");
    if (leadId === undefined || idKey(leadId) === null) return null;
    if (eventColumns.get("type")?.kind !== "text" || !eventColumns.has("at")) return null;
    if (eventColumns.size !== columns.length) return null;
    const folded = schema.events.map((event) => foldCase(event.name));
    if (new Set(folded).size !== folded.length) return null;
    if (!propertyTypesAgree(artifact)) return null;
  }

  return {
    run: (handlers) =>
      runFastPath({ ...options, ...handlers }, { columnOf, leadKey, leadColumns, eventColumns }),
  };
}

/** The run's summary, and how many records SQL took without the JS input layer. */
export interface FastRun {
  summary: BatchSummary;
  certain: number;
}

interface Layout {
  columnOf: ReadonlyMap<string, ParquetColumn>;
  leadKey: string;
  leadColumns: readonly ParquetColumn[];
  eventColumns: ReadonlyMap<string, ParquetColumn> | null;
}

/** A property name declared with two types (by two event types) is read by the general path. */
function propertyTypesAgree(artifact: Artifact): boolean {
  const types = new Map<string, string>();
  for (const event of artifact.schema.events)
    for (const property of event.properties) {
      const seen = types.get(property.name);
      if (seen !== undefined && seen !== property.type) return false;
      types.set(property.name, property.type);
    }
  return true;
}

async function runFastPath(options: ParquetFastOptions, layout: Layout): Promise<FastRun> {
  const { engine, artifact, input } = options;
  const schema = artifact.schema;
  const leadFields = schema.lead.filter((field) => field.name !== "id");

  // 1. Every lead record with its id key, whether it is certain, and its values as scoring reads them.
  const leadChecks = schema.lead.map((field) => ({
    field,
    check: leadValueCheck(field, layout.columnOf.get(field.name), input),
  }));
  const idColumn = layout.columnOf.get("id")!;
  await engine.run(
    `CREATE OR REPLACE TEMP TABLE ${IN_LEADS} AS SELECT file_row_number AS pos, ${layout.leadKey} AS key, ` +
      `(${leadChecks.map(({ check }) => check.ok).join(" AND ")}) AS ok, ` +
      `${textOf(idColumn)} AS ${q("v_id")}` +
      leadFields
        .map(
          (field) => `, ${leadChecks.find((c) => c.field === field)!.check.value} AS ${q(`v_${field.name}`)}`,
        )
        .join("") +
      ` FROM ${parquetRelation(options.leads.file, true)}`,
  );

  // 2. Every event with its lead key, whether it is certain, and its values.
  const properties = eventProperties(artifact).filter((p) => !["lead_id", "type", "at"].includes(p.name));
  if (layout.eventColumns !== null) {
    const columns = layout.eventColumns;
    const epoch = input.epoch;
    const at = eventValueCheck({ name: "at", type: "date", optional: false }, columns.get("at"), epoch);
    const typeKey = eventTypeKey(columns.get("type")!);
    const perType = schema.events.map((event) => {
      const checks = event.properties
        .filter((p) => p.name !== "type" && p.name !== "at")
        .map((p) => eventValueCheck(p, columns.get(p.name), epoch).ok);
      return `WHEN ${t(foldCase(event.name))} THEN ${[at.ok, ...checks].join(" AND ")}`;
    });
    // A property's value for events of types that do not declare it: kept only when exactly typed.
    const anyType = properties.map((p) =>
      eventValueCheck({ ...p, optional: true }, columns.get(p.name), epoch),
    );
    const ok =
      perType.length === 0
        ? "FALSE"
        : `(CASE ${typeKey} ${perType.join(" ")} ELSE FALSE END)${anyType.map((c) => ` AND ${c.ok}`).join("")}`;
    await engine.run(
      `CREATE OR REPLACE TEMP TABLE ${IN_EVENTS} AS SELECT file_row_number AS pos, ` +
        `${idKey(columns.get("lead_id")!)} AS key, COALESCE(${ok}, FALSE) AS ok, ${q("type")} AS type, ` +
        `${at.value} AS ${q("at")}` +
        anyType.map((check, i) => `, ${check.value} AS ${q(`p_${properties[i]!.name}`)}`).join("") +
        ` FROM ${parquetRelation(options.events!.file, true)}`,
    );
  } else {
    await engine.run(
      `CREATE OR REPLACE TEMP TABLE ${IN_EVENTS} (pos BIGINT, key VARCHAR, ok BOOLEAN, type VARCHAR, "at" TIMESTAMP)`,
    );
  }

  // 3. Which leads SQL takes: certain, keyed, no other record with its key, no uncertain event.
  await engine.run(
    `CREATE OR REPLACE TEMP TABLE ${LEAD_PATH} AS SELECT pos, key, COALESCE(ok AND key IS NOT NULL AND n = 1 ` +
      `AND key NOT IN (SELECT key FROM ${IN_EVENTS} WHERE key IS NOT NULL AND NOT ok), FALSE) AS fast ` +
      `FROM (SELECT pos, key, ok, COUNT(*) OVER (PARTITION BY key) AS n FROM ${IN_LEADS})`,
  );

  // 4. The records SQL cannot decide go through the JS input layer, exactly as the general path reads them:
  // unfiled events (their rejects come first, as the JS engine reads events first), then the leads.
  const slowKeys = `SELECT key FROM ${LEAD_PATH} WHERE NOT fast AND key IS NOT NULL`;
  const eventsIndex =
    options.events === null
      ? null
      : await parquetEvents(
          engine,
          options.events.file,
          options.events.source,
          ({ record, line, reason, raw }) =>
            options.onReject({ record, line, source: options.events!.source, reason, raw }),
          `file_row_number IN (SELECT pos FROM ${IN_EVENTS} WHERE key IS NULL OR key IN (${slowKeys}))`,
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
          table: await parquetLeads(
            engine,
            options.leads.file,
            options.leads.source,
            `file_row_number IN (SELECT pos FROM ${LEAD_PATH} WHERE NOT fast)`,
          ),
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

  // 5. The tables the generated SQL reads: the certain records by SQL, the accepted others appended.
  const tables = await createTables(
    engine,
    artifact,
    { leads: "leads", events: "events" },
    { eventOrder: true },
  );
  await engine.run(
    `INSERT INTO ${q("leads")} SELECT l.pos + 1, l.${q("v_id")}` +
      leadFields.map((field) => `, l.${q(`v_${field.name}`)}`).join("") +
      ` FROM ${IN_LEADS} l JOIN ${LEAD_PATH} p ON p.pos = l.pos WHERE p.fast`,
  );
  if (layout.eventColumns !== null) {
    await engine.run(
      `INSERT INTO ${q("events")} SELECT e.key, e.type, e.${q("at")}` +
        properties.map((p) => `, e.${q(`p_${p.name}`)}`).join("") +
        `, e.pos FROM ${IN_EVENTS} e JOIN (SELECT key FROM ${LEAD_PATH} WHERE fast) f ON f.key = e.key`,
    );
  }
  await appendLeads(engine, tables, accepted);

  // 6. Scored in one query, in record order, each row decoded into the JS engine's result.
  const sql = engineQuery(artifact, "duckdb", options.asOfMs);
  const names = (await engine.query(`DESCRIBE ${sql}`)).map((row) => String(row.column_name));
  const decode = createDecoder(artifact, options.asOfMs);
  const outcomes = new OutcomeCounts();
  let scored = 0;
  for await (const chunk of engine.stream!(sql)) {
    for (const values of chunk) {
      const row: Record<string, unknown> = {};
      names.forEach((name, i) => {
        row[name] = values[i];
      });
      const result = decode(row);
      scored += 1;
      outcomes.add(result);
      options.usage?.count(result);
      await options.onResult(result);
    }
  }

  // 7. The summary, counted over all records as the JS engine counts it.
  const [counts] = await engine.query(
    `SELECT (SELECT COUNT(*) FROM ${IN_LEADS}) AS n_read, (SELECT COUNT(*) FROM ${LEAD_PATH} WHERE fast) AS n_certain, ` +
      `(SELECT COUNT(*) FROM ${q("events")} WHERE EPOCH_MS(${q("at")}) > ${options.asOfMs}) AS n_after, ` +
      `(SELECT COUNT(*) FROM ${q("events")} WHERE EPOCH_MS(${q("at")}) <= ${options.asOfMs} AND EPOCH_MS(${q("at")}) < ${YEAR_2000}) AS n_before`,
  );
  const read = Number(counts!.n_read);
  const certain = Number(counts!.n_certain);
  if (options.usage !== undefined && scored > 0) await observeProbedValues(engine, options.usage, tables);
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

/**
 * The values of the fields the rules probe, as RuleUsageTally.observe would see them lead by lead (each
 * lead's events in order): the first OBSERVED_LIMIT distinct ones in that order, then any probed value
 * found later.
 */
async function observeProbedValues(
  engine: SqlEngine,
  usage: RuleUsageTally,
  tables: LoadTables,
): Promise<void> {
  const leadColumns = new Set(["id", ...tables.leadFields.map((field) => field.name)]);
  const eventColumns = new Set(tables.properties.map((property) => property.name));
  for (const { scope, field, values } of usage.probedFields()) {
    if (!(scope === "lead" ? leadColumns : eventColumns).has(field)) continue;
    const from =
      scope === "lead"
        ? `SELECT ${q(field)} AS v, __row AS r1, 0 AS r2 FROM ${q("leads")}`
        : `SELECT e.${q(field)} AS v, l.__row AS r1, e.__seq AS r2 FROM ${q("events")} e ` +
          `JOIN ${q("leads")} l ON e.lead_id = NULLIF(${trimJs("l.id")}, '')`;
    // normalizeText: the value trimmed, blank is none, ASCII case-folded; spelled as trimmed.
    const spelled = `SELECT NULLIF(${trimJs("CAST(v AS VARCHAR)")}, '') AS spelling, r1, r2 FROM (${from}) WHERE v IS NOT NULL`;
    const folded = `SELECT spelling, ${foldSql("spelling")} AS key, r1, r2 FROM (${spelled}) WHERE spelling IS NOT NULL`;
    // One pass: the distinct values in the order they first occur; the first OBSERVED_LIMIT of them are
    // noted with their first spelling, then the probed values found beyond (already noted, or too late to
    // be kept for suggestions: only `seen` changes).
    const probed = values.length === 0 ? "FALSE" : `key IN (${values.map(t).join(", ")})`;
    const rows = await engine.query(
      `SELECT key, spelling, ROW_NUMBER() OVER (ORDER BY first) AS n FROM (SELECT key, ` +
        `ARG_MIN(spelling, (r1, r2)) AS spelling, MIN((r1, r2)) AS first FROM (${folded}) GROUP BY key) ` +
        `QUALIFY n <= ${OBSERVED_LIMIT} OR ${probed} ORDER BY n`,
    );
    for (const row of rows)
      usage.noteValue(scope, field, Number(row.n) <= OBSERVED_LIMIT ? String(row.spelling) : String(row.key));
  }
}

/** ASCII case folding of trimmed text, as `foldCase` does it. */
function foldSql(text: string): string {
  return `TRANSLATE(${text}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;
}
