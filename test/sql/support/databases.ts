import type { SqlEngine } from "../../../src/sql/engines/engine.js";
import { openDuckDb } from "../../../src/sql/engines/duckdb.js";
import { openPostgres } from "../../../src/sql/engines/postgres.js";

/**
 * The PostgreSQL server the tests use: LEADSCORE_TEST_PG_URL (`.ci/run` starts one). Locally the tests
 * that need it are skipped when it is unset; in CI (CI=true) a missing server is a failure, not a skip.
 */
export const POSTGRES_URL = process.env.LEADSCORE_TEST_PG_URL ?? null;
export const IN_CI = process.env.CI === "true" || process.env.CI === "1";

export function requirePostgresInCi(): void {
  if (POSTGRES_URL === null && IN_CI) {
    throw new Error(
      "CI must test against PostgreSQL: LEADSCORE_TEST_PG_URL is not set (see .ci/postgres.sh)",
    );
  }
}

export interface NamedEngine {
  name: "duckdb" | "postgres";
  open(): Promise<SqlEngine>;
}

/** DuckDB always (embedded); PostgreSQL when a server is given. */
export function engines(): NamedEngine[] {
  const list: NamedEngine[] = [{ name: "duckdb", open: () => openDuckDb({ threads: 1 }) }];
  if (POSTGRES_URL !== null) list.push({ name: "postgres", open: () => openPostgres(POSTGRES_URL) });
  return list;
}
