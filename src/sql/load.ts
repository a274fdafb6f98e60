import type { Artifact, FieldSchema, FieldType } from "../compile/artifact.js";
import { normalizeBoolean, normalizeDate, normalizeNumber } from "../eval/normalize.js";
import { dialectNamed, type Dialect } from "./dialect.js";
import type { ColumnKind, ColumnValue, SqlEngine } from "./engines/engine.js";
import { numberText } from "./printer.js";
import { eventProperties } from "./relations.js";

/** A lead's events, as the JS engine takes them: `{ type, at, …properties }`. */
export type LoadEvent = Readonly<Record<string, unknown>>;

export interface LoadedLead {
  lead: Readonly<Record<string, unknown>>;
  events: readonly LoadEvent[];
}

const ROWS_PER_STATEMENT = 500;

/**
 * Creates the leads and events tables the generated SQL reads (relations.ts), typed by the ruleset's
 * schema, and fills them with records the shared input layer has read and validated, so that every engine
 * scores exactly the leads the JS engine would. Each lead keeps its input position in `__row`.
 *
 * Values go in as the JS engine's normalisers read them (a number as a number, a time as an instant);
 * trimming, folding and blank-as-missing are left to the SQL, which does them for every source.
 */
export async function loadTables(
  engine: SqlEngine,
  artifact: Artifact,
  leads: readonly LoadedLead[],
  names: { leads: string; events: string } = { leads: "leads", events: "events" },
): Promise<void> {
  const tables = await createTables(engine, artifact, names);
  await appendLeads(
    engine,
    tables,
    leads.map((lead, position) => ({ ...lead, row: position })),
  );
}

/** The tables `loadTables` fills, as created: their names, fields and column kinds. */
export interface LoadTables {
  names: { leads: string; events: string };
  leadFields: FieldSchema[];
  properties: FieldSchema[];
  leadKinds: ColumnKind[];
  eventKinds: ColumnKind[];
  /** Whether events have `__seq` last: their order within their lead. */
  eventOrder: boolean;
}

/**
 * Creates (anew) the leads table — `__row`, `id`, one column per lead field — and the events table —
 * `lead_id`, `type`, `at`, one column per event property, and with `eventOrder` `__seq` — typed by the
 * ruleset's schema as relations.ts describes them.
 */
export async function createTables(
  engine: SqlEngine,
  artifact: Artifact,
  names: { leads: string; events: string },
  options: { eventOrder?: boolean } = {},
): Promise<LoadTables> {
  const dialect = dialectNamed(engine.dialect);
  const q = dialect.quoteIdentifier;
  const leadFields = artifact.schema.lead.filter((field) => field.name !== "id");
  const properties = eventProperties(artifact).filter((p) => !["lead_id", "type", "at"].includes(p.name));
  const eventOrder = options.eventOrder === true;
  const leadColumns: Array<[string, string]> = [
    ["__row", "BIGINT"],
    ["id", textType(dialect)],
    ...leadFields.map((field): [string, string] => [field.name, columnType(dialect, field.type)]),
  ];
  const eventColumns: Array<[string, string]> = [
    ["lead_id", textType(dialect)],
    ["type", textType(dialect)],
    ["at", columnType(dialect, "date")],
    ...properties.map((property): [string, string] => [property.name, columnType(dialect, property.type)]),
    ...(eventOrder ? [["__seq", "BIGINT"] as [string, string]] : []),
  ];
  for (const [table, columns] of [
    [names.leads, leadColumns],
    [names.events, eventColumns],
  ] as const) {
    await engine.run(`DROP TABLE IF EXISTS ${q(table)}`);
    await engine.run(
      `CREATE TABLE ${q(table)} (${columns.map(([name, type]) => `${q(name)} ${type}`).join(", ")})`,
    );
  }
  return {
    names,
    leadFields,
    properties,
    leadKinds: ["integer", "text", ...leadFields.map((field) => kindOf(field.type))],
    eventKinds: [
      "text",
      "text",
      "instant",
      ...properties.map((property) => kindOf(property.type)),
      ...(eventOrder ? ["integer" as const] : []),
    ],
    eventOrder,
  };
}

/**
 * Appends leads (already read and validated by the shared input layer) and their events to tables
 * `createTables` made; each lead's `row` goes to `__row`.
 */
