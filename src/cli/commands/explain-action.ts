import path from "node:path";
import { parse as parseYaml } from "yaml";
import { renderExplanation } from "../../run/explain.js";
import { parseInstant, toInstant } from "../../run/instant.js";
import { Ruleset } from "../../run/ruleset.js";
import type { ScoringEvent } from "../../run/event-index.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import type { CommandIO } from "../io.js";
import { displayPath, loadRulesOption, readText } from "../rules-input.js";

export interface ExplainOptions {
  rules: string;
  lead: string;
  asOf?: string;
  json?: boolean;
}

interface LeadFile {
  lead: Record<string, unknown>;
  events: ScoringEvent[];
  asOf: unknown;
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
