/**
 * `leadscore diff` on a whole CRM: the command, in a new process, over 100,000 and 1,000,000 population
 * leads with their events (NDJSON, events embedded), and over 1,000,000 leads whose events come in a
 * separate file in no order and grouped by lead (the join files them on disk); and the 1,000,000 embedded on --engine duckdb
 * (the same report, scored in an embedded DuckDB). Base: the reference rules; head: the change
 * of the diff group. Wall time measured here; CPU time and peak resident memory from GNU time. The full
 * report is written too (`--full-report`), so the moved leads stream from disk.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { POPULATION_AS_OF } from "../../examples/population.js";
import { CLI } from "../dist.js";
import { formatBytes, formatMs, formatRate, goal, progress, table } from "../harness.js";
import { writeLeadFiles, writeSplitFiles } from "../lead-files.js";
import { hasGnuTime, runChild, type ChildRun } from "../spawn.js";
import type { BenchContext, GroupResult } from "./context.js";
import { CLI_ARGS, referenceSides, writeSides } from "./diff.js";

const SEED = 20261101;
const GOAL_MS = 30_000;
const GOAL_RSS = 300 * 1024 ** 2;

interface Case {
  name: string;
  leads: number;
  /** `--engine`: js unless said. */
  engine?: "duckdb";
  /** The population entry of leadscore.yaml (relative to the project). */
  population: string;
}

