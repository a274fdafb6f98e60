import { Option, type Command } from "commander";
import { addInputFlags } from "../input-flags.js";
import { RESULT_FORMATS } from "../../io/write-results.js";
import type { ScoreOptions } from "./score-action.js";
import type { RegisterCommand } from "./register.js";

const HELP = `
Results go to --out (default stdout), one line per lead in input order: the result's JSON (ndjson) or a
CSV row (id, model, fit, engagement, score, grade, bucket, excluded, actions, top_reasons). The format
follows --format, else the --out extension (.csv), else ndjson.

Leads are CSV (header = lead fields) or NDJSON (one lead per line, optionally with an "events" array),
chosen by extension (.csv, .ndjson, .jsonl) or --leads-format. --events is NDJSON with lead_id, type, at
and the event's properties, in any order: it is read whole before the leads are streamed, so memory grows
with the events file, never with the leads file.

A record that cannot be read or is invalid (wrong type, missing required field, unknown event type, bad
timestamp) is rejected with its record and line number; the rest is scored. With --rejects each reject is
one JSON line: {"record", "line", "source", "reason", "raw"}. Events whose lead_id is no lead of the file
are counted in the summary. The summary (stderr) always adds up: leads read = scored + rejected.
--summary writes it as JSON too; --json prints it as JSON instead of text.

With --previous (the results of an earlier run, as score writes them), each result gets a \`change\`:
{from, entered, left, scoreDelta, due, rulesChanged}; \`due\` is the as-of time plus the SLA of a routing
the lead just got. New leads enter from nothing; previous leads missing today are counted as gone. The
summary counts transitions per bucket pair and the routings due per team. --changes writes one record
per transition: {id, kind, from, to, score, actions (with due), due, because (the rules whose points
differ), rulesChanged, reason}. A previous record that cannot be read, has no id or repeats an id is a
reject; previous results scored by other rules are accepted and said.

--engine duckdb reads and validates the records exactly as the JS engine does (same rejects and reasons),
then scores the accepted leads with the ruleset's generated SQL in an embedded DuckDB: the same results.
It also reads .parquet leads and events (DuckDB reads them; leads are then typed like CSV cells, events
like NDJSON, and a record's line is its row number) and writes .parquet results (--out x.parquet or
--format parquet: the NDJSON results' keys as columns, nested values as JSON). With Parquet input, SQL
loads the records it proves the JS input layer would accept as they are; only the others are read by it.

--engine postgres --database <url> --leads-table T --events-table E --into R scores the leads inside
PostgreSQL and upserts the results into R (created if missing: the result columns, actions as JSONB, and
scored_at) in one transaction, writing only the rows whose result changed. Leads without an id or sharing
one are not scored, and counted. --dry-run writes nothing and prints one line per lead that would be
written: {id, kind (new|changed|gone), from, to, score: {from, to}}. The URL's password is never printed.
Rows of leads a run does not score are kept, marked with gone_at. --changes <file> compares with the
--into table as the previous run left it (or --previous-table <table>) and writes the transitions as
above (because is null: a results table holds no contributions).

Exit codes: 0 the run completed (even with rejects: they are data problems, reported), 1 the rules have
errors or --fail-on-reject and a record was rejected, 2 bad usage or an unreadable file.`;

export const registerScore: RegisterCommand = (program: Command, io, setExitCode) => {
  const command = program
    .command("score")
    .description("Score a file of leads: one result per lead; bad records are reported, never lost.")
    .option("--rules <dir|artifact.json>", "rule directory or compiled artifact", "rules")
    .option("--leads <file>", "the leads: .csv, .ndjson or .jsonl (.parquet: --engine duckdb)")
    .option("--events <file>", "events (NDJSON: lead_id, type, at, properties)")
    .option("--as-of <time>", "score as of this ISO-8601 time (default: now)")
    .option("-o, --out <file>", "write results here instead of stdout")
    .addOption(
      new Option("--format <format>", "result format (parquet: --engine duckdb)").choices([
        ...RESULT_FORMATS,
        "parquet",
      ]),
    )
    .option("--rejects <file>", "write every rejected record here (NDJSON)")
    .option("--summary <file>", "also write the summary here as JSON")
    .option("--json", "print the summary as JSON on stderr instead of text")
    .option("--fail-on-reject", "exit 1 when any record is rejected")
    .addOption(
      new Option("--engine <engine>", "score in JavaScript, an embedded DuckDB, or PostgreSQL").choices([
        "js",
        "duckdb",
        "postgres",
      ]),
    )
    .option("--memory-limit <size>", "DuckDB's memory limit, e.g. 4GB (--engine duckdb)")
    .option("--database <url>", "the PostgreSQL to score in, postgres://… (--engine postgres)")
    .option("--leads-table <table>", "the leads table, [schema.]table (--engine postgres)")
    .option("--events-table <table>", "the events table (--engine postgres)")
    .option("--into <table>", "the results table to upsert, created if missing (--engine postgres)")
    .option("--dry-run", "write nothing: print the leads --into would get, one JSON line each")
    .option(
      "--previous <results>",
      "an earlier run's results (NDJSON, .csv; .parquet: --engine duckdb): add what changed since then",
    )
    .option(
      "--previous-table <table>",
      "the results table to compare with (--engine postgres; default: the --into table before this run)",
    )
    .option("--changes <file>", "write one NDJSON record per transition (new, moved, gone leads)")
    .option(
      "--changes-only [min-score-change]",
      "write only the leads that moved bucket or actions (or whose score moved at least this much)",
    )
    .option("--verbose", "also print how CSV columns map to lead fields");
  addInputFlags(command)
    .addHelpText("after", HELP)
    .action(async (options: ScoreOptions) => {
      const { runScore } = await import("./score-action.js");
      await runScore(io, options, setExitCode);
    });
};
