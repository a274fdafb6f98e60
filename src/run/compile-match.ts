import type { Match } from "../compile/artifact.js";
import type { EventPredicate, ExprCompiler } from "./compile-expr.js";
import { test } from "./condition.js";
import type { DecayFunction } from "./decay.js";
import type { EvalContext } from "./eval-context.js";
import type { EventIndex } from "./event-index.js";
import { Truth } from "./truth.js";

/** What a rule did for one lead, written into one reused object by the rule's check. */
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

/** Decides whether a rule fires for the lead in `ctx` / `index`; when it does, fills `out`. */
export type RuleCheck = (ctx: EvalContext, index: EventIndex, asOf: number, out: RuleOutcome) => boolean;

/** Decides whether an exclusion holds. */
export type ExclusionCheck = (ctx: EvalContext, index: EventIndex, asOf: number) => boolean;

export interface RuleSpec {
  points: number;
  each: boolean;
  max: number | null;
  withinMs: number | null;
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

/** `when no event [of types] within D`: fires when none happened in (T − D, T]. Not decayed. */
export function compileSilenceCheck(
  index: EventIndex,
  types: readonly string[] | null,
  withinMs: number,
): RuleCheck {
  const silent = compileSilence(index, types, withinMs);
  return (_ctx, events, asOf) => silent(events, asOf);
}

/**
 * `when event = … [where …] add N [each] [max M] [within D]`: counts the matching events in the window,
 * decays each (or the most recent, for a once-only rule), caps the total, and reports it all in `out`.
 */
export function compileEventRuleCheck(
  rule: RuleSpec,
  match: Extract<Match, { kind: "event" }>,
  expressions: ExprCompiler,
  index: EventIndex,
  decay: DecayFunction | null,
): RuleCheck {
  const { points, each, max, withinMs } = rule;
  const types = typeIdsOf(index, match.types) ?? allTypeIds(index);
  const where: EventPredicate | null = match.where ? expressions.compileWhere(match.where) : null;
  return (ctx, events, asOf, out) => {
    const after = withinMs === null ? -Infinity : asOf - withinMs;
    const { first, next, at } = events;
    let count = 0;
    let total = 0;
    let latestAt = -Infinity;
    let aged = false;
    for (let t = 0; t < types.length; t++) {
      const type = types[t]!;
      for (let position = first[type]!; position >= 0; position = next[position]!) {
        const time = at[position]!;
        if (time <= after) continue;
        if (where !== null && where(ctx, events.events[position]!, time) !== Truth.TRUE) continue;
        count++;
        if (time > latestAt) latestAt = time;
        if (each) {
          if (decay === null) total += points;
          else {
            const factor = decay(asOf - time);
            if (factor !== 1) aged = true;
            total += points * factor;
          }
        }
      }
    }
    if (count === 0) return false;
    if (!each) {
      // A once-only rule scores its most recent matching event.
      const factor = decay === null ? 1 : decay(asOf - latestAt);
      aged = factor !== 1;
      total = points * factor;
    }
    const decayed = total;
    let capped = false;
    if (max !== null && Math.abs(total) > max) {
      total = total < 0 ? -max : max;
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
  };
}

/** `no event [of types] within D`: no event in (T − D, T]. Events after T were never indexed. */
function compileSilence(
  index: EventIndex,
  types: readonly string[] | null,
  withinMs: number,
): (events: EventIndex, asOf: number) => boolean {
  const ids = typeIdsOf(index, types);
  if (ids === null) return (events, asOf) => events.latestOfAny <= asOf - withinMs;
  return (events, asOf) => {
    const after = asOf - withinMs;
    for (let i = 0; i < ids.length; i++) if (events.latest[ids[i]!]! > after) return false;
    return true;
  };
}

export interface ExclusionSpec {
  match: Match;
  withinMs: number | null;
}

export function compileExclusionCheck(
  exclusion: ExclusionSpec,
  expressions: ExprCompiler,
  index: EventIndex,
): ExclusionCheck {
  const { match, withinMs } = exclusion;
  switch (match.kind) {
    case "profile": {
      const condition = expressions.condition(match.expr);
      return (ctx) => test(condition, ctx.values) === Truth.TRUE;
    }
    case "no_event": {
      const silent = compileSilence(index, match.types, match.withinMs);
      return (_ctx, events, asOf) => silent(events, asOf);
    }
    case "event": {
      const types = typeIdsOf(index, match.types) ?? allTypeIds(index);
      const where = match.where ? expressions.compileWhere(match.where) : null;
      return (ctx, events, asOf) => {
        const after = withinMs === null ? -Infinity : asOf - withinMs;
        const { first, next, at } = events;
        for (let t = 0; t < types.length; t++) {
          const type = types[t]!;
          for (let position = first[type]!; position >= 0; position = next[position]!) {
            const time = at[position]!;
            if (time <= after) continue;
            if (where === null || where(ctx, events.events[position]!, time) === Truth.TRUE) return true;
          }
        }
        return false;
      };
    }
  }
}
