/**
 * The distribution of score changes: how many leads went up, down or stayed, the spread, and a histogram
 * by bands of the size of the change. Deltas are collected in a growable typed array: 100,000 leads cost
 * 800 KB and one sort.
 */
import { round2 } from "../eval/round.js";
import type { DeltaBand, ScoreDeltas } from "./report/model.js";

/** Band edges on the size of a change: under 10, 10 to 20, 20 to 50, 50 or more. */
const EDGES = [10, 20, 50] as const;

const BAND_LABELS = ["less than 10", "10 to 20", "20 to 50", "50 or more"] as const;

export class DeltaCollector {
  #values = new Float64Array(1024);
  #count = 0;

  add(delta: number): void {
    if (this.#count === this.#values.length) {
      const grown = new Float64Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.#count++] = delta;
  }

  summarize(): ScoreDeltas {
    const values = this.#values.slice(0, this.#count).sort();
    const n = values.length;
    const down = new Array<number>(EDGES.length + 1).fill(0);
    const up = new Array<number>(EDGES.length + 1).fill(0);
    let unchanged = 0;
    for (const delta of values) {
      if (delta === 0) {
        unchanged += 1;
        continue;
      }
      const size = Math.abs(delta);
      let band = EDGES.findIndex((edge) => size < edge);
      if (band === -1) band = EDGES.length;
      (delta < 0 ? down : up)[band]! += 1;
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
        n === 0 ? null : n % 2 === 1 ? values[middle]! : round2((values[middle - 1]! + values[middle]!) / 2),
      max: n === 0 ? null : values[n - 1]!,
      bands,
    };
  }
}
