import type { Artifact } from "../compile/artifact.js";
import { foldCase } from "../eval/normalize.js";
import { planColumns } from "../io/column-plan.js";
import type { InputOptions } from "../io/input-options.js";
import { dialectNamed } from "../sql/dialect.js";
import type { SqlEngine } from "../sql/engines/engine.js";
import { columnType } from "../sql/load.js";
import { eventProperties } from "../sql/relations.js";
import { parquetColumns, parquetRelation, type ParquetColumn } from "./parquet-input.js";
import { eventTypeKey, eventValueCheck, idKey, leadValueCheck, q, t, textOf } from "./parquet-row-checks.js";

/**
 * The input side of every Parquet fast path (`score --engine duckdb`, `diff --engine duckdb`): DuckDB
 * reads the files itself and SQL sorts every record into one of two kinds:
 *   certain   every value is one the shared input layer certainly accepts and reads the same
 *             (parquet-row-checks.ts), its id is present and no other record has it, and all its events
 *             are certain too: the caller loads them into its tables by SQL, never touching JavaScript;
 *   the rest  handed, with their events, to the JS input layer (uncertainLeadRows / uncertainEventRows
 *             as row filters of parquet-input.ts), which rejects them with their record numbers and
 *             reasons exactly as the JS engine does, or accepts them.
 * One module, so that a record is certain for the same reasons whichever command reads it.
 */

/** The Parquet files of one input: absolute paths and the names the user wrote. */
export interface ParquetFiles {
  leads: { file: string; source: string };
  events: { file: string; source: string } | null;
}

/** How the files' columns are read: which column is which lead field, and the id's key. */
export interface ParquetLayout {
  columnOf: ReadonlyMap<string, ParquetColumn>;
  leadKey: string;
  leadColumns: readonly ParquetColumn[];
  eventColumns: ReadonlyMap<string, ParquetColumn> | null;
}

/**
 * Scratch tables of the sorting: every lead record (`pos`, `key`, `ok`, `v_<field>`), every event
 * (`pos`, `key`, `ok`, `type`, `at`, `p_<property>`), and which leads SQL takes (`pos`, `key`, `fast`).
 * Positions are 0-based rows of the file (`file_row_number`); a record's number is its position + 1.
 */
export const IN_LEADS = "ls_in_leads";
export const IN_EVENTS = "ls_in_events";
export const LEAD_PATH = "ls_lead_path";

/**
 * The three scratch tables of one sorted input: where sortParquetRecords leaves them, or (a diff reading
 * several files) where a caller moved them to keep them beside the next file's.
 */
export interface ScratchTables {
  leads: string;
  events: string;
  path: string;
}

export const SCRATCH: ScratchTables = { leads: IN_LEADS, events: IN_EVENTS, path: LEAD_PATH };

/**
 * The layout of a Parquet input SQL can sort, or null when the files' columns are of kinds it does not
 * read (an id that is a double, events without `lead_id`/`type`/`at` columns…): then the caller reads
 * every record through the JS input layer. A header the input layer refuses throws its error here.
 */
export async function planParquetInput(
  engine: SqlEngine,
  artifact: Artifact,
  input: InputOptions,
  files: ParquetFiles,
): Promise<ParquetLayout | null> {
  const schema = artifact.schema;
  const idField = schema.lead.find((field) => field.name === "id");
  if (idField === undefined || idField.type !== "string" || engine.stream === undefined) return null;

  const leadColumns = await parquetColumns(engine, files.leads.file, files.leads.source);
  // The same plan (and the same errors about the header) the input layer makes of the columns.
  const plan = planColumns(
    leadColumns.map((column) => column.name),
    schema.lead,
    input,
    files.leads.source,
  );
  const columnOf = new Map<string, ParquetColumn>();
  plan.targets.forEach((field, index) => {
    if (field !== null) columnOf.set(field, leadColumns[index]!);
  });
  const idColumn = columnOf.get("id");
  const leadKey = idColumn === undefined ? null : idKey(idColumn);
  if (leadKey === null) return null;

  let eventColumns: Map<string, ParquetColumn> | null = null;
  if (files.events !== null) {
    const columns = await parquetColumns(engine, files.events.file, files.events.source);
    eventColumns = new Map(columns.map((column) => [column.name, column]));
    const leadId = eventColumns.get("lead_id");
    if (leadId === undefined || idKey(leadId) === null) return null;
    if (eventColumns.get("type")?.kind !== "text" || !eventColumns.has("at")) return null;
    if (eventColumns.size !== columns.length) return null;
    const folded = schema.events.map((event) => foldCase(event.name));
    if (new Set(folded).size !== folded.length) return null;
    if (!propertyTypesAgree(artifact)) return null;
  }
  return { columnOf, leadKey, leadColumns, eventColumns };
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

/** The event properties the scratch events table holds (`p_<name>`), in its column order. */
export function sortedProperties(artifact: Artifact) {
  return eventProperties(artifact).filter((p) => !["lead_id", "type", "at"].includes(p.name));
}

/**
 * Fills IN_LEADS, IN_EVENTS and LEAD_PATH: every record of the files, sorted into certain or not.
 * `events: "view"` makes IN_EVENTS a view over the events file, its values computed by each reader, for a
 * caller that reads the events few times: as a table, 100M events under a 2 GB memory limit took 31 s of a
 * diff's wall time to write, mostly spilled to disk, and more to read back (BENCHMARKS.md).
 */
export async function sortParquetRecords(
  engine: SqlEngine,
  artifact: Artifact,
  input: InputOptions,
  files: ParquetFiles,
  layout: ParquetLayout,
  { events = "table" }: { events?: "table" | "view" } = {},
): Promise<void> {
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
      ` FROM ${parquetRelation(files.leads.file, true)}`,
  );

  // 2. Every event with its lead key, whether it is certain, and its values.
  const properties = sortedProperties(artifact);
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
      `CREATE OR REPLACE TEMP ${events === "view" ? "VIEW" : "TABLE"} ${IN_EVENTS} AS SELECT file_row_number AS pos, ` +
        `${idKey(columns.get("lead_id")!)} AS key, COALESCE(${ok}, FALSE) AS ok, ${columns.get("type")!.sql} AS type, ` +
        `${at.value} AS ${q("at")}` +
        anyType.map((check, i) => `, ${check.value} AS ${q(`p_${properties[i]!.name}`)}`).join("") +
        ` FROM ${parquetRelation(files.events!.file, true)}`,
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
}

