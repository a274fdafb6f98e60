import type { Match } from "../compile/artifact.js";
import type { ExprCompiler } from "./compile-expr.js";
import { test, type Condition } from "./condition.js";
import { decayFactor, type DecayTable } from "./decay.js";
import { testEvent, type EventCondition } from "./event-condition.js";
import type { EventIndex } from "./event-index.js";
import type { NormalValue } from "./normalize.js";
import { Truth } from "./truth.js";

/**
 * Rules and exclusions on events, compiled to data and run by plain functions (`checkEventRule`,
 * `isSilent`, `exclusionHolds`) rather than one closure each: the loops over a lead's events then have
 * the decay and the `where` test inlined, and every rule is run through the same optimised code.
 */

/** What a rule did for one lead, written into one reused object by `checkEventRule`. */
export interface RuleOutcome {
  /** Points after decay and cap, not yet rounded. */
  total: number;
  /** Points before decay (and before the cap). */
  undecayed: number;
  /** Points after decay, before the cap. */
  decayed: number;
  /** Whether decay lowered any counted event. */
  aged: boolean;
  /** Whether the cap lowered the total. */
  capped: boolean;
  /** Matching events in the window (event rules), else −1. */
  events: number;
  /** Time of the most recent matching event (event rules). */
  latestAt: number;
}

export function createRuleOutcome(): RuleOutcome {
  return { total: 0, undecayed: 0, decayed: 0, aged: false, capped: false, events: -1, latestAt: NaN };
}

export interface RuleSpec {
  points: number;
  each: boolean;
  max: number | null;
  withinMs: number | null;
}

/** `when event = … [where …] add N [each] [max M] [within D]`, compiled. */
export interface EventRule {
  points: number;
  each: boolean;
  /** The cap on the absolute total; Infinity without `max`. */
  max: number;
  /** The window; Infinity without `within` (every event up to the as-of time counts). */
  withinMs: number;
  /** The type ids whose events the rule reads. */
  types: Int32Array;
  where: EventCondition | null;
  decay: DecayTable | null;
}

/** `no event [of types] within D`, compiled. */
export interface Silence {
  /** The type ids, or null for every type. */
  types: Int32Array | null;
  withinMs: number;
}

/** Type ids to scan, or null for every type. Unknown names are dropped: no event can have them. */
function typeIdsOf(index: EventIndex, types: readonly string[] | null): Int32Array | null {
  if (types === null || types.length === 0) return null;
  const ids = new Set<number>();
  for (const type of types) {
    const id = index.typeId(type);
    if (id >= 0) ids.add(id);
  }
  return Int32Array.from(ids);
}

function allTypeIds(index: EventIndex): Int32Array {
  return Int32Array.from({ length: index.typeCount }, (_, i) => i);
}

export function compileSilence(
  index: EventIndex,
  types: readonly string[] | null,
  withinMs: number,
): Silence {
  return { types: typeIdsOf(index, types), withinMs };
}

/** `no event [of types] within D`: no event in (T − D, T]. Events after T were never indexed. Not decayed. */
export function isSilent(silence: Silence, events: EventIndex, asOf: number): boolean {
  const after = asOf - silence.withinMs;
  const ids = silence.types;
  if (ids === null) return events.latestOfAny <= after;
  const latest = events.latest;
  for (let i = 0; i < ids.length; i++) if (latest[ids[i]!]! > after) return false;
  return true;
}

export function compileEventRule(
  rule: RuleSpec,
  match: Extract<Match, { kind: "event" }>,
  expressions: ExprCompiler,
  index: EventIndex,
  decay: DecayTable | null,
): EventRule {
  return {
    points: rule.points,
    each: rule.each,
    max: rule.max ?? Infinity,
    withinMs: rule.withinMs ?? Infinity,
    types: typeIdsOf(index, match.types) ?? allTypeIds(index),
    where: match.where ? expressions.compileWhere(match.where) : null,
    decay,
  };
}

