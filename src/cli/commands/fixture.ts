import type { Command } from "commander";
import type { FixtureAddOptions } from "./fixture-add-action.js";
import type { FixtureSuggestOptions } from "./fixture-suggest-action.js";
import type { RegisterCommand } from "./register.js";

const ADD_HELP = `
Each --id is looked up in the population (--from <leads> [--events <file>], else \`population\` in
leadscore.yaml) and appended as a case to --to (default: the first fixture file of the project; a new
file is created with its \`as_of\`). The population is taken as it stood at --as-of (else \`as_of\` in
leadscore.yaml, else the fixture file's): every event and date is moved by the same amount so that it
sits at the same distance from the fixture file's \`as_of\`, and events after that instant are left out.
The expectations are what the rules decide now (--expect chooses the keys; default all of them).

--redact email,name replaces those text fields with stable placeholders (an email keeps its domain). The
redacted lead is scored again: when redaction changes the result, the lead is not added and the fields to
blame are named. Nothing is written unless every lead can be added.

Exit codes: 0 the cases were added (and the file's tests pass), 1 a lead was refused or the file's tests
fail, 2 bad usage, an unknown lead id, or an unreadable file.`;

const SUGGEST_HELP = `
Runs the fixtures (as \`test --coverage\` does), scores the population (--from, else \`population\` in
leadscore.yaml) as of --as-of (else \`as_of\` in leadscore.yaml, else the first fixture file's), and picks
a small set of leads that fire the rules never fired and reach the buckets never reached: one lead per
gap at most, greedily the lead that closes the most. Gaps no population lead closes are listed. The last
line is the \`leadscore fixture add\` command that takes the picks. --json prints the same as data.

Exit codes: 0 the suggestion was printed, 1 the rules have errors, 2 bad usage or an unreadable file.`;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export const registerFixture: RegisterCommand = (program: Command, io, setExitCode) => {
  const fixture = program
    .command("fixture")
    .description("Take real leads into fixture files, and find the leads that close coverage gaps.");
  fixture
    .command("add")
    .description("Append population leads to a fixture file, with what the rules decide as expectations.")
    .requiredOption("--id <id>", "the lead's id (repeat for more leads)", collect)
    .option("--from <leads>", "the population's leads file (default: `population` in leadscore.yaml)")
    .option("--events <file>", "the population's events file (NDJSON), with --from")
    .option("--name <text>", "the case's name (repeat, one per --id, in order)", collect)
    .option("--to <file>", "the fixture file to append to (default: the project's first fixture file)")
    .option("--as-of <time>", "the instant the population is taken at")
    .option("--expect <keys>", "the result keys to expect, comma-separated (default: all)")
    .option("--redact <fields>", "text fields to replace with stable placeholders, comma-separated")
    .option("--rules <dir|artifact.json>", "rules directory or compiled artifact (default: `rules`)")
    .addHelpText("after", ADD_HELP)
    .action(async (options: FixtureAddOptions) => {
      const { runFixtureAdd } = await import("./fixture-add-action.js");
      await runFixtureAdd(io, options, setExitCode);
    });
  fixture
    .command("suggest")
    .description("Pick population leads that cover the rules and buckets today's fixtures miss.")
    .argument("[paths...]", "fixture files or directories (default: `fixtures` in leadscore.yaml)")
    .option("--from <leads>", "the population's leads file (default: `population` in leadscore.yaml)")
    .option("--events <file>", "the population's events file (NDJSON), with --from")
    .option("--as-of <time>", "the instant the population is scored at")
    .option("--rules <dir|artifact.json>", "rules directory or compiled artifact (default: `rules`)")
    .option("--json", "print the suggestion as JSON")
    .addHelpText("after", SUGGEST_HELP)
    .action(async (paths: string[], options: FixtureSuggestOptions) => {
      const { runFixtureSuggest } = await import("./fixture-suggest-action.js");
      await runFixtureSuggest(io, paths, options, setExitCode);
    });
};
