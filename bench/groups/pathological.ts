/**
 * Pathological rule files (issue 9 item 11): every shape of bench/pathological-rules.ts, alone in a rules
 * directory, checked by a fresh `leadscore check` at 5 MB (over the per-file limit: refused at once) and at
 * the limit itself (the most the parser is ever asked to read). One run each: the point is the bound (CPU
 * seconds and peak memory of the worst shape), not a median.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CLI } from "../dist.js";
import { formatBytes, formatMs, goal, progress, table } from "../harness.js";
import { pathologicalShapes, pathologicalText } from "../pathological-rules.js";
import { hasGnuTime, runChild, type ChildRun } from "../spawn.js";
import type { BenchContext, GroupResult } from "./context.js";

/** MAX_FILE_CHARS of src/syntax/parse.ts: the largest file `check` reads. */
const LIMIT = 1_048_576;
const GOAL_CPU_MS = 5_000;
const GOAL_RSS = 500 * 1024 * 1024;

export async function runPathological(context: BenchContext): Promise<GroupResult> {
  const sizes = context.quick ? [100_000] : [5_300_000, LIMIT];
  const shapes = context.quick ? pathologicalShapes().slice(0, 6) : pathologicalShapes();
  const project = path.join(context.tempDir, "pathological");
  const rows: string[][] = [];
  let worstCpu = { ms: 0, what: "" };
  let worstRss = { bytes: 0, what: "" };
  for (const shape of shapes) {
    const row = [shape.name];
    for (const size of sizes) {
      rmSync(project, { recursive: true, force: true });
      mkdirSync(path.join(project, "rules"), { recursive: true });
      writeFileSync(path.join(project, "rules", "p.score"), pathologicalText(shape, size));
      const run = runChild(process.execPath, [CLI, "check", "rules"], {
        cwd: project,
        tempDir: context.tempDir,
      });
      progress(`pathological: ${shape.name} at ${size} bytes: ${formatMs(run.cpuMs)} CPU`);
      if (run.status !== 1)
        throw new Error(`check exited with ${run.status} on ${shape.name}: ${run.stderr.slice(0, 500)}`);
      const what = `${shape.name} at ${(size / 1e6).toFixed(1)} MB`;
      if (run.cpuMs > worstCpu.ms) worstCpu = { ms: run.cpuMs, what };
      if (run.maxRss > worstRss.bytes) worstRss = { bytes: run.maxRss, what };
      row.push(
        hasGnuTime ? formatMs(run.cpuMs) : formatMs(run.wallMs),
        hasGnuTime ? formatBytes(run.maxRss) : "n/a",
        firstSyntaxDiagnostic(run),
      );
    }
    rows.push(row);
  }
  const header = ["shape"];
  for (const size of sizes) header.push(`CPU ${(size / 1e6).toFixed(1)} MB`, "peak RSS", "first LS1xx");
  return {
    title: "Pathological rule files (`leadscore check`, one file of one repeated shape)",
    lines: [
      table(header, rows),
      "",
      goal(
        "any rule file checks in seconds",
        worstCpu.ms <= GOAL_CPU_MS,
        `worst ${formatMs(worstCpu.ms)} CPU (${worstCpu.what}), goal ≤ ${formatMs(GOAL_CPU_MS)}`,
      ),
      goal(
        "and a few hundred MB",
        worstRss.bytes <= GOAL_RSS,
        `worst ${formatBytes(worstRss.bytes)} (${worstRss.what}), goal ≤ ${formatBytes(GOAL_RSS)}`,
      ),
    ],
  };
}

/** The first syntax diagnostic `check` printed, as `LS118 104858:7`. */
function firstSyntaxDiagnostic(run: ChildRun): string {
  const match = /:(\d+):(\d+): error (LS1\d\d):/.exec(run.stderr);
  return match === null ? "" : `${match[3]} ${match[1]}:${match[2]}`;
}