/**
 * Counts the rule's matching events in the window, decays each (or the most recent, for a once-only
 * rule), caps the total, and reports it all in `out`. False when no event matches.
 */
export function checkEventRule(
  rule: EventRule,
  values: Array<NormalValue | undefined>,
  events: EventIndex,
  asOf: number,
  out: RuleOutcome,
): boolean {
  const { points, each, where, decay, types } = rule;
  const after = asOf - rule.withinMs;
  const { first, next, at } = events;
  let count = 0;
  let total = 0;
  let latestAt = -Infinity;
  let aged = false;
  for (let t = 0; t < types.length; t++) {
    for (let position = first[types[t]!]!; position >= 0; position = next[position]!) {
      const time = at[position]!;
      if (time <= after) continue;
      if (where !== null && testEvent(where, values, events.events[position]!, time) !== Truth.TRUE) {
        continue;
      }
      count++;
      if (time > latestAt) latestAt = time;
      if (each) {
        if (decay === null) total += points;
        else {
          const factor = decayFactor(decay, asOf - time);
          if (factor !== 1) aged = true;
          total += points * factor;
        }
      }
    }
  }
  if (count === 0) return false;
  if (!each) {
    // A once-only rule scores its most recent matching event.
    const factor = decay === null ? 1 : decayFactor(decay, asOf - latestAt);
    aged = factor !== 1;
    total = points * factor;
  }
  const decayed = total;
  let capped = false;
  if (Math.abs(total) > rule.max) {
    total = total < 0 ? -rule.max : rule.max;
    capped = true;
  }
  out.total = total;
  out.undecayed = each ? points * count : points;
  out.decayed = decayed;
  out.aged = aged;
  out.capped = capped;
  out.events = count;
  out.latestAt = latestAt;
  return true;
}

export interface ExclusionSpec {
  match: Match;
  withinMs: number | null;
}

/** An exclusion, compiled: one of a profile condition, events (with a `where`), or silence. */
export interface CompiledExclusion {
  reason: string;
  condition: Condition | null;
  /** Event exclusions: the events that exclude (`each`, points and decay play no part). */
  event: EventRule | null;
  silence: Silence | null;
}

export function compileExclusion(
  reason: string,
  exclusion: ExclusionSpec,
  expressions: ExprCompiler,
  index: EventIndex,
): CompiledExclusion {
  const { match, withinMs } = exclusion;
  return {
    reason,
    condition: match.kind === "profile" ? expressions.condition(match.expr) : null,
    event:
      match.kind === "event"
        ? compileEventRule({ points: 0, each: false, max: null, withinMs }, match, expressions, index, null)
        : null,
    silence: match.kind === "no_event" ? compileSilence(index, match.types, match.withinMs) : null,
  };
}

export function exclusionHolds(
  exclusion: CompiledExclusion,
  values: Array<NormalValue | undefined>,
  events: EventIndex,
  asOf: number,
): boolean {
  if (exclusion.condition !== null) return test(exclusion.condition, values) === Truth.TRUE;
  if (exclusion.silence !== null) return isSilent(exclusion.silence, events, asOf);
  return anyEvent(exclusion.event!, values, events, asOf);
}

/** Whether any event of the rule's types in its window passes its `where`. */
function anyEvent(
  rule: EventRule,
  values: Array<NormalValue | undefined>,
  events: EventIndex,
  asOf: number,
): boolean {
  const { where, types } = rule;
  const after = asOf - rule.withinMs;
  const { first, next, at } = events;
  for (let t = 0; t < types.length; t++) {
    for (let position = first[types[t]!]!; position >= 0; position = next[position]!) {
      const time = at[position]!;
      if (time <= after) continue;
      if (where === null || testEvent(where, values, events.events[position]!, time) === Truth.TRUE) {
        return true;
      }
    }
  }
  return false;
}
