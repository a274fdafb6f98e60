import type { Artifact } from "../compile/artifact.js";
import type { ScoreResult } from "../eval/result.js";
import { createDecoder } from "../sql/decode.js";
import { chunkRow, type SqlEngine } from "../sql/engines/engine.js";
import type { ResultLinesQuery } from "../sql/result-lines.js";
import { engineQuery } from "../sql/score-loaded.js";
import { idKeyOf, q } from "./parquet-row-checks.js";
import type { OutcomeCounts } from "./outcomes.js";
import type { RuleUsageTally } from "./rule-usage.js";

/**
 * The NDJSON lines of the results, for any output (a file, stdout, the scratch file of Parquet results):
 * no result passes through JavaScript but those whose line SQL cannot prove (result-lines.ts), and the
 * bytes are those the JS engine writes. The lines are kept in a table in record order; the rows SQL left
 * are scored again on their own (a lead's result depends only on the lead and its events), decoded and
 * written by JavaScript as the JS engine writes them, and put in their place; then the table is read out
 * as the UTF-8 bytes DuckDB holds, a chunk of rows at a time.
 *
 * Why a table, and not the lines query read out directly: measured at 1,000,000 leads, reading the
 * ordered lines query out (streamed, or by COPY) cost 9-14 s more CPU than filling a table with it and
 * reading the table (1.7 s); and the rows SQL leaves need their place known before anything is written.
 * The table is in DuckDB's memory, spilled to disk beyond `--memory-limit`.
 */

const RESULTS = "ls_result_lines";
const REDO_LEADS = "ls_redo_leads";
const REDO_EVENTS = "ls_redo_events";
/** The lines JavaScript writes (`pos`, `line`), appended before they are put in their places. */
export const JS_LINES = "ls_js_lines";
/** Lines JavaScript writes are appended to DuckDB this many at a time. */
const APPEND_BATCH = 2000;

/** The summary's counts the results decoded in JavaScript go into. */
interface ResultCounts {
  outcomes: OutcomeCounts;
  usage: RuleUsageTally | undefined;
}

export interface ResultLinesRun {
  scored: number;
  /** Each distinct tally (result-lines.ts) of the lines SQL wrote, with how many results had it. */
  tallies: Map<string, number>;
}

/**
 * Hands the NDJSON lines of the results of the leads in `leads`/`events` to `onLines` (runs of whole
 * lines, UTF-8), in record order. Results decoded in JavaScript are counted into `outcomes` and `usage`
 * here; the caller counts the tallies.
 */
