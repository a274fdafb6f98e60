import { Option, type Command } from "commander";

// Spelled out here rather than imported: registering commands loads commander and nothing else.
const EPOCH_UNITS = ["s", "ms"];
const ON_DUPLICATE = ["keep-first", "keep-last", "reject"];

/**
 * The reading flags, the same for every command that reads leads (score, diff, test, explain): each
 * means what the key of the same name means in leadscore.yaml, and overrides it. They are resolved into
 * one InputOptions by `resolveCommandInput` (input-options-for-command.ts).
 */
export function addInputFlags(command: Command, what: { files?: boolean; outcome?: boolean } = {}): Command {
  // Commands that read lead files take every flag; those that read one lead at a time (fixtures,
  // explain) take the ones about values.
  if (what.files !== false)
    command
      .option("--leads-format <format>", "read lead files as csv or ndjson (default: by extension)")
      .option(
        "--delimiter <char>",
        "CSV field separator: , ; | or tab (default: detected from the header line)",
      )
      .option("--columns <mapping>", 'CSV header to lead field, e.g. "Prospect ID=id,Lead Origin=origin"');
  command
    .option(
      "--missing-values <values>",
      'values read as missing: "Select,N/A" for every field, "city=Select" for one (repeatable)',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .addOption(
      new Option("--epoch <unit>", "unit of timestamps written as numbers (default: refused)").choices(
        EPOCH_UNITS,
      ),
    );
  if (what.files === false) return command;
  command
    .addOption(
      new Option("--on-duplicate <what>", "records repeating a lead id (default keep-first)").choices(
        ON_DUPLICATE,
      ),
    )
    .option("--strict-keys", "reject records with keys (or CSV columns) that are no lead field");
  if (what.outcome !== false)
    command.option("--outcome <column>", "report conversion per bucket and grade from this yes/no column");
  return command;
}
