import type { Decay, Expr, Match, Model, Rule } from "../compile/artifact.js";
import { foldCase } from "../eval/normalize.js";
import {
  NULL,
  aggregate,
  and,
  arith,
  call,
  cast,
  cmp,
  col,
  inTexts,
  isNotNull,
  isNull,
  num,
  or,
  packedBits,
  text,
  when,
  type SqlExpr,
  type SqlSelect,
} from "./ir.js";

/** One rule's or exclusion's event match: what the SQL aggregates per lead for it. */
export interface EventItem {
  key: string;
  match: Exclude<Match, { kind: "profile" }>;
  withinMs: number | null;
  /** Rules only: how its points are computed from the events. */
  rule: Rule | null;
  model: Model | null;
}

/** What the scoring steps read of an item's events (columns `<key>_n`, `_latest`, `_sum`, `_aged` of ls_chosen). */
interface ItemNeeds {
  /** How many matching events in the window. */
  count: boolean;
  /** The decayed points of an `each` rule: the sum over its events of points × factor. */
  sum: boolean;
  /** Whether a counted event of an `each` rule is at least one decay period old (engines' detail). */
  aged: boolean;
  /** The time of the latest matching event in the window (for `no event`: of any age). */
  latest: boolean;
}

export interface EventFactsOptions {
  asOf: SqlExpr;
  /**
   * Whether the aggregates read an event's flags packed into integers (`packedColumns`) instead of one
   * boolean column each: a dialect that sorts the events before aggregating them (`clusterEvents`) then
   * sorts a few bytes per event instead of one column per condition.
   */
  packFlags: boolean;
  /** The columns an engine decodes (decode.ts): every event rule's count, and `aged`. */
  detail: boolean;
  /** A `where` condition over the events step's columns of table `e`. */
  where: (expr: Expr) => SqlExpr;
}

/**
 * The per-lead event facts, planned so that each event is tested and aggregated as little as possible:
 *
 * - each distinct condition an aggregate tests is computed once per event, as a flag column of the
 *   events (`m1`, `m2`, …), and every aggregate over it tests the flag;
 * - each item gets only the aggregates its rule reads (an `each` rule without decay its count, with
 *   decay its sum, a once-only rule or `no event` its latest event), and whether it holds is read from
 *   that one: a count above 0, a sum that is not NULL, a latest event that is not NULL;
 * - items that need the same aggregate share it (the same event condition in two models); the latest
 *   matching event is aggregated once per type and `where`, whatever the window: the latest event in
 *   (T − w, T] is the latest event up to T when that is after T − w, else there is none. When every item
 *   reading it has a window (`no event within` has one too), only events in the widest window are
 *   aggregated: an item with a narrower one still finds its latest event, or none, among them;
 * - an event for which no flag holds changes no aggregate, so none is aggregated (`rowFilter`) unless some
 *   aggregate reads every event: where a CRM keeps years of history and rules look back weeks, most are
 *   dropped before the per-lead grouping, the query's most expensive step.
 *
 * The steps after the facts read the same `<key>_n` / `_latest` / `_sum` / `_aged` columns as before, each
 * defined exactly as "over the item's matching events in its window".
 *
 * Several rulesets scored as of the same instant over the same events step (both sides of a diff) can
 * share one plan: each `add`s its items, the events are flagged and aggregated once for all of them, and
 * each ruleset's ls_chosen takes only its own items' columns (`chosenColumns(items)`).
 */
export class EventFacts {
  /** Each aggregate per lead, as data: its expression is printed from it when the facts are written. */
  private readonly aggregates = new Map<string, Aggregate>();
  /** Each item's ls_chosen columns, in the order the items were planned. */
  private readonly chosen = new Map<EventItem, SqlSelect["columns"]>();
  private readonly needs = new Map<EventItem, ItemNeeds>();
  /** Whether the aggregates read the flags packed into integers (`packedColumns`). */
  readonly packed: boolean;

  constructor(
    items: readonly EventItem[],
    private readonly options: EventFactsOptions,
  ) {
    this.packed = options.packFlags;
    this.add(items);
  }

  /**
   * Plans more items (another ruleset's, as of the same instant over the same events step): their
   * aggregates are those already planned where the same, else new columns after them.
   */
  add(items: readonly EventItem[]) {
    for (const item of items) this.plan(item);
  }

  /** The flag columns the events step adds (after its own columns), each a distinct condition. */
  flagColumns(): SqlSelect["columns"] {
    return [...this.flags().values()].map(({ condition, index }) => ({
      expr: condition,
      as: flagColumn(index),
    }));
  }

  /**
   * With `packFlags`: the flag columns of the events step (table `e`) as the integers the aggregates read,
   * bit i of `f<j>` being flag 30(j−1)+i (a sum of distinct powers of two, in every dialect). Packed from
   * the computed flags, not from their conditions: DuckDB pushes a filter on a packed column down into
   * the step below, where it would compute every condition a second time.
   */
  packedColumns(): SqlSelect["columns"] {
    const packs = new Map<string, SqlExpr[]>();
    for (const { index } of this.flags().values()) {
      const flags = packs.get(packColumn(index)) ?? [];
      flags.push(col("e", flagColumn(index)));
      packs.set(packColumn(index), flags);
    }
    return [...packs].map(([as, flags]) => ({ expr: packedBits(flags), as }));
  }

