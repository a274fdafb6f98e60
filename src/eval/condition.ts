import type { NormalValue } from "./normalize.js";
import { Truth } from "./truth.js";

/**
 * A compiled condition as data: one node per operator, every node the same shape, evaluated by `test`.
 *
 * Conditions used to be one closure per node. Each rule then paid an indirect call per node that V8 could
 * not inline (every rule calls a different closure from the same place), and that call cost more than
 * the comparison it made. A switch over small opcodes in one function keeps every read of `values`, every
 * comparison and every string test in code that is optimised once for all rules.
 */
export interface Condition {
  op: Op;
  /** The slot of `values` read (comparisons, lists, text tests, `missing` / `present`). */
  slot: number;
  /** `=`, `!=`, `<`, `<=`, `>`, `>=`: the literal, normalised like the slot's values. */
  literal: NormalValue | undefined;
  /** `between`: the bounds. `within`: `low` is the window in ms, `high` the slot holding the as-of time. */
  low: number;
  high: number;
  /** Text tests with one value: that value, lowercased. */
  needle: string;
  /** Text tests with several values: those values, lowercased. */
  needles: readonly string[];
  /** `in`: the members, normalised. */
  members: ReadonlySet<NormalValue>;
  /** `and`, `or`: the operands; `not`: the one operand. */
  args: readonly Condition[];
}

/**
 * Operators. A `const enum`, so that the compiler writes each as its number: the cases of the switch in
 * `test` are then constants, which V8 dispatches with one jump. (Constants imported from a module are read
 * from a cell and checked one after the other, which cost more than most of the tests themselves.)
 */
export const enum Op {
  ALWAYS_UNKNOWN = 0,
  EQ = 1,
  NE = 2,
  LT = 3,
  LE = 4,
  GT = 5,
  GE = 6,
  IN = 7,
  CONTAINS = 8,
  STARTS_WITH = 9,
  ENDS_WITH = 10,
  CONTAINS_ANY = 11,
  STARTS_WITH_ANY = 12,
  ENDS_WITH_ANY = 13,
  BETWEEN = 14,
  MISSING = 15,
  PRESENT = 16,
  AND = 17,
  OR = 18,
  NOT = 19,
  WITHIN = 20,
}

const NO_MEMBERS: ReadonlySet<NormalValue> = new Set();
const NO_ARGS: readonly Condition[] = Object.freeze([]);
const NO_NEEDLES: readonly string[] = Object.freeze([]);

/** Every node is built here, with every field in the same order, so that all nodes share one shape. */
export function conditionNode(op: Op, fields: Partial<Omit<Condition, "op">> = {}): Condition {
  return {
    op,
    slot: fields.slot ?? -1,
    literal: fields.literal,
    low: fields.low ?? 0,
    high: fields.high ?? 0,
    needle: fields.needle ?? "",
    needles: fields.needles ?? NO_NEEDLES,
    members: fields.members ?? NO_MEMBERS,
    args: fields.args ?? NO_ARGS,
  };
}

/** Text tests read text slots; a value of another type (never after a clean check) is read as text. */
function textOf(value: NormalValue): string {
  return typeof value === "string" ? value : String(value);
}

/**
 * The truth of a condition over the normalised values. Values of one field share one JS type after
 * normalisation (strings, numbers, booleans, epoch-ms dates), so `<` and friends compare them as
 * intended; the casts only tell the type checker so.
 */
