import { describe, expect, it } from "vitest";
import { openPostgres } from "../../src/sql/engines/postgres.js";
import { POSTGRES_URL, requirePostgresInCi } from "./support/databases.js";

requirePostgresInCi();

/**
 * A stream inside the caller's transaction (`transaction`) reads the caller's snapshot (diff over tables reads them in
 * one REPEATABLE READ transaction): rows another session writes meanwhile are not seen, and the
 * transaction is still the caller's when the stream ends.
 */
const describePostgres = POSTGRES_URL === null ? describe.skip : describe;

describePostgres("the PostgreSQL engine's stream", () => {
  it("reads the caller's snapshot inside its transaction, and its own otherwise", async () => {
    const reader = await openPostgres(POSTGRES_URL!);
    const writer = await openPostgres(POSTGRES_URL!);
    const count = async () => {
      const rows: unknown[][] = [];
      for await (const batch of reader.stream!("SELECT COUNT(*) FROM ls_stream_test")) rows.push(...batch);
      return Number(rows[0]![0]);
    };
    try {
      await writer.run("DROP TABLE IF EXISTS ls_stream_test");
      await writer.run("CREATE TABLE ls_stream_test (n INTEGER)");
      await writer.run("INSERT INTO ls_stream_test VALUES (1)");
      await reader.transaction!(
        async () => {
          expect(await count()).toBe(1);
          await writer.run("INSERT INTO ls_stream_test VALUES (2)");
          expect(await count()).toBe(1);
          // Still in the caller's transaction: its snapshot holds until it commits.
          expect(await count()).toBe(1);
        },
        { isolation: "REPEATABLE READ" },
      );
      expect(await count()).toBe(2);
    } finally {
      await writer.run("DROP TABLE IF EXISTS ls_stream_test").catch(() => undefined);
      await reader.close();
      await writer.close();
    }
  });

  it("closes its cursor when the reader stops early, in the caller's transaction and in its own", async () => {
    const engine = await openPostgres(POSTGRES_URL!);
    const firstOf = async (sql: string) => {
      for await (const batch of engine.stream!(sql)) return batch[0]![0];
      return null;
    };
    const rows = "SELECT n FROM generate_series(1, 25000) AS t(n) ORDER BY n";
    try {
      await engine.transaction!(
        async () => {
          expect(await firstOf(rows)).toBe(1);
          // The cursor was closed: another stream in the same transaction declares its own.
          expect(await firstOf(rows)).toBe(1);
        },
        { isolation: "REPEATABLE READ" },
      );
      expect(await firstOf(rows)).toBe(1);
      // Its own transaction was ended: a new one can begin.
      await engine.transaction!(async () => undefined);
      expect(await firstOf(rows)).toBe(1);
    } finally {
      await engine.close();
    }
  });
});
