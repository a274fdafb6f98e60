import { Option, type Command } from "commander";
import { LEADS_FORMATS } from "../../io/leads-format.js";

/**
 * The options of the commands that score historical leads against an outcome (report, tune): the same
 * inputs, columns and time options as `score`, registered once so they mean the same in both.
 */
export function addHistoryOptions(command: Command): Command {
  return command
    .requiredOption("--leads <file>", "historical leads: .csv, .ndjson or .jsonl")
    .addOption(new Option("--leads-format <format>", "read the leads as this format").choices(LEADS_FORMATS))
    .option("--events <file>", "events (NDJSON: lead_id, type, at, properties)")
    .requiredOption("--outcome <column>", "the yes/no column that says whether the lead converted")
    .option("--as-of <time>", "score every lead as of this ISO-8601 time (default: now)")
    .option("--as-of-field <column>", "score each lead as of the time in this column")
    .option("--offset <duration>", "with --as-of-field: that time plus this (e.g. 7d, 12h)")
    .option("--columns <mapping>", 'CSV header to lead field, e.g. "Prospect ID=id,Lead Origin=origin"');
}
