import type { FieldSchema } from "../compile/artifact.js";
import { foldCase } from "../eval/normalize.js";
import type { EpochUnit, InputOptions } from "../io/input-options.js";
import { dialectNamed } from "../sql/dialect.js";
import { call, cast, col, type SqlExpr } from "../sql/ir.js";
import { printExpr } from "../sql/printer.js";
import { idValue } from "../sql/relations.js";
import type { ParquetColumn } from "./parquet-input.js";

/**
 * SQL that decides, value by value, whether the shared input layer (io/prepare-lead.ts, eval/coerce.ts,
 * eval/validate-input.ts) would certainly accept a Parquet value as it is, and the typed value it would
 * make of it. Each check is a conservative subset of the JS rules: a value it cannot decide exactly (an
 * unusual number spelling, a timestamp with a zone, non-ASCII text where case or placeholders matter) is
 * "not certain", and its record goes to the JS input layer, which decides and words any reject. So a
 * check may only ever say "certain" where the JS layer accepts the value and reads it the same.
 *
 * Leads are read as CSV cells are (text typed by the schema, parquet-input.ts `leadText`); events keep
 * their JSON types (parquet-input.ts `eventValue`).
 */

const duckdb = dialectNamed("duckdb");
export const q = duckdb.quoteIdentifier;
export const t = duckdb.quoteText;

/** A value check: whether it is certainly accepted, and the value scoring reads (used only when it is). */
export interface ValueCheck {
  ok: string;
  value: string;
}

/** Instants JavaScript and DuckDB both read and print alike: years 1 to 9999, in epoch milliseconds. */
const MIN_MS = -62_135_596_800_000;
const MAX_MS = 253_402_300_799_999;
/** Integers a double holds exactly (JSON numbers, `Number(digits)`). */
const SAFE_INTEGER = 9_007_199_254_740_991;

/** ISO-8601 in the one spelling both readers agree on: `2026-10-30T10:00:00Z`, optional milliseconds. */
const ISO_UTC =
  "[1-9][0-9]{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{3})?Z?";
/** A decimal number as `parseNumberText` reads it (eval/normalize.ts), with at most ASCII spaces around. */
const NUMBER_TEXT = " *[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)? *";

const and = (...parts: string[]): string => `(${parts.join(" AND ")})`;
const sqlList = (values: readonly string[]): string =>
  values.length === 0 ? "(NULL)" : `(${values.map(t).join(", ")})`;

/** JavaScript's `trim` in SQL, exactly (sql/dialect.ts). */
export function trimJs(value: string): string {
  return printedOver((v) => call("trim_js", cast("text", v)), value);
}

/**
 * An id as the scoring SQL keys events by it (sql/relations.ts `idValue`: trimmed as JavaScript trims,
 * blank is none): the generated SQL's own definition, so that what SQL here matches by id is what the
 * scoring query joins.
 */
export function idKeyOf(value: string): string {
  return printedOver(idValue, value);
}

/** An expression of the IR printed for DuckDB over the SQL text `value`. */
function printedOver(expr: (v: SqlExpr) => SqlExpr, value: string): string {
  return printExpr(expr(col(null, "__v")), duckdb).replaceAll(`"__v"`, value);
}

/** Printable ASCII only: then `trim` removes only spaces and `toLowerCase` is `LOWER`. */
function printable(text: string): string {
  return `REGEXP_FULL_MATCH(${text}, '[ -~]*')`;
}

/** Printable-ASCII text trimmed and lowercased, as `normal` and `foldCase(trim)` make it. */
function lowered(text: string): string {
  return `LOWER(TRIM(${text}, ' '))`;
}

/** The text a column's value is as JavaScript writes it (`String(value)`), when SQL writes it alike. */
export function textOf(column: ParquetColumn): string | null {
  const c = column.sql;
  switch (column.kind) {
    case "text":
      return c;
    case "integer":
      return `CAST(${c} AS VARCHAR)`;
    case "boolean":
      return `CASE WHEN ${c} THEN 'true' ELSE 'false' END`;
    default:
      return null;
  }
}

/** The id (trimmed text; null when blank) events and duplicates are keyed by (read-leads.ts `idText`). */
export function idKey(column: ParquetColumn): string | null {
  const text = textOf(column);
  if (text === null || column.kind === "boolean") return null;
  return column.kind === "text" ? idKeyOf(text) : text;
}

