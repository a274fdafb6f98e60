import path from "node:path";
import { expect } from "vitest";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import { Ruleset } from "../../src/eval/ruleset.js";
import { batchScorerFor } from "../../src/batch/scorer.js";
import { JS_LINES } from "../../src/batch/result-lines-table.js";
import { parquetFastPath, type FastRun } from "../../src/batch/score-parquet-fast.js";
import { resolveInputOptions } from "../../src/io/input-options.js";
import { emptyInputReport } from "../../src/io/lead-records.js";
import { openDuckDb } from "../../src/sql/engines/duckdb.js";
import type { SqlEngine } from "../../src/sql/engines/engine.js";

/** What a run of the Parquet fast path wrote as NDJSON, and who wrote each line. */
export interface FastPathLines {
  run: FastRun;
  /** Each result's id, in the order written. */
  ids: string[];
  /** The record numbers of the results whose lines JavaScript wrote (SQL could not prove them). */
  byJs: number[];
}

/**
 * Runs `score --engine duckdb`'s fast path on `dir`'s rules/, leads.parquet and events.parquet (as of
 * `asOf`, `Work Email` read as `email`) with NDJSON results.
 */
export async function runParquetFastPath(dir: string, asOf: string): Promise<FastPathLines> {
  const artifact = (await compileDirectory(path.join(dir, "rules"))).artifact!;
  const engine = await openDuckDb({ threads: 1 });
  try {
    const byJs = recordsWrittenByJs(engine);
    const input = resolveInputOptions([], { columns: "Work Email=email" });
    const asOfMs = Date.parse(asOf);
    const fast = await parquetFastPath({
      engine,
      artifact,
      asOfMs,
      input,
      leads: { file: path.join(dir, "leads.parquet"), source: "leads.parquet" },
      events: { file: path.join(dir, "events.parquet"), source: "events.parquet" },
      scorer: batchScorerFor(new Ruleset(artifact), asOfMs, input),
      inputReport: emptyInputReport("csv"),
      asOf,
      bucketOrder: [],
      exclusionOrder: [],
    });
    const ids: string[] = [];
    const run = await fast!.run({
      onResult: () => {
        throw new Error("NDJSON results are lines");
      },
      onLines: (lines) => {
        const text = Buffer.from(lines).toString("utf8");
        expect(text.endsWith("\n")).toBe(true);
        for (const line of text.slice(0, -1).split("\n")) ids.push((JSON.parse(line) as { id: string }).id);
      },
      onReject: () => {},
    });
    return { run, ids, byJs };
  } finally {
    await engine.close();
  }
}

/**
 * The record numbers of the lines JavaScript writes on `engine` (result-lines-table.ts appends them to
 * JS_LINES before putting them in place), noted as they are appended. The output cannot tell them: it is
 * byte-identical whoever writes a line.
 */
function recordsWrittenByJs(engine: SqlEngine): number[] {
  const records: number[] = [];
  const append = engine.append!.bind(engine);
  engine.append = (table, kinds, rows) => {
    if (table === JS_LINES) for (const row of rows) records.push(Number(row[0]));
    return append(table, kinds, rows);
  };
  return records;
}
