import { formatInstant } from "../../eval/instant.js";
import { readsEvents } from "../../sql/relations.js";
import { relationProblem } from "../../sql/emit.js";
import type { SqlEngine } from "../../sql/engines/engine.js";
import { upsertStatements } from "../../sql/upsert.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import type { CommandIO } from "../io.js";
import { loadRulesOption } from "../rules-input.js";

export interface PostgresScoreOptions {
  rules: string;
  database?: string;
  leadsTable?: string;
  eventsTable?: string;
  into?: string;
  dryRun?: boolean;
  json?: boolean;
}

/** What a run wrote (or, with `--dry-run`, would write). */
export interface PostgresScoreSummary {
  asOf: string;
  leads: { table: string; read: number; scored: number; withoutId: number; sharingId: number };
  into: { table: string; inserted: number; updated: number; unchanged: number; dryRun: boolean };
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
  for (const [flag, name] of [
    ["--leads-table", tables.leads],
    ["--events-table", tables.events],
    ["--into", tables.into],
  ] as const) {
    const problem = name === undefined ? null : relationProblem(name, { dialect: "postgres", dbt: false });
    if (problem !== null) throw new UsageError(`${flag}: ${problem}`);
  }
  const artifact = await loadRulesOption(io, options.rules, setExitCode);
  if (artifact === null) return;
  if (readsEvents(artifact) && tables.events === undefined) {
    throw new UsageError("these rules read events: name their table with --events-table <table>");
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
  try {
    summary = await inTransaction(
      session,
      url,
      async () => {
        await session.run(statements.create);
        const check = (await session.query(statements.check))[0]!;
        const read = Number(check.read);
        const withoutId = Number(check.no_id);
        const sharingId = Number(check.repeated);
        const written = await session.query(options.dryRun ? statements.preview : statements.upsert);
        const inserted = written.filter((row) => row.inserted === true).length;
        if (options.dryRun) {
          for (const row of written) io.stdout(`${JSON.stringify(previewLine(row))}\n`);
        }
        const scored = read - withoutId - sharingId;
        return {
          asOf: formatInstant(asOfMs),
          leads: { table: tables.leads, read, scored, withoutId, sharingId },
          into: {
            table: tables.into,
            inserted,
            updated: written.length - inserted,
            unchanged: scored - written.length,
            dryRun: options.dryRun === true,
          },
        };
      },
      options.dryRun === true,
    );
  } finally {
    await session.close();
  }
  io.stderr(options.json ? `${JSON.stringify(summary, null, 2)}\n` : formatPostgresSummary(summary));
  if (summary.leads.scored === 0) setExitCode(ExitCode.Failed);
}

/** Runs the work in one transaction: committed, or rolled back on failure and always with `rollback`. */
async function inTransaction<T>(
  session: SqlEngine,
  url: string,
  work: () => Promise<T>,
  rollback: boolean,
): Promise<T> {
  await session.run("BEGIN");
  try {
    const result = await work();
    await session.run(rollback ? "ROLLBACK" : "COMMIT");
    return result;
  } catch (error) {
    await session.run("ROLLBACK").catch(() => undefined);
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

export function formatPostgresSummary(summary: PostgresScoreSummary): string {
  const { leads, into } = summary;
  const verb = into.dryRun ? "would be written" : "written";
  const lines = [
    `${leads.read} leads read from ${leads.table}: ${leads.scored} scored in PostgreSQL (as of ${summary.asOf})`,
    `  ${into.inserted + into.updated} ${verb} to ${into.table} (${into.inserted} new, ${into.updated} changed), ${into.unchanged} unchanged`,
  ];
  if (leads.withoutId + leads.sharingId > 0) {
    lines.push(
      `  not scored: ${leads.withoutId} without an id, ${leads.sharingId} sharing an id with another lead (one row per id)`,
    );
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
