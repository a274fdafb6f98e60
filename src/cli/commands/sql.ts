import { Option, type Command } from "commander";
import { DIALECTS } from "../../sql/dialect.js";
import type { RegisterCommand } from "./register.js";
import type { SqlCommandOptions } from "./sql-action.js";

const HELP = `
Writes one SQL statement (CTEs) over the leads and events relations that returns one row per lead: id,
model, fit, engagement, score, grade, bucket, excluded, actions (JSON), ruleset, version, content_hash, and
with --explain the contributions (JSON). It gives the same results as \`leadscore score\`.

The leads relation has id and one column per lead field; the events relation has lead_id, type, at (a
timestamp, UTC) and one column per event property. --leads / --events name tables (schema.table), or for
--dialect duckdb a .csv, .parquet, .ndjson or .jsonl file. With --dbt they name dbt models
({{ ref('…') }}), and a YAML file for the model is written next to --out.

--as-of fixes the scoring time; by default the query scores as of the time it runs (CURRENT_TIMESTAMP).
bigquery and snowflake SQL is generated and syntax-checked, but not executed by leadscore's own tests.`;

export const registerSql: RegisterCommand = (program: Command, io, setExitCode) => {
  program
    .command("sql")
    .description("Write the ruleset as SQL for DuckDB, PostgreSQL, BigQuery or Snowflake.")
    .option("--rules <dir|artifact.json>", "rule directory or compiled artifact", "rules")
    .addOption(new Option("--dialect <dialect>", "SQL dialect").choices(DIALECTS).makeOptionMandatory())
    .option("--leads <table|file>", "the leads relation", "leads")
    .option("--events <table|file>", "the events relation", "events")
    .option("--as-of <time>", "score as of this ISO-8601 time (default: when the query runs)")
    .option("--explain", "add the contributions (rule, location, points) as JSON")
    .option("--dbt", "write a dbt model (and its YAML) reading dbt models")
    .option("-o, --out <file>", "write the SQL here instead of stdout")
    .addHelpText("after", HELP)
    .action(async (options: SqlCommandOptions) => {
      const { runSql } = await import("./sql-action.js");
      await runSql(io, options, setExitCode);
    });
};
