/**
 * The SQL backend on DuckDB. A population is generated inside DuckDB (deterministic: hash of the row
 * number), written to Parquet, and scored by the SQL `leadscore sql --dialect duckdb` writes for the
 * reference rules, read straight from the Parquet files with DuckDB's memory limit set. The generated SQL of
 * a fit-only ruleset is also timed against a hand-written query of the same rules on the same table, and the
 * JS engine (`score`, the reference rules) against DuckDB on the same leads.
 */
import { closeSync, mkdirSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import type { Artifact } from "../../src/compile/artifact.js";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import type { SqlEngine } from "../../src/sql/engines/engine.js";
import { openDuckDb } from "../../src/sql/engines/duckdb.js";
import { emitSql } from "../../src/sql/emit.js";
import { CLI, RULES } from "../dist.js";
import { runChild, type ChildRun } from "../spawn.js";
import { formatMs, formatRate, formatRatio, goal, progress, table } from "../harness.js";
import type { BenchContext, GroupResult } from "./context.js";
import { generatedVsHandLines, timed } from "./sql-handwritten.js";
import { postgresUpsertLines } from "./sql-postgres.js";

const AS_OF = Date.UTC(2026, 10, 1);
const AS_OF_TEXT = "2026-11-01T00:00:00Z";
const DAY_MS = 86_400_000;

/** Leads and events as the reference schema declares them, generated in SQL. */
function populationSql(leads: number, eventsPerLead: number): string[] {
  const pick = (values: string[], salt: number) =>
    `(['${values.join("','")}'])[1 + CAST(hash(i * ${salt}) % ${values.length} AS INTEGER)]`;
  return [
    `CREATE OR REPLACE TABLE leads AS SELECT 'L' || i AS id, 'p' || i || '@' || ${pick(["acme.com", "bigco.com", "rivalytics.com", "uni.edu"], 3)} AS email,
      ${pick(["CEO", "VP Sales", "Director of IT", "Engineer", "PhD student", "Founder", "CTO"], 5)} AS title,
      ${pick(["software", "fintech", "retail", "healthcare", ""], 7)} AS industry,
      CASE WHEN hash(i * 11) % 10 = 0 THEN NULL ELSE CAST(hash(i * 13) % 8000 AS DOUBLE) END AS employees,
      ${pick(["US", "CA", "DE", "IN", "BR"], 17)} AS country,
      ${pick(["subscriber", "lead", "customer"], 19)} AS stage, ${pick(["free", "team", "enterprise"], 23)} AS plan
      FROM range(${leads}) t(i)`,
    `CREATE OR REPLACE TABLE events AS SELECT 'L' || (i % ${leads}) AS lead_id,
      ${pick(["email_open", "email_click", "page_view", "content_download", "webinar_attended", "demo_request", "unsubscribe", "email_bounce", "job_application"], 29)} AS type,
      make_timestamp((${AS_OF} - CAST(hash(i * 31) % ${120 * DAY_MS} AS BIGINT)) // 1000 * 1000000) AS at,
      ${pick(["/pricing", "/enterprise", "/blog/x", "/docs"], 37)} AS url, CAST(hash(i * 41) % 600 AS DOUBLE) AS seconds,
      'fall' AS campaign, 'roi-guide' AS asset
      FROM range(${leads * eventsPerLead}) t(i)`,
  ];
}

/**
 * `leadscore score` (the reference rules) by the JS engine and by DuckDB on `leads` leads with 10 events
 * each: CSV + NDJSON for the JS input layer, the same data as Parquet for DuckDB's own reader; each run a
 * new process writing its results to a file; CPU from GNU time. With `general`, also the DuckDB engine
 * reading CSV + NDJSON (every record through the JS input layer: slow, so only at the smaller size).
 */
async function scoreComparison(
  engine: SqlEngine,
  base: string,
  reference: Artifact,
  leads: number,
  general: boolean,
): Promise<string[]> {
  progress(`sql: ${leads.toLocaleString("en-US")} leads with events, JS score vs DuckDB`);
  const dir = path.join(base, `score-${leads}`);
  mkdirSync(dir, { recursive: true });
  for (const statement of populationSql(leads, 10)) await engine.run(statement);
  const leadsFile = path.join(dir, "leads.csv");
  const eventsFile = path.join(dir, "events.ndjson");
  await engine.run(`COPY leads TO '${leadsFile}' (HEADER)`);
  await engine.run(
    `COPY (SELECT lead_id, type, strftime("at", '%Y-%m-%dT%H:%M:%SZ') AS "at", url, seconds, campaign, asset FROM events) TO '${eventsFile}' (FORMAT json)`,
  );
  const parquetLeads = path.join(dir, "leads.parquet");
  const parquetEvents = path.join(dir, "events.parquet");
  await engine.run(`COPY leads TO '${parquetLeads}' (FORMAT parquet)`);
  await engine.run(`COPY events TO '${parquetEvents}' (FORMAT parquet)`);
  await engine.run("DROP TABLE leads");
  await engine.run("DROP TABLE events");
  /** `leadscore score` in a new process on the reference rules (CPU time from GNU time, when present). */
  const scoreCli = (engine: "js" | "duckdb", leads: string, events: string, out: string) =>
    runChild(
      process.execPath,
      [CLI, "score", "--engine", engine, "--rules", RULES, "--leads", leads, "--events", events].concat([
        "--as-of",
        AS_OF_TEXT,
        "--out",
        out,
        "--json",
      ]),
      { cwd: dir, tempDir: dir },
    );
  const outFile = (name: string) => path.join(dir, name);
  const js = scoreCli("js", leadsFile, eventsFile, outFile("js.ndjson"));
  const duckEngine = general
    ? scoreCli("duckdb", leadsFile, eventsFile, outFile("duckdb-text.ndjson"))
    : null;
  const duckParquet = scoreCli("duckdb", parquetLeads, parquetEvents, outFile("duckdb-parquet.ndjson"));
  const duckParquetOut = scoreCli("duckdb", parquetLeads, parquetEvents, outFile("duckdb.parquet"));
  const referenceSql = emitSql(reference, {
    dialect: "duckdb",
    leads: parquetLeads,
    events: parquetEvents,
    asOf: AS_OF,
    explain: false,
    dbt: false,
  });
  const direct = await timed(() =>
    engine.query(`SELECT COUNT(*) AS n FROM (${referenceSql.replace(/^--.*\n/gm, "")})`),
  );
  // What the SQL alone costs when its results go to a file, and what far less work costs: together they
  // bound how close any run of these rules in DuckDB on this machine can come to a ratio over the JS engine.
  const toParquet = await timed(() =>
    engine.run(
      `COPY (${referenceSql.replace(/^--.*\n/gm, "")}) TO '${outFile("sql.parquet")}' (FORMAT parquet)`,
    ),
  );
  const skeleton = await timed(() =>
    engine.run(
      `COPY (${skeletonSql(parquetLeads, parquetEvents)}) TO '${outFile("skeleton.parquet")}' (FORMAT parquet)`,
    ),
  );
  const scoredBy = (run: ChildRun) => (JSON.parse(run.stderr) as { leads: { scored: number } }).leads.scored;
  const sameResults = sameFile(outFile("js.ndjson"), outFile("duckdb-parquet.ndjson"));
  const row = (name: string, ms: number, cpuMs: number): string[] => [
    name,
    formatMs(ms),
    formatMs(cpuMs),
    formatRate((leads * 1000) / ms),
    formatRatio(js.wallMs / ms),
    formatRatio(js.cpuMs / cpuMs),
  ];
  return [
    `The reference rules on ${leads.toLocaleString("en-US")} leads and ${(leads * 10).toLocaleString("en-US")} events (CSV + NDJSON for the JS input layer, the same data as Parquet for DuckDB's own reader; each \`score\` a new process, results to a file):`,
    "",
    table(
      ["engine", "wall", "CPU", "leads/s (wall)", "vs JS (wall)", "vs JS (CPU)"],
      [
        row(`score (JS), ${scoredBy(js)} scored`, js.wallMs, js.cpuMs),
        ...(duckEngine === null
          ? []
          : [
              row(
                `score --engine duckdb, CSV + NDJSON in (JS input layer for every record)`,
                duckEngine.wallMs,
                duckEngine.cpuMs,
              ),
            ]),
        row(
          `score --engine duckdb, Parquet in, NDJSON out (fast path)${sameResults ? ", results byte-identical to JS" : ", results DIFFER from JS"}`,
          duckParquet.wallMs,
          duckParquet.cpuMs,
        ),
        row(
          `score --engine duckdb, Parquet in, Parquet out (fast path)`,
          duckParquetOut.wallMs,
          duckParquetOut.cpuMs,
        ),
        row(
          `generated SQL on Parquet in DuckDB, in this process (${direct.value[0]!.n} rows)`,
          direct.ms,
          direct.cpuMs,
        ),
        row(`the same SQL, results to a Parquet file (no explanations)`, toParquet.ms, toParquet.cpuMs),
        row(
          `lower bound: a skeleton query (5 event counts, 2 lead tests, join, sort) to a Parquet file`,
          skeleton.ms,
          skeleton.cpuMs,
        ),
      ],
    ),
    "",
    `A run 20× faster than the JS engine would take ${formatMs(js.wallMs / 20)} wall; the generated SQL alone, results to a file without explanations, takes ${formatMs(toParquet.ms)}, and the skeleton ${formatMs(skeleton.ms)}.`,
    "",
    goal(
      "DuckDB ≥ 20× the JS engine",
      js.cpuMs / duckParquet.cpuMs >= 20,
      `score --engine duckdb on Parquet: ${formatRatio(js.wallMs / duckParquet.wallMs)} wall, ${formatRatio(js.cpuMs / duckParquet.cpuMs)} CPU; the generated SQL alone: ${formatRatio(js.wallMs / direct.ms)} wall, ${formatRatio(js.cpuMs / direct.cpuMs)} CPU`,
    ),
    "",
  ];
}

/**
 * Far less than the reference rules ask, over the same Parquet files: five event counts or maxima by lead,
 * two lead tests, the join, the sort by id, a Parquet file. No model, window, decay, exclusion, grade,
 * bucket, validation or explanation: what any query of these rules must at least pay to read, group, join
 * and write this population.
 */
function skeletonSql(leads: string, events: string): string {
  return `WITH e AS (
      SELECT lead_id,
        count(*) FILTER (WHERE type = 'email_open' AND "at" > TIMESTAMP '2026-09-01') AS n1,
        count(*) FILTER (WHERE type = 'content_download' AND "at" > TIMESTAMP '2026-09-01') AS n2,
        count(*) FILTER (WHERE type = 'unsubscribe') AS n3,
        max("at") FILTER (WHERE type = 'page_view' AND url = '/pricing') AS m1,
        count(*) FILTER (WHERE type = 'webinar_attended') AS n4
      FROM '${events}' GROUP BY lead_id)
    SELECT l.id, CASE WHEN lower(l.title) IN ('ceo', 'vp') THEN 20 ELSE 0 END
        + coalesce(n1, 0) * 2 + coalesce(n2, 0) * 10 - coalesce(n3, 0) * 15 AS score,
      CASE WHEN lower(l.country) IN ('us', 'ca') THEN 5 ELSE 0 END AS f2, m1, n4
    FROM '${leads}' l LEFT JOIN e ON e.lead_id = l.id ORDER BY l.id`;
}

/** Whether two files hold the same bytes (read in pieces: results files can be large). */
function sameFile(a: string, b: string): boolean {
  const size = statSync(a).size;
  if (statSync(b).size !== size) return false;
  const [fa, fb] = [openSync(a, "r"), openSync(b, "r")];
  try {
    const [ba, bb] = [Buffer.alloc(1 << 20), Buffer.alloc(1 << 20)];
    for (let at = 0; at < size; at += ba.length) {
      const n = readSync(fa, ba, 0, ba.length, at);
      if (readSync(fb, bb, 0, bb.length, at) !== n || !ba.subarray(0, n).equals(bb.subarray(0, n)))
        return false;
    }
    return true;
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
}

export async function runSql(context: BenchContext): Promise<GroupResult> {
  const compare = context.quick ? 20_000 : 1_000_000;
  // The size (1,000,000 leads, 10,000,000 events) and a fifth of it, which the last runs used.
  const withEvents = context.quick ? [20_000] : [200_000, 1_000_000];
  const big = context.quick ? { leads: 50_000, events: 10 } : { leads: 3_000_000, events: 10 };
  const memoryLimit = "2GB";
  const dir = path.join(context.tempDir, "sql");
  mkdirSync(dir, { recursive: true });
  const reference = (await compileDirectory(RULES)).artifact!;
  const lines: string[] = [];

  // 1. Generated SQL vs hand-written, same rules, same in-memory table.
  progress(`sql: ${compare.toLocaleString("en-US")} leads in memory, generated vs hand-written`);
  const engine = await openDuckDb({ memoryLimit });
  for (const statement of populationSql(compare, 0)) await engine.run(statement);
  lines.push(...(await generatedVsHandLines(engine, compare, context.quick ? 2 : 5)));

  // 2. JS `score` vs DuckDB on the same leads and events (the reference rules), at each size.
  for (const size of withEvents) {
    lines.push(...(await scoreComparison(engine, dir, reference, size, size === withEvents[0])));
  }
  await engine.close();

  // 3. A large population from Parquet with the memory limit set.
  progress(
    `sql: ${big.leads.toLocaleString("en-US")} leads + ${(big.leads * big.events).toLocaleString("en-US")} events from Parquet`,
  );
  const large = await openDuckDb({ memoryLimit, tempDirectory: path.join(dir, "spill") });
  for (const statement of populationSql(big.leads, big.events)) await large.run(statement);
  await large.run(`COPY leads TO '${path.join(dir, "big-leads.parquet")}' (FORMAT parquet)`);
  await large.run(`COPY events TO '${path.join(dir, "big-events.parquet")}' (FORMAT parquet)`);
  await large.run("DROP TABLE leads");
  await large.run("DROP TABLE events");
  const bigSql = emitSql(reference, {
    dialect: "duckdb",
    leads: path.join(dir, "big-leads.parquet"),
    events: path.join(dir, "big-events.parquet"),
    asOf: AS_OF,
    explain: false,
    dbt: false,
  });
  const bigRun = await timed(() =>
    large.run(
      `COPY (${bigSql.replace(/^--.*\n/gm, "")}) TO '${path.join(dir, "big-results.parquet")}' (FORMAT parquet)`,
    ),
  );
  await large.close();
  lines.push(
    `${big.leads.toLocaleString("en-US")} leads + ${(big.leads * big.events).toLocaleString("en-US")} events read from Parquet, results written to Parquet, DuckDB memory_limit ${memoryLimit}:`,
    "",
    goal(
      "under 60 s",
      bigRun.ms < 60_000,
      `${formatMs(bigRun.ms)} (${formatRate((big.leads * 1000) / bigRun.ms)})`,
    ),
  );
  lines.push("", ...(await postgresUpsertLines(context)));
  return { title: "6. SQL backend (DuckDB, PostgreSQL)", lines };
}