function instantFromMs(ms: string): ValueCheck {
  return {
    // An infinite timestamp has no epoch ms (NULL): not certain.
    ok: `COALESCE(${ms} BETWEEN ${MIN_MS} AND ${MAX_MS}, FALSE)`,
    value: `CASE WHEN ${ms} BETWEEN ${MIN_MS} AND ${MAX_MS} THEN MAKE_TIMESTAMP(CAST(${ms} AS BIGINT) * 1000) END`,
  };
}

/** A non-null value of a date field: a timestamp column, ISO text, or an integer in the declared epoch unit. */
function dateCheck(column: ParquetColumn, epoch: EpochUnit | null): ValueCheck {
  const c = column.sql;
  switch (column.kind) {
    case "instant":
      return instantFromMs(column.ms!);
    case "text": {
      const parsed = `TRY_CAST(REPLACE(REPLACE(${c}, 'T', ' '), 'Z', '') AS TIMESTAMP)`;
      return {
        ok: and(`REGEXP_FULL_MATCH(${c}, '${ISO_UTC}')`, `${parsed} IS NOT NULL`),
        value: parsed,
      };
    }
    case "integer":
      if (epoch === null) return { ok: "FALSE", value: "NULL" };
      // Compared before multiplying: seconds far out of range must not overflow BIGINT.
      return epoch === "ms"
        ? instantFromMs(c)
        : {
            ok: `(${c} BETWEEN ${Math.ceil(MIN_MS / 1000)} AND ${Math.floor(MAX_MS / 1000)})`,
            value: `CASE WHEN ${c} BETWEEN ${Math.ceil(MIN_MS / 1000)} AND ${Math.floor(MAX_MS / 1000)} THEN MAKE_TIMESTAMP(CAST(${c} AS BIGINT) * 1000000) END`,
          };
    default:
      return { ok: "FALSE", value: "NULL" };
  }
}

/**
 * A lead field's column, read as a CSV cell: placeholders are missing, text is trimmed (blank is missing),
 * then typed by the field's type (eval/coerce.ts) and validated (eval/validate-input.ts).
 */
export function leadValueCheck(
  field: FieldSchema,
  column: ParquetColumn | undefined,
  input: Pick<InputOptions, "missingValues" | "epoch">,
): ValueCheck {
  if (column === undefined) return { ok: field.optional ? "TRUE" : "FALSE", value: "NULL" };
  const c = column.sql;
  const text = textOf(column);
  const missingOk = field.optional ? "TRUE" : "FALSE";
  const placeholders = [...input.missingValues.all, ...(input.missingValues.byField.get(field.name) ?? [])]
    .map((value) => value.trim().toLowerCase())
    .filter((value) => value !== "");
  // Whether the value is a placeholder, and whether SQL can tell (printable ASCII text only).
  let placeholder = "FALSE";
  let decidable = "TRUE";
  if (placeholders.length > 0) {
    if (text === null) decidable = "FALSE";
    else {
      decidable = printable(text);
      placeholder = and(printable(text), `${lowered(text)} IN ${sqlList(placeholders)}`);
    }
  }
  const blank = column.kind === "text" ? `(${trimJs(c)} = '')` : "FALSE";
  const typed = presentLeadValue(field, column, input.epoch);
  return {
    ok:
      `(CASE WHEN ${c} IS NULL THEN ${missingOk} WHEN NOT ${decidable} THEN FALSE ` +
      `WHEN ${placeholder} OR ${blank} THEN ${missingOk} ELSE ${typed.ok} END)`,
    value: `(CASE WHEN ${placeholder} THEN NULL ELSE ${typed.value} END)`,
  };
}