/** The ids of the leads the JS input layer reads (SQL cannot decide them). */
const slowKeys = (scratch: ScratchTables = SCRATCH) =>
  `SELECT key FROM ${scratch.path} WHERE NOT fast AND key IS NOT NULL`;

/** parquet-input.ts row filters: the lead records the JS input layer reads. */
export const uncertainLeadRows = `file_row_number IN (SELECT pos FROM ${LEAD_PATH} WHERE NOT fast)`;

/** The events the JS input layer files: those of its leads, and those without a usable lead_id. */
export const uncertainEventRows = `file_row_number IN (SELECT pos FROM ${IN_EVENTS} WHERE key IS NULL OR key IN (${slowKeys()}))`;

/** The certain leads: `pos`, then `v_id` and `v_<field>` for every lead field but the id, in schema order. */
export function certainLeads(artifact: Artifact, scratch: ScratchTables = SCRATCH): string {
  const fields = artifact.schema.lead.filter((field) => field.name !== "id");
  return (
    `SELECT l.pos, l.${q("v_id")}` +
    fields.map((field) => `, l.${q(`v_${field.name}`)}`).join("") +
    ` FROM ${scratch.leads} l JOIN ${scratch.path} p ON p.pos = l.pos WHERE p.fast`
  );
}

/**
 * The certain leads' events, the one definition of which they are: every column of IN_EVENTS (`pos`,
 * `key`, `ok`, `type`, `at`, `p_<property>`: sortedProperties) and `lead_pos`, the position of their lead.
 * An event meets one lead at most (a certain lead's key is no other record's), and all of them are certain
 * (LEAD_PATH takes no lead with an uncertain event).
 */
export const certainEvents = (scratch: ScratchTables = SCRATCH): string =>
  `SELECT e.*, f.pos AS lead_pos FROM ${scratch.events} e JOIN (SELECT pos, key FROM ${scratch.path} WHERE fast) f ON f.key = e.key`;

/**
 * The events of the certain leads where they lie, shaped as load.ts's events table with `__seq` (`lead_id`
 * is the key, `__seq` the position in the file): for a relation that is joined with the leads (the
 * scoring query), copying 10M events into a table of their own would cost more than all that joining.
 *
 * Not certainEvents exactly, but the certain events that no lead the JS input layer reads has (those are
 * in the JS input layer's events): certainEvents, and the certain events whose key no lead has (or none,
 * when every lead is certain), which every reader of this relation drops, as it meets the leads by key.
 * Leaving out the few uncertain leads' keys costs less than joining every event with the certain leads'
 * keys before scoring: on 10M events of 1M leads, 1 % of them uncertain (DuckDB, one thread), grouping
 * the events by lead and meeting the leads took 0.8-1.2 s of CPU so, 1.4-1.9 s from certainEvents.
 */
export function certainEventsInPlace(artifact: Artifact, scratch: ScratchTables = SCRATCH): string {
  return `${eventsUnderKey(artifact, scratch)} WHERE ok AND key NOT IN (${slowKeys(scratch)})`;
}

/**
 * Every event of the sorted input under its key, unfiltered, shaped as certainEventsInPlace: for a relation
 * joined with the certain leads alone (by key), it is certainEventsInPlace, since a certain lead's events are
 * all certain (LEAD_PATH), no other record has its key, and an event under any other key meets no certain
 * lead. Unfiltered, reading it computes neither `ok` nor the slow keys: over an events view (see
 * sortParquetRecords) that is most of the cost of reading 100M events.
 */
export function eventsUnderKey(artifact: Artifact, scratch: ScratchTables = SCRATCH): string {
  const duckdb = dialectNamed("duckdb");
  return (
    `SELECT CAST(key AS ${duckdb.types.text}) AS lead_id, CAST(type AS ${duckdb.types.text}) AS type, ` +
    `CAST(${q("at")} AS ${columnType(duckdb, "date")}) AS ${q("at")}` +
    sortedProperties(artifact)
      .map((p) => `, CAST(${q(`p_${p.name}`)} AS ${columnType(duckdb, p.type)}) AS ${q(p.name)}`)
      .join("") +
    `, pos AS __seq FROM ${scratch.events}`
  );
}
