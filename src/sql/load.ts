import type { Artifact, FieldSchema, FieldType } from "../compile/artifact.js";
import { normalizeBoolean, normalizeDate, normalizeNumber } from "../eval/normalize.js";
import { dialectNamed, type Dialect } from "./dialect.js";
import type { SqlEngine } from "./engines/engine.js";
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
  const dialect = dialectNamed(engine.dialect);
  const q = dialect.quoteIdentifier;
  const leadFields = artifact.schema.lead.filter((field) => field.name !== "id");
  const properties = eventProperties(artifact).filter((p) => !["lead_id", "type", "at"].includes(p.name));
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

  const leadRows: string[] = [];
  const eventRows: string[] = [];
  leads.forEach(({ lead, events }, position) => {
    const id = idText(lead.id);
    leadRows.push(
      row([
        String(position),
        literal(dialect, "string", id),
        ...leadFields.map((field) => fieldLiteral(dialect, field, lead[field.name])),
      ]),
    );
    if (id === null) return;
    for (const event of events) {
      eventRows.push(
        row([
          literal(dialect, "string", id),
          literal(dialect, "string", typeof event.type === "string" ? event.type : null),
          literal(dialect, "date", event.at),
          ...properties.map((property) => fieldLiteral(dialect, property, event[property.name])),
        ]),
      );
    }
  });
  await insert(engine, q(names.leads), leadRows);
  await insert(engine, q(names.events), eventRows);
}

function row(values: string[]): string {
  return `(${values.join(", ")})`;
}

async function insert(engine: SqlEngine, table: string, rows: readonly string[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await engine.run(
      `INSERT INTO ${table} VALUES ${rows.slice(start, start + ROWS_PER_STATEMENT).join(", ")}`,
    );
  }
}

/** The lead id as events are filed under it: text (a number as JS writes it); null when there is none. */
function idText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

function textType(dialect: Dialect): string {
  return dialect.types.text;
}

function columnType(dialect: Dialect, type: FieldType): string {
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

function fieldLiteral(dialect: Dialect, field: FieldSchema, value: unknown): string {
  return literal(dialect, field.type, value);
}

/** A value as a SQL literal of its column's type, read as the JS engine reads it; NULL when it cannot be. */
export function literal(dialect: Dialect, type: FieldType, value: unknown): string {
  switch (type) {
    case "string":
    case "enum": {
      const text =
        typeof value === "string"
          ? value
          : typeof value === "number" && Number.isFinite(value)
            ? String(value)
            : typeof value === "boolean"
              ? String(value)
              : null;
      if (text === null) return "NULL";
      // PostgreSQL text cannot hold U+0000; such a value is out of its reach (see README).
      return dialect.quoteText(dialect.textHoldsNul ? text : text.replace(/\0/g, ""));
    }
    case "number": {
      const number = normalizeNumber(value);
      return number === undefined ? "NULL" : `CAST('${String(number)}' AS ${dialect.types.double})`;
    }
    case "boolean": {
      const flag = normalizeBoolean(value);
      return flag === undefined ? "NULL" : flag ? "TRUE" : "FALSE";
    }
    case "date": {
      const instant = normalizeDate(value);
      if (instant === undefined) return "NULL";
      return dialect.name === "postgres"
        ? `(TIMESTAMPTZ 'epoch' + INTERVAL '1 millisecond' * ${numberText(instant)})`
        : `MAKE_TIMESTAMP(CAST(${numberText(instant)} AS BIGINT) * 1000)`;
    }
  }
}
