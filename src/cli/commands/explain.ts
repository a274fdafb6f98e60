import type { Command } from "commander";
import { addInputFlags } from "../input-flags.js";
import type { ExplainOptions } from "./explain-action.js";
import type { RegisterCommand } from "./register.js";

const HELP = `
The lead file is YAML or JSON, shaped like a fixture case:

  lead: {id: L1, email: jane@bigco.com, title: CEO, employees: 5000, stage: lead}
  events:
    - {type: demo_request, at: 2026-10-30T10:00:00Z}

or a bare lead with an \`events\` key. The file may give \`as_of\`; --as-of overrides it; without either,
the lead is scored as of now. A key that is no lead field is a problem (with a suggestion); --epoch and
--missing-values (or input: in leadscore.yaml) read values as every other command does.

Exit codes: 0 explained, 1 the rules have errors, 2 bad usage, an unreadable file or an invalid lead
(each problem is listed: file:line:col, field, reason; a misspelt key of the file is one too).`;

export const registerExplain: RegisterCommand = (program: Command, io, setExitCode) => {
  const command = program
    .command("explain")
    .description(
      "Explain how one lead is scored: every rule that counted, the totals, grade, bucket and actions.",
    )
    .option("--rules <dir|artifact.json>", "rule directory or compiled artifact", "rules")
    .requiredOption("--lead <file>", "the lead and its events (.yaml, .yml or .json)")
    .option("--as-of <time>", "score as of this ISO-8601 time (default: the file's as_of, else now)")
    .option("--json", "print the result as JSON instead of text");
  addInputFlags(command, { files: false })
    .addHelpText("after", HELP)
    .action(async (options: ExplainOptions) => {
      const { runExplain } = await import("./explain-action.js");
      await runExplain(io, options, setExitCode);
    });
};
