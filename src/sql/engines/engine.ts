import type { DialectName } from "../dialect.js";

/** A database session the SQL backend runs statements in: DuckDB (embedded) or PostgreSQL. */
export interface SqlEngine {
  readonly dialect: Extract<DialectName, "duckdb" | "postgres">;
  run(sql: string): Promise<void>;
  /** Rows as plain objects; integers may come back as bigint or text (decode.ts reads both). */
  query(sql: string): Promise<Array<Record<string, unknown>>>;
  /**
   * Bulk loading, where the database has a faster way than INSERT statements (DuckDB's appender). Values
   * are typed as the column kinds say; null is NULL.
   */
  append?(
    table: string,
    kinds: readonly ColumnKind[],
    rows: ReadonlyArray<ReadonlyArray<ColumnValue>>,
  ): Promise<void>;
  /**
   * Rows one chunk at a time, so that a large result never sits in memory whole (DuckDB). Values as
   * `query` gives them.
   */
  stream?(sql: string): AsyncIterable<unknown[][]>;
  /**
   * Like `stream`, but each value is converted only when read (DuckDB): a row whose first column says
   * all that is needed costs that column alone, however many the query has.
   */
  streamChunks?(sql: string): AsyncIterable<ResultChunk>;
  /**
   * `work` in one transaction (PostgreSQL): committed, or rolled back when it throws or `rollback` says
   * so. Streams opened by the work read inside it, in its snapshot.
   */
  transaction?<T>(
    work: () => Promise<T>,
    options?: { isolation?: "REPEATABLE READ"; rollback?: boolean },
  ): Promise<T>;
  close(): Promise<void>;
}

/** What a loaded column holds: text, a double, a boolean, an instant (epoch ms) or an integer. */
export type ColumnKind = "text" | "double" | "boolean" | "instant" | "integer";
export type ColumnValue = string | number | boolean | null;

/** Rows of a result, read value by value (`value(column, row)`, as `query` gives values). */
export interface ResultChunk {
  rows: number;
  value(column: number, row: number): unknown;
  /**
   * A BLOB value's bytes (null for NULL), without the JavaScript string `value` makes of it: a million
   * lines of results go to a file as bytes, never becoming JavaScript strings.
   */
  bytes(column: number, row: number): Uint8Array | null;
}

/** Row `row` of a chunk as an object of `names`, one per column in order. */
export function chunkRow(chunk: ResultChunk, row: number, names: readonly string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (let c = 0; c < names.length; c++) values[names[c]!] = chunk.value(c, row);
  return values;
}

/** A query's rows in batches, as arrays in the query's column order (a stream where the engine has one). */
export async function* rowsOf(engine: SqlEngine, sql: string): AsyncGenerator<readonly unknown[][]> {
  if (engine.stream !== undefined) {
    yield* engine.stream(sql);
    return;
  }
  const rows = await engine.query(sql);
  yield rows.map((row) => Object.values(row));
}
