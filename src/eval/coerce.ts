import type { FieldSchema } from "../compile/artifact.js";
import { parseInstant } from "./instant.js";
import { parseBooleanText, parseNumberText } from "./normalize.js";
import type { RulesetSchema, ValidationIssue } from "./validate-input.js";
import { setOwnField } from "./own-field.js";

/**
 * Records read from text (CSV cells, query strings) carry every value as a string. Coercion turns them
 * into the values the schema declares, before validation: text is trimmed, blank cells are missing,
 * numbers and booleans are parsed, timestamps are checked (and kept as written, so results show them as
 * the source did). A value that cannot be read as its type is kept as written and reported, so nothing is
 * dropped silently; validating the coerced record then needs no second report for it.
 */
export interface Coerced {
  record: Record<string, unknown>;
  issues: ValidationIssue[];
}

/** The unit of timestamps written as numbers, or null: a number is not read as a time. */
export type EpochUnit = "s" | "ms";

function coerceValue(
  field: FieldSchema | undefined,
  text: string,
  path: string,
  issues: ValidationIssue[],
  epoch: EpochUnit | null,
): unknown {
  if (field === undefined) return text;
  switch (field.type) {
    case "number": {
      const number = parseNumberText(text);
      if (Number.isFinite(number)) return number;
      issues.push({ path, reason: `\`${text}\` is not a number` });
      return text;
    }
    case "boolean": {
      const value = parseBooleanText(text);
      if (value !== undefined) return value;
      issues.push({ path, reason: `\`${text}\` is not true or false (write true/false, yes/no or 1/0)` });
      return text;
    }
    case "date": {
      const number = parseNumberText(text);
      if (Number.isFinite(number)) return epochInstant(number, text, path, issues, epoch);
      if (Number.isNaN(parseInstant(text)))
        issues.push({ path, reason: `\`${text}\` is not an ISO-8601 timestamp` });
      return text;
    }
    case "string":
    case "enum":
      return text;
  }
}

/**
 * A timestamp written as a number is read in the declared unit (`--epoch s|ms`), as epoch milliseconds,
 * a finer fraction rounded down as in ISO-8601 text (`.0005` of a second is no millisecond): instants are
 * whole milliseconds on every engine. Without a declared unit it is not guessed: 1793000000 is 2026 in
 * seconds and January 1970 in milliseconds, and a wrong guess silently moves every event out of every
 * window.
 */
export function epochInstant(
  number: number,
  written: string,
  path: string,
  issues: ValidationIssue[],
  epoch: EpochUnit | null,
): unknown {
  if (epoch === "ms") return Math.floor(number);
  if (epoch === "s") return secondsToMs(number);
  issues.push({
    path,
    reason: `\`${written}\` is a number, and the unit of epoch timestamps is not declared: write ISO-8601, or declare it with --epoch s|ms (epoch: in leadscore.yaml)`,
  });
  return written;
}

/**
 * Epoch seconds as whole milliseconds, rounded down, by moving the decimal point of the number's own
 * digits (the shortest that read back as it): `1.005 * 1000` is 1004.9999999999999, yet 1.005 s is
 * 1005 ms, as the ISO-8601 text of that instant says.
 */
function secondsToMs(seconds: number): number {
  const digits = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(String(seconds));
  // An exponent form (1e-7, 1e+21): far from any whole millisecond a product could miss.
  if (digits === null) return Math.floor(seconds * 1000);
  const [, sign, whole, fraction = ""] = digits;
  const ms = Number(`${sign}${whole}${fraction.padEnd(3, "0").slice(0, 3)}`);
  // Digits beyond the millisecond: below it when positive, so one less when negative.
  return sign === "-" && /[1-9]/.test(fraction.slice(3)) ? ms - 1 : ms;
}

function coerceRecord(
  fields: ReadonlyMap<string, FieldSchema>,
  record: Readonly<Record<string, string | undefined>>,
  path: string,
  epoch: EpochUnit | null,
): Coerced {
  const coerced: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  for (const [name, raw] of Object.entries(record)) {
    if (raw === undefined || raw === null) continue;
    const text = String(raw).trim();
    if (text === "") continue;
    setOwnField(coerced, name, coerceValue(fields.get(name), text, `${path}.${name}`, issues, epoch));
  }
  return { record: coerced, issues };
}

const EVENT_TIME: FieldSchema = { name: "at", type: "date", optional: false };

export interface SchemaFields {
  lead: Map<string, FieldSchema>;
  /** Per event type (lowercased), its properties and `at`. */
  events: Map<string, Map<string, FieldSchema>>;
  /** `at` alone, for events of a type the ruleset does not declare (validation reports the type). */
  unknownEvent: Map<string, FieldSchema>;
}

// Field lookups are built once per schema, not once per record of a large file.
const fieldsCache = new WeakMap<RulesetSchema, SchemaFields>();

export function fieldsOf(schema: RulesetSchema): SchemaFields {
  let fields = fieldsCache.get(schema);
  if (!fields) {
    fields = {
      lead: new Map(schema.lead.map((field) => [field.name, field])),
      events: new Map(
        schema.events.map((event) => [
          event.name.toLowerCase(),
          new Map([...event.properties.map((field) => [field.name, field] as const), ["at", EVENT_TIME]]),
        ]),
      ),
      unknownEvent: new Map([["at", EVENT_TIME]]),
    };
    fieldsCache.set(schema, fields);
  }
  return fields;
}

/** A lead read from text, with its values typed by the ruleset's lead schema. */
export function coerceLead(
  schema: RulesetSchema,
  record: Readonly<Record<string, string | undefined>>,
  epoch: EpochUnit | null = null,
): Coerced {
  return coerceRecord(fieldsOf(schema).lead, record, "lead", epoch);
}

/** An event read from text: `type`, `at` and the properties its type declares. */
export function coerceEvent(
  schema: RulesetSchema,
  record: Readonly<Record<string, string | undefined>>,
  path = "event",
  epoch: EpochUnit | null = null,
): Coerced {
  const fields = fieldsOf(schema);
  const type = record.type?.trim().toLowerCase() ?? "";
  return coerceRecord(fields.events.get(type) ?? fields.unknownEvent, record, path, epoch);
}
