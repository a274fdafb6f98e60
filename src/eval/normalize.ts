import type { FieldType, Literal } from "../compile/artifact.js";
import { parseInstant, toInstant } from "./instant.js";

/**
 * Input values as conditions compare them: text trimmed and lowercased (strings compare
 * case-insensitively), numbers as numbers, booleans as booleans, dates as epoch milliseconds.
 * `undefined` means missing: absent, null, blank text, or a value that cannot be read as the field's type
 * (input validation reports those; scoring treats them as unknown rather than guessing).
 */
export type NormalValue = string | number | boolean;
export type Normalizer = (value: unknown) => NormalValue | undefined;

/**
 * `text.trim()`, without the call when there is nothing to trim: every character `trim` removes is a
 * control character, the space, or beyond ASCII, so text that starts and ends with printable ASCII (most
 * values) is returned as it is.
 */
export function trimText(text: string): string {
  const last = text.length - 1;
  if (last >= 0) {
    const first = text.charCodeAt(0);
    const end = text.charCodeAt(last);
    if (first > 32 && first < 127 && end > 32 && end < 127) return text;
  }
  return text.trim();
}

const ASCII_UPPER = /[A-Z]+/g;

/**
 * Case folding for comparisons: the ASCII letters A–Z become a–z and every other character stays as it
 * is. Only ASCII, because that is the folding every engine can do identically: JavaScript's full Unicode
 * `toLowerCase` turns `İ` into two characters and `K` (Kelvin) into `k`, and databases fold beyond ASCII
 * by their own tables or locale (PostgreSQL's C locale not at all). SQL folds the same way with
 * `TRANSLATE(x, 'A…Z', 'a…z')` (src/sql). ASCII text, the usual case, takes the fast built-in path.
 */
export function foldCase(text: string): string {
  // One look at the characters: ASCII without a capital (most names and values) is its own folding.
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return text.replace(ASCII_UPPER, (letters) => letters.toLowerCase());
    if (code >= 0x41 && code <= 0x5a) upper = true;
  }
  return upper ? text.toLowerCase() : text;
}

export function normalizeText(value: unknown): string | undefined {
  if (typeof value === "string") {
    const trimmed = trimText(value);
    return trimmed === "" ? undefined : foldCase(trimmed);
  }
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === "boolean") return value ? "true" : "false";
  return undefined;
}

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A number written as text (`1200`, `-3.5`, `1e3`), or NaN: no thousands separators, no units. */
export function parseNumberText(text: string): number {
  const trimmed = text.trim();
  return NUMBER_TEXT.test(trimmed) ? Number(trimmed) : NaN;
}

export function normalizeNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string") {
    const parsed = parseNumberText(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ["true", true],
  ["false", false],
  ["yes", true],
  ["no", false],
  ["1", true],
  ["0", false],
]);

/** A boolean written as text: true/false, yes/no, 1/0 in any case; undefined otherwise. */
export function parseBooleanText(text: string): boolean | undefined {
  return BOOLEAN_WORDS.get(text.trim().toLowerCase());
}

export function normalizeBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return parseBooleanText(value);
  if (value === 1 || value === 0) return value === 1;
  return undefined;
}

export function normalizeDate(value: unknown): number | undefined {
  const instant = toInstant(value);
  return Number.isNaN(instant) ? undefined : instant;
}

export function normalizerFor(type: FieldType): Normalizer {
  switch (type) {
    case "string":
    case "enum":
      return normalizeText;
    case "number":
      return normalizeNumber;
    case "boolean":
      return normalizeBoolean;
    case "date":
      return normalizeDate;
  }
}

/**
 * A literal from the artifact in the form its field's values take after normalisation, so that a
 * comparison is a plain `===` or `<`. Undefined when the literal cannot be read as that type (a checked
 * artifact never has one; such a comparison is then unknown, like one with a missing value).
 */
export function normalizeLiteral(type: FieldType, literal: Literal): NormalValue | undefined {
  switch (type) {
    case "string":
    case "enum":
      return normalizeText(literal);
    case "number":
      return normalizeNumber(literal);
    case "boolean":
      return normalizeBoolean(literal);
    case "date": {
      if (typeof literal === "number") return Number.isFinite(literal) ? literal : undefined;
      if (typeof literal !== "string") return undefined;
      const instant = parseInstant(literal);
      return Number.isNaN(instant) ? undefined : instant;
    }
  }
}
