/**
 * `leadscore watch` on the reference rules and fixtures: the time from saving a rule file to the end of
 * the run it causes (the 100 ms that merge a burst of saves, then check and test), and the run itself as
 * the watch reports it. One watching process (the built CLI), a rule file rewritten each round.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { CLI, RULES } from "../dist.js";
import { formatMs, goal, median, progress, table } from "../harness.js";
import type { BenchContext, GroupResult } from "./context.js";

const GOAL_MS = 1000;

export async function runWatch(context: BenchContext): Promise<GroupResult> {
  const dir = path.join(context.tempDir, "watch");
  mkdirSync(dir, { recursive: true });
  cpSync(RULES, path.join(dir, "rules"), { recursive: true });
  const file = path.join(dir, "rules/enterprise.score");
  const text = readFileSync(file, "utf8");
  const rounds = context.quick ? 3 : 15;

  let output = "";
  const child = spawn(process.execPath, [CLI, "watch", "--max-runs", String(rounds + 1)], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const runEnded = async (run: number) => {
    while (!output.includes(`watch: run ${run}:`)) await new Promise((resolve) => setTimeout(resolve, 2));
  };
  await runEnded(1);
  const latencies: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    progress(`watch: round ${round} of ${rounds}`);
    const saved = performance.now();
    // A comment that changes nothing: every run checks and tests the whole reference ruleset.
    writeFileSync(file, `${text}# saved ${round}\n`);
    await runEnded(round + 1);
    latencies.push(performance.now() - saved);
  }
  const code = await exited;
  if (code !== 0) throw new Error(`leadscore watch exited with ${code}:\n${output}`);
  const reported = [...output.matchAll(/watch: run (\d+): .*? in (\d+) ms\)/g)]
    .filter((match) => Number(match[1]) > 1)
    .map((match) => Number(match[2]));
  const latency = median(latencies);
  return {
    title: "Watch: a saved rule file to its check and test results (reference rules and fixtures)",
    lines: [
      `${rounds} saves of rules/enterprise.score, one watching process (node dist/cli/main.js watch); the first run is left out`,
      "",
      table(
        ["measure", "median", "min–max"],
        [
          [
            "save → results shown (incl. 100 ms debounce)",
            formatMs(latency),
            `${formatMs(Math.min(...latencies))}–${formatMs(Math.max(...latencies))}`,
          ],
          [
            "the run itself (check + test)",
            formatMs(median(reported)),
            `${formatMs(Math.min(...reported))}–${formatMs(Math.max(...reported))}`,
          ],
        ],
      ),
      "",
      goal(
        `save → results < ${GOAL_MS} ms`,
        latency < GOAL_MS,
        `${formatMs(latency)} (${(latency / GOAL_MS).toFixed(2)}× the goal)`,
      ),
    ],
  };
}
