/**
 * The distribution of score changes: how many leads went up, down or stayed, the spread, and a histogram
 * by bands of the size of the change. Deltas are counted per distinct value (they are rounded to hundredths
 * and bounded by the scores, so there are few of them): memory does not grow with the leads, and the
 * median is found by walking the sorted values with their counts.
 */
import { round2 } from "../eval/round.js";
import type { DeltaBand, ScoreDeltas } from "./report/model.js";

/** Band edges on the size of a change: under 10, 10 to 20, 20 to 50, 50 or more. */
const EDGES = [10, 20, 50] as const;

const BAND_LABELS = ["less than 10", "10 to 20", "20 to 50", "50 or more"] as const;

export class DeltaCollector {
  /** How many leads changed by each value (−0 counts as 0: Map keys compare like ===). */
  readonly #counts = new Map<number, number>();
  #count = 0;

  /** `times` leads changed by `delta`. */
  add(delta: number, times = 1): void {
    this.#counts.set(delta, (this.#counts.get(delta) ?? 0) + times);
    this.#count += times;
  }

  summarize(): ScoreDeltas {
    const values = Float64Array.from(this.#counts.keys()).sort();
    const n = this.#count;
    const down = new Array<number>(EDGES.length + 1).fill(0);
    const up = new Array<number>(EDGES.length + 1).fill(0);
    let unchanged = 0;
    for (const delta of values) {
      const leads = this.#counts.get(delta)!;
      if (delta === 0) {
        unchanged += leads;
        continue;
      }
      const size = Math.abs(delta);
      let band = EDGES.findIndex((edge) => size < edge);
      if (band === -1) band = EDGES.length;
      (delta < 0 ? down : up)[band]! += leads;
    }
    const bands: DeltaBand[] = [
      ...BAND_LABELS.map((label, i) => ({ label: `down ${label}`, count: down[i]! })).reverse(),
      { label: "unchanged", count: unchanged },
      ...BAND_LABELS.map((label, i) => ({ label: `up ${label}`, count: up[i]! })),
    ];
    const middle = Math.floor(n / 2);
    return {
      compared: n,
      up: up.reduce((a, b) => a + b, 0),
      down: down.reduce((a, b) => a + b, 0),
      unchanged,
      min: n === 0 ? null : values[0]!,
      median:
        n === 0
          ? null
          : n % 2 === 1
            ? this.#nth(values, middle)
            : round2((this.#nth(values, middle - 1) + this.#nth(values, middle)) / 2),
      max: n === 0 ? null : values[values.length - 1]!,
      bands,
    };
  }

  /** The value at 0-based position `index` of all the deltas in ascending order. */
  #nth(values: Float64Array, index: number): number {
    let seen = 0;
    for (const value of values) {
      seen += this.#counts.get(value)!;
      if (index < seen) return value;
    }
    throw new RangeError(`no delta at position ${index}`);
  }
}