export async function writeResultLines(
  engine: SqlEngine,
  artifact: Artifact,
  asOfMs: number,
  lines: ResultLinesQuery,
  tables: { leads: string; events: string },
  onLines: (lines: Uint8Array) => void | Promise<void>,
  counts: ResultCounts,
): Promise<ResultLinesRun> {
  try {
    // A table keeps the order rows are inserted in (and an UPDATE keeps each row in its place).
    await engine.run(
      `CREATE OR REPLACE TEMP TABLE ${RESULTS} AS SELECT ls_line AS line, ls_tally AS tally, "__row" AS pos ` +
        `FROM (${lines.sql})`,
    );
    // One scan: the tallies of the lines SQL wrote, and how many rows it left to JavaScript.
    const tallies = new Map<string, number>();
    let scored = 0;
    let left = 0;
    for (const row of await engine.query(
      `SELECT tally, line IS NULL AS left, COUNT(*) AS n FROM ${RESULTS} GROUP BY ALL`,
    )) {
      const n = Number(row.n);
      scored += n;
      if (row.left === true) left += n;
      else tallies.set(String(row.tally), n);
    }
    if (left > 0) await writeLeftLines(engine, artifact, asOfMs, lines.columns, tables, counts);
    // Each chunk's lines handed on at once, each followed by its line break.
    for await (const chunk of engine.streamChunks!(`SELECT encode(line) FROM ${RESULTS}`)) {
      const parts: Uint8Array[] = [];
      let size = 0;
      for (let i = 0; i < chunk.rows; i++) {
        const line = chunk.bytes(0, i)!;
        parts.push(line, LINE_BREAK);
        size += line.length + 1;
      }
      if (size > 0) await onLines(Buffer.concat(parts, size));
    }
    return { scored, tallies };
  } finally {
    // Also when writing fails (a closed pipe): the lines and the redo tables hold memory or spill files.
    for (const table of [RESULTS, REDO_LEADS, REDO_EVENTS, JS_LINES])
      await engine.run(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
  }
}

const LINE_BREAK = new Uint8Array([0x0a]);

/** The rows SQL left: scored again on their own, decoded and written by JavaScript, put in place. */
async function writeLeftLines(
  engine: SqlEngine,
  artifact: Artifact,
  asOfMs: number,
  names: readonly string[],
  tables: { leads: string; events: string },
  counts: ResultCounts,
): Promise<void> {
  await engine.run(
    `CREATE OR REPLACE TEMP TABLE ${REDO_LEADS} AS SELECT * FROM ${q(tables.leads)} ` +
      `WHERE "__row" IN (SELECT pos FROM ${RESULTS} WHERE line IS NULL)`,
  );
  // Only those leads' events: a lead's result depends on its own events alone, and the scoring query
  // aggregates every event it is given before meeting the leads. A lead's id is keyed as the scoring
  // query keys it (a certain lead keeps its id as written); the events' `lead_id` is compared as it is:
  // the scored events relation holds it keyed already (score-parquet-fast.ts: a certain event's key, or
  // the id of the lead the JS input layer filed it under, which it trimmed), and keying ten million
  // events again would trim each of them once more.
  await engine.run(
    `CREATE OR REPLACE TEMP TABLE ${REDO_EVENTS} AS SELECT * FROM ${q(tables.events)} ` +
      `WHERE lead_id IN (SELECT ${idKeyOf("id")} FROM ${REDO_LEADS})`,
  );
  await engine.run(`CREATE OR REPLACE TEMP TABLE ${JS_LINES} (pos BIGINT, line VARCHAR)`);
  const decode = createDecoder(artifact, asOfMs);
  const sql = engineQuery(artifact, "duckdb", asOfMs, { leads: REDO_LEADS, events: REDO_EVENTS });
  let batch: Array<[number, string]> = [];
  await eachDecoded(engine, sql, names, decode, counts, (result, row) => {
    batch.push([Number(row.__row), JSON.stringify(result)]);
    if (batch.length < APPEND_BATCH) return;
    const full = batch;
    batch = [];
    return engine.append!(JS_LINES, ["integer", "text"], full);
  });
  if (batch.length > 0) await engine.append!(JS_LINES, ["integer", "text"], batch);
  await engine.run(`UPDATE ${RESULTS} SET line = j.line FROM ${JS_LINES} j WHERE ${RESULTS}.pos = j.pos`);
  const [left] = await engine.query(`SELECT COUNT(*) AS n FROM ${RESULTS} WHERE line IS NULL`);
  if (Number(left!.n) > 0) throw new Error("internal: a result line was written by neither SQL nor JS");
}

/**
 * Each row of `sql` (columns `names`) decoded into the JS engine's result, counted into the summary's
 * outcomes and usage, then handed with its row to `each` (awaited only when it returns a promise).
 */
export async function eachDecoded(
  engine: SqlEngine,
  sql: string,
  names: readonly string[],
  decode: (row: Readonly<Record<string, unknown>>) => ScoreResult,
  counts: ResultCounts,
  each: (result: ScoreResult, row: Record<string, unknown>) => void | Promise<void>,
): Promise<void> {
  for await (const chunk of engine.streamChunks!(sql)) {
    for (let i = 0; i < chunk.rows; i++) {
      const row = chunkRow(chunk, i, names);
      const result = decode(row);
      counts.outcomes.add(result);
      counts.usage?.count(result);
      const done = each(result, row);
      if (done !== undefined) await done;
    }
  }
}
