import type { Expr, Ref } from "../compile/artifact.js";
import type { EvalContext } from "./eval-context.js";
import { normalizeLiteral, normalizerFor, type NormalValue, type Normalizer } from "./normalize.js";
import { FALSE, TRUE, UNKNOWN, type Truth } from "./truth.js";

/** A compiled condition. */
export type Predicate = (ctx: EvalContext) => Truth;

/** A compiled `where`: fills the event's slots, then tests them. */
export type EventPredicate = (
  ctx: EvalContext,
  event: Readonly<Record<string, unknown>>,
  at: number,
) => Truth;

/** A value some condition reads, and the slot of `ctx.values` it is normalised into. */
export interface Slot {
  scope: Ref["scope"];
  name: string;
  slot: number;
  normalize: Normalizer;
}

/** Where the scoring results live for bucket conditions; -1 when no condition reads them. */
export interface ResultSlots {
  score: number;
  fit: number;
  engagement: number;
  grade: number;
}

const ALWAYS_UNKNOWN: Predicate = () => UNKNOWN;

type Comparison = "=" | "!=" | "<" | "<=" | ">" | ">=";

/**
 * Compiles artifact expressions into closures, once per ruleset. Everything that can be decided before
 * seeing a lead is decided here: literals are normalised (lowercased text, epoch-ms dates), lists become
 * Sets, and every value read gets a slot, so that a lead's fields are normalised once per lead rather than
 * once per condition, and every condition reads `ctx.values[slot]` directly.
 */
export class ExprCompiler {
  private readonly slots = new Map<string, Slot>();
  /** The lead slots read by what is being compiled inside `collect`. */
  private collecting: Set<Slot> | null = null;

  /**
   * Runs `compile` and returns what it built with the lead fields it reads, so that a lead's fields can be
   * normalised only when the conditions that read them are about to run (a model's fields only for the
   * leads that model scores).
   */
  collect<T>(compile: () => T): { compiled: T; leadSlots: Slot[] } {
    const outer = this.collecting;
    const reads = new Set<Slot>();
    this.collecting = reads;
    try {
      const compiled = compile();
      return { compiled, leadSlots: [...reads] };
    } finally {
      this.collecting = outer;
      if (outer) for (const slot of reads) outer.add(slot);
    }
  }

  /** Every slot handed out so far: the context needs this many. */
  get slotCount(): number {
    return this.slots.size;
  }

  /** The lead fields read by the conditions compiled so far. */
  get leadSlots(): readonly Slot[] {
    return [...this.slots.values()].filter((slot) => slot.scope === "lead");
  }

  get resultSlots(): ResultSlots {
    const find = (name: string) => this.slots.get(`result:${name}`)?.slot ?? -1;
    return { score: find("score"), fit: find("fit"), engagement: find("engagement"), grade: find("grade") };
  }

  /** A condition on an event: its event properties are read from the event being tested. */
  compileWhere(expr: Expr): EventPredicate {
    const test = this.compile(expr);
    const reads = [...new Set(eventRefsOf(expr).map((ref) => this.slotFor(ref)))];
    const names = reads.map((slot) => slot.name);
    const slots = Int32Array.from(reads, (slot) => slot.slot);
    const normalizers = reads.map((slot) => slot.normalize);
    return (ctx, event, at) => {
      const values = ctx.values;
      for (let i = 0; i < slots.length; i++) {
        // `at` is the event's time, already read once when the lead's events were indexed.
        values[slots[i]!] = names[i] === "at" ? at : normalizers[i]!(event[names[i]!]);
      }
      return test(ctx);
    };
  }

  compile(expr: Expr): Predicate {
    switch (expr.op) {
      case "and":
        return all(expr.args.map((arg) => this.compile(arg)));
      case "or":
        return any(expr.args.map((arg) => this.compile(arg)));
      case "not": {
        const inner = this.compile(expr.arg);
        return (ctx) => {
          const value = inner(ctx);
          return value === UNKNOWN ? UNKNOWN : value === TRUE ? FALSE : TRUE;
        };
      }
      case "compare":
        return compare(this.slotFor(expr.ref).slot, expr.cmp, normalizeLiteral(expr.ref.type, expr.value));
      case "in": {
        const members = new Set<NormalValue>();
        for (const literal of expr.values) {
          const value = normalizeLiteral(expr.ref.type, literal);
          if (value !== undefined) members.add(value);
        }
        const slot = this.slotFor(expr.ref).slot;
        return (ctx) => {
          const value = ctx.values[slot];
          return value === undefined ? UNKNOWN : members.has(value) ? TRUE : FALSE;
        };
      }
      case "contains":
      case "starts_with":
      case "ends_with":
        // Text searched for is lowercased but not trimmed: `contains " Lead"` means the spaces.
        return textTest(
          this.slotFor(expr.ref).slot,
          expr.op,
          expr.values.map((value) => String(value).toLowerCase()),
        );
      case "between": {
        const low = normalizeLiteral(expr.ref.type, expr.low) as number | undefined;
        const high = normalizeLiteral(expr.ref.type, expr.high) as number | undefined;
        if (low === undefined || high === undefined) return ALWAYS_UNKNOWN;
        const slot = this.slotFor(expr.ref).slot;
        return (ctx) => {
          const value = ctx.values[slot] as number | undefined;
          if (value === undefined) return UNKNOWN;
          return value >= low && value <= high ? TRUE : FALSE;
        };
      }
      case "missing": {
        const slot = this.slotFor(expr.ref).slot;
        return (ctx) => (ctx.values[slot] === undefined ? TRUE : FALSE);
      }
      case "present": {
        const slot = this.slotFor(expr.ref).slot;
        return (ctx) => (ctx.values[slot] === undefined ? FALSE : TRUE);
      }
    }
  }