export async function appendLeads(
  engine: SqlEngine,
  tables: LoadTables,
  leads: ReadonlyArray<LoadedLead & { row: number }>,
): Promise<void> {
  const dialect = dialectNamed(engine.dialect);
  const { leadFields, properties } = tables;
  const leadRows: ColumnValue[][] = [];
  const eventRows: ColumnValue[][] = [];
  for (const { lead, events, row } of leads) {
    const id = idText(lead.id);
    leadRows.push([row, id, ...leadFields.map((field) => typedValue(field.type, lead[field.name]))]);
    if (id === null) continue;
    events.forEach((event, seq) => {
      eventRows.push([
        id,
        typeof event.type === "string" ? event.type : null,
        typedValue("date", event.at),
        ...properties.map((property) => typedValue(property.type, event[property.name])),
        ...(tables.eventOrder ? [seq] : []),
      ]);
    });
  }
  await insert(engine, dialect, tables.names.leads, tables.leadKinds, storable(dialect, leadRows));
  await insert(engine, dialect, tables.names.events, tables.eventKinds, storable(dialect, eventRows));
}

/** Rows as a dialect can store them: PostgreSQL text cannot hold U+0000, left out (see README). */
export function storable(dialect: Dialect, rows: ColumnValue[][]): ColumnValue[][] {
  return dialect.textHoldsNul ? rows : withoutNul(rows);
}

function withoutNul(rows: ColumnValue[][]): ColumnValue[][] {
  return rows.map((row) =>
    row.map((value) => (typeof value === "string" ? value.replace(/\0/g, "") : value)),
  );
}

/** Appends rows to a table: the engine's bulk path when it has one, else INSERT statements. */
export async function insert(
  engine: SqlEngine,
  dialect: Dialect,
  table: string,
  kinds: readonly ColumnKind[],
  rows: ReadonlyArray<ReadonlyArray<ColumnValue>>,
): Promise<void> {
  if (engine.append !== undefined) {
    await engine.append(table, kinds, rows);
    return;
  }
  const printed = rows.map(
    (row) => `(${row.map((value, i) => literal(dialect, kinds[i]!, value)).join(", ")})`,
  );
  for (let start = 0; start < printed.length; start += ROWS_PER_STATEMENT) {
    await engine.run(
      `INSERT INTO ${dialect.quoteIdentifier(table)} VALUES ${printed.slice(start, start + ROWS_PER_STATEMENT).join(", ")}`,
    );
  }
}

/** The lead id as events are filed under it: text (a number as JS writes it); null when there is none. */
export function idText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

function textType(dialect: Dialect): string {
  return dialect.types.text;
}

export function columnType(dialect: Dialect, type: FieldType): string {
  switch (type) {
    case "string":
    case "enum":
      return dialect.types.text;
    case "number":
      return dialect.types.double;
    case "boolean":
      return "BOOLEAN";
    case "date":
      return dialect.name === "postgres" ? "TIMESTAMPTZ" : "TIMESTAMP";
  }
}

export function kindOf(type: FieldType): ColumnKind {
  switch (type) {
    case "string":
    case "enum":
      return "text";
    case "number":
      return "double";
    case "boolean":
      return "boolean";
    case "date":
      return "instant";
  }
}

/** A value as its column holds it, read as the JS engine reads it; null when it cannot be read. */
export function typedValue(type: FieldType, value: unknown): ColumnValue {
  switch (type) {
    case "string":
    case "enum":
      if (typeof value === "string") return value;
      if (typeof value === "number" && Number.isFinite(value)) return String(value);
      return typeof value === "boolean" ? String(value) : null;
    case "number":
      return normalizeNumber(value) ?? null;
    case "boolean":
      return normalizeBoolean(value) ?? null;
    case "date":
      return normalizeDate(value) ?? null;
  }
}

/** A typed value as a SQL literal of its column's kind. */
function literal(dialect: Dialect, kind: ColumnKind, value: ColumnValue): string {
  if (value === null) return "NULL";
  switch (kind) {
    case "text":
      return dialect.quoteText(value as string);
    case "double":
      return `CAST('${String(value)}' AS ${dialect.types.double})`;
    case "boolean":
      return value ? "TRUE" : "FALSE";
    case "integer":
      return numberText(value as number);
    case "instant":
      return dialect.name === "postgres"
        ? `(TIMESTAMPTZ 'epoch' + INTERVAL '1 millisecond' * ${numberText(value as number)})`
        : `MAKE_TIMESTAMP(CAST(${numberText(value as number)} AS BIGINT) * 1000)`;
  }
}
