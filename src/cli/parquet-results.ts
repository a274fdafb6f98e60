import { createWriteStream } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { dialectNamed } from "../sql/dialect.js";
import type { SqlEngine } from "../sql/engines/engine.js";
import { streamSink, type LineSink } from "../io/write-lines.js";

/**
 * Parquet results (`score --engine duckdb --out results.parquet`): the results are written as NDJSON to a
 * scratch file, exactly as `--format ndjson` writes them (with `change` after `--previous`), then DuckDB
 * converts that file to Parquet with fixed column types, and the Parquet bytes go to `--out` through the
 * same atomic output as every other format (the bytes are held in memory once: Parquet compresses). One
 * writer of results, whatever the format.
 */

/** A scratch NDJSON file in a directory of its own (the caller removes the directory). */
export async function ndjsonScratch(): Promise<{ file: string; sink: LineSink }> {
  const directory = await mkdtemp(path.join(tmpdir(), "leadscore-results-"));
  const file = path.join(directory, "results.ndjson");
  return { file, sink: streamSink(createWriteStream(file)) };
}

/** The result columns and their Parquet types; nested values (actions, contributions, change) as JSON. */
const COLUMNS: ReadonlyArray<[string, string]> = [
  ["id", "VARCHAR"],
  ["model", "VARCHAR"],
  ["fit", "DOUBLE"],
  ["engagement", "DOUBLE"],
  ["score", "DOUBLE"],
  ["grade", "VARCHAR"],
  ["bucket", "VARCHAR"],
  ["excluded", "VARCHAR"],
  ["actions", "JSON"],
  ["contributions", "JSON"],
  ["change", "JSON"],
];

/** The NDJSON results converted to Parquet by DuckDB: the file's bytes. */
export async function parquetResults(engine: SqlEngine, ndjson: string): Promise<Uint8Array> {
  const duckdb = dialectNamed("duckdb");
  const parquet = path.join(path.dirname(ndjson), "results.parquet");
  const columns = COLUMNS.map(([name, type]) => `${duckdb.quoteText(name)}: ${duckdb.quoteText(type)}`);
  await engine.run(
    `COPY (SELECT * FROM read_json(${duckdb.quoteText(ndjson)}, format = 'newline_delimited', ` +
      `columns = {${columns.join(", ")}})) TO ${duckdb.quoteText(parquet)} (FORMAT parquet)`,
  );
  return readFile(parquet);
}
