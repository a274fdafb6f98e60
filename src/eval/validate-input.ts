import type { Artifact, FieldSchema } from "../compile/artifact.js";
import { closestName } from "../diagnostics/suggest.js";
import { foldCase, normalizeText } from "./normalize.js";
import { toInstant } from "./instant.js";
import { nestingProblem } from "../compile/json-nesting.js";
import { givenTimes } from "./event-times.js";

/** One problem with a lead record, as data: where (`lead.employees`, `events[3].at`) and why, in plain words. */
export interface ValidationIssue {
  path: string;
  reason: string;
}

export type RulesetSchema = Artifact["schema"];

/*
 * Lead and event records are checked field by field against the ruleset's own schema, with the same
 * normalisers scoring reads values with (normalize.ts): a value is valid exactly when scoring can read it.
 * The checks are plain data and code written here, nothing is generated at run time, so a service can
 * validate under a policy that forbids eval and new Function. For every field, the first problem found:
 *   present   a required field is there, not null, not blank text (blank is missing, as in scoring);
 *   type      text, a finite number or true/false as the field's type says (null is missing, not wrong);
 *   member    text that is one of an enumeration's members, compared case-insensitively like every text;
 *   instant   an ISO-8601 timestamp, epoch milliseconds or a Date (what scoring can read as a time).
 * Every record is read by its own properties only: a field named `constructor` or `toString` is the
 * record's value or missing, never something inherited from Object.prototype. Required fields that are
 * absent are reported first, then the other fields' problems, each in declaration order.
 */

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A field as the validator reads it: its schema, and its members in the form normalizeText gives. */
interface FieldCheck {
  field: FieldSchema;
  members: ReadonlySet<string> | null;
}

function fieldChecks(fields: readonly FieldSchema[]): FieldCheck[] {
  return fields.map((field) => ({
    field,
    members: field.type === "enum" ? new Set((field.values ?? []).map(foldCase)) : null,
  }));
}

function hasType(type: FieldSchema["type"], value: unknown): boolean {
  switch (type) {
    case "string":
    case "enum":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "date":
      return true;
  }
}

