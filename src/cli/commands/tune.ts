import { Option, type Command } from "commander";
import { LEADS_FORMATS } from "../../io/leads-format.js";
import type { RegisterCommand } from "./register.js";
import type { TuneOptions } from "./tune-action.js";

const HELP = `
Fits the points of the existing rules to historical outcomes: an L2-regularised logistic regression on
what each rule contributed to each lead (in units of its own points), scaled so the new scores sit where
the old ones did, rounded to whole points. Which rules exist, their conditions, comments and layout stay
as written: only the points change (and each rule's max with them, so it caps after the same number of
events; a rule whose weight turns negative says subtract). Rules that fired for no lead keep their points.

Prints the k-fold cross-validated AUC of the current points and of fitted points (each fold scored with
points fitted on the others), the old and new points of every rule, and the rules whose weight is about 0
(candidates to remove, by hand). Without --write, the change is printed as a unified diff on stdout, ready
to review; with --write, the rule files are rewritten in place.

Exit codes: 0 done, 1 the rules have errors, 2 bad usage, an unreadable file, or an outcome column that
no lead has.`;

export const registerTune: RegisterCommand = (program: Command, io, setExitCode) => {
  program
    .command("tune")
    .description("Fit the rules' points to historical outcomes; print the change as a diff or --write it.")
    .option("--rules <dir>", "rule directory (its files are the ones rewritten)", "rules")
    .requiredOption("--leads <file>", "historical leads: .csv, .ndjson or .jsonl")
    .addOption(new Option("--leads-format <format>", "read the leads as this format").choices(LEADS_FORMATS))
    .option("--events <file>", "events (NDJSON: lead_id, type, at, properties)")
    .requiredOption("--outcome <column>", "the yes/no column that says whether the lead converted")
    .option("--as-of <time>", "score every lead as of this ISO-8601 time (default: now)")
    .option("--as-of-field <column>", "score each lead as of the time in this column")
    .option("--offset <duration>", "with --as-of-field: that time plus this (e.g. 7d, 12h)")
    .option("--columns <mapping>", 'CSV header to lead field, e.g. "Prospect ID=id,Lead Origin=origin"')
    .option("--folds <k>", "folds of the cross-validation", "5")
    .option("--lambda <l2>", "strength of the L2 penalty on the weights", "1")
    .option("--write", "rewrite the rule files instead of printing a diff")
    .addHelpText("after", HELP)
    .action(async (options: TuneOptions) => {
      const { runTune } = await import("./tune-action.js");
      await runTune(io, options, setExitCode);
    });
};
