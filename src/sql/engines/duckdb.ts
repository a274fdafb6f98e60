import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DuckDBBlobVector } from "@duckdb/node-api";
import type { SqlEngine } from "./engine.js";

export interface DuckDbOptions {
  /** DuckDB's memory limit (`memory_limit`), like `4GB`; beyond it DuckDB spills to `tempDirectory`. */
  memoryLimit?: string;
  threads?: number;
  /**
   * Where DuckDB spills. By default a new directory of the session's own in the system's temporary
   * directory, removed when the session closes: DuckDB's own default for an in-memory database is `.tmp`
   * in the working directory, which would leave files in the user's project (or fail in a read-only one).
   */
  tempDirectory?: string;
}

/**
 * An embedded, in-memory DuckDB session (`@duckdb/node-api`), loaded only when a command uses it: the
 * native binary is large and most commands never need it.
 */
export async function openDuckDb(options: DuckDbOptions = {}): Promise<SqlEngine> {
  const { DuckDBInstance, DuckDBTimestampValue } = await import("@duckdb/node-api");
  const scratch =
    options.tempDirectory === undefined ? mkdtempSync(path.join(os.tmpdir(), "leadscore-duckdb-")) : null;
  const removeScratch = (): void => {
    if (scratch !== null) rmSync(scratch, { recursive: true, force: true });
  };
  const settings: Record<string, string> = { temp_directory: options.tempDirectory ?? scratch! };
  if (options.memoryLimit !== undefined) settings.memory_limit = options.memoryLimit;
  if (options.threads !== undefined) settings.threads = String(options.threads);
  let instance: Awaited<ReturnType<typeof DuckDBInstance.create>>;
  let connection: Awaited<ReturnType<typeof instance.connect>>;
  try {
    instance = await DuckDBInstance.create(":memory:", settings);
    connection = await instance.connect();
    // Times are UTC everywhere in leadscore. DuckDB takes its session zone from the machine (TZ), and a
    // TIMESTAMP WITH TIME ZONE cast to a plain TIMESTAMP lands in that zone: a Parquet file's instants
    // would move by the machine's offset. (Not a creation setting: the zone's extension loads later.)
    await connection.run("SET TimeZone = 'UTC'");
  } catch (error) {
    removeScratch();
    throw error;
  }
  return {
    dialect: "duckdb",
    async run(sql) {
      await connection.run(sql);
    },
    async query(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjects() as Array<Record<string, unknown>>;
    },
    async *stream(sql) {
      const result = await connection.stream(sql);
      for (let chunk = await result.fetchChunk(); chunk !== null; chunk = await result.fetchChunk()) {
        if (chunk.rowCount === 0) break;
        yield chunk.getRows() as unknown[][];
      }
    },
    async *streamChunks(sql) {
      const result = await connection.stream(sql);
      for (let chunk = await result.fetchChunk(); chunk !== null; chunk = await result.fetchChunk()) {
        if (chunk.rowCount === 0) break;
        const read = chunk;
        yield {
          rows: read.rowCount,
          value: (column, row) => read.getColumnVector(column).getItem(row),
          bytes: (column, row) => (read.getColumnVector(column) as DuckDBBlobVector).getItemBytes(row),
        };
      }
    },
    async append(table, kinds, rows) {
      const appender = await connection.createAppender(table);
      try {
        for (const row of rows) {
          for (let i = 0; i < kinds.length; i++) {
            const value = row[i];
            if (value === null || value === undefined) appender.appendNull();
            else if (kinds[i] === "text") appender.appendVarchar(value as string);
            else if (kinds[i] === "double") appender.appendDouble(value as number);
            else if (kinds[i] === "boolean") appender.appendBoolean(value as boolean);
            else if (kinds[i] === "integer") appender.appendBigInt(BigInt(value as number));
            else appender.appendTimestamp(new DuckDBTimestampValue(BigInt(value as number) * 1000n));
          }
          appender.endRow();
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    },
    async close() {
      try {
        connection.closeSync();
        instance.closeSync();
      } finally {
        removeScratch();
      }
    },
  };
}