  /** The aggregates per lead key over the flagged events (table `e`). */
  aggregateColumns(): SqlSelect["columns"] {
    const flags = this.flags();
    return [...this.aggregates.values()].map(({ fn, arg, condition, as }) => {
      const flag = this.flagOf(condition, flags);
      const expr =
        fn === "count"
          ? cast("bigint", aggregate("count", null, flag))
          : flag.kind === "boolean" && flag.value
            ? call(fn, arg!)
            : aggregate(fn, arg, flag);
      return { expr, as };
    });
  }

  /**
   * The events any aggregate reads, over the flags step (table `e`): those for which some flag holds, or
   * null when an aggregate reads every event (its condition is TRUE).
   */
  rowFilter(): SqlExpr | null {
    const everyEvent = [...this.aggregates.values()].some(
      ({ condition }) => condition.kind === "boolean" && condition.value,
    );
    const flags = this.flags();
    if (everyEvent || flags.size === 0) return null;
    return or(...[...flags.values()].map(({ index }) => col("e", flagColumn(index))));
  }

  /** The items' facts as ls_chosen's `<key>_…` columns, from the facts (table `f`, NULL for a lead without events). */
  chosenColumns(items: readonly EventItem[]): SqlSelect["columns"] {
    return items.flatMap((item) => this.chosen.get(item)!);
  }

  /** Which of `<key>_n`, `_latest`, `_sum`, `_aged` ls_chosen has for the item. */
  has(item: EventItem, fact: keyof ItemNeeds): boolean {
    return this.needs.get(item)![fact];
  }

  /**
   * The item holds: some event matches, or none in the window (`no event`). Read from `table` (ls_chosen
   * or a step after it), or with `table` null from the facts themselves (ls_chosen's own columns).
   */
  holds(item: EventItem, table: string | null): SqlExpr {
    const fact = (name: string) =>
      table === null ? this.chosen.get(item)!.find((column) => column.as === name)!.expr : col(table, name);
    if (item.match.kind === "no_event") {
      const latest = fact(`${item.key}_latest`);
      return or(isNull(latest), cmp("<=", latest, arith("-", this.options.asOf, num(item.match.withinMs))));
    }
    const needs = this.needs.get(item)!;
    if (needs.count) return cmp(">", fact(`${item.key}_n`), num(0));
    if (needs.sum) return isNotNull(fact(`${item.key}_sum`));
    return isNotNull(fact(`${item.key}_latest`));
  }

  private plan(item: EventItem) {
    const decay = decayOf(item);
    const each = item.match.kind === "event" && item.rule?.each === true;
    const count = item.match.kind === "event" && (this.options.detail ? item.rule !== null : each && !decay);
    const sum = each && decay !== null;
    const needs: ItemNeeds = {
      count,
      sum,
      aged: this.options.detail && sum,
      latest: item.match.kind === "no_event" || (!each && decay !== null) || (!count && !sum),
    };
    this.needs.set(item, needs);
    const chosen: SqlSelect["columns"] = [];
    this.chosen.set(item, chosen);

    const { asOf } = this.options;
    const at = col("e", "at_ms");
    const fact = (name: string) => col("f", name);
    const base = this.baseCondition(item.match);
    const window = item.match.kind === "event" ? item.withinMs : null;
    const matches = this.within(base, window);
    if (needs.count) {
      const { as } = this.aggregate(`count ${key(matches)}`, "count", null, matches);
      chosen.push({ expr: call("coalesce", fact(as), num(0)), as: `${item.key}_n` });
    }
    if (needs.latest) {
      const latest = this.aggregate(`latest ${key(base)}`, "max", at, base);
      latest.windows.push(item.match.kind === "no_event" ? item.match.withinMs : window);
      const widest = latest.windows.includes(null) ? null : Math.max(...(latest.windows as number[]));
      latest.condition = this.within(base, widest);
      const name = fact(latest.as);
      const windowed = window === null ? name : when([{ when: this.after(name, window), result: name }]);
      chosen.push({ expr: windowed, as: `${item.key}_latest` });
    }
    if (needs.sum) {
      const points = double(item.rule!.points);
      const factor = decayPower(1 - decay!.percent / 100, periods(asOf, at, decay!.everyMs));
      const { as } = this.aggregate(
        `sum ${item.rule!.points} ${decay!.percent} ${decay!.everyMs} ${key(matches)}`,
        "sum",
        arith("*", points, factor),
        matches,
      );
      chosen.push({ expr: fact(as), as: `${item.key}_sum` });
    }
    if (needs.aged) {
      // 1 when a matching event is at least one period old (NULL, as 0, when none matches).
      const aged = when(
        [{ when: cmp(">=", arith("-", asOf, at), num(decay!.everyMs)), result: num(1) }],
        num(0),
      );
      const { as } = this.aggregate(`aged ${decay!.everyMs} ${key(matches)}`, "max", aged, matches);
      chosen.push({ expr: fact(as), as: `${item.key}_aged` });
    }
  }

