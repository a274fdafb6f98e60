/**
 * `leadscore diff` on 100,000 population leads: the reference rules (base) against a change a reviewer
 * would see in a pull request (head): `bucket MQL >= 100` lowered to `>= 90`, and one engagement rule
 * added to the enterprise model. Timed as the library does it: compile both sides, score every lead on
 * both and compare (`diffRulesets`), render the pull-request comment (markdown) and the text report.
 * The population is generated once, outside the timing.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { populationLeads, POPULATION_AS_OF } from "../../examples/population.js";
import type { Artifact } from "../../src/compile/artifact.js";
import type { PopulationLead } from "../../src/gitops/diff-population.js";
import { loadDist, RULES, type CompileModule, type DiffModule, type MarkdownModule } from "../dist.js";
import {
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

const GOAL_MS = 5000;
const SEED = 20261101;
const ADDED_RULE = '    when event = page_view where url starts with "/enterprise" add 10 within 30d';

type TextModule = typeof import("../../src/gitops/diff-report-text.js");

export async function runDiff(context: BenchContext): Promise<GroupResult> {
  const { compileSources } = await loadDist<CompileModule>("compile/compile-ruleset.js");
  const { diffRulesets } = await loadDist<DiffModule>("gitops/diff-population.js");
  const { renderDiffMarkdown } = await loadDist<MarkdownModule>("gitops/diff-report-markdown.js");
  const { renderDiffText } = await loadDist<TextModule>("gitops/diff-report-text.js");

  const base = readdirSync(RULES)
    .filter((name) => name.endsWith(".score"))
    .map((name) => ({ path: `rules/${name}`, text: readFileSync(path.join(RULES, name), "utf8") }));
  const head = base.map((source) => ({ ...source, text: changed(source.path, source.text) }));
  if (head.every((source, i) => source.text === base[i]!.text))
    throw new Error("the head change did not apply");

  const size = context.quick ? 20_000 : 100_000;
  const generated = Date.now();
  const population: PopulationLead[] = [];
  for (const { lead, events } of populationLeads({ seed: SEED, leads: size }))
    population.push({ lead: lead as unknown as PopulationLead["lead"], events });
  progress(`diff: ${size.toLocaleString("en-US")} leads generated in ${formatMs(Date.now() - generated)}`);

  const compile = (sources: typeof base): Artifact => {
    const result = compileSources(sources);
    if (result.artifact === null) throw new Error(`does not compile: ${result.diagnostics[0]?.message}`);
    return result.artifact;
  };
  let summary = "";
  const contenders: Contender[] = [
    {
      name: "diff: compile both + compare + render",
      run: () => {
        const report = diffRulesets({
          base: compile(base),
          head: compile(head),
          population,
          asOf: POPULATION_AS_OF,
        });
        const markdown = renderDiffMarkdown(report);
        const text = renderDiffText(report);
        summary =
          `${report.summary.leads} leads, ${report.summary.changedBucket} change bucket, ` +
          `${report.summary.changedScore} change score; comment ${(markdown.length / 1024).toFixed(1)} KiB, text ${(text.length / 1024).toFixed(1)} KiB`;
        return population.length;
      },
    },
  ];
  const timings = await interleave(contenders, {
    warmup: 1,
    rounds: context.quick ? 3 : 5,
    onRound: (round) => progress(`  round ${round}`),
  });

  // One breakdown run after the timed rounds: where the time goes.
  const stages: Array<[string, number]> = [];
  const timed = <T>(name: string, work: () => T): T => {
    const started = process.hrtime.bigint();
    const value = work();
    stages.push([name, Number(process.hrtime.bigint() - started) / 1e6]);
    return value;
  };
  const baseArtifact = timed("  compile base", () => compile(base));
  const headArtifact = timed("  compile head", () => compile(head));
  const report = timed("  diffRulesets (score both, compare)", () =>
    diffRulesets({ base: baseArtifact, head: headArtifact, population, asOf: POPULATION_AS_OF }),
  );
  timed("  render markdown comment", () => renderDiffMarkdown(report));
  timed("  render text report", () => renderDiffText(report));

  const total = medianOf(timings[0]!);
  return {
    title: `5. \`leadscore diff\` on ${size.toLocaleString("en-US")} population leads (library)`,
    lines: [
      `base: rules/ as is; head: \`bucket MQL >= 100\` → \`>= 90\` and one rule added to enterprise engagement`,
      `result: ${summary}`,
      `${timings[0]!.rounds.length} rounds after warm-up; the breakdown is one extra run`,
      "",
      table(
        ["step", "median", "min–max"],
        [
          [timings[0]!.name, formatMs(total), spreadOf(timings[0]!)],
          ...stages.map(([name, ms]) => [name, formatMs(ms), ""]),
        ],
      ),
      "",
      goal(
        `diff on ${size.toLocaleString("en-US")} leads < 5 s`,
        total < GOAL_MS,
        `${formatMs(total)} (${(total / GOAL_MS).toFixed(2)}× the goal)`,
      ),
    ],
  };
}

function changed(file: string, text: string): string {
  if (file.endsWith("routing.score")) return text.replace("bucket MQL >= 100", "bucket MQL >= 90");
  if (file.endsWith("enterprise.score"))
    return text.replace("    decay 50% every 30d", `${ADDED_RULE}\n    decay 50% every 30d`);
  return text;
}
