import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDuckDb } from "../../src/sql/engines/duckdb.js";

/** Writes the rows of a DuckDB `select` to a Parquet file. */
export async function writeParquet(file: string, select: string): Promise<void> {
  const engine = await openDuckDb({ threads: 1 });
  try {
    await engine.run(`COPY (${select}) TO '${file}' (FORMAT parquet)`);
  } finally {
    await engine.close();
  }
}

/**
 * A project in a new temporary directory for `diff --base-dir base`: the base's rules in `base/`, the
 * head's in `rules/`, and a population of one Parquet leads file and its events (DuckDB `select`s,
 * written as `leads.parquet` and `events.parquet` in the folder `under`), named by leadscore.yaml.
 * Returns the directory.
 */
export async function parquetDiffProject(
  name: string,
  rules: { base: string; head: string },
  population: { leads: string; events: string; under: string },
): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), `leadscore-${name}-`));
  for (const sub of ["base", "rules", population.under]) mkdirSync(path.join(dir, sub), { recursive: true });
  writeFileSync(path.join(dir, "base", "rules.score"), rules.base);
  writeFileSync(path.join(dir, "rules", "rules.score"), rules.head);
  const file = (name: string) => path.posix.join(population.under, name);
  await writeParquet(path.join(dir, file("leads.parquet")), population.leads);
  await writeParquet(path.join(dir, file("events.parquet")), population.events);
  writeFileSync(
    path.join(dir, "leadscore.yaml"),
    [
      "rules: rules",
      "fixtures: []",
      "as_of: 2026-11-01T00:00:00Z",
      "population:",
      `  - leads: ${file("leads.parquet")}`,
      `    events: ${file("events.parquet")}`,
      "",
    ].join("\n"),
  );
  return dir;
}
