import { Option, type Command } from "commander";
import type { ProfileOptions } from "./profile-action.js";
import type { RegisterCommand } from "./register.js";

const HELP = `
Where a new ruleset starts: for every column of historical leads, how each value converts (the most
frequent values, the rest grouped, missing values, and placeholders such as "Select" as they are), numeric
columns in about five bins of similar size; columns ranked by information value (how well they separate
converters: above 0.3 strong, below 0.02 useless), each group's lift and weight of evidence, and a
suggested rule line for the group that separates most (10 points per unit of weight of evidence).

Columns with more than 1,000 distinct values (ids, emails) are named and not profiled. No rules are
needed: every column of the file is profiled, except the outcome.

Exit codes: 0 done, 2 bad usage, an unreadable file, or an outcome column that no lead has.`;

export const registerProfile: RegisterCommand = (program: Command, io, setExitCode) => {
  program
    .command("profile")
    .description("Conversion by column value in historical leads, strongest columns first, with rule ideas.")
    .requiredOption("--leads <file>", "historical leads: .csv, .ndjson or .jsonl")
    .addOption(
      new Option("--leads-format <format>", "read the leads as this format").choices(["csv", "ndjson"]),
    )
    .option(
      "--delimiter <char>",
      "CSV field separator: , ; | or tab (default: detected from the header line)",
    )
    .requiredOption("--outcome <column>", "the yes/no column that says whether the lead converted")
    .option("--columns <list>", "profile only these columns (comma-separated headers)")
    .option("--json", "print the profile as JSON")
    .addHelpText("after", HELP)
    .action(async (options: ProfileOptions) => {
      const { runProfile } = await import("./profile-action.js");
      await runProfile(io, options, setExitCode);
    });
};
