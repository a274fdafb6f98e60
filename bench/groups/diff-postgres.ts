/**
 * `leadscore diff --engine postgres --leads-table … --events-table …`: a population that is already
 * PostgreSQL tables (1,000,000 leads + 6,000,000 events, generated in the server as the sql group's
 * PostgreSQL part does, loaded and analysed before timing), diffed in place under the diff group's change
 * of the reference rules. For a ratio in the same run, the same rows are then written out as NDJSON files
 * (not timed) and diffed on the JS engine. Wall time here; the command's CPU and peak memory from GNU
 * time; the server's CPU from /proc (when the server runs on this machine). The full report is written
 * too (`--full-report`), so the moved leads are read into JavaScript and streamed.
 *
 * The server: LEADSCORE_BENCH_PG_URL, else LEADSCORE_TEST_PG_URL (`source .ci/postgres.sh` starts one).
 */
import { createWriteStream, writeFileSync } from "node:fs";
import path from "node:path";
import { POPULATION_AS_OF } from "../../examples/population.js";
import type { SqlEngine } from "../../src/sql/engines/engine.js";
import { openPostgres } from "../../src/sql/engines/postgres.js";
import { CLI } from "../dist.js";
import { formatBytes, formatMs, formatRatio, progress, table } from "../harness.js";
import { loadAverage } from "../machine.js";
import { runChild, type ChildRun } from "../spawn.js";
import type { BenchContext, GroupResult } from "./context.js";
import { CLI_ARGS, referenceSides, writeSides } from "./diff.js";
import { populationSql, postmasterPid, serverCpuMs, BENCH_SCHEMA } from "./sql-postgres.js";

const EVENTS_PER_LEAD = 6;

export async function runDiffPostgres(context: BenchContext): Promise<GroupResult> {
  const title = "`leadscore diff --engine postgres` over tables";
  const url = process.env.LEADSCORE_BENCH_PG_URL ?? process.env.LEADSCORE_TEST_PG_URL;
  if (url === undefined) {
    return {
      title,
      lines: ["Not measured (no server: set LEADSCORE_BENCH_PG_URL, or `source .ci/postgres.sh` first)."],
    };
  }
  const leads = context.quick ? 20_000 : 1_000_000;
  const { base, head } = referenceSides();
  const project = writeSides(path.join(context.tempDir, "diff-postgres"), base, head);
  const session = await openPostgres(url);
  const rows: string[][] = [];
  try {
    progress(`diff-postgres: loading ${leads.toLocaleString("en-US")} leads + ${EVENTS_PER_LEAD}× events`);
    for (const statement of populationSql(leads, EVENTS_PER_LEAD)) await session.run(statement);
    const postmaster = await postmasterPid(session);
    const measure = (label: string, population: string, engine: string[]) => {
      writeFileSync(
        path.join(project, "leadscore.yaml"),
        `version: 1\nrules: head\nfixtures: []\n${population}as_of: ${POPULATION_AS_OF}\n`,
      );
      progress(`diff-postgres: ${label}`);
      const load = loadAverage();
      const before = serverCpuMs(postmaster);
      const run = runChild(
        process.execPath,
        [CLI, ...CLI_ARGS, "--full-report", path.join(context.tempDir, "full.md"), ...engine],
        { cwd: project, tempDir: context.tempDir },
      );
      const after = serverCpuMs(postmaster);
      if (run.status !== 0) throw new Error(`leadscore diff exited with ${run.status}: ${run.stderr}`);
      const summary = /: ([\d,]+) leads? scored, ([\d,]+) moved/.exec(run.stderr);
      if (summary === null || summary[1]!.replaceAll(",", "") !== String(leads))
        throw new Error(`not every lead was scored: ${run.stderr}`);
      const server = before === null || after === null ? NaN : after - before;
      rows.push([label, summary[2]!, ...timings(run, server), load]);
      return { run, server };
    };
    const tables = measure("tables, --engine postgres", "", [
      "--engine",
      "postgres",
      "--database",
      url,
      "--leads-table",
      `${BENCH_SCHEMA}.leads`,
      "--events-table",
      `${BENCH_SCHEMA}.events`,
    ]);
    progress("diff-postgres: the same rows as NDJSON files (not timed)");
    await exportNdjson(session, project);
    const js = measure(
      "the same rows as NDJSON files, js",
      "population:\n  - leads: leads.ndjson\n    events: events.ndjson\n",
      [],
    );
    rows.push([
      "ratio postgres / js",
      "",
      formatRatio(tables.run.wallMs / js.run.wallMs),
      formatRatio((tables.run.cpuMs + tables.server) / js.run.cpuMs),
      "",
      "",
      "",
      "",
    ]);
  } finally {
    await session.run(`DROP SCHEMA IF EXISTS ${BENCH_SCHEMA} CASCADE`).catch(() => undefined);
    await session.close();
  }
  return {
    title,
    lines: [
      `${leads.toLocaleString("en-US")} leads + ${(leads * EVENTS_PER_LEAD).toLocaleString("en-US")} events in PostgreSQL tables (generated in the server, analysed), the diff group's change of the reference rules, markdown comment and full report:`,
      "",
      table(
        [
          "run",
          "moved",
          "wall",
          "CPU (command + server)",
          "command CPU",
          "server CPU",
          "peak RSS",
          "load (1, 5, 15 min)",
        ],
        rows,
      ),
    ],
  };
}

function timings(run: ChildRun, serverMs: number): string[] {
  const server = Number.isNaN(serverMs) ? 0 : serverMs;
  return [
    formatMs(run.wallMs),
    formatMs(run.cpuMs + server),
    formatMs(run.cpuMs),
    Number.isNaN(serverMs) ? "n/a" : formatMs(serverMs),
    formatBytes(run.maxRss),
  ];
}

/**
 * The tables as the JS engine reads a population: one lead per line in id order (bytewise, the order the
 * table path takes them in), and the events grouped by lead, each lead's in time order.
 */
async function exportNdjson(session: SqlEngine, project: string): Promise<void> {
  const write = async (file: string, query: string) => {
    const out = createWriteStream(path.join(project, file));
    for await (const batch of session.stream!(query)) {
      const ok = out.write(batch.map((row) => `${String(row[0])}\n`).join(""));
      if (!ok) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  };
  await write(
    "leads.ndjson",
    `SELECT CAST(json_strip_nulls(row_to_json("l")) AS TEXT) FROM ${BENCH_SCHEMA}.leads AS "l" ORDER BY "l"."id" COLLATE "C"`,
  );
  await write(
    "events.ndjson",
    `SELECT CAST(json_strip_nulls(row_to_json("e")) AS TEXT) FROM ${BENCH_SCHEMA}.events AS "e" ORDER BY "e"."lead_id" COLLATE "C", "e"."at"`,
  );
}
