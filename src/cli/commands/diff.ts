import { Option, type Command } from "commander";
import type { DiffOptions } from "./diff-action.js";
import { DIFF_FORMATS } from "./choices.js";
import type { RegisterCommand } from "./register.js";
import { addInputFlags } from "../input-flags.js";

const HELP = `
<base> and <head> are git revisions (a branch, tag or commit: read from git, never checked out); <head>
defaults to the working tree. A directory of rule files is compared only when named with --base-dir or
--head-dir: a revision argument that names a directory is an error, so a directory added by a pull request
can never pose as the base. The rules directory is \`rules\` in leadscore.yaml (default rules/).

The population scored under both rulesets: the fixture leads of the head side (\`fixtures\` in
leadscore.yaml; each scored as of its file's \`as_of\`) and the lead files under \`population\` in
leadscore.yaml, as of --as-of, else \`as_of\` in leadscore.yaml, else now. Population files are read as
\`leadscore score\` reads them: with the keys of their entry (columns, missing_values, delimiter, epoch,
on_duplicate, …), over those under \`input:\`, under the reading flags given here. A record that is invalid under
either ruleset is counted and listed as rejected, never dropped silently.

The report: leads per bucket before and after, the transition matrix, every lead whose bucket or action
changed with the rule changes that moved it, the distribution of score changes, and the semantic diff of
the rules (rules, buckets, grades, exclusions, models, lists — not a text diff). --format markdown is the
pull-request comment: it starts with \`<!-- leadscore-diff -->\` and stays under 60,000 characters,
shortening long sections (the full report goes to --full-report).

Outcomes: when a population file has an outcome column (\`outcome:\` of its entry in leadscore.yaml, or
--outcome), the report adds conversion per bucket before and after (with 95% Wilson intervals), what the
leads each team gains and loses converted at, and AUC before → after with a verdict: better or worse when
the 95% interval of the difference (DeLong's test for two rankings of the same leads) excludes 0, else no
measurable difference.

--engine duckdb (an embedded DuckDB) or --engine postgres --database <url> (temporary tables of that
session): the population is read and rejected as for js, loaded into the database, and both rulesets'
SQL scores it in one query per as-of time, counting the leads per pair of results (GROUP BY); the leads
that moved are read again and scored in JavaScript for the changes that moved them. The report is the js
engine's, byte for byte.

--engine postgres --database <url> --leads-table T [--events-table E]: the population is these tables
of the database (in place of the population files; fixture leads still first), read as \`score --engine
postgres --leads-table\` reads them: columns named as the fields, a lead is a row with an id of its own
(rows without an id or sharing one are not scored, and listed as rejects), events filed by lead_id
(events without a lead_id, time or type are rejected). Leads are taken in id order (bytewise), each one's
events in time order. Nothing is written to the tables.

Population files may be .parquet (leads, and events or none), read by DuckDB on every engine. On --engine
duckdb, SQL takes the records it can prove valid straight into its tables: only the others, and the leads
that moved, are read in JavaScript.

Exit codes: 0 the report was written (a diff is information, whatever it shows), 1 a side's rules have
errors, 2 bad usage, an unknown revision, not a git repository, or an unreadable file.`;

export const registerDiff: RegisterCommand = (program: Command, io, setExitCode) => {
  const command = program
    .command("diff")
    .description(
      "Show the impact of a rules change: which leads change bucket, and which rule changes moved them.",
    )
    .argument("[base]", "git revision before the change (e.g. main)")
    .argument("[head]", "git revision after the change (default: the working tree)")
    .option("--base-dir <dir>", "compare with this directory of rule files instead of a base revision")
    .option("--head-dir <dir>", "use this directory of rule files as the head instead of the working tree")
    .addOption(new Option("--format <format>", "report format").choices(DIFF_FORMATS).default("text"))
    .option("-o, --out <file>", "write the report to this file instead of stdout")
    .option("--full-report <file>", "also write the complete, never shortened report to this file")
    .option("--as-of <time>", "score the population as of this ISO-8601 time")
    .addOption(
      new Option(
        "--engine <engine>",
        "score the population in JavaScript, an embedded DuckDB, or PostgreSQL",
      ).choices(["js", "duckdb", "postgres"]),
    )
    .option("--memory-limit <size>", "DuckDB's memory limit, e.g. 4GB (--engine duckdb)")
    .option("--database <url>", "the PostgreSQL to diff in, postgres://… (--engine postgres)")
    .option(
      "--leads-table <table>",
      "the population is this table of --database, [schema.]table, not leadscore.yaml's files",
    )
    .option("--events-table <table>", "the events of --leads-table's leads, [schema.]table");
  addInputFlags(command)
    .addHelpText("after", HELP)
    .action(async (base: string | undefined, head: string | undefined, options: DiffOptions) => {
      const { runDiff } = await import("./diff-action.js");
      await runDiff(io, base ?? null, head ?? null, options, setExitCode);
    });
};