export async function runDiffScale(context: BenchContext): Promise<GroupResult> {
  const [small, large] = context.quick ? [10_000, 50_000] : [100_000, 1_000_000];
  const { base, head } = referenceSides();
  const project = writeSides(path.join(context.tempDir, "diff-scale"), base, head);
  progress(`diff-scale: writing ${small.toLocaleString("en-US")} and ${large.toLocaleString("en-US")} leads`);
  const embeddedEvents = await writeLeadFiles(
    SEED,
    [small, large],
    [path.join(project, "small.ndjson"), path.join(project, "large.ndjson")],
  );
  progress(`diff-scale: writing ${large.toLocaleString("en-US")} leads and their events as two files`);
  const splitEvents = await writeSplitFiles(
    SEED,
    large,
    path.join(project, "leads.ndjson"),
    path.join(project, "events.ndjson"),
  );
  await writeSplitFiles(
    SEED,
    large,
    path.join(project, "leads-again.ndjson"),
    path.join(project, "events-grouped.ndjson"),
    "grouped",
  );
  const cases: Case[] = [
    { name: "events embedded", leads: small, population: "  - leads: small.ndjson" },
    { name: "events embedded", leads: large, population: "  - leads: large.ndjson" },
    {
      name: "events file, any order",
      leads: large,
      population: "  - leads: leads.ndjson\n    events: events.ndjson",
    },
    {
      name: "events file, grouped",
      leads: large,
      population: "  - leads: leads.ndjson\n    events: events-grouped.ndjson",
    },
    { name: "events embedded", leads: large, population: "  - leads: large.ndjson", engine: "duckdb" },
  ];
  const runs: Array<{ case: Case; run: ChildRun; moved: string }> = [];
  for (const each of cases) {
    writeFileSync(
      path.join(project, "leadscore.yaml"),
      `version: 1\nrules: head\nfixtures: []\npopulation:\n${each.population}\nas_of: ${POPULATION_AS_OF}\n`,
    );
    progress(`  diff: ${each.leads.toLocaleString("en-US")} leads, ${each.name}, ${each.engine ?? "js"}`);
    const engine =
      each.engine === undefined ? [] : ["--engine", each.engine, "--memory-limit", DUCKDB_MEMORY];
    const run = runChild(process.execPath, [CLI, ...ARGS, path.join(context.tempDir, "full.md"), ...engine], {
      cwd: project,
      tempDir: context.tempDir,
    });
    if (run.status !== 0) throw new Error(`leadscore diff exited with ${run.status}: ${run.stderr}`);
    // "Wrote the impact report to /dev/null: 1,000,000 leads scored, 12,321 moved, 2 rule changes."
    const summary = /: ([\d,]+) leads? scored, ([\d,]+) moved/.exec(run.stderr);
    if (summary === null || summary[1]!.replaceAll(",", "") !== String(each.leads))
      throw new Error(`not every lead was scored: ${run.stderr}`);
    runs.push({ case: each, run, moved: summary[2]! });
  }

  const rows = runs.map(({ case: each, run, moved }) => [
    each.leads.toLocaleString("en-US"),
    each.name,
    each.engine ?? "js",
    formatMs(run.wallMs),
    formatMs(run.cpuMs),
    formatRate((each.leads * 1000) / run.wallMs),
    formatBytes(run.maxRss),
    moved,
  ]);
  const [smallRun, largeRun, splitRun, groupedRun, duckdbRun] = runs.map((entry) => entry.run) as [
    ChildRun,
    ChildRun,
    ChildRun,
    ChildRun,
    ChildRun,
  ];
  // The goal is 10M leads with 100M events: what this run's rate and memory say of it, no more.
  const duckdbAt10M = (duckdbRun.wallMs / large) * 10_000_000;
  return {
    title: `10. \`leadscore diff\` on ${large.toLocaleString("en-US")} leads (one streaming pass)`,
    lines: [
      `population seed ${SEED}: ${(embeddedEvents / large).toFixed(1)} events per lead (${embeddedEvents.toLocaleString("en-US")} events at ${large.toLocaleString("en-US")} leads; the split files hold ${splitEvents.toLocaleString("en-US")})`,
      `command: leadscore ${ARGS.join(" ")} <tmp>/full.md   (base: rules/, head: MQL >= 90 and one rule added)`,
      hasGnuTime
        ? "CPU and peak RSS from GNU time (/usr/bin/time)"
        : "no GNU time on this machine: no CPU or RSS",
      "",
      table(["leads", "population", "engine", "wall", "cpu", "leads/s", "peak RSS", "moved"], rows),
      "",
      `ratios: ${large / small}× the leads took ${(largeRun.wallMs / smallRun.wallMs).toFixed(1)}× the time and ${(largeRun.maxRss / smallRun.maxRss).toFixed(2)}× the memory; ` +
        `the events file in any order took ${(splitRun.wallMs / largeRun.wallMs).toFixed(1)}× the time (${(splitRun.cpuMs / largeRun.cpuMs).toFixed(2)}× the CPU) of embedded events and ${(splitRun.maxRss / largeRun.maxRss).toFixed(2)}× the memory, grouped by lead ${(groupedRun.cpuMs / largeRun.cpuMs).toFixed(2)}× the CPU and ${(groupedRun.maxRss / largeRun.maxRss).toFixed(2)}× the memory; ` +
        `--engine duckdb (--memory-limit ${DUCKDB_MEMORY}) took ${(duckdbRun.wallMs / largeRun.wallMs).toFixed(1)}× the wall time, ${(duckdbRun.cpuMs / largeRun.cpuMs).toFixed(1)}× the CPU and ${(duckdbRun.maxRss / largeRun.maxRss).toFixed(2)}× the memory of js`,
      "",
      goal(
        `${large.toLocaleString("en-US")} leads in < 30 s, peak RSS < 300 MB (events embedded)`,
        largeRun.wallMs < GOAL_MS && largeRun.maxRss < GOAL_RSS,
        `${formatMs(largeRun.wallMs)} wall (${formatMs(largeRun.cpuMs)} CPU), ${formatBytes(largeRun.maxRss)}`,
      ),
      goal(
        `${large.toLocaleString("en-US")} leads in < 30 s, peak RSS < 300 MB (events file in any order)`,
        splitRun.wallMs < GOAL_MS && splitRun.maxRss < GOAL_RSS,
        `${formatMs(splitRun.wallMs)} wall (${formatMs(splitRun.cpuMs)} CPU), ${formatBytes(splitRun.maxRss)}`,
      ),
      goal(
        `${large.toLocaleString("en-US")} leads in < 30 s, peak RSS < 300 MB (events file grouped by lead)`,
        groupedRun.wallMs < GOAL_MS && groupedRun.maxRss < GOAL_RSS,
        `${formatMs(groupedRun.wallMs)} wall (${formatMs(groupedRun.cpuMs)} CPU), ${formatBytes(groupedRun.maxRss)}`,
      ),
      goal(
        "--engine duckdb: 10,000,000 leads + 100,000,000 events in < 120 s with bounded memory (extrapolated linearly from this run)",
        duckdbAt10M < 120_000,
        `${formatMs(duckdbRun.wallMs)} wall (${formatMs(duckdbRun.cpuMs)} CPU), ${formatBytes(duckdbRun.maxRss)} at ${large.toLocaleString("en-US")} leads: ~${formatMs(duckdbAt10M)} at 10M`,
      ),
    ],
  };
}

/** DuckDB's memory limit in the benchmark: its tables and queries spill to disk beyond it. */
const DUCKDB_MEMORY = "1GB";

/** The diff group's command, with the full report written too (the moved leads stream from disk). */
const ARGS = [...CLI_ARGS, "--full-report"];
