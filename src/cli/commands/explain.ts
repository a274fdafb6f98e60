import path from "node:path";
import type { Command } from "commander";
import { parse as parseYaml } from "yaml";
import { renderExplanation } from "../../run/explain.js";
import { parseInstant, toInstant } from "../../run/instant.js";
import { Ruleset } from "../../run/ruleset.js";
import type { ScoringEvent } from "../../run/event-index.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import type { CommandIO } from "../io.js";
import { displayPath, loadRulesOption, readText } from "../rules-input.js";
import type { RegisterCommand } from "./index.js";

interface ExplainOptions {
  rules: string;
  lead: string;
  asOf?: string;
  json?: boolean;
}

const HELP = `
The lead file is YAML or JSON, shaped like a fixture case:

  lead: {id: L1, email: jane@bigco.com, title: CEO, employees: 5000, stage: lead}
  events:
    - {type: demo_request, at: 2026-10-30T10:00:00Z}

or a bare lead with an \`events\` key. The file may give \`as_of\`; --as-of overrides it; without either,
the lead is scored as of now.

Exit codes: 0 explained, 1 the rules have errors, 2 bad usage, an unreadable file or an invalid lead
(each problem is listed: field, reason).`;

export const registerExplain: RegisterCommand = (program: Command, io, setExitCode) => {
  program
    .command("explain")
    .description(
      "Explain how one lead is scored: every rule that counted, the totals, grade, bucket and actions.",
    )
    .option("--rules <dir|artifact.json>", "rule directory or compiled artifact", "rules")
    .requiredOption("--lead <file>", "the lead and its events (.yaml, .yml or .json)")
    .option("--as-of <time>", "score as of this ISO-8601 time (default: the file's as_of, else now)")
    .option("--json", "print the result as JSON instead of text")
    .addHelpText("after", HELP)
    .action(async (options: ExplainOptions) => {
      await runExplain(io, options, setExitCode);
    });
};

interface LeadFile {
  lead: Record<string, unknown>;
  events: ScoringEvent[];
  asOf: unknown;
}

async function runExplain(
  io: CommandIO,
  options: ExplainOptions,
  setExitCode: (code: number) => void,
): Promise<void> {
  if (options.asOf !== undefined && Number.isNaN(parseInstant(options.asOf))) {
    throw new UsageError(
      `--as-of \`${options.asOf}\` is not an ISO-8601 time (for example 2026-11-01T00:00:00Z)`,
    );
  }
  const file = await readLeadFile(io, options.lead);
  const asOf = resolveAsOf(options.asOf, file.asOf, options.lead);

  const artifact = await loadRulesOption(io, options.rules, setExitCode);
  if (artifact === null) return;
  const ruleset = new Ruleset(artifact);

  const issues = ruleset.validate(file.lead, file.events);
  if (issues.length > 0) {
    const where = displayPath(io, options.lead);
    io.stderr(issues.map((issue) => `${where}: ${issue.path}: ${issue.reason}\n`).join(""));
    io.stderr(`${where}: the lead cannot be scored as given (${plural(issues.length, "problem")})\n`);
    setExitCode(ExitCode.Usage);
    return;
  }

  const result = ruleset.score(file.lead, file.events, { asOf });
  io.stdout(
    options.json ? `${JSON.stringify(result, null, 2)}\n` : renderExplanation(result, artifact, { asOf }),
  );
}

function resolveAsOf(option: string | undefined, fromFile: unknown, file: string): number {
  if (option !== undefined) return parseInstant(option);
  if (fromFile === undefined || fromFile === null) return Date.now();
  const asOf = toInstant(fromFile);
  if (Number.isNaN(asOf))
    throw new UsageError(`\`${file}\`: as_of \`${String(fromFile)}\` is not an ISO-8601 time`);
  return asOf;
}

async function readLeadFile(io: CommandIO, file: string): Promise<LeadFile> {
  const text = await readText(io, file);
  let document: unknown;
  try {
    document = path.extname(file).toLowerCase() === ".json" ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UsageError(`cannot read \`${file}\`: ${(error as Error).message.split("\n")[0]}`);
  }
  if (!isRecord(document)) throw new UsageError(`\`${file}\` must hold a lead: {lead: {...}, events: [...]}`);
  const { lead: nested, events, as_of: asOf, ...rest } = document;
  let lead: Record<string, unknown>;
  if (nested === undefined) {
    lead = rest;
  } else if (isRecord(nested)) {
    lead = nested;
  } else {
    throw new UsageError(`\`${file}\`: \`lead\` must be a map of the lead's fields`);
  }
  if (events !== undefined && events !== null && !Array.isArray(events)) {
    throw new UsageError(`\`${file}\`: \`events\` must be a list`);
  }
  return { lead, events: (events ?? []) as ScoringEvent[], asOf };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
