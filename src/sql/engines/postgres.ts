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
  /** Whether `transaction` is running its work: a stream then reads inside that transaction. */
  let inTransaction = false;
  return {
    dialect: "postgres",
    async run(sql) {
      await client.query(sql);
    },
    async transaction(work, options = {}) {
      await client.query(
        options.isolation === undefined ? "BEGIN" : `BEGIN ISOLATION LEVEL ${options.isolation}`,
      );
      inTransaction = true;
      try {
        const result = await work();
        await client.query(options.rollback === true ? "ROLLBACK" : "COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        inTransaction = false;
      }
    },
    async query(sql) {
      const result = await client.query(sql);
      return result.rows as Array<Record<string, unknown>>;
    },
    /**
     * A cursor read a batch of rows at a time: in a transaction of its own, or in the caller's (whose
     * snapshot it then reads), closed when read.
     */
    async *stream(sql) {
      const own = !inTransaction;
      if (own) await client.query("BEGIN");
      let declared = false;
      let failed = false;
      try {
        await client.query(`DECLARE ls_rows NO SCROLL CURSOR FOR ${sql}`);
        declared = true;
        for (;;) {
          const batch = await client.query({ text: "FETCH 10000 FROM ls_rows", rowMode: "array" });
          if (batch.rows.length === 0) break;
          yield batch.rows as unknown[][];
        }
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        // Also when the reader stops early (a `break`, or an error in its loop): the cursor is closed, and
        // a transaction of the stream's own ended, so that the next stream can declare its cursor.
        if (own) await client.query(failed ? "ROLLBACK" : "COMMIT").catch(() => undefined);
        else if (declared && !failed) await client.query("CLOSE ls_rows");
      }
    },
    async close() {
      await client.end();
    },
  };
}
