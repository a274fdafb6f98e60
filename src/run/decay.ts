import type { Decay } from "../compile/artifact.js";

/** The factor an event's points are multiplied by, given its age in ms (never negative). */
export type DecayFunction = (ageMs: number) => number;

const TABLE_SIZE = 64;

/**
 * `decay P% every D`: (1 − P/100)^⌊age / D⌋. An event exactly one period old has lost one step. The first
 * powers are tabulated: ages are mostly a few periods, and this keeps `Math.pow` off the hot path.
 */
export function compileDecay(decay: Decay): DecayFunction {
  const base = 1 - decay.percent / 100;
  const every = decay.everyMs;
  const table = new Float64Array(TABLE_SIZE);
  for (let k = 0; k < TABLE_SIZE; k++) table[k] = Math.pow(base, k);
  return (ageMs) => {
    const periods = Math.floor(ageMs / every);
    return periods < TABLE_SIZE ? table[periods]! : Math.pow(base, periods);
  };
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
