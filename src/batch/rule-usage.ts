import type { Artifact, Expr, Literal, Match, Ref, SourceLocation } from "../compile/artifact.js";
import { closestName } from "../diagnostics/suggest.js";
import { normalizeText } from "../eval/normalize.js";
import type { ScoreResult } from "../eval/result.js";

/**
 * What a run learned about the rules themselves: the rules that fired for no lead, and the text values the
 * rules compare with (`lead_origin = "Lead Add From"`, `country in target_countries`) that no lead of the
 * population has. A typo in a value passes `check` (the field is text), never fires, and silently moves
 * leads; a run over real leads is the first place it can be seen.
 */
export interface UsageSummary {
  /** Every rule of every model, counted once. */
  rules: number;
  /** In artifact order (models in choice order, fit then engagement). */
  neverFired: Array<{ id: string; rule: string; at: string }>;
  /** In the order the rules first use them. */
  unseenValues: UnseenValue[];
}

export interface UnseenValue {
  /** `lead` fields, or `event` properties (inside `where`). */
  scope: "lead" | "event";
  field: string;
  /** As the rules write it. */
  value: string;
  /** The list it came from, when the rule names one. */
  list: string | null;
  /** `file:line` of each construct that uses it (rules, models, exclusions, buckets), first first. */
  at: string[];
  /** The observed value closest to it (by edit distance, case aside), as the data spells it. */
  suggestion: string | null;
}

/** Distinct values kept per field for suggestions: a free-text field must not hold the whole population. */
export const OBSERVED_LIMIT = 2000;

interface Probe {
  scope: "lead" | "event";
  field: string;
  value: string;
  list: string | null;
  at: string[];
  seen: boolean;
}

/** The values probed for one field, by their normalised form, and the values observed there. */
interface FieldProbes {
  probes: Map<string, Probe>;
  /** Normalised value → the first spelling seen. */
  observed: Map<string, string>;
}

/** Notes a lead (as scored) and its events in one or more tallies: see RuleUsageTally.observer. */
export type ObserveLead = (
  lead: Readonly<Record<string, unknown>>,
  events: readonly Readonly<Record<string, unknown>>[],
) => void;

/** A field some tallies probe, with each one's probes of it. */
interface SharedField {
  field: string;
  probes: FieldProbes[];
}

/**
 * Counts, lead by lead, which rules fire and which probed values occur. `observe` reads the lead as scoring
 * reads it (after validation and coercion); `count` reads its result. Memory: one flag per rule and per
 * probed value, and at most OBSERVED_LIMIT distinct values per probed field.
 */
export class RuleUsageTally {
  private readonly fired = new Set<string>();
  private readonly rules: Array<{ id: string; rule: string; at: string }> = [];
  private readonly lead = new Map<string, FieldProbes>();
  private readonly event = new Map<string, FieldProbes>();
  private readonly order: Probe[] = [];

  constructor(artifact: Artifact) {
    const lists = new Map(artifact.lists.map((list) => [list.name, list.values]));
    const visit = (expr: Expr | null, loc: SourceLocation): void => {
      if (expr !== null) this.collect(expr, where(loc), lists);
    };
    const visitMatch = (match: Match, loc: SourceLocation): void => {
      if (match.kind === "profile") visit(match.expr, loc);
      else if (match.kind === "event") visit(match.where, loc);
    };
    for (const model of artifact.models) {
      visit(model.when, model.loc);
      for (const rule of model.rules) {
        this.rules.push({ id: rule.id, rule: rule.text, at: where(rule.loc) });
        visitMatch(rule.match, rule.loc);
      }
      for (const bucket of model.buckets ?? [])
        if (bucket.test.kind === "when") visit(bucket.test.expr, bucket.loc);
    }
    for (const exclusion of artifact.exclusions) visitMatch(exclusion.match, exclusion.loc);
    for (const bucket of artifact.buckets)
      if (bucket.test.kind === "when") visit(bucket.test.expr, bucket.loc);
    this.observe = RuleUsageTally.observer([this]);
  }

