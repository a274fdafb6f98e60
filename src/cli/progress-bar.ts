import type { ByteSource } from "../io/read-item.js";
import type { CommandIO } from "./io.js";
import { escapeControlsInText } from "./terminal-text.js";

/**
 * The progress of a long phase (reading events, scoring leads, the two scorings of `diff`) on one line of
 * the terminal, on stderr, redrawn at most ten times a second:
 *
 *   scoring leads.csv  [██████████░░░░░░░░░░░░░░]  42%  120,000 records  45,000/s  ETA 0:03
 *
 * Shown on a terminal only (never in CI logs, pipes or files), and cleared before the summary is printed.
 */
export interface ProgressBar {
  /** A new phase: what it does, and how much there is to do (bytes of a file, or leads) when known. */
  start(label: string, total: number | null, unit: ProgressUnit): void;
  /** How far the phase is (`done` of the total), and how many records it has handled for the rate. */
  update(done: number, records?: number): void;
  clear(): void;
}

export type ProgressUnit = "bytes" | "leads";

/** At most ten redraws a second. */
export const REDRAW_INTERVAL_MS = 100;
const BAR_WIDTH = 24;

export interface ProgressState {
  label: string;
  total: number | null;
  unit: ProgressUnit;
  done: number;
  records: number | null;
  elapsedMs: number;
}

/** The line for a state: the bar and percentage when the total is known, the rate and ETA once measurable. */
export function progressLine(state: ProgressState): string {
  const parts = [escapeControlsInText(state.label)];
  const { total, done } = state;
  const fraction = total === null || total <= 0 ? null : Math.min(1, done / total);
  if (fraction !== null) {
    const filled = Math.floor(fraction * BAR_WIDTH);
    parts.push(`[${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}]`);
    parts.push(`${String(Math.floor(fraction * 100)).padStart(3)}%`);
  }
  const count = state.records ?? (state.unit === "leads" && done > 0 ? done : null);
  if (count !== null)
    parts.push(
      `${count.toLocaleString("en-US")} ${state.unit === "leads" && state.records === null ? "leads" : "records"}`,
    );
  const seconds = state.elapsedMs / 1000;
  if (seconds > 0 && done > 0) {
    parts.push(
      count !== null ? `${Math.round(count / seconds).toLocaleString("en-US")}/s` : byteRate(done / seconds),
    );
    if (fraction !== null && fraction < 1) {
      parts.push(`ETA ${clock(((total! - done) * seconds) / done)}`);
    }
  }
  return parts.join("  ");
}

function byteRate(perSecond: number): string {
  return perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(1)} MB/s` : `${(perSecond / 1e3).toFixed(1)} kB/s`;
}

function clock(seconds: number): string {
  const whole = Math.ceil(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

/**
 * A progress bar drawn with `write` (the terminal itself: the bar's own cursor controls pass, the label is
 * escaped). `now` is the clock, given by tests.
 */
export function progressBar(write: (text: string) => void, now: () => number = Date.now): ProgressBar {
  let state: ProgressState | null = null;
  let started = 0;
  let lastDraw = 0;
  let checkedAt = 0;
  let shown = false;
  const draw = (at: number) => {
    if (state === null) return;
    state.elapsedMs = at - started;
    lastDraw = at;
    write(`\r\x1b[K${progressLine(state)}`);
    shown = true;
  };
  return {
    start(label, total, unit) {
      started = now();
      state = { label, total, unit, done: 0, records: null, elapsedMs: 0 };
      checkedAt = 0;
      draw(started);
    },
    update(done, records) {
      if (state === null) return;
      state.done = done;
      if (records !== undefined) state.records = records;
      // Reading the clock for every lead would cost more than scoring some of them: once per 64.
      const count = records ?? (state.unit === "leads" ? done : null);
      if (count !== null) {
        if (count - checkedAt < 64 && count > checkedAt) return;
        checkedAt = count;
      }
      const at = now();
      if (at - lastDraw >= REDRAW_INTERVAL_MS) draw(at);
    },
    clear() {
      if (shown) write("\r\x1b[K");
      shown = false;
      state = null;
    },
  };
}

/** The command's progress bar on a terminal; null elsewhere (nothing to draw, nothing to measure). */
export function terminalProgress(io: CommandIO): ProgressBar | null {
  return io.isTTY ? progressBar(io.progress ?? io.stderr) : null;
}

/** Passes a file's bytes through, counting them for the progress bar. */
export async function* countBytes(source: ByteSource, onBytes: (read: number) => void): ByteSource {
  let read = 0;
  for await (const chunk of source) {
    read += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
    onBytes(read);
    yield chunk;
  }
}
