import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { Artifact, FieldSchema } from "../compile/artifact.js";
import { closestName } from "../diagnostics/suggest.js";
import { toInstant } from "./instant.js";
import { nestingProblem } from "../compile/json-nesting.js";

/** One problem with a lead record, as data: where (`lead.employees`, `events[3].at`) and why, in plain words. */
export interface ValidationIssue {
  path: string;
  reason: string;
}

export type RulesetSchema = Artifact["schema"];

/*
 * Lead and event records are checked with JSON Schemas generated from the ruleset's own schema and
 * compiled by ajv once per ruleset. Three custom keywords say what JSON Schema cannot say directly:
 *   lsPresent  a required value is there: not null, not blank text (blank is missing, as in scoring);
 *   lsEnum     text that is one of the members, compared case-insensitively like every text;
 *   lsInstant  an ISO-8601 timestamp, epoch milliseconds or a Date (what scoring can read as a time).
 * ajv's own messages are replaced by ones written for the people who fix the data.
 */

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function createAjv(): Ajv {
  // ownProperties: a field named `constructor` or `toString` is the record's own value or missing, never
  // something inherited from Object.prototype.
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, ownProperties: true });
  ajv.addKeyword({
    keyword: "lsPresent",
    schemaType: "boolean",
    errors: true,
    validate: (required: boolean, value: unknown) => !required || !isBlank(value),
  });
  ajv.addKeyword({
    keyword: "lsEnum",
    schemaType: "array",
    errors: true,
    validate: (members: string[], value: unknown) =>
      typeof value !== "string" || value.trim() === "" || members.includes(value.trim().toLowerCase()),
  });
  ajv.addKeyword({
    keyword: "lsInstant",
    schemaType: "boolean",
    errors: true,
    validate: (_enabled: boolean, value: unknown) => isBlank(value) || !Number.isNaN(toInstant(value)),
  });
  return ajv;
}

const JSON_TYPE: Record<FieldSchema["type"], string | null> = {
  string: "string",
  enum: "string",
  number: "number",
  boolean: "boolean",
  date: null,
};

function fieldSchema(field: FieldSchema): Record<string, unknown> {
  const schema: Record<string, unknown> = {};
  const type = JSON_TYPE[field.type];
  // Null is missing: allowed by the type, and refused for required fields by lsPresent with a clear reason.
  if (type !== null) schema.type = [type, "null"];
  if (!field.optional) schema.lsPresent = true;
  if (field.type === "enum") schema.lsEnum = (field.values ?? []).map((value) => value.toLowerCase());
  if (field.type === "date") schema.lsInstant = true;
  return schema;
}

function objectSchema(fields: readonly FieldSchema[]): Record<string, unknown> {
  return {
    type: "object",
    // Extra fields are allowed: exports carry more columns than the rules read.
    properties: Object.fromEntries(fields.map((field) => [field.name, fieldSchema(field)])),
    required: fields.filter((field) => !field.optional).map((field) => field.name),
  };
}

