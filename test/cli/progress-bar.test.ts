import path from "node:path";
import { describe, expect, test } from "vitest";
import { progressBar, progressLine } from "../../src/cli/progress-bar.js";
import { PROJECT_ROOT } from "../support/paths.js";
import { hasScript, runInPipes, runInTerminal } from "../support/terminal.js";

describe("the progress line", () => {
  test("percent of bytes, the record count, the rate and the ETA", () => {
    expect(
      progressLine({
        label: "scoring leads.csv",
        total: 1000,
        unit: "bytes",
        done: 420,
        records: 120_000,
        elapsedMs: 2000,
      }),
    ).toBe("scoring leads.csv  [██████████░░░░░░░░░░░░░░]   42%  120,000 records  60,000/s  ETA 0:03");
  });

  test("bytes without records show a byte rate; a finished phase has no ETA; an unknown total no bar", () => {
    expect(
      progressLine({
        label: "reading e.ndjson",
        total: 4e6,
        unit: "bytes",
        done: 4e6,
        records: null,
        elapsedMs: 2000,
      }),
    ).toBe("reading e.ndjson  [████████████████████████]  100%  2.0 MB/s");
    expect(
      progressLine({
        label: "building the report",
        total: null,
        unit: "leads",
        done: 0,
        records: null,
        elapsedMs: 0,
      }),
    ).toBe("building the report");
    expect(
      progressLine({
        label: "scoring under both rulesets",
        total: 10,
        unit: "leads",
        done: 5,
        records: null,
        elapsedMs: 3_600_000,
      }),
    ).toBe("scoring under both rulesets  [████████████░░░░░░░░░░░░]   50%  5 leads  0/s  ETA 1:00:00");
  });

  test("text from files in the label is escaped", () => {
    expect(
      progressLine({
        label: "reading \u001b[2J.csv",
        total: null,
        unit: "bytes",
        done: 0,
        records: null,
        elapsedMs: 0,
      }),
    ).toBe("reading \\x1b[2J.csv");
  });
});

describe("redraws", () => {
  test("at most one redraw per 100 ms of the clock, and the line is cleared at the end", () => {
    let clock = 0;
    const drawn: string[] = [];
    const bar = progressBar(
      (text) => drawn.push(text),
      () => clock,
    );
    bar.start("reading e.ndjson", 1000, "bytes");
    for (let read = 1; read <= 1000; read++) {
      clock += 1; // a millisecond per chunk: 1,000 updates in one second
      bar.update(read);
    }
    bar.clear();
    expect(drawn[0]).toBe("\r\u001b[Kreading e.ndjson  [░░░░░░░░░░░░░░░░░░░░░░░░]    0%");
    expect(drawn).toHaveLength(1 + 10 + 1);
    expect(drawn[9]).toBe("\r\u001b[Kreading e.ndjson  [█████████████████████░░░]   90%  1.0 kB/s  ETA 0:01");
    expect(drawn.at(-1)).toBe("\r\u001b[K");
  });
});

const EXAMPLE = [
  "score",
  "--rules",
  "rules",
  "--leads",
  "examples/data/leads.csv",
  "--events",
  "examples/data/events.ndjson",
  "--as-of",
  "2026-11-01T00:00:00Z",
  "--out",
];

describe.skipIf(!hasScript)("progress in a real terminal, never in pipes", () => {
  test("score shows reading and scoring with their bars on a terminal, then clears them", () => {
    const out = path.join(PROJECT_ROOT, "node_modules/.cache-terminal-results.ndjson");
    const run = runInTerminal([...EXAMPLE, out], PROJECT_ROOT);
    expect(run.code).toBe(0);
    expect(run.output).toContain("\r\u001b[Kreading examples/data/events.ndjson  [");
    expect(run.output).toContain("\r\u001b[Kscoring examples/data/leads.csv  [");
    expect(run.output).toContain(
      "\r\u001b[K1001 leads read from examples/data/leads.csv: 994 scored, 7 rejected",
    );
  });

  test("in a pipe the summary comes alone", () => {
    const run = runInPipes([...EXAMPLE, "/dev/null"], PROJECT_ROOT);
    expect(run.code).toBe(0);
    expect(run.stderr.startsWith("1001 leads read from examples/data/leads.csv")).toBe(true);
    expect(run.stderr).not.toContain("\r");
  });
});
