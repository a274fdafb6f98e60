import type { SqlEngine } from "./engine.js";

export interface DuckDbOptions {
  /** DuckDB's memory limit (`memory_limit`), like `4GB`; beyond it DuckDB spills to `tempDirectory`. */
  memoryLimit?: string;
  threads?: number;
  tempDirectory?: string;
}

/**
 * An embedded, in-memory DuckDB session (`@duckdb/node-api`), loaded only when a command uses it: the
 * native binary is large and most commands never need it.
 */
export async function openDuckDb(options: DuckDbOptions = {}): Promise<SqlEngine> {
  const { DuckDBInstance, DuckDBTimestampValue } = await import("@duckdb/node-api");
  const settings: Record<string, string> = {};
  if (options.memoryLimit !== undefined) settings.memory_limit = options.memoryLimit;
  if (options.threads !== undefined) settings.threads = String(options.threads);
  if (options.tempDirectory !== undefined) settings.temp_directory = options.tempDirectory;
  const instance = await DuckDBInstance.create(":memory:", settings);
  const connection = await instance.connect();
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
      connection.closeSync();
      instance.closeSync();
    },
  };
}
