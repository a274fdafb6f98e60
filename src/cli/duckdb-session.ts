import type { SqlEngine } from "../sql/engines/engine.js";
import { UsageError } from "./exit-codes.js";

/**
 * The one way a command opens DuckDB (`score`, `diff`, and the Parquet readers of `fixture`): in memory,
 * spilling into a directory of its own (see openDuckDb), the native module loaded only then. A
 * `--memory-limit` DuckDB cannot read is the user's mistake, said as such, on every command.
 */
export async function openDuckDbSession(memoryLimit?: string): Promise<SqlEngine> {
  if (memoryLimit !== undefined && !/^\s*\d/.test(memoryLimit)) throw badMemoryLimit(memoryLimit);
  const { openDuckDb } = await import("../sql/engines/duckdb.js");
  return openDuckDb(memoryLimit === undefined ? {} : { memoryLimit }).catch((error: unknown) => {
    const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    // DuckDB says no more than this of a setting it cannot read; the only setting given is the limit.
    if (memoryLimit !== undefined && message === "Failed to set config") throw badMemoryLimit(memoryLimit);
    // Anything else (no temporary directory, a broken native module) is said as it is.
    throw new UsageError(`cannot open DuckDB: ${message}`);
  });
}

function badMemoryLimit(memoryLimit: string): UsageError {
  return new UsageError(
    `--memory-limit: DuckDB cannot read \`${memoryLimit}\` as a size; write it like 2GB or 512MiB`,
  );
}

/** `--memory-limit` is DuckDB's: refused with any other engine rather than ignored. */
export function memoryLimitIsDuckDbs(engine: string, memoryLimit: string | undefined): void {
  if (engine !== "duckdb" && memoryLimit !== undefined) {
    throw new UsageError("--memory-limit is DuckDB's: use it with --engine duckdb");
  }
}