  /** `condition` and the event in the window (T − w, T]; the condition itself without a window. */
  private within(condition: SqlExpr, window: number | null): SqlExpr {
    return window === null ? condition : and(condition, this.after(col("e", "at_ms"), window));
  }

  /** `time` after T − w. */
  private after(time: SqlExpr, window: number): SqlExpr {
    return cmp(">", time, arith("-", this.options.asOf, num(window)));
  }

  /** An event of the match's types for which its `where` holds (any age up to T: the step keeps no other). */
  private baseCondition(match: EventItem["match"]): SqlExpr {
    const types = match.types === null || match.types.length === 0 ? null : match.types;
    const parts: SqlExpr[] = [];
    if (types !== null) {
      parts.push(inTexts(col("e", "type"), new Set(types.map(foldCase))));
    }
    if (match.kind === "event" && match.where !== null) parts.push(this.options.where(match.where));
    return and(...parts);
  }

  /** The distinct conditions the aggregates test (constants aside), numbered in the aggregates' order. */
  private flags(): Map<string, { condition: SqlExpr; index: number }> {
    const flags = new Map<string, { condition: SqlExpr; index: number }>();
    for (const { condition } of this.aggregates.values()) {
      const id = key(condition);
      if (condition.kind !== "boolean" && !flags.has(id)) flags.set(id, { condition, index: flags.size });
    }
    return flags;
  }

  /** A condition as the aggregates test it: its flag column, or its bit of a packed column; a constant as is. */
  private flagOf(condition: SqlExpr, flags: ReturnType<EventFacts["flags"]>): SqlExpr {
    if (condition.kind === "boolean") return condition;
    const { index } = flags.get(key(condition))!;
    if (!this.packed) return col("e", flagColumn(index));
    return cmp("<>", call("bitwise_and", col("e", packColumn(index)), num(bitOf(index))), num(0));
  }

  /** The aggregate `id` (added once, as `a<n>`): `fn` over `arg` of the events where `condition` holds. */
  private aggregate(id: string, fn: Aggregate["fn"], arg: SqlExpr | null, condition: SqlExpr): Aggregate {
    let planned = this.aggregates.get(id);
    if (planned === undefined) {
      planned = { fn, arg, condition, as: `a${this.aggregates.size + 1}`, windows: [] };
      this.aggregates.set(id, planned);
    }
    return planned;
  }
}

/**
 * An aggregate per lead: `fn` (COUNT(*) when `arg` is null) over the events where `condition` holds. A
 * latest-event aggregate also keeps the windows of the items reading it, its condition being over the widest.
 */
interface Aggregate {
  fn: "count" | "sum" | "max";
  arg: SqlExpr | null;
  condition: SqlExpr;
  as: string;
  windows: Array<number | null>;
}

/** Flags per packed integer column: the sum of their bits stays below 2^30, an INTEGER in every dialect. */
const PACKED_BITS = 30;
const flagColumn = (index: number): string => `m${index + 1}`;
const packColumn = (index: number): string => `f${Math.floor(index / PACKED_BITS) + 1}`;
const bitOf = (index: number): number => 2 ** (index % PACKED_BITS);

/** The decay that ages an item's events: its model's, for engagement event rules only. */
export function decayOf(item: EventItem): Decay | null {
  if (item.rule === null || item.model === null) return null;
  if (item.rule.section !== "engagement" || item.match.kind !== "event") return null;
  return item.model.decay;
}

/** ⌊age / period⌋ in whole periods, on integer milliseconds. */
export function periods(asOf: SqlExpr, at: SqlExpr, everyMs: number): SqlExpr {
  return call("idiv", arith("-", asOf, at), num(everyMs));
}

/**
 * base^periods, as the JS engine's `base ** periods`: exactly 0 once the power underflows. PostgreSQL's
 * POWER raises "value out of range: underflow" there instead (an event years old under `decay 50% every
 * 1d`), so past the last whole number of periods that leaves a power above 0, the factor is 0 without
 * calling POWER — on every dialect, as it costs one comparison.
 */
export function decayPower(base: number, periods: SqlExpr): SqlExpr {
  const power = call("power", double(base), periods);
  const last = lastNonZeroPower(base);
  return last === null ? power : when([{ when: cmp(">", periods, num(last)), result: double(0) }], power);
}

/** The largest whole n with base ** n > 0, for 0 < base < 1 (else null: the power never underflows). */
function lastNonZeroPower(base: number): number | null {
  if (!(base > 0 && base < 1)) return null;
  let low = 0;
  let high = 1;
  while (base ** high > 0) {
    low = high;
    high *= 2;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (base ** middle > 0) low = middle;
    else high = middle;
  }
  return low;
}

/** A number as a double, read from its shortest text (so every dialect gets exactly the JS double). */
export function double(value: number): SqlExpr {
  return cast("double", text(String(value)));
}

const key = (expr: SqlExpr): string => JSON.stringify(expr);

/** A typed SQL NULL for a fact no step reads. */
export const NO_FACT: SqlExpr = cast("bigint", NULL);