/** A field's own value; undefined when the record does not have it. */
function ownValue(record: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

/**
 * What is wrong with a present value of a field, or null. `time`: the value read as a time already (an
 * event's `at`, see readEventTimes), undefined to read it here.
 */
function valueProblem(check: FieldCheck, value: unknown, time: number | undefined): string | null {
  const { field } = check;
  if (value !== null && !hasType(field.type, value)) return TYPE_WORDS[field.type];
  if (!field.optional && isBlank(value)) return `missing required field \`${field.name}\``;
  if (check.members !== null && typeof value === "string") {
    const member = normalizeText(value);
    if (member !== undefined && !check.members.has(member)) {
      return `\`${shown(value).trim()}\` is not one of ${(field.values ?? []).join(", ")}`;
    }
  }
  if (field.type === "date" && !isBlank(value) && Number.isNaN(time ?? toInstant(value))) {
    return `\`${shown(value)}\` is not an ISO-8601 timestamp`;
  }
  return null;
}

/**
 * Adds the record's issues to `into`: required fields that are absent first, then the other fields'
 * problems, each in declaration order. `path` is the record's (`lead`), or the index of an event in the
 * lead's list: its path (`events[3]`) is written only when the event has an issue. `time`: an event's
 * `at` read as a time already (undefined: read here).
 */
function recordIssues(
  checks: readonly FieldCheck[],
  record: Record<string, unknown>,
  path: string | number,
  into: ValidationIssue[],
  time: number | undefined = undefined,
): void {
  let problems: ValidationIssue[] | null = null;
  for (const check of checks) {
    const { field } = check;
    const value = ownValue(record, field.name);
    if (value === undefined) {
      if (!field.optional)
        into.push({
          path: `${pathText(path)}.${field.name}`,
          reason: `missing required field \`${field.name}\``,
        });
      continue;
    }
    const reason = valueProblem(check, value, field === EVENT_TIME ? time : undefined);
    if (reason === null) continue;
    if (problems === null) problems = [];
    problems.push({ path: `${pathText(path)}.${field.name}`, reason });
  }
  if (problems !== null) into.push(...problems);
}

/** A record's path: as given, or the path of the event at that index. */
function pathText(path: string | number): string {
  return typeof path === "number" ? `events[${path}]` : path;
}

/** Every event's `at`: the field whose value readEventTimes reads. */
const EVENT_TIME: FieldSchema = { name: "at", type: "date", optional: false };

const EVENT_BASE_FIELDS: FieldSchema[] = [{ name: "type", type: "string", optional: false }, EVENT_TIME];

const TYPE_WORDS: Record<FieldSchema["type"], string> = {
  string: "must be text",
  enum: "must be text",
  number: "must be a number",
  boolean: "must be true or false",
  date: "must be a timestamp",
};

/** A value as a reason quotes it, cut short: a reason names the value, it does not copy a huge one. */
function shown(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return text.length <= SHOWN_LIMIT ? text : `${text.slice(0, SHOWN_LIMIT)}…`;
}

const SHOWN_LIMIT = 200;

/** Checks lead records and their events against one ruleset's schema; reusable for any number of records. */
export class InputValidator {
  private readonly lead: FieldCheck[];
  private readonly events = new Map<string, FieldCheck[]>();
  private readonly eventTypes: string[];

  constructor(schema: RulesetSchema) {
    this.lead = fieldChecks(schema.lead);
    for (const event of schema.events) {
      const entry = fieldChecks([
        ...EVENT_BASE_FIELDS,
        ...event.properties.filter((p) => p.name !== "type" && p.name !== "at"),
      ]);
      this.events.set(event.name, entry);
      if (!this.events.has(foldCase(event.name))) this.events.set(foldCase(event.name), entry);
    }
    this.eventTypes = schema.events.map((event) => event.name);
  }

  /**
   * Every issue with the lead and its events; empty when the record can be scored as given. `times`: the
   * events' times as readEventTimes reads them, when the caller has them (null: read here).
   */
  validate(lead: unknown, events: unknown = [], times: ArrayLike<number> | null = null): ValidationIssue[] {
    // Nesting first: nothing below may walk a value too deep for the stack, or one that holds itself.
    const leadNesting = nestingProblem(lead);
    const eventsNesting = nestingProblem(events);
    if (leadNesting !== null || eventsNesting !== null) {
      return [
        ...(leadNesting === null ? [] : [{ path: "lead", reason: leadNesting }]),
        ...(eventsNesting === null ? [] : [{ path: "events", reason: eventsNesting }]),
      ];
    }
    return [...this.validateLead(lead), ...this.validateEvents(events, times)];
  }

  validateLead(lead: unknown): ValidationIssue[] {
    if (lead === null || typeof lead !== "object" || Array.isArray(lead)) {
      return [{ path: "lead", reason: "must be an object with the lead's fields" }];
    }
    const issues: ValidationIssue[] = [];
    recordIssues(this.lead, lead as Record<string, unknown>, "lead", issues);
    return issues;
  }

  validateEvents(events: unknown, times: ArrayLike<number> | null = null): ValidationIssue[] {
    if (events === undefined || events === null) return [];
    if (!Array.isArray(events)) return [{ path: "events", reason: "must be a list of events" }];
    const issues: ValidationIssue[] = [];
    const timed = givenTimes(events, times);
    // A hole in the list is skipped, as `forEach` and `map` skip it.
    for (let i = 0; i < events.length; i++)
      if (i in events) this.#eventIssues(events[i], i, issues, timed === null ? undefined : timed[i]);
    return issues;
  }

  validateEvent(event: unknown, path: string): ValidationIssue[] {
    const issues: ValidationIssue[] = [];
    this.#eventIssues(event, path, issues);
    return issues;
  }

  /** Adds the event's issues to `into`; `path` and `time` as for `recordIssues` (built only for an issue). */
  #eventIssues(
    event: unknown,
    path: string | number,
    into: ValidationIssue[],
    time: number | undefined = undefined,
  ): void {
    if (event === null || typeof event !== "object" || Array.isArray(event)) {
      into.push({ path: pathText(path), reason: "must be an object with `type` and `at`" });
      return;
    }
    const record = event as Record<string, unknown>;
    const type = record.type;
    if (isBlank(type)) {
      into.push({ path: `${pathText(path)}.type`, reason: "missing required field `type`" });
      if (isBlank(record.at))
        into.push({ path: `${pathText(path)}.at`, reason: "missing required field `at`" });
      return;
    }
    if (typeof type !== "string") {
      into.push({ path: `${pathText(path)}.type`, reason: "must be text" });
      return;
    }
    const entry = this.events.get(type) ?? this.events.get(foldCase(type.trim()));
    if (!entry) {
      const suggestion = closestName(type.trim(), this.eventTypes);
      const hint = suggestion === undefined ? "" : ` (did you mean \`${suggestion}\`?)`;
      into.push({ path: `${pathText(path)}.type`, reason: `unknown event type \`${type.trim()}\`${hint}` });
      return;
    }
    recordIssues(entry, record, path, into, time);
  }
}