export function test(condition: Condition, values: ReadonlyArray<NormalValue | undefined>): Truth {
  switch (condition.op) {
    case Op.EQ: {
      const value = values[condition.slot];
      return value === undefined ? Truth.UNKNOWN : value === condition.literal ? Truth.TRUE : Truth.FALSE;
    }
    case Op.NE: {
      const value = values[condition.slot];
      return value === undefined ? Truth.UNKNOWN : value !== condition.literal ? Truth.TRUE : Truth.FALSE;
    }
    case Op.LT: {
      const value = values[condition.slot] as number | undefined;
      return value === undefined
        ? Truth.UNKNOWN
        : value < (condition.literal as number)
          ? Truth.TRUE
          : Truth.FALSE;
    }
    case Op.LE: {
      const value = values[condition.slot] as number | undefined;
      return value === undefined
        ? Truth.UNKNOWN
        : value <= (condition.literal as number)
          ? Truth.TRUE
          : Truth.FALSE;
    }
    case Op.GT: {
      const value = values[condition.slot] as number | undefined;
      return value === undefined
        ? Truth.UNKNOWN
        : value > (condition.literal as number)
          ? Truth.TRUE
          : Truth.FALSE;
    }
    case Op.GE: {
      const value = values[condition.slot] as number | undefined;
      return value === undefined
        ? Truth.UNKNOWN
        : value >= (condition.literal as number)
          ? Truth.TRUE
          : Truth.FALSE;
    }
    case Op.IN: {
      const value = values[condition.slot];
      return value === undefined ? Truth.UNKNOWN : condition.members.has(value) ? Truth.TRUE : Truth.FALSE;
    }
    case Op.CONTAINS: {
      const value = values[condition.slot];
      return value === undefined
        ? Truth.UNKNOWN
        : textOf(value).includes(condition.needle)
          ? Truth.TRUE
          : Truth.FALSE;
    }
    case Op.STARTS_WITH: {
      const value = values[condition.slot];
      return value === undefined
        ? Truth.UNKNOWN
        : textOf(value).startsWith(condition.needle)
          ? Truth.TRUE
          : Truth.FALSE;
    }
    case Op.ENDS_WITH: {
      const value = values[condition.slot];
      return value === undefined
        ? Truth.UNKNOWN
        : textOf(value).endsWith(condition.needle)
          ? Truth.TRUE
          : Truth.FALSE;
    }
    case Op.CONTAINS_ANY: {
      const value = values[condition.slot];
      if (value === undefined) return Truth.UNKNOWN;
      const text = textOf(value);
      const needles = condition.needles;
      for (let i = 0; i < needles.length; i++) if (text.includes(needles[i]!)) return Truth.TRUE;
      return Truth.FALSE;
    }
    case Op.STARTS_WITH_ANY: {
      const value = values[condition.slot];
      if (value === undefined) return Truth.UNKNOWN;
      const text = textOf(value);
      const needles = condition.needles;
      for (let i = 0; i < needles.length; i++) if (text.startsWith(needles[i]!)) return Truth.TRUE;
      return Truth.FALSE;
    }
    case Op.ENDS_WITH_ANY: {
      const value = values[condition.slot];
      if (value === undefined) return Truth.UNKNOWN;
      const text = textOf(value);
      const needles = condition.needles;
      for (let i = 0; i < needles.length; i++) if (text.endsWith(needles[i]!)) return Truth.TRUE;
      return Truth.FALSE;
    }
    case Op.BETWEEN: {
      const value = values[condition.slot] as number | undefined;
      if (value === undefined) return Truth.UNKNOWN;
      return value >= condition.low && value <= condition.high ? Truth.TRUE : Truth.FALSE;
    }
    case Op.WITHIN: {
      // (T − window, T]: never unknown, a missing or future date is simply not recent.
      const value = values[condition.slot] as number | undefined;
      const asOf = values[condition.high] as number;
      return value !== undefined && value > asOf - condition.low && value <= asOf ? Truth.TRUE : Truth.FALSE;
    }
    case Op.MISSING:
      return values[condition.slot] === undefined ? Truth.TRUE : Truth.FALSE;
    case Op.PRESENT:
      return values[condition.slot] === undefined ? Truth.FALSE : Truth.TRUE;
    case Op.AND: {
      // False wins over unknown: `unknown and false` is false.
      const args = condition.args;
      let result: Truth = Truth.TRUE;
      for (let i = 0; i < args.length; i++) {
        const value = test(args[i]!, values);
        if (value === Truth.FALSE) return Truth.FALSE;
        if (value === Truth.UNKNOWN) result = Truth.UNKNOWN;
      }
      return result;
    }
    case Op.OR: {
      // True wins over unknown: `unknown or true` is true.
      const args = condition.args;
      let result: Truth = Truth.FALSE;
      for (let i = 0; i < args.length; i++) {
        const value = test(args[i]!, values);
        if (value === Truth.TRUE) return Truth.TRUE;
        if (value === Truth.UNKNOWN) result = Truth.UNKNOWN;
      }
      return result;
    }
    case Op.NOT: {
      // `not unknown` is unknown.
      const value = test(condition.args[0]!, values);
      return value === Truth.UNKNOWN ? Truth.UNKNOWN : value === Truth.TRUE ? Truth.FALSE : Truth.TRUE;
    }
    default:
      return Truth.UNKNOWN;
  }
}
