import type { PopulationDiff } from "../../diff/population.js";
import type { ScoringPass } from "../../diff/population-stream.js";
import type { SqlEngine } from "../../sql/engines/engine.js";
import { memoryLimitIsDuckDbs, openDuckDbSession } from "../duckdb-session.js";
import type { LeadTables } from "../../diff/population-tables.js";
import { UsageError } from "../exit-codes.js";
import { redacted, redactedUrl } from "./score-postgres.js";
import { refuseBadRelations } from "../relation-options.js";

export type DiffEngineName = "js" | "duckdb" | "postgres";

export interface DiffEngineOptions {
  engine?: DiffEngineName;
  memoryLimit?: string;
  database?: string;
  /** A population of PostgreSQL tables (population-tables.ts), in place of leadscore.yaml's files. */
  leadsTable?: string;
  eventsTable?: string;
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
 * population is read by the same input layer whatever the engine (see diff/population-database.ts), or
 * is `tables` (leadTablesOf, checked by the caller before anything is read).
 */
export async function openDiffEngine(
  options: DiffEngineOptions,
  tables: LeadTables | null,
): Promise<DiffEngine | null> {
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
  const { LeadTablesError } = await import("../../diff/population-tables.js");
  return {
    duckdb: name === "duckdb" ? session : null,
    async score(diff: PopulationDiff, read, sink) {
      try {
        await scoreInDatabase(session, diff, read, sink, tables ?? undefined);
      } catch (error) {
        if (error instanceof DatabaseDiffError || error instanceof LeadTablesError)
          throw new UsageError(error.message);
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

/**
 * The tables `--leads-table`/`--events-table` name, checked as names (quoted when used, never read as
 * SQL); null without them. Only PostgreSQL holds such tables here.
 */
export function leadTablesOf(options: DiffEngineOptions): LeadTables | null {
  if (options.leadsTable === undefined) {
    if (options.eventsTable !== undefined) {
      throw new UsageError("--events-table goes with --leads-table: name the leads table too");
    }
    return null;
  }
  if ((options.engine ?? "js") !== "postgres") {
    throw new UsageError(
      "--leads-table names a PostgreSQL table: use it with --engine postgres --database <url>",
    );
  }
  refuseBadRelations(
    [
      ["--leads-table", options.leadsTable],
      ["--events-table", options.eventsTable],
    ],
    { dialect: "postgres", dbt: false, tablesOnly: true },
  );
  return { leads: options.leadsTable, events: options.eventsTable ?? null };
}

/** An error PostgreSQL sent (it has a severity): its words about our statements or its state. */
function isDatabaseError(error: unknown): boolean {
  return error instanceof Error && "severity" in error;
}
