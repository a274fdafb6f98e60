import { openOutputFile, refuseOutputsOverInputs, ruleInputFiles, writeOutputFile } from "../output-files.js";
import { CONFIG_FILE } from "../../project/config-file.js";
import type { ProjectConfig } from "../../project/config.js";
import { expandGlobs } from "../../project/glob.js";
import path from "node:path";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { renderDiagnostics, summarizeDiagnostics } from "../../diagnostics/render.js";
import {
  changedFixtures,
  resolveSide,
  readSideFixtures,
  workingTreeConfig,
  type DiffContext,
  type DiffSide,
  type SideSpec,
} from "../../diff/inputs.js";
import { diffConfig } from "../../diff/config-diff.js";
import { streamDiff, type StreamedDiff } from "../../diff/population-stream.js";
import {
  addFixtureLeads,
  addPopulationFiles,
  PopulationFileError,
  readsParquet,
  type PopulationProgress,
} from "../../diff/population-load.js";
import { writeDocument, type DocumentPart, type ReportLists } from "../../diff/report/document.js";
import type { DiffReport } from "../../diff/report/model.js";
import type { PopulationSource } from "../../project/config.js";
import { count, plural } from "../../diff/report/format.js";
import { diffJsonDocument } from "../../diff/report/json.js";
import { diffMarkdownDocument, renderDiffMarkdown } from "../../diff/report/markdown.js";
import { diffTextDocument } from "../../diff/report/text.js";
import { terminalProgress } from "../progress-bar.js";
import type { Stylize } from "../../diagnostics/style.js";
import { textSink } from "../../io/write-lines.js";
import { parseInstant } from "../../eval/instant.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import { printTextReport, type CommandIO } from "../io.js";
import { projectConfig } from "./defaults.js";
import { linkBoundary } from "../rules-input.js";
import type { DiffFormat } from "./choices.js";
import { inputOptionsOrUsage, refuseReadingFlagsWithTables } from "../input-options-for-command.js";
import { resolveInputOptions, type InputFlags } from "../../io/input-options.js";
import { leadTablesOf, openDiffEngine, openParquetReader, type DiffEngineOptions } from "./diff-engine.js";

export interface DiffOptions extends InputFlags, DiffEngineOptions {
  format: DiffFormat;
  out?: string;
  fullReport?: string;
  asOf?: string;
  baseDir?: string;
  headDir?: string;
}

