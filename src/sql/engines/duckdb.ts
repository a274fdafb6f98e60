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
  const { DuckDBInstance } = await import("@duckdb/node-api");
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
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
