import type { Command } from "commander";
import { addInputFlags } from "../input-flags.js";

/**
 * The options of the commands that score historical leads against an outcome (report, tune): the same
 * inputs, reading flags and time options as `score`, registered once so they mean the same in both.
 */
export function addHistoryOptions(command: Command): Command {
  command
    .requiredOption("--leads <file>", "historical leads: .csv, .ndjson or .jsonl")
    .option("--events <file>", "events (NDJSON: lead_id, type, at, properties)")
    .requiredOption("--outcome <column>", "the yes/no column that says whether the lead converted")
    .option("--as-of <time>", "score every lead as of this ISO-8601 time (default: now)")
    .option("--as-of-field <column>", "score each lead as of the time in this column")
    .option("--offset <duration>", "with --as-of-field: that time plus this (e.g. 7d, 12h)");
  return addInputFlags(command, { outcome: false });
}
