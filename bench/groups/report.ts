/**
 * `leadscore report` on large populations: NDJSON leads with embedded events and the generated outcome
 * (`converted`), written to temp files, then measured by the CLI in a fresh process that writes the HTML
 * report (charts rendered). Wall and CPU time and peak memory (GNU time) per size; the goal is 1,000,000
 * leads in under 30 s, with memory that grows by a few bytes per lead (typed arrays), not by a result.
 */
import path from "node:path";
import { POPULATION_AS_OF } from "../../examples/population.js";
import { CLI, ROOT } from "../dist.js";
import { formatBytes, formatMs, formatRate, goal, progress, table } from "../harness.js";
import { writeLeadFiles } from "../lead-files.js";
import { runChild } from "../spawn.js";
import type { BenchContext, GroupResult } from "./context.js";

const SEED = 20261101;
const GOAL_MS = 30_000;

export async function runReport(context: BenchContext): Promise<GroupResult> {
  const sizes = context.quick ? [10_000, 50_000] : [100_000, 1_000_000];
  const files = sizes.map((size) => path.join(context.tempDir, `report-leads-${size}.ndjson`));
  progress(`report: writing ${sizes.map((s) => s.toLocaleString("en-US")).join(", ")} leads`);
  await writeLeadFiles(SEED, sizes, files);
  const command = (file: string, format: string) => [
    CLI,
    "report",
    "--rules",
    "rules",
    "--leads",
    file,
    "--as-of",
    POPULATION_AS_OF,
    "--outcome",
    "converted",
    "--format",
    format,
    "--out",
    path.join(context.tempDir, `report.${format}`),
  ];
  const rows: string[][] = [];
  const runs: Array<{ leads: number; wallMs: number; maxRss: number }> = [];
  for (let i = 0; i < sizes.length; i++) {
    for (const format of ["json", "html"]) {
      progress(`  report on ${sizes[i]!.toLocaleString("en-US")} leads (${format})`);
      const run = runChild(process.execPath, command(files[i]!, format), {
        cwd: ROOT,
        tempDir: context.tempDir,
      });
      if (run.status !== 0) throw new Error(`report exited with ${run.status}: ${run.stderr}`);
      runs.push({ leads: sizes[i]!, wallMs: run.wallMs, maxRss: run.maxRss });
      rows.push([
        sizes[i]!.toLocaleString("en-US"),
        format,
        formatMs(run.wallMs),
        formatMs(run.cpuMs),
        formatRate((sizes[i]! * 1000) / run.wallMs),
        formatBytes(run.maxRss),
        summaryOf(run.stderr),
      ]);
    }
  }
  const largest = runs.filter((run) => run.leads === sizes[sizes.length - 1]);
  const smallest = runs.filter((run) => run.leads === sizes[0]);
  const slowest = Math.max(...largest.map((run) => run.wallMs));
  const memory =
    Math.max(...largest.map((run) => run.maxRss)) / Math.max(...smallest.map((run) => run.maxRss));
  return {
    title: "`leadscore report` on large NDJSON files (embedded events, outcome `converted`)",
    lines: [
      `command: node dist/cli/main.js report --rules rules --leads <file> --as-of ${POPULATION_AS_OF} --outcome converted --format json|html --out <file>`,
      "One run per size and format (each a fresh process: start-up, compiling the rules and rendering included).",
      "",
      table(["leads", "format", "wall", "CPU", "leads/s", "peak RSS", "summary"], rows),
      "",
      goal(
        `${sizes[sizes.length - 1]!.toLocaleString("en-US")} leads in under ${GOAL_MS / 1000} s`,
        slowest < GOAL_MS,
        `slowest ${formatMs(slowest)}; peak memory ${memory.toFixed(2)}× that at ${sizes[0]!.toLocaleString("en-US")} leads`,
      ),
    ],
  };
}

/** `1000000 scored, 281507 converted, AUC 0.7743` from the command's first line on stderr. */
function summaryOf(stderr: string): string {
  const match = /: (\d+) scored.*?(\d+) converted; AUC ([\d.]+)/.exec(stderr);
  return match === null
    ? (stderr.trim().split("\n")[0] ?? "")
    : `${match[1]} scored, ${match[2]} converted, AUC ${match[3]}`;
}