/** `leadscore diff`: loaded only when the command runs (see diff.ts). */
export async function runDiff(
  io: CommandIO,
  baseRevision: string | null,
  headRevision: string | null,
  options: DiffOptions,
  setExitCode: (code: number) => void,
): Promise<void> {
  const config = await projectConfig(io);
  await refuseOutputsOverInputs(
    io,
    [
      ["--out", options.out],
      ["--full-report", options.fullReport],
    ],
    await workingTreeInputs(io, config),
  );
  const context: DiffContext = {
    cwd: io.cwd,
    root: config.root,
    rulesDir: config.rules,
    within: await linkBoundary(io, config.root),
    config: await workingTreeConfig(config),
  };

  // A population of tables (--leads-table) takes the place of leadscore.yaml's population files.
  const tables = leadTablesOf(options);
  const populationFiles = tables === null ? config.population : [];
  if (tables !== null) refuseReadingFlagsWithTables(options);
  if (options.outcome !== undefined && config.population.length === 0) {
    throw new UsageError(
      "--outcome names the outcome column of the population files, and leadscore.yaml lists none under `population` (fixture leads have no outcome)",
    );
  }
  const specs = sideSpecs(baseRevision, headRevision, options);
  const sides: DiffSide[] = [];
  for (const [spec, option] of [
    [specs.base, "--base-dir"],
    [specs.head, "--head-dir"],
  ] as const) {
    const side = await resolveSide(spec, context, option);
    if (!side.ok) throw new UsageError(side.error);
    sides.push(side.value);
  }
  const [base, head] = sides as [DiffSide, DiffSide];
  let failed = false;
  for (const side of [base, head]) {
    const { compiled } = side;
    if (!hasErrors(compiled.diagnostics) && compiled.artifact !== null) continue;
    failed = true;
    const texts = new Map(compiled.sources.map((source) => [source.path, source.text]));
    io.stderr(`The rules at ${side.label} have errors:\n\n`);
    io.stderr(`${renderDiagnostics(compiled.diagnostics, (file) => texts.get(file), io.stylize)}\n\n`);
    io.stderr(`${side.label}: ${summarizeDiagnostics(compiled.diagnostics, io.stylize)}\n`);
  }
  if (failed) {
    setExitCode(ExitCode.Failed);
    return;
  }
  const artifacts = { base: base.compiled.artifact!, head: head.compiled.artifact! };
  // Each side reads its own leadscore.yaml: the head's as_of (a head revision's own), the base's beside it.
  const { asOfMs, asOfSource } = resolveAsOf(options.asOf, (head.config?.config ?? config).asOf);

  // Each side reads its own leadscore.yaml: the fixtures are the head's, as its configuration names them.
  const fixtures = await readSideFixtures(head, context, (head.config?.config ?? config).fixtures);
  if (!fixtures.ok) throw new UsageError(fixtures.error);
  // Every population file is read with leadscore.yaml's input:, its own keys, then the flags: the same
  // options, resolved the same way, as `leadscore score` on that file.
  const inputFor = (entry?: PopulationSource) =>
    inputOptionsOrUsage(() => resolveInputOptions([config.input, entry], options));
  const sideChanges = {
    config:
      base.config !== null && head.config !== null ? diffConfig(base.config.text, head.config.text) : null,
    fixtures: await changedFixtures(base, context, fixtures.value),
    baseAsOf: baseAsOfOf(options.asOf, base.config?.config.asOf ?? null, asOfMs),
  };

  const engine = await openDiffEngine(options, tables);
  // Parquet population files are read by DuckDB, whichever engine scores them.
  const parquet = readsParquet(populationFiles)
    ? await openParquetReader(engine).catch(async (error: unknown) => {
        await engine?.close();
        throw error;
      })
    : null;
  // A database engine reads the population twice when leads moved: loading it, then for the moved leads.
  let reading = 0;
  const progress = populationProgress(io, (file) =>
    engine === null
      ? `scoring ${file} under both rulesets`
      : reading === 1
        ? `loading ${file} into ${options.engine}`
        : `reading ${file} again for the leads that moved`,
  );
  let streamed: StreamedDiff;
  try {
    // One pass: each lead is read, scored under both rulesets and let go (see diff/population-stream.ts).
    streamed = await streamDiff(
      {
        ...artifacts,
        asOf: asOfMs,
        baseLabel: base.label,
        headLabel: head.label,
        asOfSource,
        configChange: sideChanges.config,
        fixturesChanged: sideChanges.fixtures,
        ...(sideChanges.baseAsOf === null ? {} : { baseAsOf: sideChanges.baseAsOf }),
      },
      async (population) => {
        reading += 1;
        addFixtureLeads(fixtures.value, artifacts, population, inputFor());
        await addPopulationFiles(
          populationFiles,
          artifacts,
          {
            root: config.root,
            inputFor,
            ...(progress === null ? {} : { onProgress: progress.update }),
            ...(parquet === null ? {} : { parquet: parquet.reader }),
          },
          population,
        );
      },
      undefined,
      engine?.score,
    );
  } catch (error) {
    if (error instanceof PopulationFileError) throw new UsageError(error.message);
    throw error;
  } finally {
    progress?.clear();
    try {
      await parquet?.close();
    } finally {
      await engine?.close();
    }
  }
  const { report, lists } = streamed;
  try {
    if (options.fullReport !== undefined) {
      await writeDocumentTo(
        io,
        options.fullReport,
        fullDocument(report, options.format),
        lists,
        options.format,
      );
    }
    if (options.format === "markdown") {
      // The comment: only the first moved leads and rejects, which the report holds.
      const comment = renderDiffMarkdown(report, { fullReport: options.fullReport ?? null });
      if (options.out === undefined) io.stdout(comment);
      else await writeOutputFile(io, options.out, comment);
    } else {
      // Only the report printed on the terminal is styled; files never are.
      const stylize = options.out === undefined ? io.stylize : undefined;
      await writeDocumentTo(
        io,
        options.out ?? null,
        fullDocument(report, options.format, stylize),
        lists,
        options.format,
      );
    }
  } finally {
    streamed.dispose();
  }
  if (options.out !== undefined) {
    io.stderr(
      `Wrote the impact report to ${options.out}: ${plural(report.summary.leads, "lead")} scored, ` +
        `${count(report.summary.moved)} moved, ${plural(report.changes.length, "rule change")}.\n`,
    );
  }
}

/**
 * The progress bar while the population is read and scored under both rulesets: a phase per file and
 * step (reading its events, then its leads as `scoring` names the step), by bytes of the file.
 */
