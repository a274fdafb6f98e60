/**
 * Language: parse + check + compile of a generated 5,000-rule ruleset, in process, after warm-up. The
 * whole pipeline (`compileSources`) and its stages one by one (parse every file, check the program, build
 * the artifact, validate the artifact against its schema) are interleaved in each round.
 */
import type { Artifact } from "../../src/compile/artifact.js";
import type { SourceFile } from "../../src/syntax/ast.js";
import type { Program } from "../../src/check/program.js";
import {
  loadDist,
  type BuildModule,
  type CheckModule,
  type CompileModule,
  type LoadArtifactModule,
  type ParseModule,
} from "../dist.js";
import { generateRuleset } from "../generate-ruleset.js";
import {
  cpuMedianOf,
  formatMs,
  goal,
  interleave,
  medianOf,
  progress,
  spreadOf,
  table,
  type Contender,
} from "../harness.js";
import type { BenchContext, GroupResult } from "./context.js";

const GOAL_MS = 300;

export async function runLanguage(context: BenchContext): Promise<GroupResult> {
  const { compileSources } = await loadDist<CompileModule>("compile/compile-ruleset.js");
  const { parseSource } = await loadDist<ParseModule>("syntax/parse.js");
  const { checkProgram } = await loadDist<CheckModule>("check/check-program.js");
  const { buildArtifact } = await loadDist<BuildModule>("compile/build-artifact.js");
  const { checkArtifact } = await loadDist<LoadArtifactModule>("compile/load-artifact.js");

  const generated = generateRuleset({ seed: 20261101, rules: 5000 });
  const sources = [...generated.sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const first = compileSources(sources);
  const errors = first.diagnostics.filter((d) => d.severity === "error");
  if (first.artifact === null || errors.length > 0) {
    throw new Error(`the generated ruleset does not compile: ${errors[0]?.code} ${errors[0]?.message}`);
  }
  const ruleCount = first.artifact.models.reduce((sum, model) => sum + model.rules.length, 0);

  // The staged contenders hand their output to the next stage within the same round.
  let files: SourceFile[] = [];
  let program: Program | null = null;
  let artifact: Artifact | null = null;
  const contenders: Contender[] = [
    {
      name: "compileSources (all stages)",
      run: () => {
        const result = compileSources(sources);
        if (result.artifact === null) throw new Error("compile failed");
        return 1;
      },
    },
    {
      name: "  parse (every file)",
      run: () => {
        files = sources.map((source) => parseSource(source.path, source.text).file);
        return 1;
      },
    },
    {
      name: "  check (symbols + passes)",
      run: () => {
        program = checkProgram(files).program;
        return 1;
      },
    },
    {
      name: "  build artifact",
      run: () => {
        artifact = buildArtifact(program!, "ruleset");
        return 1;
      },
    },
    {
      name: "  validate artifact (schema + hash)",
      run: () => {
        const checked = checkArtifact(artifact);
        if (!("artifact" in checked)) throw new Error("artifact invalid");
        return 1;
      },
    },
  ];

  progress(`language: ${ruleCount} rules, ${generated.models} models, ${sources.length} files`);
  const timings = await interleave(contenders, {
    warmup: context.quick ? 1 : 3,
    rounds: context.quick ? 3 : 9,
    onRound: (round) => progress(`  round ${round}`),
  });

  const total = medianOf(timings[0]!);
  const rows = timings.map((timing) => [
    timing.name,
    formatMs(medianOf(timing)),
    spreadOf(timing),
    formatMs(cpuMedianOf(timing)),
    `${((medianOf(timing) / total) * 100).toFixed(0)}%`,
    `${((ruleCount * 1000) / medianOf(timing) / 1000).toFixed(0)}k`,
  ]);
  const lines = [
    `Generated ruleset: ${ruleCount} rules in ${generated.models} models, ${sources.length} files, ` +
      `${generated.lines} lines, ${(generated.bytes / 1024).toFixed(0)} KiB (seed 20261101)`,
    `${timings[0]!.rounds.length} rounds after warm-up, stages interleaved with the whole pipeline`,
    "",
    table(["stage", "median", "min–max", "cpu", "of total", "rules/s"], rows),
    "",
    goal(
      `parse+check+compile of ${ruleCount} rules < ${GOAL_MS} ms`,
      total < GOAL_MS,
      `${formatMs(total)} (${(total / GOAL_MS).toFixed(2)}× the goal)`,
    ),
  ];
  return { title: "1. Language: compile a generated 5,000-rule ruleset", lines };
}
