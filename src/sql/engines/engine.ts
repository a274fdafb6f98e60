import type { DialectName } from "../dialect.js";

/** A database session the SQL backend runs statements in: DuckDB (embedded) or PostgreSQL. */
export interface SqlEngine {
  readonly dialect: Extract<DialectName, "duckdb" | "postgres">;
  run(sql: string): Promise<void>;
  /** Rows as plain objects; integers may come back as bigint or text (decode.ts reads both). */
  query(sql: string): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}
