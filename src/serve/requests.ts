import type { ScoringEvent } from "../eval/event-index.js";
import { toInstant } from "../eval/instant.js";
import type { Lead, Ruleset } from "../eval/ruleset.js";
import type { ValidationIssue } from "../eval/validate-input.js";

/** Limits on what one request may ask; each has a command-line option. */
export interface RequestLimits {
  /** Bytes of request body (413 above it). */
  maxBodyBytes: number;
  /** Leads in one batch (413 above it). */
  maxBatch: number;
  /** Events with one lead (413 above it). */
  maxEvents: number;
}

/** A lead ready to score: validated against the ruleset's own schema. */
export interface ScoringItem {
  lead: Lead;
  events: ScoringEvent[];
}

/** A request the service refuses, with every problem's field path and reason. */
export interface RequestProblem {
  status: 400 | 413;
  issues: ValidationIssue[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

function unknownFields(
  body: Record<string, unknown>,
  known: readonly string[],
  at: string,
): ValidationIssue[] {
  return Object.keys(body)
    .filter((key) => !known.includes(key))
    .map((key) => ({ path: `${at}${key}`, reason: `unknown field (expected ${known.join(", ")})` }));
}

/** The request's `asOf` (default: now), or the issue with it. */
export function readAsOf(body: Record<string, unknown>, now: () => number): number | ValidationIssue {
  if (body.asOf === undefined || body.asOf === null) return now();
  const ms = typeof body.asOf === "string" || typeof body.asOf === "number" ? toInstant(body.asOf) : NaN;
  if (Number.isNaN(ms))
    return { path: "asOf", reason: "must be an ISO-8601 timestamp or epoch milliseconds" };
  return ms;
}

/**
 * One `{ lead, events }` item, at `prefix` (`""` for a single request, `leads[3].` in a batch): the lead and
 * its events checked against the ruleset's schema, paths named as the client wrote them.
 */
export function readItem(
  value: unknown,
  prefix: string,
  ruleset: Ruleset,
  limits: RequestLimits,
  extraFields: readonly string[] = [],
): ScoringItem | RequestProblem {
  if (!isObject(value)) {
    return {
      status: 400,
      issues: [{ path: prefix.replace(/\.$/, "") || "body", reason: "must be an object { lead, events }" }],
    };
  }
  const structural = unknownFields(value, ["lead", "events", ...extraFields], prefix);
  const events = value.events ?? [];
  if (Array.isArray(events) && events.length > limits.maxEvents) {
    return {
      status: 413,
      issues: [{ path: `${prefix}events`, reason: `at most ${limits.maxEvents} events per lead` }],
    };
  }
  const issues = [
    ...structural,
    ...ruleset
      .validate(value.lead, events)
      .map((issue) => ({ path: `${prefix}${issue.path}`, reason: issue.reason })),
  ];
  if (issues.length > 0) return { status: 400, issues };
  return { lead: value.lead as Lead, events: events as ScoringEvent[] };
}

export function isProblem(value: object): value is RequestProblem {
  return "issues" in value;
}

/** A batch's leads, or why the batch as a whole is refused (items are judged one by one after this). */
export function readBatch(body: unknown, limits: RequestLimits): unknown[] | RequestProblem {
  if (!isObject(body))
    return { status: 400, issues: [{ path: "body", reason: "must be an object { leads, asOf }" }] };
  const structural = unknownFields(body, ["leads", "asOf"], "");
  if (!Array.isArray(body.leads)) {
    return {
      status: 400,
      issues: [...structural, { path: "leads", reason: "must be a list of { lead, events }" }],
    };
  }
  if (body.leads.length > limits.maxBatch) {
    return { status: 413, issues: [{ path: "leads", reason: `at most ${limits.maxBatch} leads per batch` }] };
  }
  if (structural.length > 0) return { status: 400, issues: structural };
  return body.leads;
}