  /** A lead as scored, and its events. */
  readonly observe: ObserveLead;

  /**
   * Observes each lead for several tallies at once (`diff` tallies the base's rules and the head's, which
   * mostly probe the same fields): each probed value is read and normalised once, then noted in every
   * tally that probes its field, each tally seeing the same values in the same order as on its own.
   */
  static observer(tallies: readonly RuleUsageTally[]): ObserveLead {
    const shared = (scope: "lead" | "event"): SharedField[] => {
      const fields = new Map<string, FieldProbes[]>();
      for (const tally of tallies) {
        for (const [field, probes] of scope === "lead" ? tally.lead : tally.event) {
          const list = fields.get(field);
          if (list === undefined) fields.set(field, [probes]);
          else list.push(probes);
        }
      }
      return [...fields].map(([field, probes]) => ({ field, probes }));
    };
    const leadFields = shared("lead");
    const eventFields = shared("event");
    return (lead, events) => {
      noteShared(leadFields, lead);
      if (eventFields.length === 0) return;
      for (const event of events) noteShared(eventFields, event);
    };
  }

  /**
   * The text fields whose values the rules probe, each with the probed values (normalised), so that a
   * database holding the leads can look for them (score-parquet-fast.ts) and hand back what it found
   * through `noteValue`, in the order `observe` would have seen the values.
   */
  probedFields(): Array<{ scope: "lead" | "event"; field: string; values: string[] }> {
    const fields = (scope: "lead" | "event", map: Map<string, FieldProbes>) =>
      [...map].map(([field, probes]) => ({ scope, field, values: [...probes.probes.keys()] }));
    return [...fields("lead", this.lead), ...fields("event", this.event)];
  }

  /** One value of a probed field, as `observe` notes it. */
  noteValue(scope: "lead" | "event", field: string, raw: unknown): void {
    const probes = (scope === "lead" ? this.lead : this.event).get(field);
    if (probes !== undefined) note(probes, raw);
  }

  count(result: ScoreResult): void {
    for (const contribution of result.contributions) this.fired.add(contribution.id);
  }

  /** A contribution id some result has (the same as `count` of that result, one id at a time). */
  noteFired(id: string): void {
    this.fired.add(id);
  }

  summary(): UsageSummary {
    const unseenValues: UnseenValue[] = [];
    for (const probe of this.order) {
      if (probe.seen) continue;
      const fields = (probe.scope === "lead" ? this.lead : this.event).get(probe.field)!;
      unseenValues.push({
        scope: probe.scope,
        field: probe.field,
        value: probe.value,
        list: probe.list,
        at: probe.at,
        suggestion: suggest(probe.value, fields.observed),
      });
    }
    return {
      rules: this.rules.length,
      neverFired: this.rules.filter((rule) => !this.fired.has(rule.id)),
      unseenValues,
    };
  }

  private collect(expr: Expr, at: string, lists: ReadonlyMap<string, Literal[]>): void {
    switch (expr.op) {
      case "and":
      case "or":
        for (const arg of expr.args) this.collect(arg, at, lists);
        return;
      case "not":
        this.collect(expr.arg, at, lists);
        return;
      case "compare":
        if (expr.cmp === "=" || expr.cmp === "!=") this.probe(expr.ref, expr.value, null, at);
        return;
      case "in": {
        const values = expr.list === undefined ? expr.values : (lists.get(expr.list) ?? expr.values);
        for (const value of values) this.probe(expr.ref, value, expr.list ?? null, at);
        return;
      }
      default:
        return;
    }
  }

  private probe(ref: Ref, value: Literal, list: string | null, at: string): void {
    if (ref.scope === "result" || (ref.type !== "string" && ref.type !== "enum")) return;
    const key = normalizeText(value);
    if (key === undefined) return;
    const fields = ref.scope === "lead" ? this.lead : this.event;
    let probes = fields.get(ref.name);
    if (probes === undefined) {
      probes = { probes: new Map(), observed: new Map() };
      fields.set(ref.name, probes);
    }
    const existing = probes.probes.get(key);
    if (existing !== undefined) {
      if (!existing.at.includes(at)) existing.at.push(at);
      return;
    }
    const probe: Probe = {
      scope: ref.scope,
      field: ref.name,
      value: String(value),
      list,
      at: [at],
      seen: false,
    };
    probes.probes.set(key, probe);
    this.order.push(probe);
  }
}

