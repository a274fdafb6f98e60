/**
 * Cold `leadscore check rules`: a fresh Node process each time, as CI runs it. Interleaved with two
 * baselines: `node -e 0` (the runtime's own start) and `leadscore --version` (start + loading the CLI).
 */
import { CLI, ROOT } from "../dist.js";
import {
  formatBytes,
  formatMs,
  goal,
  interleave,
  median,
  progress,
  table,
  type Contender,
} from "../harness.js";
import { hasGnuTime, runChild, type ChildRun } from "../spawn.js";
import type { BenchContext, GroupResult } from "./context.js";

const GOAL_MS = 400;

export async function runColdCheck(context: BenchContext): Promise<GroupResult> {
  const node = process.execPath;
  const cases = [
    { name: "node -e 0", args: ["-e", "0"] },
    { name: "leadscore --version", args: [CLI, "--version"] },
    { name: "leadscore check rules", args: [CLI, "check", "rules"] },
  ];
  const runs = cases.map(() => [] as ChildRun[]);
  const contenders: Contender[] = cases.map((c, index) => ({
    name: c.name,
    run: () => {
      const run = runChild(node, c.args, { cwd: ROOT, tempDir: context.tempDir });
      if (run.status !== 0) throw new Error(`${c.name} exited with ${run.status}: ${run.stderr}`);
      runs[index]!.push(run);
      return 1;
    },
  }));
  const warmup = 2;
  const rounds = context.quick ? 5 : 15;
  progress(`cold check: ${rounds} rounds of ${cases.map((c) => c.name).join(", ")}`);
  await interleave(contenders, { warmup, rounds, onRound: (round) => progress(`  round ${round}`) });
  // Every run was kept; the warm-up rounds are the first ones.
  const recorded = runs.map((list) => list.slice(-rounds));

  const baseline = median(recorded[0]!.map((run) => run.wallMs));
  const rows = cases.map((c, index) => {
    const list = recorded[index]!;
    const wall = median(list.map((run) => run.wallMs));
    return [
      c.name,
      formatMs(wall),
      `${formatMs(Math.min(...list.map((run) => run.wallMs)))}–${formatMs(Math.max(...list.map((run) => run.wallMs)))}`,
      hasGnuTime ? formatMs(median(list.map((run) => run.cpuMs))) : "n/a",
      hasGnuTime ? formatBytes(median(list.map((run) => run.maxRss))) : "n/a",
      index === 0 ? "" : `+${formatMs(wall - baseline)}`,
    ];
  });
  const check = median(recorded[2]!.map((run) => run.wallMs));
  return {
    title: "2. Cold `leadscore check rules` (new process each run)",
    lines: [
      `${rounds} rounds after ${warmup} warm-up rounds, the three commands interleaved; cwd ${ROOT}`,
      `commands: ${process.execPath} [-e 0 | dist/cli/main.js --version | dist/cli/main.js check rules]`,
      "",
      table(["command", "median wall", "min–max", "cpu (user+sys)", "max RSS", "over node -e 0"], rows),
      "",
      goal(
        `cold check < ${GOAL_MS} ms`,
        check < GOAL_MS,
        `${formatMs(check)} (${(check / GOAL_MS).toFixed(2)}× the goal)`,
      ),
    ],
  };
}
