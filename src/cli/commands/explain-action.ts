import path from "node:path";
import { readLeadFile, type LeadFile, type LeadFileProblem } from "../../fixtures/lead-file.js";
import { byPosition, type FixturePosition } from "../../fixtures/types.js";
import { prepareRecords } from "../../fixtures/validate.js";
import type { InputFlags } from "../../io/input-options.js";
import type { PreparedLead } from "../../io/prepare-lead.js";
import { resolveCommandInput } from "../input-options-for-command.js";
import { issuePath } from "../../fixtures/run.js";
import { renderExplanation } from "../../eval/explain.js";
import { parseInstant, toInstant } from "../../eval/instant.js";
import { Ruleset } from "../../eval/ruleset.js";
import type { ScoringEvent } from "../../eval/event-index.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import { printTextReport, type CommandIO } from "../io.js";
import { displayPath, loadRulesOption, readText } from "../rules-input.js";

export interface ExplainOptions extends InputFlags {
  rules: string;
  lead: string;
  asOf?: string;
  json?: boolean;
}

/** `leadscore explain`: loaded only when the command runs (see explain.ts). */
export async function runExplain(
  io: CommandIO,
  options: ExplainOptions,
  setExitCode: (code: number) => void,
): Promise<void> {
  if (options.asOf !== undefined && Number.isNaN(parseInstant(options.asOf))) {
    throw new UsageError(
      `--as-of \`${options.asOf}\` is not an ISO-8601 time (for example 2026-11-01T00:00:00Z)`,
    );
  }
  const file = readLeadFile(
    await readText(io, options.lead),
    options.lead,
    path.extname(options.lead).toLowerCase() === ".json",
  );
  if ("error" in file) throw new UsageError(file.error);
  const asOf = resolveAsOf(options.asOf, file.asOf, options.lead);
  const input = await resolveCommandInput(io, null, options);

  const artifact = await loadRulesOption(io, options.rules, setExitCode);
  if (artifact === null) return;
  const ruleset = new Ruleset(artifact);

  const prepared = prepareRecords(ruleset, file.lead, file.events, input);
  const problems = leadProblems(ruleset, file, prepared);
  if (problems.length > 0) {
    const where = displayPath(io, options.lead);
    const placed = (at: FixturePosition | null) => (at === null ? where : `${where}:${at.line}:${at.column}`);
    io.stderr(problems.map((problem) => `${placed(problem.at)}: ${problem.message}\n`).join(""));
    io.stderr(`${where}: the lead cannot be scored as given (${plural(problems.length, "problem")})\n`);
    setExitCode(ExitCode.Usage);
    return;
  }

  const result = ruleset.score(prepared.lead, prepared.events as ScoringEvent[], {
    asOf,
    eventTimes: prepared.times,
  });
  if (options.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else printTextReport(io, renderExplanation(result, artifact, { asOf }));
}

function resolveAsOf(option: string | undefined, fromFile: unknown, file: string): number {
  if (option !== undefined) return parseInstant(option);
  if (fromFile === undefined || fromFile === null) return Date.now();
  const asOf = toInstant(fromFile);
  if (Number.isNaN(asOf))
    throw new UsageError(`\`${file}\`: as_of \`${String(fromFile)}\` is not an ISO-8601 time`);
  return asOf;
}

/** Misspelt keys of the file, then what the ruleset's schema refuses, each where it was written. */
function leadProblems(ruleset: Ruleset, file: LeadFile, prepared: PreparedLead): LeadFileProblem[] {
  const leadFields = ruleset.artifact.schema.lead.map((field) => field.name);
  const keyProblems = file.keyProblems(leadFields);
  const issues = prepared.issues.map((issue): LeadFileProblem => ({
    at: file.locate(issuePath(issue.path)),
    message: `${issue.path}: ${issue.reason}`,
  }));
  // A misspelt key of the file itself (`evnts`) is said once, as the file's, not again as a lead field.
  const said = new Set(keyProblems.map((problem) => `${problem.at?.line}:${problem.at?.column}`));
  const fresh = issues.filter(
    (issue) => issue.at === null || !said.has(`${issue.at.line}:${issue.at.column}`),
  );
  return [...keyProblems, ...fresh].sort((a, b) =>
    a.at === null || b.at === null ? 0 : byPosition(a.at, b.at),
  );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
