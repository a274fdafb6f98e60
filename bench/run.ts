/**
 * `npm run bench [-- --only <group>[,<group>]] [--quick]`: builds, then runs the benchmark groups
 * and prints one report on stdout (progress on stderr). See BENCHMARKS.md for the method.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureBuilt, ROOT } from "./dist.js";
import { describeMachine, describeSource, loadAverage } from "./machine.js";
import type { BenchContext, GroupResult } from "./groups/context.js";
import { runColdCheck } from "./groups/cold-check.js";
import { runDiff } from "./groups/diff.js";
import { runDiffScale } from "./groups/diff-scale.js";
import { runDiffPostgres } from "./groups/diff-postgres.js";
import { runEvaluator } from "./groups/evaluator.js";
import { runLanguage } from "./groups/language.js";
import { runLsp } from "./groups/lsp.js";
import { runPathological } from "./groups/pathological.js";
import { runRuntimeSize } from "./groups/runtime-size.js";
import { runPreviousState } from "./groups/previous-state.js";
import { runReport } from "./groups/report.js";
import { runScoreMemory } from "./groups/score-memory.js";
import { runServe } from "./groups/serve.js";
import { runSql } from "./groups/sql.js";
import { runWatch } from "./groups/watch.js";

interface Group {
  name: string;
  run(context: BenchContext): Promise<GroupResult>;
}

const GROUPS: Group[] = [
  { name: "language", run: runLanguage },
  { name: "cold-check", run: runColdCheck },
  { name: "evaluator", run: runEvaluator },
  { name: "score-memory", run: runScoreMemory },
  { name: "diff", run: runDiff },
  { name: "diff-scale", run: runDiffScale },
  { name: "diff-postgres", run: runDiffPostgres },
  { name: "runtime-size", run: runRuntimeSize },
  { name: "serve", run: runServe },
  { name: "previous-state", run: runPreviousState },
  { name: "report", run: runReport },
  { name: "sql", run: runSql },
  { name: "lsp", run: runLsp },
  { name: "watch", run: runWatch },
  { name: "pathological", run: runPathological },
];

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      quick: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      `usage: npm run bench -- [--only <group>[,<group>…]] [--quick]\ngroups: ${GROUPS.map((g) => g.name).join(", ")}\n`,
    );
    return 0;
  }
  const wanted = values.only?.split(",").map((name) => name.trim()) ?? GROUPS.map((g) => g.name);
  const unknown = wanted.filter((name) => !GROUPS.some((g) => g.name === name));
  if (unknown.length > 0) {
    process.stderr.write(
      `unknown group ${unknown.join(", ")}; groups: ${GROUPS.map((g) => g.name).join(", ")}\n`,
    );
    return 2;
  }
  ensureBuilt();

  const args = process.argv.slice(2);
  const out: string[] = [
    "leadscore benchmarks",
    "",
    ...describeMachine(),
    `Command: npm run bench${args.length > 0 ? ` -- ${args.join(" ")}` : ""}  (tsx ${["bench/run.ts", ...args].join(" ")})`,
    `Source:  ${describeSource(ROOT)} (npm run bench builds dist/ from the working tree first)`,
    `Date:    ${new Date().toISOString()}`,
    "",
  ];
  process.stdout.write(out.join("\n"));

  const tempDir = mkdtempSync(path.join(os.tmpdir(), "leadscore-bench-"));
  const context: BenchContext = { quick: values.quick, tempDir };
  try {
    for (const group of GROUPS.filter((g) => wanted.includes(g.name))) {
      const result = await group.run(context);
      process.stdout.write(`\n${result.title}\n\n${result.lines.join("\n")}\n`);
    }
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
  process.stdout.write(`\nLoad at end: ${loadAverage()}\n`);
  return 0;
}

process.exitCode = await main();
