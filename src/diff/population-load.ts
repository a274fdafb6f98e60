/**
 * The population a rules change is measured on: the fixture leads (from the head side's fixture files)
 * and the lead files the project configuration names. Every record either joins the population or is
 * rejected with its place and reason — a lead must be valid under both rulesets to be compared, so a
 * record only one side accepts is rejected and says which side refused it. Nothing is dropped silently.
 */
import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import type { Artifact } from "../compile/artifact.js";
import { canonicalJson } from "../compile/hash.js";
import type { ByteSource } from "../io/read-item.js";
import { readEventsByLead } from "../io/read-events.js";
import { describeLeadIssue, joinEvents } from "../io/event-lookup.js";
import { leadsFormatOf } from "../io/leads-format.js";
import { InputFileError } from "../io/column-plan.js";
import { resolveInputOptions, type InputOptions } from "../io/input-options.js";
import { emptyInputReport, readLeadRecords, type InputReport } from "../io/lead-records.js";
import { LeadPreparer } from "../io/prepare-lead.js";
import { InputValidator, type ValidationIssue } from "../eval/validate-input.js";
import type { PopulationSource } from "../project/config.js";
import type { PopulationLead } from "./population.js";
import type { PopulationSourceSummary, RejectedRecord, SourceOutcome } from "./report/model.js";
import { parseFixtureText } from "../fixtures/parse.js";
import { readOutcome } from "../batch/conversion.js";
import type { ParquetFiles } from "../batch/parquet-certain.js";
import { isParquet, parquetEvents, parquetLeads, type RowFilter } from "../batch/parquet-input.js";
import type { SqlEngine } from "../sql/engines/engine.js";

/**
 * Where the population goes as it is read: every lead valid under both sides, every rejected record, and
 * a summary per source. Leads are handed over one at a time, in input order, so a caller can score each
 * and let it go (diff/population-stream.ts) or keep them all (LoadedPopulation).
 */
export interface PopulationSink {
  /** A promise it returns is awaited before the next lead is read (a database loading them). */
  leads: { push(lead: PopulationLead): unknown };
  sources: PopulationSourceSummary[];
  rejects: { push(reject: RejectedRecord): unknown };
  /** A database that takes the records of a Parquet file it can decide itself (population-database.ts). */
  parquet?: ParquetSink;
}

/**
 * Takes part of a Parquet population file in the database: the records SQL can prove the input layer
 * accepts as they are, with their events (batch/parquet-certain.ts). The input layer reads the rest.
 */
export interface ParquetSink {
  /**
   * Called before a Parquet file (with Parquet events, or none) is read, with the options it is read with;
   * null when the database takes none of it (every record is then read here).
   */
  begin(files: ParquetFiles, input: InputOptions): Promise<ParquetPortion | null>;
}

export interface ParquetPortion {
  /** The rows the input layer reads (parquet-input.ts filters): leads, and events filed for them. */
  leadRows: RowFilter;
  eventRows: RowFilter;
  /** Lead records the database took (accepted), and the events file's records in all. */
  taken: number;
  eventsRead: number;
  /** Called when the input layer has read its part of the file. */
  end(): Promise<void>;
}

/** The whole population in memory: for small populations (fixture commands, tests). */
export interface LoadedPopulation extends PopulationSink {
  leads: PopulationLead[];
  rejects: RejectedRecord[];
}

/**
 * Judges a lead under both rulesets. Leads are prepared (and so validated) with the head's schema first:
 * only a lead the head accepts is judged here, so the base is all that is left to ask — and nothing at
 * all when both sides declare the same schema (the common case: no second validation per lead).
 */
class BothSides {
  readonly #base: InputValidator | null;

  constructor(base: Artifact, head: Artifact) {
    this.#base = sameSchemas(base, head) ? null : new InputValidator(base.schema);
  }

  /**
   * The reason a lead the head's schema accepts cannot be compared, or null when the base accepts it too.
   * `times`: its events' times, as the head's preparation read them (PreparedLead.times).
   */
  problem(lead: unknown, events: unknown, times: readonly number[]): string | null {
    if (this.#base === null) return null;
    const issues = this.#base.validate(lead, events, times);
    return issues.length === 0 ? null : `under the base rules: ${describeIssues(issues)}`;
  }
}

function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues
    .map((issue) => (issue.path === "" ? issue.reason : `${issue.path}: ${issue.reason}`))
    .join("; ");
}

export interface FixtureText {
  /** The fixture file's path as the user reads it. */
  file: string;
  text: string;
}

/**
 * Adds the fixture cases to the population, prepared as `leadscore test` prepares them (same input layer:
 * a key that is no lead field is a problem); each is scored as of its own `as_of` when it has one.
 */
