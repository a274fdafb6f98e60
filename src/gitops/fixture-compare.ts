import type { ScoreResult } from "../run/result.js";
import { EXPECT_KEYS, type ExpectKey, type Expectation } from "./fixture-types.js";

/** One checked key of a case: what the fixture says, what the rules decided. */
export interface Check {
  key: ExpectKey;
  expected: unknown;
  actual: unknown;
  ok: boolean;
}

/**
 * Checks the keys a case gives, in result order. Numbers compare exactly (results are already rounded to
 * 2 decimals, and so are the hand-computed expectations), text exactly, `null` only with null, and
 * `actions` as the whole list, item by item, whatever order each action's keys are written in.
 */
export function compareExpectation(expect: Expectation, result: ScoreResult): Check[] {
  const checks: Check[] = [];
  for (const key of EXPECT_KEYS) {
    if (!Object.hasOwn(expect, key)) continue;
    const expected = expect[key];
    const actual: unknown = result[key];
    checks.push({ key, expected, actual, ok: sameValue(expected, actual) });
  }
  return checks;
}

/** Structural equality: arrays in order, objects by key whatever their order (undefined counts as absent). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => sameValue(item, b[index]))
    );
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keysA = definedKeys(a);
  const keysB = definedKeys(b);
  return (
    keysA.length === keysB.length && keysA.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object";
}

function definedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((key) => record[key] !== undefined);
}
