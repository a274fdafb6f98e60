import type { Expr, FieldType, Ref } from "../compile/artifact.js";
import type { EvalContext } from "./eval-context.js";
import { normalizeLiteral, normalizerFor, type NormalValue, type Normalizer } from "./normalize.js";
import { FALSE, TRUE, UNKNOWN, type Truth } from "./truth.js";

/** A compiled condition. */
export type Predicate = (ctx: EvalContext) => Truth;

/** Reads one normalised value; undefined when missing. */
type Reader = (ctx: EvalContext) => NormalValue | undefined;

/** A lead field that some condition reads: normalised once per lead into `ctx.lead[slot]`. */
export interface LeadSlot {
  name: string;
  slot: number;
  normalize: Normalizer;
}

const ALWAYS_UNKNOWN: Predicate = () => UNKNOWN;

/**
 * Compiles artifact expressions into closures, once per ruleset. Everything that can be decided before
 * seeing a lead is decided here: literals are normalised (lowercased text, epoch-ms dates), lists become
 * Sets, and each lead field gets a slot so a lead's values are normalised once, not once per condition.
 */
export class ExprCompiler {
  private readonly slotsByName = new Map<string, LeadSlot>();

  /** The lead fields read by the conditions compiled so far. */
  get leadSlots(): readonly LeadSlot[] {
    return [...this.slotsByName.values()];
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
        return compare(this.reader(expr.ref), expr.cmp, normalizeLiteral(expr.ref.type, expr.value));
      case "in": {
        const values = new Set<NormalValue>();
        for (const literal of expr.values) {
          const value = normalizeLiteral(expr.ref.type, literal);
          if (value !== undefined) values.add(value);
        }
        const read = this.reader(expr.ref);
        return (ctx) => {
          const value = read(ctx);
          return value === undefined ? UNKNOWN : values.has(value) ? TRUE : FALSE;
        };
      }
      case "contains":
      case "starts_with":
      case "ends_with":
        // Text searched for is lowercased but not trimmed: `contains " Lead"` means the spaces.
        return textTest(
          this.reader(expr.ref),
          expr.op,
          expr.values.map((value) => String(value).toLowerCase()),
        );
      case "between": {
        const low = normalizeLiteral(expr.ref.type, expr.low);
        const high = normalizeLiteral(expr.ref.type, expr.high);
        if (low === undefined || high === undefined) return ALWAYS_UNKNOWN;
        const read = this.reader(expr.ref);
        return (ctx) => {
          const value = read(ctx);
          if (value === undefined) return UNKNOWN;
          return (value as number) >= (low as number) && (value as number) <= (high as number) ? TRUE : FALSE;
        };
      }
      case "missing": {
        const read = this.reader(expr.ref);
        return (ctx) => (read(ctx) === undefined ? TRUE : FALSE);
      }
      case "present": {
        const read = this.reader(expr.ref);
        return (ctx) => (read(ctx) === undefined ? FALSE : TRUE);
      }
    }
  }

  private reader(ref: Ref): Reader {
    switch (ref.scope) {
      case "lead": {
        const slot = this.slotFor(ref.name, ref.type).slot;
        return (ctx) => ctx.lead[slot];
      }
      case "event":
        return eventReader(ref.name, ref.type);
      case "result":
        return resultReader(ref.name);
    }
  }

  private slotFor(name: string, type: FieldType): LeadSlot {
    let slot = this.slotsByName.get(name);
    if (!slot) {
      slot = { name, slot: this.slotsByName.size, normalize: normalizerFor(type) };
      this.slotsByName.set(name, slot);
    }
    return slot;
  }
}

function eventReader(name: string, type: FieldType): Reader {
  // `at` is the event's time, already read once when the lead's events were indexed.
  if (name === "at" && type === "date") return (ctx) => (Number.isNaN(ctx.eventAt) ? undefined : ctx.eventAt);
  const normalize = normalizerFor(type);
  return (ctx) => (ctx.event === undefined ? undefined : normalize(ctx.event[name]));
}

function resultReader(name: string): Reader {
  switch (name) {
    case "score":
      return (ctx) => (Number.isNaN(ctx.score) ? undefined : ctx.score);
    case "fit":
      return (ctx) => (Number.isNaN(ctx.fit) ? undefined : ctx.fit);
    case "engagement":
      return (ctx) => (Number.isNaN(ctx.engagement) ? undefined : ctx.engagement);
    case "grade":
      return (ctx) => ctx.grade;
    default:
      return () => undefined;
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
function compare(
  read: Reader,
  cmp: "=" | "!=" | "<" | "<=" | ">" | ">=",
  literal: NormalValue | undefined,
): Predicate {
  if (literal === undefined) return ALWAYS_UNKNOWN;
  const bound = literal as number;
  switch (cmp) {
    case "=":
      return (ctx) => {
        const value = read(ctx);
        return value === undefined ? UNKNOWN : value === literal ? TRUE : FALSE;
      };
    case "!=":
      return (ctx) => {
        const value = read(ctx);
        return value === undefined ? UNKNOWN : value !== literal ? TRUE : FALSE;
      };
    case "<":
      return (ctx) => {
        const value = read(ctx);
        return value === undefined ? UNKNOWN : (value as number) < bound ? TRUE : FALSE;
      };
    case "<=":
      return (ctx) => {
        const value = read(ctx);
        return value === undefined ? UNKNOWN : (value as number) <= bound ? TRUE : FALSE;
      };
    case ">":
      return (ctx) => {
        const value = read(ctx);
        return value === undefined ? UNKNOWN : (value as number) > bound ? TRUE : FALSE;
      };
    case ">=":
      return (ctx) => {
        const value = read(ctx);
        return value === undefined ? UNKNOWN : (value as number) >= bound ? TRUE : FALSE;
      };
  }
}

function textTest(read: Reader, op: "contains" | "starts_with" | "ends_with", needles: string[]): Predicate {
  const test =
    op === "contains"
      ? (text: string, needle: string) => text.includes(needle)
      : op === "starts_with"
        ? (text: string, needle: string) => text.startsWith(needle)
        : (text: string, needle: string) => text.endsWith(needle);
  if (needles.length === 1) {
    const needle = needles[0]!;
    return (ctx) => {
      const value = read(ctx);
      return value === undefined ? UNKNOWN : test(String(value), needle) ? TRUE : FALSE;
    };
  }
  return (ctx) => {
    const value = read(ctx);
    if (value === undefined) return UNKNOWN;
    const text = String(value);
    for (let i = 0; i < needles.length; i++) if (test(text, needles[i]!)) return TRUE;
    return FALSE;
  };
}
