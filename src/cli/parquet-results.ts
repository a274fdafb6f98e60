import { createWriteStream } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { dialectNamed } from "../sql/dialect.js";
import type { SqlEngine } from "../sql/engines/engine.js";
import { streamSink, type LineSink } from "../io/write-lines.js";
import { UsageError } from "./exit-codes.js";

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

/**
 * Parquet results read back (`score --engine duckdb --previous results.parquet`): DuckDB writes the file as
 * NDJSON to `ndjson`, its JSON columns (actions, contributions) nested as the NDJSON results have them, so
 * the previous results are read by the one reader of results files, with the same rejects. A record's line
 * is its row number. A file DuckDB cannot read as Parquet is a usage error (exit 2).
 */
export async function ndjsonOfParquetResults(
  engine: SqlEngine,
  parquet: string,
  ndjson: string,
  name: string,
): Promise<void> {
  const duckdb = dialectNamed("duckdb");
  try {
    await engine.run(
      `COPY (SELECT * FROM read_parquet(${duckdb.quoteText(parquet)})) TO ${duckdb.quoteText(ndjson)} (FORMAT json)`,
    );
  } catch (error) {
    const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    throw new UsageError(`cannot read \`${name}\` as Parquet: ${message}`);
  }
}