/** Notes a record's value of each field in every tally that probes it, normalised once. */
function noteShared(fields: readonly SharedField[], record: Readonly<Record<string, unknown>>): void {
  for (let i = 0; i < fields.length; i++) {
    const { field, probes } = fields[i]!;
    const raw = record[field];
    const key = normalizeText(raw);
    if (key === undefined) continue;
    for (let t = 0; t < probes.length; t++) noteKey(probes[t]!, key, raw);
  }
}

function note(fields: FieldProbes, raw: unknown): void {
  const key = normalizeText(raw);
  if (key !== undefined) noteKey(fields, key, raw);
}

/** Notes a value, normalised (`key`) and as written (`raw`). */
function noteKey(fields: FieldProbes, key: string, raw: unknown): void {
  const probe = fields.probes.get(key);
  if (probe !== undefined) probe.seen = true;
  if (!fields.observed.has(key) && fields.observed.size < OBSERVED_LIMIT) {
    fields.observed.set(key, String(raw).trim());
  }
}

/** Values this short are too near to each other (`CTO`, `CEO`) for a near one to be a plausible typo. */
const SHORTEST_SUGGESTED = 4;

function suggest(value: string, observed: ReadonlyMap<string, string>): string | null {
  if (value.trim().length < SHORTEST_SUGGESTED) return null;
  const closest = closestName(value.trim(), observed.keys());
  return closest === undefined ? null : observed.get(closest)!;
}

function where(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}`;
}

/** Lines of each list shown in the text summary; `--json` and `--summary` hold them all. */
const SHOWN = 10;

/**
 * The summary's lines about the rules themselves, empty when every rule fired and every value was seen:
 *   rules that fired for no lead: 1 of 12
 *     when lead_origin = "Lead Add From" add 40  (rules/fit.score:4)
 *   values in the rules that no lead has: 1
 *     lead_origin "Lead Add From" (rules/fit.score:4): did you mean "Lead Add Form"?
 */
export function formatUsage(
  usage: Pick<UsageSummary, "neverFired" | "unseenValues"> & { rules?: number },
  indent = "  ",
): string[] {
  const lines: string[] = [];
  const more = (count: number): void => {
    if (count > SHOWN) lines.push(`${indent}  … ${count - SHOWN} more (--json lists them all)`);
  };
  if (usage.neverFired.length > 0) {
    const of = usage.rules === undefined ? "" : ` of ${usage.rules}`;
    lines.push(`${indent}rules that fired for no lead: ${usage.neverFired.length}${of}`);
    for (const rule of usage.neverFired.slice(0, SHOWN)) lines.push(`${indent}  ${rule.rule}  (${rule.at})`);
    more(usage.neverFired.length);
  }
  if (usage.unseenValues.length > 0) {
    lines.push(`${indent}values in the rules that no lead has: ${usage.unseenValues.length}`);
    for (const unseen of usage.unseenValues.slice(0, SHOWN))
      lines.push(`${indent}  ${describeUnseen(unseen)}`);
    more(usage.unseenValues.length);
  }
  return lines;
}

/** `lead_origin "Lead Add From" (rules/fit.score:4): did you mean "Lead Add Form"?` */
function describeUnseen(unseen: UnseenValue): string {
  const subject = unseen.scope === "event" ? `event property ${unseen.field}` : unseen.field;
  const from = unseen.list === null ? "" : `list ${unseen.list}, `;
  const at = unseen.at.length > 1 ? `${unseen.at[0]} and ${unseen.at.length - 1} more` : unseen.at[0];
  const hint = unseen.suggestion === null ? "" : `: did you mean ${JSON.stringify(unseen.suggestion)}?`;
  return `${subject} ${JSON.stringify(unseen.value)} (${from}${at})${hint}`;
}
