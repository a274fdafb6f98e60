import path from "node:path";
import type { Artifact } from "../../compile/artifact.js";
import type { RejectLine } from "../../batch/score-file.js";
import {
  readPreviousContributions,
  readPreviousResults,
  type PreviousResults,
} from "../../batch/previous.js";
import { TransitionTracker, type TransitionRecord } from "../../batch/transitions.js";
import type { ScoreResult } from "../../eval/result.js";
import type { ByteSource } from "../../io/read-item.js";
import type { ResultFormatter } from "../../io/write-results.js";
import { UsageError } from "../exit-codes.js";
import type { CommandIO } from "../io.js";
import { writeOutputFile } from "../output-files.js";

/** The options of `score` that compare a run with the previous one. */
export interface PreviousRunOptions {
  previous?: string;
  changes?: string;
  changesOnly?: boolean | string;
}

export interface PreviousRun {
  tracker: TransitionTracker;
  /** The result's output line, with what changed; null when `--changes-only` leaves it out. */
  line(formatter: ResultFormatter, result: ScoreResult): string | null;
  /** After the last lead: the gone leads, the causes of the moves, and the `--changes` file. */
  finish(): Promise<void>;
}

/**
 * Sets up the comparison with the previous run when `--previous`, `--changes` or `--changes-only` is
 * given (null otherwise). Reads the previous results whole into the per-lead state; its bad records go to
 * `onReject` with the previous file as their source.
 */
export async function openPreviousRun(
  io: CommandIO,
  options: PreviousRunOptions,
  context: {
    artifact: Artifact;
    asOfMs: number;
    open(file: string): Promise<{ source: ByteSource; display: string; close(): void }>;
    onReject(reject: RejectLine): void | Promise<void>;
  },
): Promise<PreviousRun | null> {
  if (options.previous === undefined && options.changes === undefined && options.changesOnly === undefined)
    return null;
  const threshold = readThreshold(options.changesOnly);
  let previous: PreviousResults | null = null;
  let display = "";
  if (options.previous !== undefined) {
    const input = await context.open(options.previous);
    display = input.display;
    try {
      const format = path.extname(options.previous).toLowerCase() === ".csv" ? "csv" : "ndjson";
      previous = await readPreviousResults(
        input.source,
        format,
        context.artifact,
        ({ record, line, reason, raw }) => context.onReject({ record, line, source: display, reason, raw }),
      );
    } finally {
      input.close();
    }
  }
  const tracker = new TransitionTracker({
    previous,
    source: display,
    artifact: context.artifact,
    asOfMs: context.asOfMs,
    threshold,
    keepRecords: options.changes !== undefined,
  });
  const changesOnly = options.changesOnly !== undefined;
  return {
    tracker,
    line(formatter, result) {
      const observed = tracker.observe(result);
      if (changesOnly && !observed.changed) return null;
      return formatter.line(result, observed.change);
    },
    async finish() {
      tracker.finish();
      if (options.changes === undefined) return;
      const ids = tracker.idsNeedingCauses();
      if (previous?.format === "ndjson" && ids.size > 0 && options.previous !== undefined) {
        const input = await context.open(options.previous);
        try {
          tracker.attachCauses(await readPreviousContributions(input.source, ids));
        } finally {
          input.close();
        }
      }
      await writeOutputFile(io, options.changes, tracker.records().map(changeLine).join(""));
    },
  };
}

/** One `--changes` line; keys in a fixed order, so the same runs give the same bytes. */
export function changeLine(record: TransitionRecord): string {
  return `${JSON.stringify(record)}\n`;
}

function readThreshold(value: boolean | string | undefined): number | null {
  if (value === undefined || value === true) return null;
  const threshold = Number(value);
  if (value === false || value.trim() === "" || !Number.isFinite(threshold) || threshold < 0) {
    throw new UsageError(
      `--changes-only takes a score change of 0 or more, like 10 (found \`${String(value)}\`)`,
    );
  }
  return threshold;
}
