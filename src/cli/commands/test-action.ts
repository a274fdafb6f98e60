import { refuseOutputsOverInputs, ruleInputFiles, writeOutputFile } from "../output-files.js";
import { computeCoverage, meetsMinimum, parsePercentage, type Percentage } from "../../fixtures/coverage.js";
import { findFixtureFiles, loadFixtureFiles } from "../../fixtures/load.js";
import { renderJsonReport } from "../../fixtures/report/json.js";
import { renderJunitReport } from "../../fixtures/report/junit.js";
import { renderTextReport, summaryLine, type CoverageReport } from "../../fixtures/report/text.js";
import { runFixtures, type TestRun } from "../../fixtures/run.js";
import { planFileUpdate, type FileUpdate } from "../../fixtures/update.js";
import { renderUpdateReport } from "../../fixtures/report/update.js";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { FixtureCase, FixtureFile } from "../../fixtures/types.js";
import { prepareRecords } from "../../fixtures/validate.js";
import type { PrepareOptions } from "../../io/prepare-lead.js";
import type { ScoreResult } from "../../eval/result.js";
import { createRuleset, type Ruleset } from "../../eval/ruleset.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import { printTextReport, type CommandIO } from "../io.js";
import { displayPath, loadRulesOption } from "../rules-input.js";
import { fixtureSearch, projectConfig } from "./defaults.js";
import { TEST_REPORTERS as REPORTERS } from "./choices.js";
import { inputOptionsOrUsage } from "../input-options-for-command.js";
import type { AnnotationFormat } from "./choices.js";
import { printAnnotations, wantsAnnotations } from "../github-annotations.js";
import { fixtureAnnotations } from "../fixture-annotations.js";
import { neutralizeWorkflowCommands } from "../workflow-commands.js";
import { resolveInputOptions, type InputFlags } from "../../io/input-options.js";
import { openDuckDbSession } from "../duckdb-session.js";

type Reporter = (typeof REPORTERS)[number];

/**
 * `--engine duckdb|postgres`: every case that has an as-of time is scored by the ruleset's generated SQL
 * in that database first; the fixtures are then checked against those results exactly as usual.
 */
async function scoreFixturesIn(
  engine: "duckdb" | "postgres",
  ruleset: Ruleset,
  fixtures: readonly FixtureFile[],
  input: Omit<PrepareOptions, "strictKeys">,
  database: string | undefined,
): Promise<Map<FixtureCase, ScoreResult>> {
  if (engine === "postgres" && database === undefined) {
    throw new UsageError("--engine postgres needs --database <postgres://…>");
  }
  const { scoreSeparately } = await import("../../sql/score-loaded.js");
  const session =
    engine === "duckdb"
      ? await openDuckDbSession()
      : await (
          await import("../../sql/engines/postgres.js")
        )
          .openPostgres(database!)
          .catch((error: Error) => {
            throw new UsageError(`cannot connect to PostgreSQL: ${error.message}`);
          });
  try {
    const cases = fixtures.flatMap((file) => file.cases.filter((c) => c.asOfMs !== null));
    // The records as the input layer prepares them for the JS engine (placeholders, epoch units, …).
    const prepared = cases.map((c) => prepareRecords(ruleset, c.lead, c.events, input));
    const results = await scoreSeparately(
      session,
      ruleset.artifact,
      cases.map((c, i) => ({ lead: prepared[i]!.lead, events: prepared[i]!.events, asOf: c.asOfMs! })),
    );
    return new Map(cases.map((c, i) => [c, results[i]!]));
  } finally {
    await session.close();
  }
}

export interface TestOptions extends InputFlags {
  engine?: "js" | "duckdb" | "postgres";
  database?: string;
  rules?: string;
  reporter: string;
  output?: string;
  coverage?: boolean;
  minCoverage?: string;
  update?: boolean;
  format?: AnnotationFormat;
}

