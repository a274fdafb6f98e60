import { setOwnField } from "../eval/own-field.js";
import { InputFileError } from "../io/column-plan.js";
import type { TableRows } from "../io/lead-records.js";
import { fileEvents, type EventsByLead } from "../io/read-events.js";
import type { ReadItem, ReadReject } from "../io/read-item.js";
import type { JsonObject } from "../io/read-ndjson.js";
import { MAX_INSTANT_MS } from "../eval/instant.js";
import { dialectNamed } from "../sql/dialect.js";
import type { SqlEngine } from "../sql/engines/engine.js";

/**
 * Parquet files read by DuckDB for `score --engine duckdb`, handed to the shared input layer as rows, so
 * that a Parquet file is mapped, typed, validated and rejected exactly as the same data in CSV (leads) or
 * NDJSON (events) would be: one meaning whatever the format. A record's `line` is its row number.
 *
 * Leads are given as text, like CSV cells (a number as JavaScript writes it, an instant as ISO-8601 UTC,
 * a missing value as empty text), and typed by the ruleset's schema; events keep their types, like NDJSON.
 */

/** How a Parquet column is read: the SQL that selects it and how its value becomes text or JSON. */
export type ColumnKind = "text" | "boolean" | "instant" | "double" | "integer";

export interface ParquetColumn {
  name: string;
  kind: ColumnKind;
  /**
   * The SQL that reads the column as its kind: the column itself, or, for text stored as another type
   * (BLOB, UUID, LIST, STRUCT, MAP, ENUM…), its text, which is what the JS input layer is given (`selected`).
   * SQL's text functions refuse those types, so every check reads the column through this.
   */
  sql: string;
  /**
   * For an instant, its epoch milliseconds, a finer fraction rounded down as JavaScript's ISO-8601 reader
   * rounds it (DuckDB's `EPOCH_MS` and the casts between timestamp types round toward zero: 1969-12-31
   * 23:59:59.9995 would be 0 instead of -1); NULL when the value is none (infinite, or a DATE beyond
   * DuckDB's timestamps). Null for other kinds.
   */
  ms: string | null;
}

const duckdb = dialectNamed("duckdb");

/** Whether a file is read as Parquet: by its extension, `.parquet`. */
export function isParquet(file: string): boolean {
  return file.toLowerCase().endsWith(".parquet");
}

/** `read_parquet('file')`, the path quoted as data; with each row's position (0-based) when asked. */
export function parquetRelation(file: string, rowNumbers = false): string {
  return `read_parquet(${duckdb.quoteText(file)}${rowNumbers ? ", file_row_number = true" : ""})`;
}

/**
 * Which rows to read: all of them, or those whose 0-based position in the file (`file_row_number`) the
 * SQL condition accepts (the fast path hands the input layer only the rows it could not decide).
 */
export type RowFilter = string | null;

/** The file's columns, or an InputFileError (exit 2) when DuckDB cannot read it as Parquet. */
export async function parquetColumns(
  engine: SqlEngine,
  file: string,
  name: string,
): Promise<ParquetColumn[]> {
  let rows: Array<Record<string, unknown>>;
  try {
    rows = await engine.query(`DESCRIBE SELECT * FROM ${parquetRelation(file)}`);
  } catch (error) {
    const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    throw new InputFileError(`cannot read \`${name}\` as Parquet: ${message}`);
  }
  return rows.map((row) => {
    const name = String(row.column_name);
    const type = String(row.column_type);
    const kind = kindOf(type);
    const quoted = duckdb.quoteIdentifier(name);
    return {
      name,
      kind,
      sql: kind === "text" && type !== "VARCHAR" ? `CAST(${quoted} AS VARCHAR)` : quoted,
      ms: kind === "instant" ? epochMsOf(quoted, type) : null,
    };
  });
}

/**
 * `ParquetColumn.ms`. A TIMESTAMP truncated to its millisecond goes down (DATE_TRUNC), and EPOCH_MS of an
 * infinity is NULL. A TIMESTAMP_NS would be cut toward zero to microseconds by that cast first: its
 * nanoseconds are divided down themselves (`//` and `%` round toward zero: one less for a negative
 * remainder), and its infinity, which EPOCH_NS gives as the largest BIGINT, is none.
 */
function epochMsOf(quoted: string, type: string): string {
  if (type.toUpperCase() !== "TIMESTAMP_NS")
    return `EPOCH_MS(DATE_TRUNC('millisecond', TRY_CAST(${quoted} AS TIMESTAMP)))`;
  const ns = `EPOCH_NS(${quoted})`;
  return `CASE WHEN ISFINITE(${quoted}) THEN ${ns} // 1000000 - CASE WHEN ${ns} % 1000000 < 0 THEN 1 ELSE 0 END END`;
}

