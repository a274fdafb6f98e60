/**
 * `leadscore diff` on 100,000 population leads: the reference rules (base) against a change a reviewer
 * would see in a pull request (head): `bucket MQL >= 100` lowered to `>= 90`, and one engagement rule
 * added to the enterprise model. Timed as the library does it: compile both sides, score every lead on
 * both and compare (`diffRulesets`), render the pull-request comment (markdown) and the text report.
 * The population is generated once, outside the timing. The same diff also runs as the command
 * (`leadscore diff base head --format markdown`, a fresh process reading the population from an NDJSON
 * file named in leadscore.yaml), interleaved with the library rounds.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { populationLeads, POPULATION_AS_OF } from "../../examples/population.js";
import type { Artifact } from "../../src/compile/artifact.js";
import type { PopulationLead } from "../../src/diff/population.js";
import { writeLeadFiles } from "../lead-files.js";
import { runChild } from "../spawn.js";
import { CLI, loadDist, RULES, type CompileModule, type DiffModule, type MarkdownModule } from "../dist.js";
import {
  cpuMedianOf,
  formatMs,
  goal,
  interleave,
  median,
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

type TextModule = typeof import("../../src/diff/report/text.js");

export async function runDiff(context: BenchContext): Promise<GroupResult> {
  const { compileSources } = await loadDist<CompileModule>("compile/compile-ruleset.js");
  const { diffRulesets } = await loadDist<DiffModule>("diff/population.js");
  const { renderDiffMarkdown } = await loadDist<MarkdownModule>("diff/report/markdown.js");
  const { renderDiffText } = await loadDist<TextModule>("diff/report/text.js");

  const { base, head } = referenceSides();

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
  const project = await writeProject(context.tempDir, base, head, size);
  /** The command's own CPU time (this process only waits for it). */
  const childCpu: number[] = [];

  // The whole diff, then its steps on their own, interleaved in each round.
  const baseArtifact = compile(base);
  const headArtifact = compile(head);
  const report = diffRulesets({ base: baseArtifact, head: headArtifact, population, asOf: POPULATION_AS_OF });
  const markdown = renderDiffMarkdown(report);
  const text = renderDiffText(report);
  const summary =
    `${report.summary.leads} leads, ${report.summary.changedBucket} change bucket, ` +
    `${report.summary.changedScore} change score; comment ${(markdown.length / 1024).toFixed(1)} KiB, ` +
    `text report ${(text.length / 1024).toFixed(1)} KiB`;
  const contenders: Contender[] = [
    {
      name: "diff: compile both + compare + render",
      run: () => {
        const whole = diffRulesets({
          base: compile(base),
          head: compile(head),
          population,
          asOf: POPULATION_AS_OF,
        });
        renderDiffMarkdown(whole);
        renderDiffText(whole);
        return population.length;
      },
    },
    {
      name: "leadscore diff base head (new process)",
      run: () => {
        const run = runChild(process.execPath, [CLI, ...CLI_ARGS], {
          cwd: project,
          tempDir: context.tempDir,
        });
        if (run.status !== 0) throw new Error(`leadscore diff exited with ${run.status}: ${run.stderr}`);
        childCpu.push(run.cpuMs);
        return population.length;
      },
    },
    {
      name: "  compile base and head",
      run: () => {
        compile(base);
        compile(head);
        return 2;
      },
    },
    {
      name: "  diffRulesets (score both, compare)",
      run: () => {
        diffRulesets({ base: baseArtifact, head: headArtifact, population, asOf: POPULATION_AS_OF });
        return population.length;
      },
    },
    {
      name: "  render markdown comment + text report",
      run: () => {
        renderDiffMarkdown(report);
        renderDiffText(report);
        return 1;
      },
    },
  ];
  const timings = await interleave(contenders, {
    warmup: 1,
    rounds: context.quick ? 3 : 5,
    onRound: (round) => progress(`  round ${round}`),
  });

  const total = medianOf(timings[0]!);
  const command = medianOf(timings[1]!);
  return {
    title: `5. \`leadscore diff\` on ${size.toLocaleString("en-US")} population leads`,
    lines: [
      `base: rules/ as is; head: \`bucket MQL >= 100\` → \`>= 90\` and one rule added to enterprise engagement`,
      `result: ${summary}`,
      `${timings[0]!.rounds.length} rounds after warm-up; the whole diff and its steps interleaved in each round`,
      "",
      table(
        ["step", "median", "min–max", "cpu"],
        timings.map((timing) => [
          timing.name,
          formatMs(medianOf(timing)),
          spreadOf(timing),
          formatMs(
            timing.name.startsWith("leadscore")
              ? median(childCpu.slice(-timing.rounds.length))
              : cpuMedianOf(timing),
          ),
        ]),
      ),
      "",
      `command (cwd: a temp project with base/, head/, population.ndjson and leadscore.yaml): leadscore ${CLI_ARGS.join(" ")}`,
      "",
      goal(
        `diff on ${size.toLocaleString("en-US")} leads < 5 s (library)`,
        total < GOAL_MS,
        `${formatMs(total)} (${(total / GOAL_MS).toFixed(2)}× the goal)`,
      ),
      goal(
        `diff on ${size.toLocaleString("en-US")} leads < 5 s (command, new process)`,
        command < GOAL_MS,
        `${formatMs(command)} (${(command / GOAL_MS).toFixed(2)}× the goal)`,
      ),
    ],
  };
}