/** `leadscore test`: loaded only when the command runs (see test.ts). */
export async function runTest(
  io: CommandIO,
  paths: string[],
  options: TestOptions,
  setExitCode: (code: number) => void,
): Promise<void> {
  const reporter = readReporter(options.reporter);
  const minimum = readMinimum(options.minCoverage);
  const config = await projectConfig(io);
  const found = await findFixtureFiles(io.cwd, paths, await fixtureSearch(io, config));
  const [missing] = found.missing;
  if (missing !== undefined) throw new UsageError(`cannot read \`${missing}\`: no such file or directory`);
  if (found.files.length === 0) {
    const where = paths.length > 0 ? paths.join(" ") : config.fixtures.join(", ");
    throw new UsageError(`no fixture files (*.test.yaml) found in ${where}`);
  }

  await refuseOutputsOverInputs(
    io,
    [["--output", options.output]],
    [...found.files, ...(await ruleInputFiles(io, options.rules ?? config.rules))],
  );
  const artifact = await loadRulesOption(io, options.rules ?? config.rules, setExitCode);
  if (artifact === null) return;
  let ruleset: Ruleset;
  try {
    ruleset = createRuleset(artifact);
  } catch (error) {
    throw new UsageError(`cannot load the rules: ${(error as Error).message}`);
  }

  const loaded = await loadFixtureFiles(found.files, { cwd: io.cwd });
  const [unreadable] = loaded.unreadable;
  if (unreadable !== undefined) {
    const problem = loaded.problems.find((p) => p.file === unreadable);
    throw new UsageError(
      `cannot read \`${unreadable}\`: ${problem?.message.replace(/^cannot read the file: /, "")}`,
    );
  }
  const input = inputOptionsOrUsage(() => resolveInputOptions([config.input], options));
  const engine = options.engine ?? "js";
  const scored =
    engine === "js"
      ? undefined
      : await scoreFixturesIn(engine, ruleset, loaded.fixtures, input, options.database);
  const run = runFixtures(ruleset, loaded.fixtures, input, scored);
  if (options.update) {
    await updateFixtures(io, ruleset, run, setExitCode);
    return;
  }
  let coverage: CoverageReport | null = null;
  if (options.coverage || minimum !== null) {
    const computed = computeCoverage(artifact, run.results);
    coverage = {
      coverage: computed,
      minimum,
      meetsMinimum: minimum === null || meetsMinimum(computed, minimum),
    };
  }

  // The report for the terminal is styled; the one written to a file never is. With annotations (GitHub
  // Actions), no line of it (fixture names, reasons) may read as a workflow command.
  const annotate = wantsAnnotations(io, options.format, reporter !== "text" && options.output === undefined);
  const shown = renderTextReport(run, coverage, io.stylize);
  const text = annotate ? neutralizeWorkflowCommands(shown) : shown;
  if (reporter === "text" && options.output === undefined) printTextReport(io, text);
  else {
    const report =
      reporter === "json"
        ? renderJsonReport(run, coverage)
        : reporter === "junit"
          ? renderJunitReport(run)
          : renderTextReport(run, coverage);
    if (options.output === undefined) {
      io.stdout(report);
      io.stderr(`${summaryLine(run, io.stylize)}\n`);
    } else {
      await writeReport(io.cwd, options.output, report);
      printTextReport(io, text);
      io.stderr(`wrote ${displayPath(io, options.output)} (${reporter})\n`);
    }
  }
  if (annotate) printAnnotations(io, fixtureAnnotations(run));
  if (run.failed > 0 || run.problems > 0 || (coverage !== null && !coverage.meetsMinimum)) {
    setExitCode(ExitCode.Failed);
  }
}

/**
 * `--update`: rewrites the failing cases' expectations, prints what changed, then runs the fixtures again
 * from the files as written, so that the last line says whether they now pass.
 */
async function updateFixtures(
  io: CommandIO,
  ruleset: Ruleset,
  run: TestRun,
  setExitCode: (code: number) => void,
): Promise<void> {
  const updates: FileUpdate[] = [];
  for (const file of run.files) {
    const full = path.resolve(io.cwd, file.file);
    const update = planFileUpdate(file, await readFile(full, "utf8"));
    if (update.text !== null) await writeOutputFile(io, file.file, update.text);
    updates.push(update);
  }
  printTextReport(io, renderUpdateReport(updates));
  const rerun = runFixtures(
    ruleset,
    (
      await loadFixtureFiles(
        run.files.map((f) => f.file),
        { cwd: io.cwd },
      )
    ).fixtures,
  );
  printTextReport(io, `${summaryLine(rerun, io.stylize)}\n`);
  if (rerun.failed > 0 || rerun.problems > 0) setExitCode(ExitCode.Failed);
}

function readReporter(name: string): Reporter {
  if ((REPORTERS as readonly string[]).includes(name)) return name as Reporter;
  throw new UsageError(`unknown reporter \`${name}\` (use ${REPORTERS.join(", ")})`);
}

function readMinimum(text: string | undefined): Percentage | null {
  if (text === undefined) return null;
  const minimum = parsePercentage(text);
  if (minimum === null) {
    throw new UsageError(
      `--min-coverage takes a percentage from 0 to 100, like 80 or 92.5 (found \`${text}\`)`,
    );
  }
  return minimum;
}

async function writeReport(cwd: string, file: string, report: string): Promise<void> {
  await writeOutputFile({ cwd, stdout: () => {}, stderr: () => {}, isTTY: false }, file, report);
}