export function addFixtureLeads(
  fixtures: readonly FixtureText[],
  sides: { base: Artifact; head: Artifact },
  into: PopulationSink,
  input: InputOptions = resolveInputOptions([]),
): void {
  const judge = new BothSides(sides.base, sides.head);
  const preparer = new LeadPreparer(sides.head.schema, { ...input, strictKeys: true });
  for (const { file, text } of fixtures) {
    const parsed = parseFixtureText(text, file);
    const summary: PopulationSourceSummary = {
      source: file,
      read: 0,
      accepted: 0,
      rejected: 0,
      asOf: parsed.asOf,
    };
    into.sources.push(summary);
    for (const problem of parsed.problems) {
      into.rejects.push({ source: `${file}:${problem.line}`, reason: problem.message });
      summary.rejected += 1;
      summary.read += 1;
    }
    for (const fixtureCase of parsed.cases) {
      summary.read += 1;
      const source = `${file}:${fixtureCase.line}`;
      const prepared = preparer.prepare(fixtureCase.lead, fixtureCase.events, false);
      const problem =
        fixtureCase.problems.length > 0
          ? fixtureCase.problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join("; ")
          : prepared.issues.length > 0
            ? describeIssues(prepared.issues)
            : judge.problem(prepared.lead, prepared.events, prepared.times);
      if (problem !== null) {
        into.rejects.push({ source, reason: problem });
        summary.rejected += 1;
        continue;
      }
      summary.accepted += 1;
      const lead: PopulationLead = {
        lead: prepared.lead,
        events: prepared.events,
        times: prepared.times,
        source,
      };
      if (fixtureCase.asOfMs !== null) lead.asOf = fixtureCase.asOfMs;
      into.leads.push(lead);
    }
  }
}

export interface PopulationFileOptions {
  /** Where relative file names in the configuration are read from. */
  root: string;
  /** Opens a file for reading (tests and callers may read from elsewhere than the disk). */
  open?: (file: string) => ByteSource;
  /**
   * How each entry is read: leadscore.yaml's `input:`, the entry's own keys, then the command's flags.
   * Default: the entry's own keys.
   */
  inputFor?: (entry: PopulationSource) => InputOptions;
  /** Called as records are read (every 1,000 records and at the end of each file): for a progress line. */
  onProgress?: (progress: PopulationProgress) => void;
  /** The DuckDB session that reads Parquet population files (`.parquet`); without one they are refused. */
  parquet?: SqlEngine;
}

/** How far reading the population has come, per file: what a progress line with an ETA needs. */
export interface PopulationProgress {
  /**
   * `events`: an events file is read whole before its leads; `grouping`: then its events are grouped by
   * lead on disk (a big file in no order), `bytes` of `totalBytes` of them so far; `leads`: leads are
   * read and scored.
   */
  phase: "events" | "grouping" | "leads";
  /** The file as leadscore.yaml names it. */
  file: string;
  /** Records read from this file so far (none while grouping: it counts no records of its own). */
  records?: number;
  /** Bytes read from this file so far, and its size (null when not known: not a regular file). */
  bytes: number;
  totalBytes: number | null;
}

const PROGRESS_EVERY = 1000;

/** A file's bytes as they are read, counted for progress. */
async function* counted(source: ByteSource, onBytes: (bytes: number) => void): ByteSource {
  for await (const chunk of source) {
    onBytes(typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength);
    yield chunk;
  }
}

function sizeOf(file: string): number | null {
  try {
    const stats = statSync(file);
    return stats.isFile() ? stats.size : null;
  } catch {
    return null;
  }
}

/** Opens a population file, counting its bytes and records for `onProgress` (when given). */
function progressOf(
  options: PopulationFileOptions,
  open: (file: string) => ByteSource,
  phase: PopulationProgress["phase"],
  name: string,
): {
  open: () => ByteSource;
  record: () => void;
  grouping: (grouped: number, total: number) => void;
  done: () => void;
} {
  const full = path.resolve(options.root, name);
  const report = options.onProgress;
  if (report === undefined) {
    return {
      open: () => open(full),
      record: () => undefined,
      grouping: () => undefined,
      done: () => undefined,
    };
  }
  const state: PopulationProgress & { records: number } = {
    phase,
    file: name,
    records: 0,
    bytes: 0,
    totalBytes: null,
  };
  let grouping: PopulationProgress | null = null;
  return {
    open: () => {
      // A file read twice (keep-last duplicates read the ids first) counts from its start again.
      state.bytes = 0;
      state.totalBytes = options.open === undefined ? sizeOf(full) : null;
      return counted(open(full), (bytes) => {
        state.bytes += bytes;
      });
    },
    record: () => {
      state.records += 1;
      if (state.records % PROGRESS_EVERY === 0) report({ ...state });
    },
    grouping: (grouped, total) => {
      grouping = { phase: "grouping", file: name, bytes: grouped, totalBytes: total };
      report(grouping);
    },
    // After grouping, the file's last word is the grouping's (its reading was over before).
    done: () => report(grouping ?? { ...state }),
  };
}

