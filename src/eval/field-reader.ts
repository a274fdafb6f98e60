import type { FieldType } from "../compile/artifact.js";
import type { Slot } from "./compile-expr.js";
import {
  normalizeBoolean,
  normalizeDate,
  normalizeNumber,
  normalizeText,
  type NormalValue,
} from "./normalize.js";

/**
 * Reads a set of lead fields into their slots, normalised. The fields are grouped by type so that each
 * loop calls one normaliser directly (V8 inlines it) rather than a different function per field through
 * one call site, which it cannot.
 */
export interface FieldReader {
  textNames: string[];
  textSlots: Int32Array;
  numberNames: string[];
  numberSlots: Int32Array;
  booleanNames: string[];
  booleanSlots: Int32Array;
  dateNames: string[];
  dateSlots: Int32Array;
}

export function createFieldReader(slots: readonly Slot[]): FieldReader {
  const of = (...types: FieldType[]) => slots.filter((slot) => types.includes(slot.type));
  const text = of("string", "enum");
  const number = of("number");
  const boolean = of("boolean");
  const date = of("date");
  return {
    textNames: text.map((slot) => slot.name),
    textSlots: Int32Array.from(text, (slot) => slot.slot),
    numberNames: number.map((slot) => slot.name),
    numberSlots: Int32Array.from(number, (slot) => slot.slot),
    booleanNames: boolean.map((slot) => slot.name),
    booleanSlots: Int32Array.from(boolean, (slot) => slot.slot),
    dateNames: date.map((slot) => slot.name),
    dateSlots: Int32Array.from(date, (slot) => slot.slot),
  };
}

/** Reads the record's fields into their slots, normalised (trimmed, lowercased, typed). */
export function readFields(
  reader: FieldReader,
  record: Readonly<Record<string, unknown>>,
  values: Array<NormalValue | undefined>,
): void {
  const { textNames, textSlots, numberNames, numberSlots } = reader;
  for (let i = 0; i < textNames.length; i++) values[textSlots[i]!] = normalizeText(record[textNames[i]!]);
  for (let i = 0; i < numberNames.length; i++) {
    values[numberSlots[i]!] = normalizeNumber(record[numberNames[i]!]);
  }
  const { booleanNames, booleanSlots, dateNames, dateSlots } = reader;
  for (let i = 0; i < booleanNames.length; i++) {
    values[booleanSlots[i]!] = normalizeBoolean(record[booleanNames[i]!]);
  }
  for (let i = 0; i < dateNames.length; i++) values[dateSlots[i]!] = normalizeDate(record[dateNames[i]!]);
}
