import { Option, type Command } from "commander";
import type { TestOptions } from "./test-action.js";
import { TEST_REPORTERS as REPORTERS } from "./choices.js";
import type { RegisterCommand } from "./register.js";
import { githubFormatOption } from "./annotation-option.js";
import { addInputFlags } from "../input-flags.js";

const HELP = `
Fixture files (*.test.yaml) hold leads with what the rules must decide for them; only the keys under
\`expect\` (model, fit, engagement, score, grade, bucket, excluded, actions) are checked. Every case checks
at least one, has a name of its own in its file, and names only models, grades, buckets and exclusion
reasons the rules have; a file has at least one case.

Coverage: a rule is covered when it fired for at least one case, a bucket when at least one case scored by
that model landed in it (a model reaches its own buckets, or the global ones when it has none).
coverage = (rules fired + buckets reached) / (rules + buckets reachable per model), shown truncated to
2 decimals; --min-coverage fails when coverage is below the minimum, compared exactly (79.99 < 80).

--update rewrites, in place, the expected values of the keys each failing case already checks, and prints
every change (case, key, before → after); it adds and removes no key. A case that fails for another reason
(a problem in the file, a lead the schema refuses, a name the rules do not have) is refused and listed.
Then the fixtures run again; the exit code is theirs.

Exit codes: 0 every case passes, 1 a case fails, a fixture file has a problem, the rules have errors or
coverage is below the minimum, 2 bad usage or unreadable files.`;

export const registerTest: RegisterCommand = (program: Command, io, setExitCode) => {
  const command = program
    .command("test")
    .description("Check that the rules decide the fixture leads the way everyone agreed.")
    .argument("[paths...]", "fixture files or directories (default: `fixtures` in leadscore.yaml)")
    .option(
      "--rules <dir|artifact.json>",
      "rules directory or compiled artifact (default: `rules` in leadscore.yaml)",
    )
    .option("--reporter <name>", `report format: ${REPORTERS.join(", ")}`, "text")
    .option("-o, --output <file>", "write the report to this file and print the text report")
    .addOption(githubFormatOption())
    .addOption(
      new Option("--engine <engine>", "score the cases in JavaScript, DuckDB or PostgreSQL").choices([
        "js",
        "duckdb",
        "postgres",
      ]),
    )
    .option("--database <url>", "the PostgreSQL database for --engine postgres (postgres://…)")
    .option("--coverage", "list the rules that never fired and the buckets never reached")
    .option("--min-coverage <percent>", "fail when coverage is below this percentage (implies --coverage)")
    .option(
      "-u, --update",
      "rewrite the checked keys of failing cases to what the rules now decide (comments and layout kept)",
    );
  addInputFlags(command, { files: false })
    .addHelpText("after", HELP)
    .action(async (paths: string[], options: TestOptions) => {
      const { runTest } = await import("./test-action.js");
      await runTest(io, paths, options, setExitCode);
    });
};