function openFile(file: string): ByteSource {
  return createReadStream(file, { highWaterMark: 64 * 1024 });
}

/**
 * Adds the leads of the configured population files, read by the same input layer as `leadscore score`
 * (column mapping, placeholders, epoch unit, duplicates): records are prepared with the head ruleset's
 * schema (the rules under review), then judged under both rulesets. An unreadable file, or one whose
 * header cannot be mapped, rejects with an error the caller reports as bad input.
 */
export async function addPopulationFiles(
  population: readonly PopulationSource[],
  sides: { base: Artifact; head: Artifact },
  options: PopulationFileOptions,
  into: PopulationSink,
): Promise<void> {
  const judge = new BothSides(sides.base, sides.head);
  const open = options.open ?? openFile;
  for (const entry of population) {
    const input = options.inputFor?.(entry) ?? resolveInputOptions([entry]);
    const parquet = {
      leads: isParquet(entry.leads),
      events: entry.events !== undefined && isParquet(entry.events),
    };
    // Parquet leads are mapped and typed as CSV cells are (batch/parquet-input.ts).
    const format = parquet.leads ? "csv" : (input.format ?? leadsFormatOf(entry.leads));
    if (format === null) {
      throw new PopulationFileError(
        `cannot read \`${entry.leads}\`: leads files are .csv, .ndjson, .jsonl or .parquet`,
      );
    }
    const reader = options.parquet;
    if ((parquet.leads || parquet.events) && reader === undefined) {
      throw new PopulationFileError(
        `cannot read \`${parquet.leads ? entry.leads : entry.events}\`: Parquet files are read by DuckDB, which is not installed`,
      );
    }
    const full = (name: string) => path.resolve(options.root, name);
    // The database may take the records it can decide (a Parquet file with Parquet events, or none).
    const portion =
      parquet.leads && (entry.events === undefined || parquet.events) && into.parquet !== undefined
        ? await guard(entry.leads, () =>
            into.parquet!.begin(
              {
                leads: { file: full(entry.leads), source: entry.leads },
                events:
                  entry.events === undefined ? null : { file: full(entry.events), source: entry.events },
              },
              input,
            ),
          )
        : null;
    let events: Awaited<ReturnType<typeof readEventsByLead>> | null = null;
    if (entry.events !== undefined) {
      const eventsFile = entry.events;
      const summary: PopulationSourceSummary = { source: eventsFile, read: 0, accepted: 0, rejected: 0 };
      const progress = progressOf(options, open, "events", eventsFile);
      const onReject = (reject: { line: number; reason: string }) => {
        into.rejects.push({ source: `${eventsFile} line ${reject.line}`, reason: reject.reason });
      };
      events = await guard(eventsFile, () =>
        parquet.events
          ? parquetEvents(reader!, full(eventsFile), eventsFile, onReject, portion?.eventRows ?? null)
          : readEventsByLead(progress.open(), onReject, {
              onRecord: progress.record,
              onGrouping: progress.grouping,
            }),
      );
      progress.done();
      // The events the database filed are no rejects: every event without a usable lead id is read here.
      summary.read = portion === null ? events.read : portion.eventsRead;
      summary.rejected = events.rejected;
      summary.accepted = summary.read - summary.rejected;
      into.sources.push(summary);
    }
    const summary: PopulationSourceSummary = { source: entry.leads, read: 0, accepted: 0, rejected: 0 };
    // Counted as the leads stream by: complete when the file is read.
    const outcome: SourceOutcome | null =
      input.outcome === null
        ? null
        : { column: input.outcome.column, missing: 0, unreadable: 0, unreadableExamples: [] };
    if (outcome !== null) summary.outcome = outcome;
    into.sources.push(summary);
    const report = emptyInputReport(format);
    const preparer = new LeadPreparer(sides.head.schema, input);
    const progress = progressOf(options, open, "leads", entry.leads);
    const file = {
      open: progress.open,
      name: entry.leads,
      format,
      ...(parquet.leads
        ? {
            table: await guard(entry.leads, () =>
              parquetLeads(reader!, full(entry.leads), entry.leads, portion?.leadRows ?? null),
            ),
          }
        : {}),
    };
    // An events file too big to hold is indexed on disk (see io/read-events.ts): removed once read.
    await guard(entry.leads, async () => {
      try {
        await addLeads();
      } finally {
        events?.byLead.dispose();
      }
      if (portion !== null) {
        summary.read += portion.taken;
        summary.accepted += portion.taken;
        await portion.end();
      }
    });
    async function addLeads(): Promise<void> {
      for await (const item of readLeadRecords(file, sides.head.schema, input, report)) {
        summary.read += 1;
        progress.record();
        const source = `${entry.leads} record ${item.record} (line ${item.line})`;
        if (item.kind === "reject") {
          into.rejects.push({ source, reason: item.reason });
          summary.rejected += 1;
          continue;
        }
        const record = item.value;
        const { events: leadEvents, filed } = joinEvents(record.id, record.events, events?.byLead);
        const prepared = preparer.prepare(record.fields, leadEvents, record.fromText, true);
        // In the words of `leadscore score`: an event from the events file names its line there.
        const problem =
          prepared.issues.length > 0
            ? prepared.issues
                .map((issue) => describeLeadIssue(issue, record.events.length, filed, entry.events))
                .join("; ")
            : judge.problem(prepared.lead, prepared.events, prepared.times);
        if (problem !== null) {
          into.rejects.push({ source, reason: problem });
          summary.rejected += 1;
          continue;
        }
        summary.accepted += 1;
        const lead: PopulationLead = {
          lead: prepared.lead,
          events: prepared.events,
          times: prepared.times,
          source,
        };
        if (outcome !== null) lead.outcome = outcomeOf(record.outcome, input, outcome);
        // The database numbers the leads of a file it takes part of by their records.
        if (portion !== null) lead.record = item.record;
        const loading = into.leads.push(lead);
        if (loading instanceof Promise) await loading;
      }
    }
    progress.done();
    const warnings = inputWarnings(report);
    if (warnings.length > 0) summary.warnings = warnings;
  }
}