/** A present, non-blank lead value that is no placeholder, typed as the field says. */
function presentLeadValue(field: FieldSchema, column: ParquetColumn, epoch: EpochUnit | null): ValueCheck {
  const c = column.sql;
  const text = textOf(column);
  switch (field.type) {
    case "string":
      return text === null ? { ok: "FALSE", value: "NULL" } : { ok: "TRUE", value: text };
    case "enum": {
      if (text === null) return { ok: "FALSE", value: "NULL" };
      const members = (field.values ?? []).map(foldCase);
      return { ok: and(printable(text), `${lowered(text)} IN ${sqlList(members)}`), value: text };
    }
    case "number":
      switch (column.kind) {
        case "double":
          return { ok: `ISFINITE(${c})`, value: c };
        case "integer":
          return { ok: `(${c} BETWEEN -${SAFE_INTEGER} AND ${SAFE_INTEGER})`, value: `CAST(${c} AS DOUBLE)` };
        case "text": {
          const parsed = `TRY_CAST(TRIM(${c}, ' ') AS DOUBLE)`;
          return {
            ok: and(`LENGTH(${c}) <= 40`, `REGEXP_FULL_MATCH(${c}, '${NUMBER_TEXT}')`, `ISFINITE(${parsed})`),
            value: parsed,
          };
        }
        default:
          return { ok: "FALSE", value: "NULL" };
      }
    case "boolean":
      switch (column.kind) {
        case "boolean":
          return { ok: "TRUE", value: c };
        case "integer":
        case "double":
          return { ok: `(${c} IN (0, 1))`, value: `(${c} = 1)` };
        case "text":
          // Only the words are a value: blank text (accepted as missing) is no `false`.
          return {
            ok: and(printable(c), `${lowered(c)} IN ('true', 'false', 'yes', 'no', '1', '0')`),
            value:
              `(CASE ${lowered(c)} WHEN 'true' THEN TRUE WHEN 'yes' THEN TRUE WHEN '1' THEN TRUE ` +
              `WHEN 'false' THEN FALSE WHEN 'no' THEN FALSE WHEN '0' THEN FALSE END)`,
          };
        default:
          return { ok: "FALSE", value: "NULL" };
      }
    case "date":
      return dateCheck(column, epoch);
  }
}

/**
 * An event value, with its JSON type (parquet-input.ts `eventValue`): whether a property of the event's
 * type would be accepted by the validator, and the value it holds. A missing value (NULL) is absent.
 */
export function eventValueCheck(
  field: FieldSchema,
  column: ParquetColumn | undefined,
  epoch: EpochUnit | null,
): ValueCheck {
  if (column === undefined) return { ok: field.optional ? "TRUE" : "FALSE", value: "NULL" };
  const c = column.sql;
  const present = presentEventValue(field, column, epoch);
  return {
    ok: `(CASE WHEN ${c} IS NULL THEN ${field.optional ? "TRUE" : "FALSE"} ELSE ${present.ok} END)`,
    value: present.value,
  };
}

function presentEventValue(field: FieldSchema, column: ParquetColumn, epoch: EpochUnit | null): ValueCheck {
  const c = column.sql;
  switch (field.type) {
    case "string":
      if (column.kind !== "text") return { ok: "FALSE", value: "NULL" };
      return { ok: field.optional ? "TRUE" : `(${trimJs(c)} <> '')`, value: c };
    case "enum": {
      if (column.kind !== "text") return { ok: "FALSE", value: "NULL" };
      const members = (field.values ?? []).map(foldCase);
      const blank = `(${lowered(c)} = '')`;
      return {
        ok: and(
          printable(c),
          `CASE WHEN ${blank} THEN ${field.optional ? "TRUE" : "FALSE"} ELSE ${lowered(c)} IN ${sqlList(members)} END`,
        ),
        value: c,
      };
    }
    case "number":
      if (column.kind === "double") return { ok: `ISFINITE(${c})`, value: c };
      if (column.kind === "integer")
        return { ok: `(${c} BETWEEN -${SAFE_INTEGER} AND ${SAFE_INTEGER})`, value: `CAST(${c} AS DOUBLE)` };
      return { ok: "FALSE", value: "NULL" };
    case "boolean":
      return column.kind === "boolean" ? { ok: "TRUE", value: c } : { ok: "FALSE", value: "NULL" };
    case "date":
      return dateCheck(column, epoch);
  }
}

/** The event type as the validator finds it (printable ASCII: trimmed of spaces, lowercased); else null. */
export function eventTypeKey(column: ParquetColumn): string {
  const c = column.sql;
  return `CASE WHEN ${printable(c)} THEN ${lowered(c)} END`;
}
