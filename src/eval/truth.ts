/**
 * SQL's three truth values, as small integers so that conditions stay monomorphic and allocation-free. A
 * rule, an exclusion, a model or a bucket applies only when its condition is TRUE.
 *
 * A `const enum`: the compiler writes `Truth.TRUE` as the number 1, whereas a constant imported from
 * another module is read from a cell (and checked) at every use, on the hottest paths of scoring.
 */
export const enum Truth {
  FALSE = 0,
  TRUE = 1,
  UNKNOWN = 2,
}

export const FALSE = Truth.FALSE;
export const TRUE = Truth.TRUE;
export const UNKNOWN = Truth.UNKNOWN;
