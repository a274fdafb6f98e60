/**
 * Timing on a shared, noisy machine: the contenders of a group run in the same process, interleaved
 * (A B C, A B C, …) so that a burst of load from elsewhere hits all of them alike; a few warm-up rounds let
 * the JIT settle before anything is recorded; the median of the recorded rounds is reported, with the
 * fastest and slowest round next to it so the noise is visible.
 */

export interface Contender {
  name: string;
  /** Does the work once and returns how many units (leads, files, runs) it processed. */
  run(): number | Promise<number>;
}

export interface Timing {
  name: string;
  /** Milliseconds of each recorded round, in round order (wall clock). */
  rounds: number[];
  /**
   * CPU milliseconds of the process in each round (user + system, every thread: the garbage collector's
   * helpers too). On a loaded machine the wall clock also counts time spent waiting for a core; this
   * does not.
   */
  cpu: number[];
  /** Units processed per round (the same every round). */
  units: number;
}

export interface RoundOptions {
  warmup: number;
  rounds: number;
  /** Called after each recorded round (progress on stderr). */
  onRound?: (round: number) => void;
}

/** Runs every contender once per round, in the order given, and records each one's time. */
export async function interleave(contenders: readonly Contender[], options: RoundOptions): Promise<Timing[]> {
  const timings: Timing[] = contenders.map((c) => ({ name: c.name, rounds: [], cpu: [], units: 0 }));
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    const recorded = round >= options.warmup;
    for (let i = 0; i < contenders.length; i++) {
      const cpuBefore = process.cpuUsage();
      const started = process.hrtime.bigint();
      const units = await contenders[i]!.run();
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      const cpu = process.cpuUsage(cpuBefore);
      if (recorded) {
        timings[i]!.rounds.push(elapsed);
        timings[i]!.cpu.push((cpu.user + cpu.system) / 1000);
        timings[i]!.units = units;
      }
    }
    if (recorded) options.onRound?.(round - options.warmup + 1);
  }
  return timings;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function medianOf(timing: Timing): number {
  return median(timing.rounds);
}

export function cpuMedianOf(timing: Timing): number {
  return median(timing.cpu);
}

/** Units per second at the median round. */
export function rateOf(timing: Timing): number {
  return (timing.units * 1000) / medianOf(timing);
}

export function spreadOf(timing: Timing): string {
  return `${formatMs(Math.min(...timing.rounds))}–${formatMs(Math.max(...timing.rounds))}`;
}

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)}M/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)}k/s`;
  return `${perSecond.toFixed(0)}/s`;
}

export function formatRatio(ratio: number): string {
  if (ratio >= 100) return `${ratio.toFixed(0)}×`;
  if (ratio >= 10) return `${ratio.toFixed(1)}×`;
  return `${ratio.toFixed(2)}×`;
}

export function formatBytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(0)} MiB`;
}

/** A goal line: what was asked, what was measured, and whether it is met. */
export function goal(label: string, met: boolean, detail: string): string {
  return `  ${met ? "MET   " : "MISSED"}  ${label}: ${detail}`;
}

/** A plain-text table with right-aligned numeric columns; the first column is left-aligned. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, column) =>
    Math.max(h.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [line(header), rule, ...rows.map(line)].map((text) => `  ${text}`).join("\n");
}

/** Progress goes to stderr so that stdout holds only the report. */
export function progress(text: string): void {
  process.stderr.write(`${text}\n`);
}