  private slotFor(ref: Ref): Slot {
    const key = `${ref.scope}:${ref.name}`;
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { scope: ref.scope, name: ref.name, slot: this.slots.size, normalize: normalizerFor(ref.type) };
      this.slots.set(key, slot);
    }
    if (slot.scope === "lead") this.collecting?.add(slot);
    return slot;
  }
}

function eventRefsOf(expr: Expr): Ref[] {
  switch (expr.op) {
    case "and":
    case "or":
      return expr.args.flatMap(eventRefsOf);
    case "not":
      return eventRefsOf(expr.arg);
    default:
      return expr.ref.scope === "event" ? [expr.ref] : [];
  }
}

function all(parts: Predicate[]): Predicate {
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 2) {
    const [left, right] = parts as [Predicate, Predicate];
    return (ctx) => {
      const a = left(ctx);
      if (a === FALSE) return FALSE;
      const b = right(ctx);
      if (b === FALSE) return FALSE;
      return a === TRUE && b === TRUE ? TRUE : UNKNOWN;
    };
  }
  return (ctx) => {
    let result: Truth = TRUE;
    for (let i = 0; i < parts.length; i++) {
      const value = parts[i]!(ctx);
      if (value === FALSE) return FALSE;
      if (value === UNKNOWN) result = UNKNOWN;
    }
    return result;
  };
}

function any(parts: Predicate[]): Predicate {
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 2) {
    const [left, right] = parts as [Predicate, Predicate];
    return (ctx) => {
      const a = left(ctx);
      if (a === TRUE) return TRUE;
      const b = right(ctx);
      if (b === TRUE) return TRUE;
      return a === FALSE && b === FALSE ? FALSE : UNKNOWN;
    };
  }
  return (ctx) => {
    let result: Truth = FALSE;
    for (let i = 0; i < parts.length; i++) {
      const value = parts[i]!(ctx);
      if (value === TRUE) return TRUE;
      if (value === UNKNOWN) result = UNKNOWN;
    }
    return result;
  };
}

/**
 * Values of one field share one JS type after normalisation (strings, numbers, booleans, epoch-ms dates),
 * so `<` and friends compare them as intended; the casts only tell the type checker so.
 */
function compare(slot: number, cmp: Comparison, literal: NormalValue | undefined): Predicate {
  if (literal === undefined) return ALWAYS_UNKNOWN;
  const bound = literal as number;
  switch (cmp) {
    case "=":
      return (ctx) => {
        const value = ctx.values[slot];
        return value === undefined ? UNKNOWN : value === literal ? TRUE : FALSE;
      };
    case "!=":
      return (ctx) => {
        const value = ctx.values[slot];
        return value === undefined ? UNKNOWN : value !== literal ? TRUE : FALSE;
      };
    case "<":
      return (ctx) => {
        const value = ctx.values[slot] as number | undefined;
        return value === undefined ? UNKNOWN : value < bound ? TRUE : FALSE;
      };
    case "<=":
      return (ctx) => {
        const value = ctx.values[slot] as number | undefined;
        return value === undefined ? UNKNOWN : value <= bound ? TRUE : FALSE;
      };
    case ">":
      return (ctx) => {
        const value = ctx.values[slot] as number | undefined;
        return value === undefined ? UNKNOWN : value > bound ? TRUE : FALSE;
      };
    case ">=":
      return (ctx) => {
        const value = ctx.values[slot] as number | undefined;
        return value === undefined ? UNKNOWN : value >= bound ? TRUE : FALSE;
      };
  }
}

/** Text tests read text slots; a value of another type (never after a clean check) is read as text. */
function textOf(value: NormalValue): string {
  return typeof value === "string" ? value : String(value);
}

function textTest(slot: number, op: "contains" | "starts_with" | "ends_with", needles: string[]): Predicate {
  if (needles.length === 1) {
    const needle = needles[0]!;
    switch (op) {
      case "contains":
        return (ctx) => {
          const value = ctx.values[slot];
          return value === undefined ? UNKNOWN : textOf(value).includes(needle) ? TRUE : FALSE;
        };
      case "starts_with":
        return (ctx) => {
          const value = ctx.values[slot];
          return value === undefined ? UNKNOWN : textOf(value).startsWith(needle) ? TRUE : FALSE;
        };
      case "ends_with":
        return (ctx) => {
          const value = ctx.values[slot];
          return value === undefined ? UNKNOWN : textOf(value).endsWith(needle) ? TRUE : FALSE;
        };
    }
  }
  switch (op) {
    case "contains":
      return (ctx) => {
        const value = ctx.values[slot];
        if (value === undefined) return UNKNOWN;
        const text = textOf(value);
        for (let i = 0; i < needles.length; i++) if (text.includes(needles[i]!)) return TRUE;
        return FALSE;
      };
    case "starts_with":
      return (ctx) => {
        const value = ctx.values[slot];
        if (value === undefined) return UNKNOWN;
        const text = textOf(value);
        for (let i = 0; i < needles.length; i++) if (text.startsWith(needles[i]!)) return TRUE;
        return FALSE;
      };
    case "ends_with":
      return (ctx) => {
        const value = ctx.values[slot];
        if (value === undefined) return UNKNOWN;
        const text = textOf(value);
        for (let i = 0; i < needles.length; i++) if (text.endsWith(needles[i]!)) return TRUE;
        return FALSE;
      };
  }
}
