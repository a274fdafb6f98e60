/**
 * SQL's three truth values, as small integers so that conditions compiled to closures stay monomorphic
 * and allocation-free. A rule, an exclusion, a model or a bucket applies only when its condition is TRUE.
 */
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Truth = typeof FALSE | typeof TRUE | typeof UNKNOWN;

/** `not unknown` is unknown. */
export function negate(value: Truth): Truth {
  return value === UNKNOWN ? UNKNOWN : value === TRUE ? FALSE : TRUE;
}
