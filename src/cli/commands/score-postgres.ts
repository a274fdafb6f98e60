import { trackTableTransitions } from "../../batch/previous-table.js";
import type { RejectLine } from "../../batch/score-file.js";
import { formatTransitions } from "../../batch/summary.js";
import type { TransitionRecord, TransitionSummary } from "../../batch/transitions.js";
import { formatInstant } from "../../eval/instant.js";
import { readsEvents } from "../../sql/relations.js";
import type { SqlEngine } from "../../sql/engines/engine.js";
import { upsertStatements } from "../../sql/upsert.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import type { CommandIO } from "../io.js";
import { ensureOutputDirectory, refuseOutputsOverInputs, writeOutputFile } from "../output-files.js";
import { loadRulesOption } from "../rules-input.js";
import { changeLine } from "./score-previous.js";
import { refuseBadRelations } from "../relation-options.js";
import { EVENTS_TABLE_NEEDED, leadTableCounts } from "../../sql/lead-table.js";
import { jsonForTerminal } from "../terminal-text.js";

/** The summary shows this many of the previous table's rejected rows. */
const REJECT_EXAMPLES = 5;

export interface PostgresScoreOptions {
  rules: string;
  database?: string;
  leadsTable?: string;
  eventsTable?: string;
  into?: string;
  dryRun?: boolean;
  json?: boolean;
  /** The results table to compare with (default: `--into` as it was before this run). */
  previousTable?: string;
  /** Write one transition per line here; turns the comparison on, with `--into` as the previous table. */
  changes?: string;
}

/** What a run wrote (or, with `--dry-run`, would write). */
export interface PostgresScoreSummary {
  asOf: string;
  leads: { table: string; read: number; scored: number; withoutId: number; sharingId: number };
  into: {
    table: string;
    inserted: number;
    updated: number;
    unchanged: number;
    /** Rows of leads this run did not score, marked with `gone_at` (kept, never deleted). */
    gone: number;
    dryRun: boolean;
  };
  /** With `--previous-table` or `--changes`: what changed since the previous table's results. */
  transitions?: TransitionSummary;
}

/**
 * `score --engine postgres --database <url> --leads-table … --events-table … --into <table>`: the ruleset
 * scored by its generated SQL inside PostgreSQL, and the results upserted into `--into` in one
 * transaction, only the rows whose result changed (sql/upsert.ts). `--dry-run` writes nothing: it prints
 * one JSON line per lead that would be written, and the same summary.
 */
export async function runScoreInPostgres(
  io: CommandIO,
  options: PostgresScoreOptions,
  asOfMs: number,
  setExitCode: (code: number) => void,
): Promise<void> {
  if (options.database === undefined)
    throw new UsageError("--engine postgres needs --database <postgres://…>");
  if (options.leadsTable === undefined || options.into === undefined) {
    throw new UsageError("--engine postgres needs --leads-table <table> and --into <table>");
  }
  const tables = { leads: options.leadsTable, events: options.eventsTable, into: options.into };
  const compare = options.previousTable !== undefined || options.changes !== undefined;
  const previousTable = options.previousTable ?? options.into;
  refuseBadRelations(
    [
      ["--leads-table", tables.leads],
      ["--events-table", tables.events],
      ["--into", tables.into],
      ["--previous-table", options.previousTable],
    ],
    { dialect: "postgres", dbt: false, tablesOnly: true },
  );
  if (options.changes !== undefined) {
    await refuseOutputsOverInputs(io, [["--changes", options.changes]], [options.rules]);
    await ensureOutputDirectory(io, options.changes);
  }
  const artifact = await loadRulesOption(io, options.rules, setExitCode);
  if (artifact === null) return;
  if (readsEvents(artifact) && tables.events === undefined) {
    throw new UsageError(EVENTS_TABLE_NEEDED);
  }
  const statements = upsertStatements(
    artifact,
    { leads: tables.leads, events: tables.events ?? tables.leads, into: tables.into },
    asOfMs,
  );

  const url = options.database;
  const { openPostgres } = await import("../../sql/engines/postgres.js");
  const session = await openPostgres(url).catch((error: unknown) => {
    throw new UsageError(`cannot connect to PostgreSQL at ${redactedUrl(url)}: ${redacted(error, url)}`);
  });
  let summary: PostgresScoreSummary;
  let changes = null as TransitionRecord[] | null;
  const examples: RejectLine[] = [];
  try {
    summary = await inTransaction(
      session,
      url,
      async () => {
        await session.run(statements.create);
        await session.run(statements.addGoneAt);
        const { read, withoutId, sharingId, scored } = leadTableCounts(
          (await session.query(statements.check))[0]!,
        );
        await session.run(statements.settings);
        await session.run(sharingId === 0 ? statements.stageUnshared : statements.stage);
        // The previous table is read before the upsert writes it (it is often the --into table itself).
        const tracker = compare
          ? await trackTableTransitions({
              session,
              artifact,
              asOfMs,
              previous: previousTable,
              scored,
              sharedIds:
                sharingId === 0
                  ? []
                  : (await session.query(statements.sharedIds)).map((row) => String(row.id)),
              keepRecords: options.changes !== undefined,
              onReject: ({ record, line, reason, raw }) => {
                if (examples.length < REJECT_EXAMPLES)
                  examples.push({ record, line, source: previousTable, reason, raw });
              },
            })
          : null;
        const written = await session.query(options.dryRun ? statements.preview : statements.upsert);
        const inserted = written.filter((row) => row.inserted === true).length;
        const gone = await session.query(options.dryRun ? statements.gonePreview : statements.gone);
        if (options.dryRun) {
          for (const row of written) io.stdout(`${JSON.stringify(previewLine(row))}\n`);
          for (const row of gone) io.stdout(`${JSON.stringify(goneLine(row))}\n`);
        }
        if (tracker !== null && options.changes !== undefined) changes = tracker.records();
        return {
          asOf: formatInstant(asOfMs),
          leads: { table: tables.leads, read, scored, withoutId, sharingId },
          into: {
            table: tables.into,
            inserted,
            updated: written.length - inserted,
            unchanged: scored - written.length,
            gone: gone.length,
            dryRun: options.dryRun === true,
          },
          ...(tracker === null ? {} : { transitions: tracker.summary() }),
        };
      },
      options.dryRun === true,
    );
  } finally {
    await session.close();
  }
  if (options.changes !== undefined && changes !== null)
    await writeOutputFile(io, options.changes, changes.map(changeLine).join(""));
  io.stderr(options.json ? `${jsonForTerminal(summary)}\n` : formatPostgresSummary(summary, examples));
  if (summary.leads.scored === 0) setExitCode(ExitCode.Failed);
}