function populationProgress(
  io: CommandIO,
  scoring: (file: string) => string,
): { update(progress: PopulationProgress): void; clear(): void } | null {
  const bar = terminalProgress(io);
  if (bar === null) return null;
  let phase = "";
  return {
    update(progress) {
      const label =
        progress.phase === "events"
          ? `reading ${progress.file}`
          : progress.phase === "grouping"
            ? `grouping ${progress.file} by lead`
            : scoring(progress.file);
      if (label !== phase) {
        phase = label;
        bar.start(label, progress.totalBytes, "bytes");
      }
      bar.update(progress.bytes, progress.records);
    },
    clear: () => bar.clear(),
  };
}

/** Each side is a revision or a directory, never both; the base must be named, the head defaults to the working tree. */
function sideSpecs(
  baseRevision: string | null,
  headRevision: string | null,
  options: DiffOptions,
): { base: SideSpec; head: SideSpec | null } {
  if (baseRevision !== null && options.baseDir !== undefined) {
    if (headRevision === null && options.headDir === undefined) {
      // `diff --base-dir old main` reads naturally; the one revision is then the head.
      return { base: { directory: options.baseDir }, head: { revision: baseRevision } };
    }
    throw new UsageError("name the base either as a revision or with --base-dir, not both");
  }
  if (headRevision !== null && options.headDir !== undefined) {
    throw new UsageError("name the head either as a revision or with --head-dir, not both");
  }
  const base: SideSpec | null =
    options.baseDir !== undefined
      ? { directory: options.baseDir }
      : baseRevision !== null
        ? { revision: baseRevision }
        : null;
  if (base === null) {
    throw new UsageError("name the base: a git revision (leadscore diff main) or --base-dir <dir>");
  }
  const head: SideSpec | null =
    options.headDir !== undefined
      ? { directory: options.headDir }
      : headRevision !== null
        ? { revision: headRevision }
        : null;
  return { base, head };
}

/** The base's own `as_of` when it differs from the head's (and --as-of does not set both); else null. */
function baseAsOfOf(option: string | undefined, configured: string | null, headAsOf: number): number | null {
  if (option !== undefined || configured === null) return null;
  const asOfMs = parseInstant(configured);
  return Number.isNaN(asOfMs) || asOfMs === headAsOf ? null : asOfMs;
}

function resolveAsOf(
  option: string | undefined,
  configured: string | null,
): { asOfMs: number; asOfSource: DiffReport["asOfSource"] } {
  if (option !== undefined) {
    const asOfMs = parseInstant(option);
    if (Number.isNaN(asOfMs)) {
      throw new UsageError(
        `--as-of \`${option}\` is not an ISO-8601 time (for example 2026-11-01T00:00:00Z)`,
      );
    }
    return { asOfMs, asOfSource: "option" };
  }
  if (configured !== null) {
    const asOfMs = parseInstant(configured);
    if (!Number.isNaN(asOfMs)) return { asOfMs, asOfSource: "config" };
    throw new UsageError(`as_of \`${configured}\` in leadscore.yaml is not an ISO-8601 time`);
  }
  // Whole seconds: the report prints the instant, and a re-run within the second prints the same.
  return { asOfMs: Math.floor(Date.now() / 1000) * 1000, asOfSource: "now" };
}

/** The whole report in a format, nothing shortened: what --full-report, text and JSON output write. */
function fullDocument(report: DiffReport, format: DiffFormat, stylize?: Stylize): DocumentPart[] {
  switch (format) {
    case "json":
      return diffJsonDocument(report);
    case "text":
      return diffTextDocument(report, stylize);
    case "markdown":
      return diffMarkdownDocument(report);
  }
}

/** Streams a document to a file (replaced only once complete) or, for null, to stdout. */
async function writeDocumentTo(
  io: CommandIO,
  file: string | null,
  document: readonly DocumentPart[],
  lists: ReportLists,
  format: DiffFormat,
): Promise<void> {
  if (file === null) {
    // The text report is for people on a terminal: escaped like stderr; JSON has its own escaping.
    const sink = textSink(format === "text" ? (text) => printTextReport(io, text) : io.stdout);
    await writeDocument(document, lists, sink);
    await sink.close();
    return;
  }
  const out = await openOutputFile(io, file);
  try {
    await writeDocument(document, lists, out);
    await out.close();
  } finally {
    await out.discard();
  }
}

/** The working tree's files a diff reads: outputs must not replace them (a report over a rule file). */
async function workingTreeInputs(io: CommandIO, config: ProjectConfig): Promise<string[]> {
  const inRoot = (file: string) => path.resolve(config.root, file);
  const fixtures = await expandGlobs(config.root, config.fixtures, { within: null });
  return [
    inRoot(CONFIG_FILE),
    ...config.population.flatMap((entry) => [entry.leads, entry.events ?? entry.leads].map(inRoot)),
    ...fixtures.map(inRoot),
    ...(await ruleInputFiles(io, inRoot(config.rules))),
  ];
}
