import type { PopulationDiff } from "../../diff/population.js";
import type { ScoringPass } from "../../diff/population-stream.js";
import type { SqlEngine } from "../../sql/engines/engine.js";
import { memoryLimitIsDuckDbs, openDuckDbSession } from "../duckdb-session.js";
import { UsageError } from "../exit-codes.js";
import { redacted, redactedUrl } from "./score-postgres.js";

export type DiffEngineName = "js" | "duckdb" | "postgres";

export interface DiffEngineOptions {
  engine?: DiffEngineName;
  memoryLimit?: string;
  database?: string;
}

/** Where `diff` scores the population: in JS (null), or a database session with the pass that uses it. */
export interface DiffEngine {
  score: ScoringPass;
  /** The DuckDB session, which also reads Parquet population files (and takes their certain records). */
  duckdb: SqlEngine | null;
  close(): Promise<void>;
}

/**
 * The DuckDB session that reads Parquet population files: the engine's own on DuckDB, else one opened
 * for reading only (the JS and PostgreSQL engines read Parquet through it, into the same input layer).
 */
export async function openParquetReader(
  engine: DiffEngine | null,
): Promise<{ reader: SqlEngine; close(): Promise<void> }> {
  if (engine?.duckdb != null) return { reader: engine.duckdb, close: async () => undefined };
  const session = await openDuckDbSession();
  return { reader: session, close: () => session.close() };
}

/**
 * Opens the engine `--engine` names (its native module or client loaded only then); null for js. The
 * population is read by the same input layer whatever the engine (see diff/population-database.ts).
 */
export async function openDiffEngine(options: DiffEngineOptions): Promise<DiffEngine | null> {
  const name = options.engine ?? "js";
  if (name !== "postgres" && options.database !== undefined) {
    throw new UsageError("--database names the PostgreSQL to diff in: use it with --engine postgres");
  }
  memoryLimitIsDuckDbs(name, options.memoryLimit);
  if (name === "js") return null;
  let session: SqlEngine;
  let url: string | null = null;
  if (name === "duckdb") {
    session = await openDuckDbSession(options.memoryLimit);
  } else {
    if (options.database === undefined) {
      throw new UsageError("--engine postgres diffs inside a PostgreSQL: name it with --database <url>");
    }
    const given = options.database;
    url = given;
    const { openPostgres } = await import("../../sql/engines/postgres.js");
    session = await openPostgres(given).catch((error: unknown) => {
      throw new UsageError(
        `cannot connect to PostgreSQL at ${redactedUrl(given)}: ${redacted(error, given)}`,
      );
    });
  }
  const { scoreInDatabase, DatabaseDiffError } = await import("../../diff/population-database.js");
  return {
    duckdb: name === "duckdb" ? session : null,
    async score(diff: PopulationDiff, read, sink) {
      try {
        await scoreInDatabase(session, diff, read, sink);
      } catch (error) {
        if (error instanceof DatabaseDiffError) throw new UsageError(error.message);
        if (url !== null && isDatabaseError(error)) {
          throw new UsageError(`PostgreSQL refused the diff's statements: ${redacted(error, url)}`);
        }
        throw error;
      }
    },
    async close() {
      await session.close();
    },
  };
}

/** An error PostgreSQL sent (it has a severity): its words about our statements or its state. */
function isDatabaseError(error: unknown): boolean {
  return error instanceof Error && "severity" in error;
}
