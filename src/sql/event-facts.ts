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
  isNotNull,
  isNull,
  num,
  or,
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
  private readonly flags = new Map<string, { expr: SqlExpr; as: string; index: number }>();
  /** Each aggregate's column, its expression made once every item is planned (`settle`). */
  private readonly aggregates = new Map<string, { make: () => SqlExpr; expr: SqlExpr | null; as: string }>();
  /** The windows of the items reading each latest-event aggregate (null: an item without one). */
  private readonly latestWindows = new Map<string, Array<number | null>>();
  /** Some aggregate reads every event (its condition is TRUE): no event can be left out. */
  private readsEveryEvent = false;
  private settled = false;
  /** Each item's ls_chosen columns, in the order the items were planned. */
  private readonly chosen = new Map<EventItem, SqlSelect["columns"]>();
  private readonly needs = new Map<EventItem, ItemNeeds>();

  constructor(
    items: readonly EventItem[],
    private readonly options: EventFactsOptions,
  ) {
    this.add(items);
  }

  /**
   * Plans more items (another ruleset's, as of the same instant over the same events step): their
   * aggregates are those already planned where the same, else new columns after them.
   */
  add(items: readonly EventItem[]) {
    if (this.settled) throw new Error("internal: event items planned after the facts were written");
    for (const item of items) this.plan(item);
  }

  /** The flag columns the events step adds (after its own columns), each a distinct condition. */
  flagColumns(): SqlSelect["columns"] {
    this.settle();
    return [...this.flags.values()].map(({ expr, as }) => ({ expr, as }));
  }

  /**
   * With `packFlags`: the flag columns of the events step (table `e`) as the integers the aggregates read,
   * bit i of `f<j>` being flag 30(j−1)+i (a sum of distinct powers of two, in every dialect). Packed from
   * the computed flags, not from their conditions: DuckDB pushes a filter on a packed column down into
   * the step below, where it would compute every condition a second time.
   */
  packedColumns(): SqlSelect["columns"] {
    this.settle();
    const flags = [...this.flags.values()];
    const packed: SqlSelect["columns"] = [];
    for (let start = 0; start < flags.length; start += PACKED_BITS) {
      const bits = flags
        .slice(start, start + PACKED_BITS)
        .map((flag) => when([{ when: col("e", flag.as), result: num(bitOf(flag.index)) }], num(0)));
      packed.push({ expr: bits.reduce((sum, bit) => arith("+", sum, bit)), as: packColumn(start) });
    }
    return packed;
  }

  /** The aggregates per lead key over the flagged events (table `e`). */
  aggregateColumns(): SqlSelect["columns"] {
    this.settle();
    return [...this.aggregates.values()].map(({ expr, as }) => ({ expr: expr!, as }));
  }

  /**
   * The events any aggregate reads, over the flags step (table `e`): those for which some flag holds, or
   * null when an aggregate reads every event.
   */
  rowFilter(): SqlExpr | null {
    this.settle();
    if (this.readsEveryEvent || this.flags.size === 0) return null;
    return or(...[...this.flags.values()].map((flag) => col("e", flag.as)));
  }

  /**
   * Makes the aggregates' expressions, once every item is planned: a latest-event aggregate's condition
   * depends on the windows of all the items that read it (another ruleset's, in a diff).
   */
  private settle() {
    if (this.settled) return;
    for (const aggregate of this.aggregates.values()) {
      aggregate.expr = aggregate.make();
    }
    this.settled = true;
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
    const matches = window === null ? base : and(base, cmp(">", at, arith("-", asOf, num(window))));
    if (needs.count) {
      const name = this.aggregate(`count ${key(matches)}`, () =>
        cast("bigint", aggregate("count", null, this.flag(matches))),
      );
      chosen.push({ expr: call("coalesce", fact(name), num(0)), as: `${item.key}_n` });
    }
    if (needs.latest) {
      const id = `latest ${key(base)}`;
      const windows = this.latestWindows.get(id) ?? [];
      windows.push(item.match.kind === "no_event" ? item.match.withinMs : window);
      this.latestWindows.set(id, windows);
      const name = this.aggregate(id, () => {
        const widest = windows.includes(null) ? null : Math.max(...(windows as number[]));
        const read = widest === null ? base : and(base, cmp(">", at, arith("-", asOf, num(widest))));
        return this.filtered("max", at, read);
      });
      const latest =
        window === null
          ? fact(name)
          : when([{ when: cmp(">", fact(name), arith("-", asOf, num(window))), result: fact(name) }]);
      chosen.push({ expr: latest, as: `${item.key}_latest` });
    }
    if (needs.sum) {
      const points = double(item.rule!.points);
      const factor = decayPower(1 - decay!.percent / 100, periods(asOf, at, decay!.everyMs));
      const name = this.aggregate(
        `sum ${item.rule!.points} ${decay!.percent} ${decay!.everyMs} ${key(matches)}`,
        () => this.filtered("sum", arith("*", points, factor), matches),
      );
      chosen.push({ expr: fact(name), as: `${item.key}_sum` });
    }
    if (needs.aged) {
      const aged = cmp(">=", arith("-", asOf, at), num(decay!.everyMs));
      const name = this.aggregate(`aged ${decay!.everyMs} ${key(matches)}`, () =>
        call("max", when([{ when: and(this.flag(matches), aged), result: num(1) }], num(0))),
      );
      chosen.push({ expr: fact(name), as: `${item.key}_aged` });
    }
  }

  /** An event of the match's types for which its `where` holds (any age up to T: the step keeps no other). */
  private baseCondition(match: EventItem["match"]): SqlExpr {
    const types = match.types === null || match.types.length === 0 ? null : match.types;
    const parts: SqlExpr[] = [];
    if (types !== null) {
      parts.push({
        kind: "in",
        arg: col("e", "type"),
        values: [...new Set(types.map(foldCase))].map(text),
        negated: false,
      });
    }
    if (match.kind === "event" && match.where !== null) parts.push(this.options.where(match.where));
    return and(...parts);
  }

  /**
   * The flag of a condition as the aggregates test it (its column, or its bit of a packed column; added
   * once), or the condition itself when it is a constant.
   */
  private flag(condition: SqlExpr): SqlExpr {
    if (condition.kind === "boolean") {
      if (condition.value) this.readsEveryEvent = true;
      return condition;
    }
    const id = key(condition);
    let flag = this.flags.get(id);
    if (flag === undefined) {
      const index = this.flags.size;
      flag = { expr: condition, as: `m${index + 1}`, index };
      this.flags.set(id, flag);
    }
    if (!this.options.packFlags) return col("e", flag.as);
    const packed = col("e", packColumn(flag.index - (flag.index % PACKED_BITS)));
    return cmp("<>", call("bit_and", packed, num(bitOf(flag.index))), num(0));
  }

  /** An aggregate over the events where `condition` holds (all of them: a plain aggregate). */
  private filtered(fn: "sum" | "max", arg: SqlExpr, condition: SqlExpr): SqlExpr {
    const flag = this.flag(condition);
    return flag.kind === "boolean" && flag.value ? call(fn, arg) : aggregate(fn, arg, flag);
  }

  /** The column of an aggregate (added once per `id`; made by `settle`). */
  private aggregate(id: string, make: () => SqlExpr): string {
    let column = this.aggregates.get(id);
    if (column === undefined) {
      column = { make, expr: null, as: `a${this.aggregates.size + 1}` };
      this.aggregates.set(id, column);
    }
    return column.as;
  }
}

/** Flags per packed integer column: the sum of their bits stays below 2^30, an INTEGER in every dialect. */
const PACKED_BITS = 30;
const packColumn = (firstIndex: number): string => `f${firstIndex / PACKED_BITS + 1}`;
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