/** Runs the work in one transaction: committed, or rolled back on failure and always with `rollback`. */
async function inTransaction<T>(
  session: SqlEngine,
  url: string,
  work: () => Promise<T>,
  rollback: boolean,
): Promise<T> {
  try {
    return await session.transaction!(work, { rollback });
  } catch (error) {
    // The database's own words (a missing table or column, a type it cannot cast): bad input, exit 2.
    throw new UsageError(`PostgreSQL refused the scoring statement: ${redacted(error, url)}`);
  }
}

function previewLine(row: Record<string, unknown>) {
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    id: row.id,
    kind: row.inserted === true ? "new" : "changed",
    from: row.inserted === true ? null : (row.from_bucket ?? null),
    to: row.to_bucket ?? null,
    score: { from: number(row.from_score), to: number(row.to_score) },
  };
}

function goneLine(row: Record<string, unknown>) {
  return {
    id: row.id,
    kind: "gone",
    from: row.bucket ?? null,
    to: null,
    score: { from: row.score === null || row.score === undefined ? null : Number(row.score), to: null },
  };
}

export function formatPostgresSummary(
  summary: PostgresScoreSummary,
  rejects: readonly RejectLine[] = [],
): string {
  const { leads, into } = summary;
  const verb = into.dryRun ? "would be written" : "written";
  const lines = [
    `${leads.read} leads read from ${leads.table}: ${leads.scored} scored in PostgreSQL (as of ${summary.asOf})`,
    `  ${into.inserted + into.updated} ${verb} to ${into.table} (${into.inserted} new, ${into.updated} changed), ${into.unchanged} unchanged`,
  ];
  if (into.gone > 0) {
    const rows = into.gone === 1 ? "row" : "rows";
    lines.push(
      `  ${into.gone} ${rows} of leads not scored this run ${into.dryRun ? "would be marked" : "marked"} gone (gone_at; kept)`,
    );
  }
  if (leads.withoutId + leads.sharingId > 0) {
    lines.push(
      `  not scored: ${leads.withoutId} without an id, ${leads.sharingId} sharing an id with another lead (one row per id)`,
    );
  }
  if (summary.transitions !== undefined) lines.push(...formatTransitions(summary.transitions));
  const rejected = summary.transitions?.previous?.rejected ?? 0;
  if (rejected > 0) {
    const shown = rejects.length < rejected ? `first ${rejects.length} of ${rejected}` : `${rejected}`;
    lines.push(`  rejects (${shown}):`);
    for (const reject of rejects) lines.push(`    ${reject.source} row ${reject.record}: ${reject.reason}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The URL as it may be printed: never its password. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return "the --database URL";
  }
}

/** An error's first line, with the URL's password taken out wherever it appears. */
export function redacted(error: unknown, url: string): string {
  let message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
  let password = "";
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    // Not a URL: nothing to take out but the text itself.
    message = message.split(url).join("the --database URL");
  }
  if (password !== "") message = message.split(password).join("***");
  return message;
}
