import type { Artifact, Expr, FieldSchema, FieldType, Match } from "../compile/artifact.js";
import { exprRefs } from "../compile/expr-refs.js";
import { foldCase } from "../eval/normalize.js";
import { call, cast, inTexts, text, when, type SqlExpr } from "./ir.js";

/**
 * The input relations the SQL reads, and how their columns become the values conditions compare.
 *
 * leads: `id` and one column per declared lead field, named as the field: text for string and enumeration
 *   fields, a number for number fields, a boolean for boolean fields, a timestamp (UTC) for date fields.
 * events: `lead_id`, `type`, `at` (a timestamp) and one column per declared event property.
 *
 * Values are normalised in SQL exactly as the JS engine normalises them (eval/normalize.ts): text trimmed
 * of what JavaScript's trim removes, ASCII case-folded, and blank text missing; timestamps as epoch
 * milliseconds, so that windows and decay are exact integer arithmetic in UTC whatever the session's zone.
 */

/** The column holding a lead field's normalised value in the generated CTEs. */
export const fieldColumn = (name: string): string => `f_${name}`;
/** The column holding an event property's normalised value. */
export const propertyColumn = (name: string): string => `p_${name}`;

/** A raw column's value normalised for comparisons, by type. */
export function normalizedValue(raw: SqlExpr, type: FieldType): SqlExpr {
  switch (type) {
    case "string":
    case "enum":
      return call("nullif", call("trim_fold", cast("text", raw)), text(""));
    case "number":
      return cast("double", raw);
    case "boolean":
      return raw;
    case "date":
      return call("epoch_ms", raw);
  }
}

/**
 * An event's type normalised like any text (trimmed, folded), or as it is when it is one of `known` as
 * written (folded, nothing to trim: normalising it gives itself). Events almost always carry their type
 * so, and comparing with a few literals costs much less than trimming and folding ten million values.
 */
export function eventType(raw: SqlExpr, known: readonly string[]): SqlExpr {
  const value = cast("text", raw);
  const asWritten = known.filter((type) => type !== "" && type === foldCase(type).trim());
  const normalized = call("trim_fold", value);
  if (asWritten.length === 0) return normalized;
  return when([{ when: inTexts(value, asWritten), result: value }], normalized);
}

/** A lead or event id as the JS engine keys events by it: trimmed text, blank is none. Case is kept. */
export function idValue(raw: SqlExpr): SqlExpr {
  return call("nullif", call("trim_js", cast("text", raw)), text(""));
}

/** Every event property the rules may read, once by name (the first declaration's type wins). */
export function eventProperties(artifact: Artifact): FieldSchema[] {
  const byName = new Map<string, FieldSchema>();
  for (const event of artifact.schema.events) {
    for (const property of event.properties)
      if (!byName.has(property.name)) byName.set(property.name, property);
  }
  return [...byName.values()];
}

/**
 * The event properties some rule's or exclusion's `where` reads, each with the folded types of the
 * events it is read for (null: events of any type). Properties no `where` reads are not read at all.
 */
export function propertyReaders(artifact: Artifact): Map<string, Set<string> | null> {
  const readers = new Map<string, Set<string> | null>();
  const matches = [
    ...artifact.models.flatMap((model) => model.rules.map((rule) => rule.match)),
    ...artifact.exclusions.map((exclusion) => exclusion.match),
  ];
  for (const match of matches) {
    if (match.kind !== "event" || match.where === null) continue;
    const types = match.types.length === 0 ? null : match.types.map(foldCase);
    for (const name of eventPropertiesRead(match.where)) {
      const known = readers.has(name) ? readers.get(name)! : new Set<string>();
      if (known === null || types === null) readers.set(name, null);
      else readers.set(name, new Set([...known, ...types]));
    }
  }
  return readers;
}

/** The event properties a condition reads (not the event's time). */
function eventPropertiesRead(expr: Expr): string[] {
  return exprRefs(expr)
    .filter((ref) => ref.scope === "event" && ref.name !== "at")
    .map((ref) => ref.name);
}

/**
 * The event types that count anywhere, folded: the declared ones and any a rule names. Events of other
 * types are ignored everywhere, as in the JS engine's event index.
 */
export function knownEventTypes(artifact: Artifact): string[] {
  const names = [
    ...artifact.schema.events.map((event) => event.name),
    ...artifact.models.flatMap((model) => model.rules.flatMap((rule) => typesOf(rule.match))),
    ...artifact.exclusions.flatMap((exclusion) => typesOf(exclusion.match)),
  ];
  return [...new Set(names.map(foldCase))];
}

function typesOf(match: Match): string[] {
  return match.kind === "profile" ? [] : (match.types ?? []);
}

/** Whether anything in the ruleset reads events (else the SQL need not read the events relation). */
export function readsEvents(artifact: Artifact): boolean {
  return (
    artifact.models.some((model) => model.rules.some((rule) => rule.match.kind !== "profile")) ||
    artifact.exclusions.some((exclusion) => exclusion.match.kind !== "profile")
  );
}