// Directories are compared only when named as such: a revision argument that names a directory is refused.
export const CLI_ARGS = [
  "diff",
  "--base-dir",
  "base",
  "--head-dir",
  "head",
  "--format",
  "markdown",
  "--out",
  "/dev/null",
];

/** A rules repository for the command: both sides as directories, the population as an NDJSON file. */
async function writeProject(
  tempDir: string,
  base: ReadonlyArray<{ path: string; text: string }>,
  head: ReadonlyArray<{ path: string; text: string }>,
  size: number,
): Promise<string> {
  const project = writeSides(path.join(tempDir, "diff-project"), base, head);
  writeFileSync(
    path.join(project, "leadscore.yaml"),
    `version: 1\nrules: head\nfixtures: []\npopulation:\n  - leads: population.ndjson\nas_of: ${POPULATION_AS_OF}\n`,
  );
  await writeLeadFiles(SEED, [size], [path.join(project, "population.ndjson")]);
  return project;
}

/** The reference rules as the base, and the change under review as the head, read from rules/. */
export function referenceSides(): {
  base: Array<{ path: string; text: string }>;
  head: Array<{ path: string; text: string }>;
} {
  const base = readdirSync(RULES)
    .filter((name) => name.endsWith(".score"))
    .map((name) => ({ path: `rules/${name}`, text: readFileSync(path.join(RULES, name), "utf8") }));
  const head = base.map((source) => ({ ...source, text: changed(source.path, source.text) }));
  if (head.every((source, i) => source.text === base[i]!.text))
    throw new Error("the head change did not apply");
  return { base, head };
}

/** Writes the two sides as directories `base/` and `head/` of `project`. */
export function writeSides(
  project: string,
  base: ReadonlyArray<{ path: string; text: string }>,
  head: ReadonlyArray<{ path: string; text: string }>,
): string {
  for (const [side, sources] of [
    ["base", base],
    ["head", head],
  ] as const) {
    mkdirSync(path.join(project, side), { recursive: true });
    for (const source of sources)
      writeFileSync(path.join(project, side, path.basename(source.path)), source.text);
  }
  return project;
}

function changed(file: string, text: string): string {
  if (file.endsWith("routing.score")) return text.replace("bucket MQL >= 100", "bucket MQL >= 90");
  if (file.endsWith("enterprise.score"))
    return text.replace("    decay 50% every 30d", `${ADDED_RULE}\n    decay 50% every 30d`);
  return text;
}
