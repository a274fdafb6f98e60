/**
 * `leadscore diff` over a population of any size, in one pass: each lead is read once (with its events),
 * scored under both rulesets and let go (PopulationDiff). What grows with the population is kept in
 * memory only up to a bound and spills to temporary files beyond it: the moved leads (sorted runs,
 * merged when the full report is written) and the rejected records (in input order). The report holds
 * every count and the first moved leads and rejects — all a pull-request comment shows — and the full
 * lists stream from disk into a full report.
 */
import { SortedSpill, SpillDirectory, SpillList } from "../io/spill.js";
import {
  compareMoves,
  isRefusedByOneSide,
  PopulationDiff,
  withoutOrder,
  type DiffSetup,
  type OrderedMove,
} from "./population.js";
import type { PopulationSink } from "./population-load.js";
import type { ReportLists } from "./report/document.js";
import { DEFAULT_MAX_LEAD_ROWS } from "./report/markdown.js";
import type { DiffReport, PopulationSourceSummary, RejectedRecord } from "./report/model.js";

export interface StreamLimits {
  /** Moved leads sorted in memory at once (a run); more are written to disk in sorted runs. */
  movedInMemory: number;
  /** Rejected records kept in memory; the rest go to disk in input order. */
  rejectsInMemory: number;
}

/**
 * About 20 MB of moved leads and a few MB of rejects at most: far below what scoring itself needs, and
 * a population that moves fewer leads than this (nearly every pull request) never touches the disk.
 */
export const DEFAULT_STREAM_LIMITS: StreamLimits = { movedInMemory: 10_000, rejectsInMemory: 10_000 };

/** The moved leads a report holds when they spill: what the longest comment lists. */
const MOVED_IN_REPORT = DEFAULT_MAX_LEAD_ROWS;

export interface StreamedDiff {
  report: DiffReport;
  /** The full lists (from memory or disk), for a full report; valid until `dispose`. */
  lists: ReportLists;
  /** Removes the temporary files. */
  dispose(): void;
}

/**
 * How the leads are scored into the diff: by default one at a time in JS (`diff.add`); a database engine
 * loads them and counts their results itself (population-database.ts). Either hands sources and
 * rejects to `sink`.
 */
export type ScoringPass = (
  diff: PopulationDiff,
  read: (sink: PopulationSink) => Promise<void>,
  sink: Omit<PopulationSink, "leads">,
) => Promise<void>;

const scoreInJs: ScoringPass = (diff, read, sink) =>
  read({ ...sink, leads: { push: (lead) => diff.add(lead) } });

/**
 * Runs the diff over the leads `read` hands to the sink (it reads fixtures and population files with
 * population-load.ts, in order). The caller must call `dispose` on the result, or the temporary files stay
 * until the system cleans its temporary directory; on failure they are removed here.
 */
export async function streamDiff(
  setup: DiffSetup,
  read: (sink: PopulationSink) => Promise<void>,
  limits: StreamLimits = DEFAULT_STREAM_LIMITS,
  score: ScoringPass = scoreInJs,
): Promise<StreamedDiff> {
  const directory = new SpillDirectory();
  try {
    const moved = new SortedSpill<OrderedMove>(directory, "moved", compareMoves, limits.movedInMemory);
    const diff = new PopulationDiff(setup, moved);
    const rejects = new SpillList<RejectedRecord>(
      directory,
      "rejects",
      Math.max(limits.rejectsInMemory, MOVED_IN_REPORT),
    );
    let refusedByOneSide = 0;
    const sources: PopulationSourceSummary[] = [];
    await score(diff, read, {
      sources,
      rejects: {
        push(reject) {
          if (isRefusedByOneSide(reject)) refusedByOneSide += 1;
          rejects.push(reject);
        },
      },
    });
    const shown = moved.inMemory ? moved.sorted() : await moved.first(MOVED_IN_REPORT);
    const report = diff.report(shown, {
      sources,
      rejects: [...rejects.head()],
      rejected: rejects.size,
      refusedByOneSide,
    });
    return {
      report,
      lists: {
        moved: () => (moved.inMemory ? fromArray(report.moved) : mapped(moved.all(), withoutOrder)),
        rejects: () => rejects.all(),
      },
      dispose() {
        rejects.close();
        directory.dispose();
      },
    };
  } catch (error) {
    directory.dispose();
    throw error;
  }
}

async function* mapped<T, U>(items: AsyncIterable<T>, map: (item: T) => U): AsyncGenerator<U> {
  for await (const item of items) yield map(item);
}

async function* fromArray<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}