const UNREADABLE_EXAMPLES = 5;

/** The lead's outcome read as `score --outcome` reads it; a missing or unreadable one is counted. */
function outcomeOf(value: unknown, input: InputOptions, into: SourceOutcome): boolean | null {
  const converted = readOutcome(value, input.outcome!);
  if (converted !== null) return converted;
  const text = value === undefined || value === null ? "" : String(value).trim();
  if (text === "") into.missing += 1;
  else {
    into.unreadable += 1;
    if (into.unreadableExamples.length < UNREADABLE_EXAMPLES && !into.unreadableExamples.includes(text))
      into.unreadableExamples.push(text);
  }
  return null;
}

/** What reading a file found that is no single record's fault, in the words of `leadscore score`. */
function inputWarnings(report: InputReport): string[] {
  const warnings = [...report.warnings];
  const unknown = Object.entries(report.unknownKeys);
  if (unknown.length > 0)
    warnings.push(
      `keys that are no lead field, ignored: ${unknown
        .map(
          ([key, { records, suggestion }]) =>
            `\`${key}\` (${records})${suggestion === null ? "" : ` did you mean \`${suggestion}\`?`}`,
        )
        .join(", ")}`,
    );
  const { duplicates } = report;
  if (duplicates.records > 0)
    warnings.push(
      `${duplicates.records} records repeat the id of another (${duplicates.examples.join(", ")}${duplicates.ids > duplicates.examples.length ? ", …" : ""}): rejected as duplicates`,
    );
  return warnings;
}

/** Whether a population names a Parquet file: its reader (`options.parquet`) is then a DuckDB session. */
export function readsParquet(population: readonly PopulationSource[]): boolean {
  return population.some(
    (entry) => isParquet(entry.leads) || (entry.events !== undefined && isParquet(entry.events)),
  );
}

/**
 * Whether both rulesets declare the same lead and event schema: then a lead the head accepts, the base
 * accepts too, with no second validation — and the database may take a file's records for both sides.
 */
export function sameSchemas(base: Artifact, head: Artifact): boolean {
  return canonicalJson(base.schema) === canonicalJson(head.schema);
}

/** A population file that cannot be read at all (missing, unreadable): bad input, not a bad record. */
export class PopulationFileError extends Error {
  override readonly name = "PopulationFileError";
}

/**
 * Thrown by a sink that has every lead it needs (a second reading for a few leads): the reading stops
 * there, its files closed. Not an error of the file: it passes through as it is.
 */
export class StopReading extends Error {}

async function guard<T>(file: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof StopReading) throw error;
    if (error instanceof InputFileError) throw new PopulationFileError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file or directory" : (code ?? (error as Error).message);
    throw new PopulationFileError(`cannot read \`${file}\`: ${reason}`);
  }
}
