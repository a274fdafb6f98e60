import type { SqlEngine } from "./engine.js";

/**
 * A PostgreSQL session (the `pg` client) on a connection URL. The session's time zone is set to UTC for
 * tidiness only: the generated SQL does all time arithmetic on epoch milliseconds and never depends on it.
 */
export async function openPostgres(url: string): Promise<SqlEngine> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET TIME ZONE 'UTC'");
  return {
    dialect: "postgres",
    async run(sql) {
      await client.query(sql);
    },
    async query(sql) {
      const result = await client.query(sql);
      return result.rows as Array<Record<string, unknown>>;
    },
    /** A cursor in a transaction of its own, read a batch of rows at a time. */
    async *stream(sql) {
      await client.query("BEGIN");
      try {
        await client.query(`DECLARE ls_rows NO SCROLL CURSOR FOR ${sql}`);
        for (;;) {
          const batch = await client.query({ text: "FETCH 10000 FROM ls_rows", rowMode: "array" });
          if (batch.rows.length === 0) break;
          yield batch.rows as unknown[][];
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    },
    async close() {
      await client.end();
    },
  };
}
