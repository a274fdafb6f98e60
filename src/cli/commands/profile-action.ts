import { readOutcome } from "../../batch/conversion.js";
import { leadsFormatOf, type LeadsFormat } from "../../io/leads-format.js";
import { readRawRecords } from "../../io/read-leads.js";
import { resolveCommandInput } from "../input-options-for-command.js";
import { profileColumn, type DataProfile } from "../../report/profile/build-profile.js";
import { ColumnTally } from "../../report/profile/column-tally.js";
import { renderProfileText } from "../../report/profile/render-profile.js";
import { round4 } from "../../report/numbers.js";
import { UsageError } from "../exit-codes.js";
import type { CommandIO } from "../io.js";
import { openInput } from "./score-action.js";

export interface ProfileOptions {
  leads: string;
  leadsFormat?: LeadsFormat;
  delimiter?: string;
  outcome: string;
  columns?: string;
  json?: boolean;
}

/** `leadscore profile`: loaded only when the command runs (see profile.ts). */
export async function runProfile(
  io: CommandIO,
  options: ProfileOptions,
  _setExitCode: (code: number) => void,
): Promise<void> {
  // The reading options as every command resolves them: `input:` of leadscore.yaml, the population entry
  // for this file, then the flags. Placeholders stay values here: they are what profile shows.
  const reading = await resolveCommandInput(io, options.leads, {
    outcome: options.outcome,
    ...(options.leadsFormat === undefined ? {} : { leadsFormat: options.leadsFormat }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
  });
  const format = reading.format ?? leadsFormatOf(options.leads);
  if (format === null)
    throw new UsageError(
      `cannot tell the format of \`${options.leads}\` from its extension; name it .csv, .ndjson or .jsonl, or pass --leads-format`,
    );
  const only = options.columns
    ?.split(",")
    .map((column) => column.trim())
    .filter((c) => c !== "");
  const delimiter = reading.delimiter;
  // The values read as converted / not converted: those leadscore.yaml configures for the column, as in
  // score, report, tune and diff (else the defaults).
  const outcomeValues = reading.outcome!;
  const input = await openInput(io, options.leads);
  const tallies = new Map<string, ColumnTally>();
  let leads = 0;
  let converted = 0;
  let withoutOutcome = 0;
  let rejected = 0;
  let sawOutcome = false;
  let firstColumns: string[] = [];
  try {
    for await (const item of readRawRecords(input.source, format, delimiter)) {
      if (item.kind === "reject") {
        rejected += 1;
        continue;
      }
      const fields = item.value;
      if (firstColumns.length === 0) firstColumns = Object.keys(fields);
      if (fields[options.outcome] !== undefined) sawOutcome = true;
      const outcome = readOutcome(fields[options.outcome], outcomeValues);
      if (outcome === null) {
        withoutOutcome += 1;
        continue;
      }
      leads += 1;
      if (outcome) converted += 1;
      for (const column of only ?? Object.keys(fields)) {
        if (column === options.outcome) continue;
        let tally = tallies.get(column);
        if (tally === undefined) {
          // A column first seen after some leads was missing for them.
          tally = new ColumnTally();
          tally.missing = { leads: leads - 1, converted: converted - (outcome ? 1 : 0) };
          tallies.set(column, tally);
        }
        tally.add(fields[column], outcome);
      }
      for (const [column, tally] of tallies) if (!(column in fields) && !only) tally.add(undefined, outcome);
    }
  } finally {
    input.close();
  }
  if (!sawOutcome && leads + withoutOutcome > 0)
    throw new UsageError(
      `no lead in \`${input.display}\` has the outcome column \`${options.outcome}\` (columns: ${firstColumns.join(", ")})`,
    );
  const unknown = (only ?? []).filter((column) => !firstColumns.includes(column));
  if (unknown.length > 0)
    throw new UsageError(
      `--columns names columns the leads do not have: ${unknown.join(", ")} (columns: ${firstColumns.join(", ")})`,
    );
  const total = { leads, converted };
  const columns = [...tallies].map(([column, tally]) => profileColumn(column, tally, total));
  columns.sort(
    (a, b) =>
      (b.informationValue ?? -1) - (a.informationValue ?? -1) ||
      (a.column < b.column ? -1 : a.column > b.column ? 1 : 0),
  );
  const profile: DataProfile = {
    source: input.display,
    outcome: options.outcome,
    leads,
    converted,
    baseRate: leads === 0 ? null : round4(converted / leads),
    withoutOutcome,
    rejected,
    columns,
  };
  io.stdout(options.json ? `${JSON.stringify(profile, null, 2)}\n` : renderProfileText(profile));
}
