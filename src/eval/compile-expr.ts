import type { Expr, FieldType, Ref } from "../compile/artifact.js";
import { exprRefs } from "../compile/expr-refs.js";
import type { EvalContext } from "./eval-context.js";
import { PropertyKind, type EventCondition } from "./event-condition.js";
import { foldCase, normalizeLiteral, normalizerFor, type NormalValue, type Normalizer } from "./normalize.js";
import { conditionNode, test, Op, type Condition } from "./condition.js";
import type { Truth } from "./truth.js";

/** A compiled condition. */
export type Predicate = (ctx: EvalContext) => Truth;

/** A value some condition reads, and the slot of `ctx.values` it is normalised into. */
export interface Slot {
  scope: Ref["scope"];
  name: string;
  /** The type its values are normalised as (`normalize` is the normaliser of that type). */
  type: FieldType;
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

/** Not a field: a key no `scope:name` key can equal. */
const AS_OF_KEY = "as-of";

const COMPARISONS = { "=": Op.EQ, "!=": Op.NE, "<": Op.LT, "<=": Op.LE, ">": Op.GT, ">=": Op.GE } as const;
const TEXT_TESTS = { contains: Op.CONTAINS, starts_with: Op.STARTS_WITH, ends_with: Op.ENDS_WITH } as const;
const TEXT_TESTS_ANY = {
  contains: Op.CONTAINS_ANY,
  starts_with: Op.STARTS_WITH_ANY,
  ends_with: Op.ENDS_WITH_ANY,
} as const;

/**
 * Compiles artifact expressions into conditions (data that `test` evaluates, see condition.ts), once per
 * ruleset. Everything that can be decided before seeing a lead is decided here: literals are normalised
 * (lowercased text, epoch-ms dates), lists become Sets, and every value read gets a slot, so that a lead's
 * fields are normalised once per lead rather than once per condition, and every condition reads
 * `ctx.values[slot]` directly.
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

  /** A condition on an event: its event properties are read from the event being tested (testEvent). */
  compileWhere(expr: Expr): EventCondition {
    const condition = this.condition(expr);
    const reads = [...new Set(eventRefsOf(expr).map((ref) => this.slotFor(ref)))];
    return {
      condition,
      names: reads.map((slot) => slot.name),
      slots: Int32Array.from(reads, (slot) => slot.slot),
      kinds: Uint8Array.from(reads, (slot) => propertyKind(slot)),
    };
  }

  /** A condition as a function of the context (for callers that test one condition now and then). */
  compile(expr: Expr): Predicate {
    const condition = this.condition(expr);
    return (ctx) => test(condition, ctx.values);
  }

  /** A condition as data, for `test` (see condition.ts). */
  condition(expr: Expr): Condition {
    switch (expr.op) {
      case "and":
        return this.operands(Op.AND, expr.args);
      case "or":
        return this.operands(Op.OR, expr.args);
      case "not":
        return conditionNode(Op.NOT, { args: [this.condition(expr.arg)] });
      case "compare": {
        const slot = this.slotFor(expr.ref).slot;
        const literal = normalizeLiteral(expr.ref.type, expr.value);
        if (literal === undefined) return conditionNode(Op.ALWAYS_UNKNOWN);
        return conditionNode(COMPARISONS[expr.cmp], { slot, literal });
      }
      case "in": {
        const members = new Set<NormalValue>();
        for (const literal of expr.values) {
          const value = normalizeLiteral(expr.ref.type, literal);
          if (value !== undefined) members.add(value);
        }
        return conditionNode(Op.IN, { slot: this.slotFor(expr.ref).slot, members });
      }
      case "contains":
      case "starts_with":
      case "ends_with": {
        // Text searched for is lowercased but not trimmed: `contains " Lead"` means the spaces.
        const needles = expr.values.map((value) => foldCase(String(value)));
        const slot = this.slotFor(expr.ref).slot;
        if (needles.length === 1) return conditionNode(TEXT_TESTS[expr.op], { slot, needle: needles[0]! });
        return conditionNode(TEXT_TESTS_ANY[expr.op], { slot, needles });
      }
      case "between": {
        const low = normalizeLiteral(expr.ref.type, expr.low) as number | undefined;
        const high = normalizeLiteral(expr.ref.type, expr.high) as number | undefined;
        if (low === undefined || high === undefined) return conditionNode(Op.ALWAYS_UNKNOWN);
        return conditionNode(Op.BETWEEN, { slot: this.slotFor(expr.ref).slot, low, high });
      }
      case "within":
        return conditionNode(Op.WITHIN, {
          slot: this.slotFor(expr.ref).slot,
          low: expr.ms,
          high: this.asOfSlotFor(),
        });
      case "missing":
        return conditionNode(Op.MISSING, { slot: this.slotFor(expr.ref).slot });
      case "present":
        return conditionNode(Op.PRESENT, { slot: this.slotFor(expr.ref).slot });
    }
  }

  /** `and` / `or`; one operand is that operand. */
  private operands(op: Op, args: readonly Expr[]): Condition {
    const conditions = args.map((arg) => this.condition(arg));
    return conditions.length === 1 ? conditions[0]! : conditionNode(op, { args: conditions });
  }

  /** The slot the evaluator fills with the as-of time before each lead; -1 when no condition reads it. */
  get asOfSlot(): number {
    return this.slots.get(AS_OF_KEY)?.slot ?? -1;
  }

  /** `within` compares a date with the as-of time, which reaches `test` through its own slot. */
  private asOfSlotFor(): number {
    let slot = this.slots.get(AS_OF_KEY);
    if (!slot) {
      slot = {
        scope: "result",
        name: "",
        type: "date",
        slot: this.slots.size,
        normalize: normalizerFor("date"),
      };
      this.slots.set(AS_OF_KEY, slot);
    }
    return slot.slot;
  }

  private slotFor(ref: Ref): Slot {
    const key = `${ref.scope}:${ref.name}`;
    let slot = this.slots.get(key);
    if (!slot) {
      slot = {
        scope: ref.scope,
        name: ref.name,
        type: ref.type,
        slot: this.slots.size,
        normalize: normalizerFor(ref.type),
      };
      this.slots.set(key, slot);
    }
    if (slot.scope === "lead") this.collecting?.add(slot);
    return slot;
  }
}

/** `at` is the event's time; other properties are read as their type. */
function propertyKind(slot: Slot): PropertyKind {
  if (slot.name === "at") return PropertyKind.AT;
  switch (slot.type) {
    case "string":
    case "enum":
      return PropertyKind.TEXT;
    case "number":
      return PropertyKind.NUMBER;
    case "boolean":
      return PropertyKind.BOOLEAN;
    case "date":
      return PropertyKind.DATE;
  }
}

function eventRefsOf(expr: Expr): Ref[] {
  return exprRefs(expr).filter((ref) => ref.scope === "event");
}