const EVENT_BASE_FIELDS: FieldSchema[] = [
  { name: "type", type: "string", optional: false },
  { name: "at", type: "date", optional: false },
];

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
  private readonly lead: ValidateFunction;
  private readonly leadFields: Map<string, FieldSchema>;
  private readonly events = new Map<
    string,
    { validate: ValidateFunction; fields: Map<string, FieldSchema> }
  >();
  private readonly eventTypes: string[];

  constructor(schema: RulesetSchema) {
    const ajv = createAjv();
    this.lead = ajv.compile(objectSchema(schema.lead));
    this.leadFields = new Map(schema.lead.map((field) => [field.name, field]));
    for (const event of schema.events) {
      const fields = [
        ...EVENT_BASE_FIELDS,
        ...event.properties.filter((p) => p.name !== "type" && p.name !== "at"),
      ];
      const entry = {
        validate: ajv.compile(objectSchema(fields)),
        fields: new Map(fields.map((field) => [field.name, field])),
      };
      this.events.set(event.name, entry);
      if (!this.events.has(event.name.toLowerCase())) this.events.set(event.name.toLowerCase(), entry);
    }
    this.eventTypes = schema.events.map((event) => event.name);
  }

  /** Every issue with the lead and its events; empty when the record can be scored as given. */
  validate(lead: unknown, events: unknown = []): ValidationIssue[] {
    // Nesting first: nothing below may walk a value too deep for the stack, or one that holds itself.
    const leadNesting = nestingProblem(lead);
    const eventsNesting = nestingProblem(events);
    if (leadNesting !== null || eventsNesting !== null) {
      return [
        ...(leadNesting === null ? [] : [{ path: "lead", reason: leadNesting }]),
        ...(eventsNesting === null ? [] : [{ path: "events", reason: eventsNesting }]),
      ];
    }
    return [...this.validateLead(lead), ...this.validateEvents(events)];
  }

  validateLead(lead: unknown): ValidationIssue[] {
    if (lead === null || typeof lead !== "object" || Array.isArray(lead)) {
      return [{ path: "lead", reason: "must be an object with the lead's fields" }];
    }
    if (this.lead(lead)) return [];
    return describeErrors(this.lead.errors ?? [], "lead", this.leadFields, lead as Record<string, unknown>);
  }

  validateEvents(events: unknown): ValidationIssue[] {
    if (events === undefined || events === null) return [];
    if (!Array.isArray(events)) return [{ path: "events", reason: "must be a list of events" }];
    const issues: ValidationIssue[] = [];
    events.forEach((event: unknown, i) => {
      issues.push(...this.validateEvent(event, `events[${i}]`));
    });
    return issues;
  }

  validateEvent(event: unknown, path: string): ValidationIssue[] {
    if (event === null || typeof event !== "object" || Array.isArray(event)) {
      return [{ path, reason: "must be an object with `type` and `at`" }];
    }
    const record = event as Record<string, unknown>;
    const type = record.type;
    if (isBlank(type)) {
      const issues = [{ path: `${path}.type`, reason: "missing required field `type`" }];
      if (isBlank(record.at)) issues.push({ path: `${path}.at`, reason: "missing required field `at`" });
      return issues;
    }
    if (typeof type !== "string") return [{ path: `${path}.type`, reason: "must be text" }];
    const entry = this.events.get(type) ?? this.events.get(type.trim().toLowerCase());
    if (!entry) {
      const suggestion = closestName(type.trim(), this.eventTypes);
      const hint = suggestion === undefined ? "" : ` (did you mean \`${suggestion}\`?)`;
      return [{ path: `${path}.type`, reason: `unknown event type \`${type.trim()}\`${hint}` }];
    }
    if (entry.validate(record)) return [];
    return describeErrors(entry.validate.errors ?? [], path, entry.fields, record);
  }
}

function describeErrors(
  errors: readonly ErrorObject[],
  path: string,
  fields: ReadonlyMap<string, FieldSchema>,
  record: Record<string, unknown>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const name =
      error.keyword === "required"
        ? String((error.params as { missingProperty: string }).missingProperty)
        : decodePointer(error.instancePath);
    const field = fields.get(name);
    const value = Object.hasOwn(record, name) ? record[name] : undefined;
    let reason: string;
    switch (error.keyword) {
      case "required":
      case "lsPresent":
        reason = `missing required field \`${name}\``;
        break;
      case "lsEnum":
        reason = `\`${shown(value).trim()}\` is not one of ${(field?.values ?? []).join(", ")}`;
        break;
      case "lsInstant":
        reason = `\`${shown(value)}\` is not an ISO-8601 timestamp`;
        break;
      default:
        reason = field ? TYPE_WORDS[field.type] : (error.message ?? "is not valid");
    }
    const issuePath = `${path}.${name}`;
    // One issue per field is enough to fix it.
    if (seen.has(issuePath)) continue;
    seen.add(issuePath);
    issues.push({ path: issuePath, reason });
  }
  return issues;
}

/** `/employees` → `employees` (JSON Pointer, one level deep). */
function decodePointer(pointer: string): string {
  return pointer.slice(1).replace(/~1/g, "/").replace(/~0/g, "~");
}
