import type { FieldSchema } from "../compile/artifact.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { setOwnField } from "../eval/own-field.js";
import { InputValidator, type RulesetSchema, type ValidationIssue } from "../eval/validate-input.js";
import { coerceLead, epochInstant, fieldsOf, type EpochUnit } from "../eval/coerce.js";
import { readEventTimes } from "../eval/event-times.js";
import type { InputOptions, MissingValues } from "./input-options.js";

/** A lead as scoring takes it, with every reason it cannot be scored as given (empty: it can). */
export interface PreparedLead {
  lead: Record<string, unknown>;
  events: Array<Record<string, unknown>>;
  /**
   * Each event's time (readEventTimes), read once here for validation, and for scoring: pass them as
   * ScoreOptions.eventTimes, so that no ruleset scoring the lead reads them again.
   */
  times: number[];
  issues: ValidationIssue[];
  /** Keys of the lead that are no field of the schema (problems with `strictKeys`, counted otherwise). */
  unknownKeys: string[];
}

export type PrepareOptions = Pick<InputOptions, "epoch" | "missingValues" | "strictKeys">;

/**
 * The one place a lead record becomes a lead to score, whatever it was read from (a CSV row, an NDJSON
 * line, a fixture case, a lead file for `explain`, a caller of the library): placeholders become
 * missing, text is typed by the schema, timestamps written as numbers are read in the declared unit (or
 * refused), keys that are no field are found, and the lead and its events are validated. So every path
 * gives the same lead the same result.
 */
export class LeadPreparer {
  readonly #schema: RulesetSchema;
  readonly #options: PrepareOptions;
  readonly #validator: InputValidator;
  readonly #fieldNames: ReadonlySet<string>;
  readonly #placeholders: Placeholders;
  /** The date fields of the lead, and of each event type (by lowercased name), in declaration order. */
  readonly #leadDates: readonly string[];
  readonly #eventDates: ReadonlyMap<string, readonly string[]>;
  readonly #unknownEventDates: readonly string[];

  constructor(schema: RulesetSchema, options: PrepareOptions, validator?: InputValidator) {
    this.#schema = schema;
    this.#options = options;
    this.#validator = validator ?? new InputValidator(schema);
    this.#fieldNames = new Set(schema.lead.map((field) => field.name));
    this.#placeholders = new Placeholders(options.missingValues);
    const fields = fieldsOf(schema);
    this.#leadDates = dateFields(fields.lead);
    this.#eventDates = new Map([...fields.events].map(([type, map]) => [type, dateFields(map)]));
    this.#unknownEventDates = dateFields(fields.unknownEvent);
  }

  /**
   * `fields` by field name; `fromText` when every value is text as written (CSV), to be typed by the
   * schema. JSON and YAML values keep their own types: `"500"` for a number field is a problem there.
   *
   * Each event is copied, so that what is validated is what is scored even when the caller's objects
   * change under it (a getter). `eventsParsed` says that the events are plain values parsed from a file
   * for this lead alone (a reader's): they are then taken as they are, and only an event whose time is
   * rewritten (an epoch number) is copied — never changed, the record as read stays as read.
   */
  prepare(
    fields: Readonly<Record<string, unknown>>,
    events: readonly unknown[],
    fromText: boolean,
    eventsParsed = false,
  ): PreparedLead {
    const issues: ValidationIssue[] = [];
    const unknownKeys: string[] = [];
    let lead: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(fields)) {
      if (!this.#fieldNames.has(name)) unknownKeys.push(name);
      if (this.#placeholders.isMissing(name, value)) continue;
      setOwnField(lead, name, value);
    }
    if (fromText) {
      const coerced = coerceLead(this.#schema, lead as Record<string, string>, this.#options.epoch);
      lead = coerced.record;
      issues.push(...coerced.issues);
    } else {
      epochFields(lead, this.#leadDates, "lead", issues, this.#options.epoch);
    }
    if (this.#options.strictKeys) {
      const names = [...this.#fieldNames];
      for (const key of unknownKeys) {
        const hint = didYouMean(key, names);
        issues.push({
          path: `lead.${key}`,
          reason: `no such lead field${hint === undefined ? "" : ` (${hint})`}`,
        });
      }
    }
    const prepared = events.map((event, index) => this.#event(event, index, issues, eventsParsed));
    const times = readEventTimes(prepared);
    const reported = issues.length === 0 ? null : new Set(issues.map((issue) => issue.path));
    for (const issue of this.#validator.validate(lead, prepared, times))
      if (reported === null || !reported.has(issue.path)) issues.push(issue);
    return { lead, events: prepared, times, issues, unknownKeys };
  }

  #event(event: unknown, index: number, issues: ValidationIssue[], parsed: boolean): Record<string, unknown> {
    if (event === null || typeof event !== "object" || Array.isArray(event))
      return event as Record<string, unknown>;
    const record = event as Record<string, unknown>;
    const type = typeof record.type === "string" ? record.type.trim().toLowerCase() : "";
    const dates = this.#eventDates.get(type) ?? this.#unknownEventDates;
    const epochTimes = dates.some((name) => isEpochNumber(record[name]));
    // A parsed event is the reader's own and is kept as it is; times are rewritten in a copy (the record
    // as read may be shown again). An event given by a caller is always copied, never changed.
    if (parsed && !epochTimes) return record;
    const copy = { ...record };
    if (epochTimes) epochFields(copy, dates, `events[${index}]`, issues, this.#options.epoch);
    return copy;
  }
}

/** The names of the date fields among these, in their order. */
function dateFields(fields: ReadonlyMap<string, FieldSchema>): string[] {
  return [...fields].filter(([, field]) => field.type === "date").map(([name]) => name);
}

function isEpochNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Numbers in date fields are read in the declared epoch unit (or reported); everything else is left as is. */
function epochFields(
  record: Record<string, unknown>,
  dates: readonly string[],
  path: string,
  issues: ValidationIssue[],
  epoch: EpochUnit | null,
): void {
  for (const name of dates) {
    const value = record[name];
    if (!isEpochNumber(value)) continue;
    setOwnField(record, name, epochInstant(value, String(value), `${path}.${name}`, issues, epoch));
  }
}

/** Placeholder values (`Select`, `N/A`, `-`) that the user said mean missing, for every field or one. */
class Placeholders {
  readonly #all: ReadonlySet<string>;
  readonly #byField: ReadonlyMap<string, ReadonlySet<string>>;
  readonly #none: boolean;

  constructor(values: MissingValues) {
    this.#all = new Set(values.all.map(normal));
    this.#byField = new Map([...values.byField].map(([field, list]) => [field, new Set(list.map(normal))]));
    this.#none = this.#all.size === 0 && this.#byField.size === 0;
  }

  isMissing(field: string, value: unknown): boolean {
    if (this.#none || typeof value !== "string") return false;
    const text = normal(value);
    return this.#all.has(text) || this.#byField.get(field)?.has(text) === true;
  }
}

function normal(text: string): string {
  return text.trim().toLowerCase();
}
