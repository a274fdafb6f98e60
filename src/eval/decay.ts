import type { Decay } from "../compile/artifact.js";

/** The factor an event's points are multiplied by, given its age in ms (never negative). */
export type DecayFunction = (ageMs: number) => number;

const TABLE_SIZE = 64;

/**
 * `decay P% every D` as data for `decayFactor`: the first powers of (1 − P/100) are tabulated, since ages
 * are mostly a few periods, and this keeps `Math.pow` off the hot path.
 */
export interface DecayTable {
  base: number;
  everyMs: number;
  powers: Float64Array;
}

export function compileDecayTable(decay: Decay): DecayTable {
  const base = 1 - decay.percent / 100;
  const powers = new Float64Array(TABLE_SIZE);
  for (let k = 0; k < TABLE_SIZE; k++) powers[k] = base ** k;
  return { base, everyMs: decay.everyMs, powers };
}

/**
 * (1 − P/100)^⌊age / D⌋: an event exactly one period old has lost one step. A plain function rather than
 * a closure per model, so that the loops over events can have it inlined.
 */
export function decayFactor(table: DecayTable, ageMs: number): number {
  const periods = Math.floor(ageMs / table.everyMs);
  return periods < TABLE_SIZE ? table.powers[periods]! : table.base ** periods;
}

export function compileDecay(decay: Decay): DecayFunction {
  const table = compileDecayTable(decay);
  return (ageMs) => decayFactor(table, ageMs);
}

/**
 * The same factor as explanations show it: 12 significant digits, so that 0.7³ reads 0.343 rather than
 * 0.34299999999999997. Tabulated like the factors themselves: explanations are built on the hot path too.
 */
export function compileShownDecay(decay: Decay): DecayFunction {
  const factor = compileDecay(decay);
  const every = decay.everyMs;
  const table = new Float64Array(TABLE_SIZE);
  for (let k = 0; k < TABLE_SIZE; k++) table[k] = Number(factor(k * every).toPrecision(12));
  return (ageMs) => {
    const periods = Math.floor(ageMs / every);
    return periods < TABLE_SIZE ? table[periods]! : Number(factor(ageMs).toPrecision(12));
  };
}
