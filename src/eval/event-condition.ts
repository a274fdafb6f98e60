import { test, type Condition } from "./condition.js";
import {
  normalizeBoolean,
  normalizeDate,
  normalizeNumber,
  normalizeText,
  type NormalValue,
} from "./normalize.js";
import type { Truth } from "./truth.js";

/** How a `where` reads one event property into its slot. */
export const enum PropertyKind {
  TEXT,
  NUMBER,
  BOOLEAN,
  DATE,
  /** `at`: the event's time, already read when the lead's events were indexed. */
  AT,
}

/** A compiled `where`: the condition, and the event properties it reads (name, slot, how). */
export interface EventCondition {
  condition: Condition;
  names: string[];
  slots: Int32Array;
  kinds: Uint8Array;
}

/**
 * Fills the slots of the event properties the condition reads, then tests it. The normaliser is chosen by
 * a switch rather than called through a table, so that every call is direct (and inlined).
 */
export function testEvent(
  where: EventCondition,
  values: Array<NormalValue | undefined>,
  event: Readonly<Record<string, unknown>>,
  at: number,
): Truth {
  const { names, slots, kinds } = where;
  for (let i = 0; i < names.length; i++) {
    let value: NormalValue | undefined;
    switch (kinds[i]) {
      case PropertyKind.AT:
        value = at;
        break;
      case PropertyKind.TEXT:
        value = normalizeText(event[names[i]!]);
        break;
      case PropertyKind.NUMBER:
        value = normalizeNumber(event[names[i]!]);
        break;
      case PropertyKind.BOOLEAN:
        value = normalizeBoolean(event[names[i]!]);
        break;
      default:
        value = normalizeDate(event[names[i]!]);
    }
    values[slots[i]!] = value;
  }
  return test(where.condition, values);
}