function kindOf(type: string): ColumnKind {
  const upper = type.toUpperCase();
  if (upper === "BOOLEAN") return "boolean";
  if (upper.startsWith("TIMESTAMP") || upper === "DATE") return "instant";
  if (upper === "DOUBLE" || upper === "FLOAT" || upper === "REAL" || upper.startsWith("DECIMAL"))
    return "double";
  if (/^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|U?HUGEINT)$/.test(upper)) return "integer";
  return "text";
}

/**
 * The SQL reading a column: instants as the digits of their epoch ms (or, for one JavaScript cannot hold,
 * an infinity or a year like 294000 or 300000, DuckDB's own text of it, which the input layer rejects as
 * no ISO-8601 timestamp), integers as their exact digits, other values typed.
 */
function selected(column: ParquetColumn): string {
  const name = duckdb.quoteIdentifier(column.name);
  switch (column.kind) {
    case "instant": {
      const ms = column.ms!;
      return (
        `CASE WHEN ${ms} BETWEEN -${MAX_INSTANT_MS} AND ${MAX_INSTANT_MS} ` +
        `THEN CAST(${ms} AS VARCHAR) ELSE CAST(${name} AS VARCHAR) END`
      );
    }
    case "double":
      return `CAST(${name} AS DOUBLE)`;
    case "integer":
    case "text":
      return `CAST(${name} AS VARCHAR)`;
    case "boolean":
      return name;
  }
}

/** The rows (each with its 1-based record number first), in file order. */
async function* rowsOf(
  engine: SqlEngine,
  file: string,
  columns: readonly ParquetColumn[],
  only: RowFilter,
): AsyncGenerator<[number, ...unknown[]]> {
  if (engine.stream === undefined) throw new Error("internal: Parquet is read by DuckDB");
  const values = columns.map(selected).join(", ");
  const sql =
    only === null
      ? `SELECT ${values} FROM ${parquetRelation(file)}`
      : `SELECT file_row_number + 1, ${values} FROM ${parquetRelation(file, true)} WHERE ${only} ORDER BY file_row_number`;
  let record = 0;
  for await (const chunk of engine.stream(sql)) {
    for (const row of chunk) {
      record += 1;
      if (only !== null) yield [Number(row[0]), ...row.slice(1)];
      else yield [record, ...row];
    }
  }
}

/** An instant column's value (`selected`): ISO-8601 of its epoch ms, or the text it came as. */
function instantText(value: unknown): string {
  const text = String(value);
  return /^-?[0-9]+$/.test(text) ? new Date(Number(text)).toISOString() : text;
}

/** A lead value as text, as a CSV cell would hold it. */
function leadText(kind: ColumnKind, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (kind === "instant") return instantText(value);
  return String(value);
}

/** An event value as NDJSON would give it; null when missing (the key is left out). */
function eventValue(column: ParquetColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case "instant":
      return instantText(value);
    case "integer":
      // Ids keep their exact digits; other integers are numbers, as JSON writes them.
      return column.name === "lead_id" ? String(value) : Number(value);
    default:
      return value;
  }
}

/** A leads Parquet file as named rows of text, for the input layer (`LeadFileInput.table`). */
export async function parquetLeads(
  engine: SqlEngine,
  file: string,
  name: string,
  only: RowFilter = null,
): Promise<TableRows> {
  const columns = await parquetColumns(engine, file, name);
  return {
    columns: columns.map((column) => column.name),
    async *rows(): AsyncGenerator<ReadItem<Record<string, string>>> {
      for await (const [record, ...row] of rowsOf(engine, file, columns, only)) {
        const value: Record<string, string> = {};
        columns.forEach((column, i) => {
          setOwnField(value, column.name, leadText(column.kind, row[i]));
        });
        yield { kind: "record", record, line: record, value };
      }
    },
  };
}

/** An events Parquet file filed by lead, as `readEventsByLead` files an NDJSON one. */
export async function parquetEvents(
  engine: SqlEngine,
  file: string,
  name: string,
  onReject: (reject: ReadReject) => void | Promise<void>,
  only: RowFilter = null,
): Promise<EventsByLead> {
  const columns = await parquetColumns(engine, file, name);
  async function* items(): AsyncGenerator<ReadItem<JsonObject>> {
    for await (const [record, ...row] of rowsOf(engine, file, columns, only)) {
      const event: JsonObject = {};
      columns.forEach((column, i) => {
        const value = eventValue(column, row[i]);
        if (value !== null) setOwnField(event, column.name, value);
      });
      yield { kind: "record", record, line: record, value: event };
    }
  }
  return fileEvents(items(), onReject);
}
