/**
 * Where the embedded DuckDB spills beyond its memory limit. DuckDB's own default for an in-memory database
 * is `.tmp` in the working directory: `score --engine duckdb` run in a rules repository would leave files
 * there. Every session opened by openDuckDb spills into a directory of its own, removed when it closes.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { openDuckDb } from "../../src/sql/engines/duckdb.js";

// A temporary directory of this test's own: other runs on the machine make scratch directories too.
let own: string;
let saved: string | undefined;
beforeEach(() => {
  saved = process.env.TMPDIR;
  own = mkdtempSync(path.join(tmpdir(), "leadscore-duckdb-scratch-test-"));
  process.env.TMPDIR = own;
});
afterEach(() => {
  if (saved === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = saved;
  rmSync(own, { recursive: true, force: true });
});

async function tempDirectoryOf(engine: Awaited<ReturnType<typeof openDuckDb>>): Promise<string> {
  const [row] = await engine.query("SELECT current_setting('temp_directory') AS dir");
  return String(row!.dir);
}

test("by default a session spills into a new directory under the system's temporary one, removed on close", async () => {
  const engine = await openDuckDb({ threads: 1 });
  const dir = await tempDirectoryOf(engine);
  expect(path.dirname(dir)).toBe(own);
  expect(path.basename(dir)).toMatch(/^leadscore-duckdb-/);
  expect(existsSync(dir)).toBe(true);
  await engine.close();
  expect(readdirSync(own)).toEqual([]);
});

test("a directory given is used, and left in place on close", async () => {
  const given = path.join(own, "given");
  const engine = await openDuckDb({ threads: 1, tempDirectory: given });
  expect(await tempDirectoryOf(engine)).toBe(given);
  expect(readdirSync(own)).toEqual([]);
  await engine.close();
  expect(readdirSync(own)).toEqual([]);
});

test("a session that cannot open leaves no directory behind", async () => {
  await expect(openDuckDb({ memoryLimit: "lots" })).rejects.toThrow();
  expect(readdirSync(own)).toEqual([]);
});
