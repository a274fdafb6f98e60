/**
 * `leadscore score` keeps flat memory: NDJSON leads with embedded events are written to temp files
 * (streamed, never held in memory), then scored by the CLI in a fresh process with results to /dev/null.
 * The child's resident memory is sampled every 100 ms from /proc/<pid>/status (VmRSS, and VmHWM, the
 * kernel's own high-water mark), and its summary (stderr, --json) proves every lead was scored.
 */
import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { POPULATION_AS_OF } from "../../examples/population.js";
import type { BatchSummary } from "../../src/batch/score-file.js";
import { CLI, ROOT } from "../dist.js";
import { writeLeadFiles } from "../lead-files.js";
import { formatBytes, formatMs, formatRate, goal, progress, table } from "../harness.js";
import type { BenchContext, GroupResult } from "./context.js";

const SEED = 20261101;
const SAMPLE_MS = 100;

interface ScoreRun {
  leads: number;
  fileBytes: number;
  wallMs: number;
  peakRss: number;
  highWater: number;
  samples: number;
  summary: BatchSummary;
}

export async function runScoreMemory(context: BenchContext): Promise<GroupResult> {
  // The 1,000,000-lead file (513 MiB) is written and scored in well under two minutes, so it is the default.
  const sizes = context.quick ? [10_000, 50_000] : [10_000, 100_000, 1_000_000];
  const files = sizes.map((size) => path.join(context.tempDir, `leads-${size}.ndjson`));
  progress(`score memory: writing ${sizes.map((s) => s.toLocaleString("en-US")).join(", ")} leads`);
  const writeStarted = Date.now();
  const events = await writeLeadFiles(SEED, sizes, files);
  const writeMs = Date.now() - writeStarted;

  const runs: ScoreRun[] = [];
  for (let i = 0; i < sizes.length; i++) {
    progress(`  scoring ${sizes[i]!.toLocaleString("en-US")} leads`);
    runs.push(await scoreFile(files[i]!, sizes[i]!));
  }

  const rows = runs.map((run) => [
    run.leads.toLocaleString("en-US"),
    `${(run.fileBytes / 1024 ** 2).toFixed(0)} MiB`,
    formatMs(run.wallMs),
    formatRate((run.leads * 1000) / run.wallMs),
    formatBytes(run.peakRss),
    formatBytes(run.highWater),
    `${run.summary.leads.scored}/${run.summary.leads.read} scored, ${run.summary.leads.rejected} rejected`,
  ]);
  const smallest = runs[0]!;
  const largest = runs[runs.length - 1]!;
  const growth = largest.highWater / smallest.highWater;
  const allScored = runs.every(
    (run) => run.summary.leads.scored === run.leads && run.summary.leads.rejected === 0,
  );
  return {
    title: "4. `leadscore score` memory on large NDJSON files (embedded events)",
    lines: [
      `Files written in ${formatMs(writeMs)} (streamed): population seed ${SEED}, ${(events / sizes[sizes.length - 1]!).toFixed(1)} events per lead on average`,
      `command: node dist/cli/main.js score --rules rules --leads <file> --as-of ${POPULATION_AS_OF} --out /dev/null --json`,
      `RSS sampled every ${SAMPLE_MS} ms from /proc/<pid>/status; VmHWM is the kernel's peak. Wall time includes start-up and compiling the rules.`,
      "",
      table(["leads", "file", "wall", "leads/s", "peak VmRSS", "VmHWM", "summary"], rows),
      "",
      goal(
        "flat memory",
        growth < 1.5 && allScored,
        `peak ${formatBytes(smallest.highWater)} at ${smallest.leads.toLocaleString("en-US")} leads, ` +
          `${formatBytes(largest.highWater)} at ${largest.leads.toLocaleString("en-US")} (${growth.toFixed(2)}×)` +
          (allScored ? "" : "; NOT every lead was scored"),
      ),
    ],
  };
}

function statusKb(pid: number, key: "VmRSS" | "VmHWM"): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status);
    return match ? Number(match[1]) : NaN;
  } catch {
    return NaN; // the process has just ended
  }
}

function scoreFile(file: string, leads: number): Promise<ScoreRun> {
  return new Promise((resolve, reject) => {
    const args = [
      CLI,
      "score",
      "--rules",
      "rules",
      "--leads",
      file,
      "--as-of",
      POPULATION_AS_OF,
      "--out",
      "/dev/null",
      "--json",
    ];
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    let peakRss = 0;
    let highWater = 0;
    let samples = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      const rss = statusKb(child.pid, "VmRSS");
      const hwm = statusKb(child.pid, "VmHWM");
      if (Number.isFinite(rss)) {
        peakRss = Math.max(peakRss, rss * 1024);
        samples++;
      }
      if (Number.isFinite(hwm)) highWater = Math.max(highWater, hwm * 1024);
    };
    const timer = setInterval(sample, SAMPLE_MS);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(timer);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) return reject(new Error(`score exited with ${code}: ${stderr}`));
      let summary: BatchSummary;
      try {
        summary = JSON.parse(stderr) as BatchSummary;
      } catch {
        return reject(new Error(`unreadable summary: ${stderr.slice(0, 500)}`));
      }
      resolve({ leads, fileBytes: statSync(file).size, wallMs, peakRss, highWater, samples, summary });
    });
  });
}
