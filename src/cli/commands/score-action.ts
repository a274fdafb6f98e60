import {
  ensureOutputDirectory,
  openOutputFile,
  refuseOutputsOverInputs,
  writeOutputFile,
} from "../output-files.js";
import { describeFileError } from "../../diagnostics/file-errors.js";
import { countBytes, terminalProgress, type ProgressBar } from "../progress-bar.js";
import { createReadStream } from "node:fs";
import { mkdtemp, open, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { scoreBatch, type BatchOptions, type BatchSummary, type RejectLine } from "../../batch/score-file.js";
import type { Artifact } from "../../compile/artifact.js";
import type { ScoreResult } from "../../eval/result.js";
import { batchScorerFor, bucketOrderOf, exclusionOrderOf } from "../../batch/scorer.js";
import { formatSummary } from "../../batch/summary.js";
import { RuleUsageTally } from "../../batch/rule-usage.js";
import { formatInstant, parseInstant } from "../../eval/instant.js";
import { readEventsByLead } from "../../io/read-events.js";
import type { ReadReject } from "../../io/read-item.js";
import { isParquet, parquetEvents, parquetLeads } from "../../batch/parquet-input.js";
import { parquetFastPath } from "../../batch/score-parquet-fast.js";
import type { SqlEngine } from "../../sql/engines/engine.js";
import {
  ndjsonOfParquetResults,
  ndjsonScratch,
  parquetResults as parquetResultsOf,
} from "../parquet-results.js";
import type { EventsLookup } from "../../io/event-lookup.js";
import type { ByteSource } from "../../io/read-item.js";
import { leadsFormatOf } from "../../io/leads-format.js";
import { InputFileError } from "../../io/column-plan.js";
import type { InputFlags } from "../../io/input-options.js";
import { emptyInputReport, readLeadRecords } from "../../io/lead-records.js";
import { refuseReadingFlagsWithTables, resolveCommandInput } from "../input-options-for-command.js";
import { Ruleset } from "../../eval/ruleset.js";
import { textSink } from "../../io/write-lines.js";
import { resultFormatter, type ResultFormat } from "../../io/write-results.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import { memoryLimitIsDuckDbs, openDuckDbSession } from "../duckdb-session.js";
import { openPreviousRun } from "./score-previous.js";
import { idText } from "../../io/read-leads.js";
import type { CommandIO } from "../io.js";
import { loadRulesOption } from "../rules-input.js";
import { jsonForTerminal } from "../terminal-text.js";

export interface ScoreOptions extends InputFlags {
  rules: string;
  leads?: string;
  events?: string;
  asOf?: string;
  out?: string;
  format?: ResultFormat | "parquet";
  rejects?: string;
  summary?: string;
  json?: boolean;
  failOnReject?: boolean;
  previous?: string;
  previousTable?: string;
  changes?: string;
  changesOnly?: boolean | string;
  verbose?: boolean;
  engine?: "js" | "duckdb" | "postgres";
  memoryLimit?: string;
  database?: string;
  leadsTable?: string;
  eventsTable?: string;
  into?: string;
  dryRun?: boolean;
}

/** Without a rejects file, the summary shows this many rejects. */
const REJECT_EXAMPLES = 5;

/** `leadscore score`: loaded only when the command runs (see score.ts). */
export async function runScore(
  io: CommandIO,
  options: ScoreOptions,
  setExitCode: (code: number) => void,
): Promise<void> {
  const asOfMs = options.asOf === undefined ? Date.now() : parseInstant(options.asOf);
  if (Number.isNaN(asOfMs)) {
    throw new UsageError(
      `--as-of \`${options.asOf}\` is not an ISO-8601 time (for example 2026-11-01T00:00:00Z)`,
    );
  }
  const engine = options.engine ?? "js";
  memoryLimitIsDuckDbs(engine, options.memoryLimit);
  if (engine === "postgres") {
    const files = (["leads", "events", "out"] as const).filter((k) => options[k] !== undefined);
    if (files.length > 0) {
      throw new UsageError(
        `--engine postgres reads --leads-table and --events-table and writes --into; leave out --${files[0]}`,
      );
    }
    if (options.previous !== undefined) {
      throw new UsageError(
        "--engine postgres compares with a results table: --previous-table <table> (default: the --into table)",
      );
    }
    if (options.changesOnly !== undefined) {
      throw new UsageError(
        "--engine postgres already writes only the results that changed into --into; leave out --changes-only",
      );
    }
    refuseReadingFlagsWithTables(options);
    const { runScoreInPostgres } = await import("./score-postgres.js");
    return runScoreInPostgres(io, options, asOfMs, setExitCode);
  }
  if (options.previousTable !== undefined) {
    throw new UsageError(
      "--previous-table is read by --engine postgres; a results file is --previous <file>",
    );
  }
  if (options.leads === undefined) {
    throw new UsageError(
      "required option '--leads <file>' not specified (--engine postgres reads --leads-table instead)",
    );
  }
  const leadsFile = options.leads;
  const input = await resolveCommandInput(io, leadsFile, options);
  const parquet = {
    leads: isParquet(leadsFile),
    events: options.events !== undefined && isParquet(options.events),
    previous: options.previous !== undefined && isParquet(options.previous),
    out:
      options.format === "parquet" ||
      (options.format === undefined && options.out !== undefined && isParquet(options.out)),
  };
  if (engine !== "duckdb" && (parquet.leads || parquet.events || parquet.previous || parquet.out)) {
    throw new UsageError("Parquet files are read and written by --engine duckdb");
  }
  if (parquet.out && options.out === undefined) throw new UsageError("Parquet results need --out <file>");
  const leadsFormat = parquet.leads ? "csv" : (input.format ?? leadsFormatOf(leadsFile));
  if (leadsFormat === null) {
    throw new UsageError(
      `cannot tell the format of \`${leadsFile}\` from its extension; name it .csv, .ndjson or .jsonl, or pass --leads-format`,
    );
  }
  // Parquet results are the NDJSON results converted by DuckDB at the end (see writeParquetResults).
  const format: ResultFormat =
    options.format === "parquet" || parquet.out
      ? "ndjson"
      : (options.format ?? (options.out?.toLowerCase().endsWith(".csv") ? "csv" : "ndjson"));
  await refuseOutputsOverInputs(
    io,
    [
      ["--out", options.out],
      ["--changes", options.changes],
      ["--rejects", options.rejects],
      ["--summary", options.summary],
    ],
    [leadsFile, options.events, options.rules, options.previous],
  );
  if (engine !== "js" && input.outcome !== undefined && input.outcome !== null) {
    throw new UsageError(
      "an outcome field (conversion rates) is counted by the js engine only; leave out --engine",
    );
  }

  // Inputs are opened first: a missing file is reported before any work is done.
  const leads = await openInput(io, leadsFile);
  const events =
    options.events === undefined ? null : await openInput(io, options.events).catch(closeFirst(leads));
  const artifact = await loadRulesOption(io, options.rules, setExitCode).catch(closeFirst(leads, events));
  if (artifact === null) {
    leads.close();
    events?.close();
    return;
  }

  // The summary is written last; its directory is made now, so a bad path fails before any work is done.
  if (options.summary !== undefined)
    await ensureOutputDirectory(io, options.summary).catch(closeFirst(leads, events));
  if (parquet.out) await ensureOutputDirectory(io, options.out!).catch(closeFirst(leads, events));
  const outFile =
    options.out === undefined || parquet.out
      ? null
      : await openOutputFile(io, options.out).catch(closeFirst(leads, events));
  const rejectsFile =
    options.rejects === undefined
      ? null
      : await openOutputFile(io, options.rejects).catch(async (error: unknown) => {
          await outFile?.discard();
          return closeFirst(leads, events)(error);
        });
  const database =
    engine === "duckdb"
      ? await openDuckDbSession(options.memoryLimit).catch(async (error: unknown) => {
          await outFile?.discard();
          await rejectsFile?.discard();
          return closeFirst(leads, events)(error);
        })
      : null;
  const parquetResults = parquet.out ? await ndjsonScratch() : null;
  const out = parquetResults?.sink ?? outFile ?? textSink(io.stdout);
  const examples: RejectLine[] = [];
  let rejectCount = 0;
  const onReject = (reject: RejectLine): void | Promise<void> => {
    rejectCount += 1;
    if (rejectsFile !== null) return rejectsFile.write(`${JSON.stringify(reject)}\n`);
    if (examples.length < REJECT_EXAMPLES) examples.push(reject);
  };

  // Parquet previous results are read as the NDJSON DuckDB writes of them, under the file's own name.
  const previousScratch =
    parquet.previous && database !== null
      ? await parquetPreviousAsNdjson(io, database, options.previous!).catch(async (error: unknown) => {
          await outFile?.discard();
          await rejectsFile?.discard();
          await database.close();
          return closeFirst(leads, events)(error);
        })
      : null;
  const previousRun = await openPreviousRun(io, options, {
    artifact,
    asOfMs,
    open: async (file) =>
      previousScratch === null
        ? openInput(io, file)
        : { ...(await openInput(io, previousScratch)), display: asNamed(file) },
    onReject: (reject) => {
      onReject(reject);
    },
  }).catch(async (error: unknown) => {
    await outFile?.discard();
    await rejectsFile?.discard();
    return closeFirst(leads, events)(error);
  });
  const progress = terminalProgress(io);
  const report = emptyInputReport(leadsFormat);
  const formatter = resultFormatter(format, { withChange: previousRun !== null });
  let summary: BatchSummary;
  let eventsIndex: EventsLookup | null = null;
  try {
    // Parquet in, nothing from a previous run: DuckDB reads the files and SQL takes the certain records.
    const fast =
      database !== null && parquet.leads && (events === null || parquet.events) && previousRun === null
        ? await parquetFastPath({
            engine: database,
            artifact,
            asOfMs,
            input,
            leads: { file: path.resolve(io.cwd, leadsFile), source: leads.display },
            events:
              events === null
                ? null
                : { file: path.resolve(io.cwd, options.events!), source: events.display },
            scorer: batchScorerFor(new Ruleset(artifact), asOfMs, input),
            inputReport: report,
            asOf: formatInstant(asOfMs),
            bucketOrder: bucketOrderOf(artifact),
            exclusionOrder: exclusionOrderOf(artifact),
            usage: new RuleUsageTally(artifact),
          })
        : null;
    let eventsInput = null;
    if (fast !== null) {
      if (formatter.header !== null) await out.write(formatter.header);
      // NDJSON results (also the scratch file of Parquet results) are written by SQL where it can prove
      // each line, as the bytes DuckDB made of them.
      ({ summary } = await fast.run({
        onResult: (result: ScoreResult) => out.write(formatter.line(result)),
        onReject,
        ...(format === "ndjson" ? { onLines: (lines: Uint8Array) => out.write(lines) } : {}),
      }));
    } else {
      if (events !== null) {
        progress?.start(`reading ${events.display}`, events.size, "bytes");
        const eventReject = ({ record, line, reason, raw }: ReadReject) =>
          onReject({ record, line, source: events.display, reason, raw });
        const index =
          parquet.events && database !== null
            ? await parquetEvents(
                database,
                path.resolve(io.cwd, options.events!),
                events.display,
                eventReject,
              )
            : await readEventsByLead(
                progress === null
                  ? events.source
                  : countBytes(events.source, (read) => progress.update(read)),
                eventReject,
                progress === null
                  ? {}
                  : {
                      // A big file in no order is then grouped by lead on disk: a phase of its own.
                      onGrouping: (grouped, total) => {
                        if (grouped === 0)
                          progress.start(`grouping ${events.display} by lead`, total, "bytes");
                        progress.update(grouped);
                      },
                    },
              );
        eventsIndex = index.byLead;
        eventsInput = { source: events.display, index };
      }
      const leadBytes = progressOfBytes(leads, progress, `scoring ${leads.display}`);
      if (formatter.header !== null) await out.write(formatter.header);
      const batch: BatchOptions = {
        scorer: batchScorerFor(new Ruleset(artifact), asOfMs, input),
        leads: readLeadRecords(
          {
            open: leadBytes.open,
            name: leads.display,
            format: leadsFormat,
            ...(parquet.leads && database !== null
              ? { table: await parquetLeads(database, path.resolve(io.cwd, leadsFile), leads.display) }
              : {}),
          },
          artifact.schema,
          input,
          report,
        ),
        inputReport: report,
        leadsSource: leads.display,
        events: eventsInput,
        asOf: formatInstant(asOfMs),
        bucketOrder: bucketOrderOf(artifact),
        exclusionOrder: exclusionOrderOf(artifact),
        onResult: (result) => {
          if (previousRun === null) return out.write(formatter.line(result));
          const line = previousRun.line(formatter, result);
          return line === null ? undefined : out.write(line);
        },
        onReject: (reject) => {
          if (previousRun !== null) {
            const id = idOfRaw(reject.raw);
            if (id !== null) previousRun.tracker.rejectedToday(id);
          }
          return onReject(reject);
        },
        ...(progress === null ? {} : { onProgress: (read) => progress.update(leadBytes.read(), read) }),
        outcome: input.outcome,
        usage: new RuleUsageTally(artifact),
      };
      summary =
        database === null ? await scoreBatch(batch) : await scoreInDuckDb(batch, artifact, asOfMs, database);
    }
    if (previousRun !== null) {
      await previousRun.finish();
      summary = { ...summary, transitions: previousRun.tracker.summary() };
    }
    await out.close();
    if (parquetResults !== null && database !== null) {
      await writeOutputFile(io, options.out!, await parquetResultsOf(database, parquetResults.file));
    }
    await rejectsFile?.close();
  } catch (error) {
    if (error instanceof InputFileError) throw new UsageError(error.message);
    throw error;
  } finally {
    progress?.clear();
    leads.close();
    events?.close();
    await database?.close();
    if (parquetResults !== null)
      await rm(path.dirname(parquetResults.file), { recursive: true, force: true });
    if (previousScratch !== null) await rm(path.dirname(previousScratch), { recursive: true, force: true });
    eventsIndex?.dispose();
    // A run that did not finish leaves the previous outputs as they were (no-ops after close).
    await outFile?.discard();
    await rejectsFile?.discard();
  }

  const rejects = { file: options.rejects === undefined ? null : asNamed(options.rejects), examples };
  io.stderr(
    options.json
      ? `${jsonForTerminal(summary)}\n`
      : formatSummary(summary, rejects, { verbose: options.verbose === true }),
  );
  if (options.summary !== undefined) {
    await writeOutputFile(io, options.summary, `${JSON.stringify(summary, null, 2)}\n`);
  }
  if (options.failOnReject && rejectCount > 0) setExitCode(ExitCode.Failed);
  // A run that scored nothing did not do its job, whatever the reason: it fails, and the summary says why.
  if (summary.leads.scored === 0) setExitCode(ExitCode.Failed);
}

/**
 * `--engine duckdb`: the same reading, validation and rejects as the JS engine (scoreBatch), then the
 * accepted leads scored by the generated SQL in an embedded DuckDB (loaded only here).
 */
async function scoreInDuckDb(
  batch: BatchOptions,
  artifact: Artifact,
  asOfMs: number,
  engine: SqlEngine,
): Promise<BatchSummary> {
  const { scoreBatchInDatabase } = await import("../../batch/score-in-database.js");
  // The progress bar follows the leads as they are read and checked (batch.onProgress), as for js.
  return scoreBatchInDatabase({ ...batch, engine, artifact, asOfMs });
}

/** Writes Parquet previous results as NDJSON to a scratch file of their own; returns its path. */
async function parquetPreviousAsNdjson(io: CommandIO, engine: SqlEngine, file: string): Promise<string> {
  const full = path.resolve(io.cwd, file);
  await stat(full).catch((error: unknown) => {
    throw new UsageError(`cannot read \`${file}\`: ${describeFileError(error)}`);
  });
  const directory = await mkdtemp(path.join(tmpdir(), "leadscore-previous-"));
  const scratch = path.join(directory, "previous.ndjson");
  try {
    await ndjsonOfParquetResults(engine, full, scratch, asNamed(file));
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  return scratch;
}

export interface OpenInput {
  source: ByteSource;
  /** The first call gives `source`; later ones read the file again from its start. */
  reopen(): ByteSource;
  display: string;
  /** The file's size in bytes, for the progress bar. */
  size: number;
  close(): void;
}

/**
 * A phase of the progress bar that follows the bytes read of a file: `open` reads the file counting them,
 * `read` says how many the last opening has read.
 */
export function progressOfBytes(
  input: OpenInput,
  progress: ProgressBar | null,
  label: string,
): { open: () => ByteSource; read: () => number } {
  if (progress === null) return { open: input.reopen, read: () => 0 };
  let read = 0;
  progress.start(label, input.size, "bytes");
  return {
    open: () =>
      countBytes(input.reopen(), (bytes) => {
        read = bytes;
      }),
    read: () => read,
  };
}

/** Closes already opened inputs when a later step fails, then lets the failure through. */
function closeFirst(...inputs: Array<OpenInput | null>): (error: unknown) => never {
  return (error) => {
    for (const input of inputs) input?.close();
    throw error;
  };
}

/** Opens a file to stream; a missing or unreadable file is a usage error (exit 2), reported up front. */
export async function openInput(io: CommandIO, file: string): Promise<OpenInput> {
  const full = path.resolve(io.cwd, file);
  let stream: Readable;
  let size = 0;
  try {
    const info = await stat(full);
    if (info.isDirectory()) throw new UsageError(`cannot read \`${file}\`: it is a directory`);
    size = info.size;
    stream = (await open(full, "r")).createReadStream({ highWaterMark: 256 * 1024 });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read \`${file}\`: ${describeFileError(error)}`);
  }
  const streams = [stream];
  const source = guardReads(stream, file);
  let opened = false;
  return {
    source,
    reopen() {
      if (!opened) {
        opened = true;
        return source;
      }
      const again = createReadStream(full, { highWaterMark: 256 * 1024 });
      streams.push(again);
      return guardReads(again, file);
    },
    display: asNamed(file),
    size,
    close: () => {
      for (const each of streams) each.destroy();
    },
  };
}

/** A read error in the middle of a file (a disk error, a file removed) is reported, not a stack trace. */
async function* guardReads(stream: Readable, file: string): ByteSource {
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    throw new UsageError(`cannot read \`${file}\`: ${describeFileError(error)}`);
  }
}

/** Files are named in rejects and the summary as the user named them (with `/` separators). */
export function asNamed(file: string): string {
  return file.split(path.sep).join("/");
}

/** The lead id of a rejected record read as fields (a reader's reject holds text, and no id). */
function idOfRaw(raw: unknown): string | null {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return null;
  return idText((raw as Record<string, unknown>).id);
}
