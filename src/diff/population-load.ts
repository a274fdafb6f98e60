/**
 * The population a rules change is measured on: the fixture leads (from the head side's fixture files)
 * and the lead files the project configuration names. Every record either joins the population or is
 * rejected with its place and reason — a lead must be valid under both rulesets to be compared, so a
 * record only one side accepts is rejected and says which side refused it. Nothing is dropped silently.
 */
import { createReadStream } from "node:fs";
import path from "node:path";
import type { Artifact } from "../compile/artifact.js";
import { canonicalJson } from "../compile/hash.js";
import { coerceLead } from "../eval/coerce.js";
import type { ByteSource } from "../io/read-item.js";
import { readEventsByLead } from "../io/read-events.js";
import { leadsFormatOf } from "../io/leads-format.js";
import { leadIdOf, readLeads } from "../io/read-leads.js";
import { InputValidator, type ValidationIssue } from "../eval/validate-input.js";
import type { PopulationSource } from "../project/config.js";
import type { PopulationLead } from "./population.js";
import type { PopulationSourceSummary, RejectedRecord } from "./report/model.js";
import { parseFixtureText } from "../fixtures/parse.js";

export interface LoadedPopulation {
  leads: PopulationLead[];
  sources: PopulationSourceSummary[];
  rejects: RejectedRecord[];
}

/** Judges a lead under both rulesets: one validator when both declare the same schema. */
class BothSides {
  readonly #base: InputValidator;
  readonly #head: InputValidator | null;

  constructor(base: Artifact, head: Artifact) {
    this.#base = new InputValidator(base.schema);
    this.#head =
      canonicalJson(base.schema) === canonicalJson(head.schema) ? null : new InputValidator(head.schema);
  }

  /** The reason the lead cannot be compared, or null when both sides accept it. */
  problem(lead: unknown, events: unknown): string | null {
    const base = this.#base.validate(lead, events);
    const head = this.#head === null ? base : this.#head.validate(lead, events);
    if (base.length === 0 && head.length === 0) return null;
    if (this.#head === null || canonicalJson(base) === canonicalJson(head)) return describeIssues(base);
    if (base.length === 0) return `under the head rules: ${describeIssues(head)}`;
    if (head.length === 0) return `under the base rules: ${describeIssues(base)}`;
    return `under the base rules: ${describeIssues(base)}; under the head rules: ${describeIssues(head)}`;
  }
}

function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues
    .map((issue) => (issue.path === "" ? issue.reason : `${issue.path}: ${issue.reason}`))
    .join("; ");
}

export interface FixtureText {
  /** The fixture file's path as the user reads it. */
  file: string;
  text: string;
}

/** Adds the fixture cases to the population; each is scored as of its own `as_of` when it has one. */
export function addFixtureLeads(
  fixtures: readonly FixtureText[],
  sides: { base: Artifact; head: Artifact },
  into: LoadedPopulation,
): void {
  const judge = new BothSides(sides.base, sides.head);
  for (const { file, text } of fixtures) {
    const parsed = parseFixtureText(text, file);
    const summary: PopulationSourceSummary = {
      source: file,
      read: 0,
      accepted: 0,
      rejected: 0,
      asOf: parsed.asOf,
    };
    into.sources.push(summary);
    for (const problem of parsed.problems) {
      into.rejects.push({ source: `${file}:${problem.line}`, reason: problem.message });
      summary.rejected += 1;
      summary.read += 1;
    }
    for (const fixtureCase of parsed.cases) {
      summary.read += 1;
      const source = `${file}:${fixtureCase.line}`;
      const problem =
        fixtureCase.problems.length > 0
          ? fixtureCase.problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join("; ")
          : judge.problem(fixtureCase.lead, fixtureCase.events);
      if (problem !== null) {
        into.rejects.push({ source, reason: problem });
        summary.rejected += 1;
        continue;
      }
      summary.accepted += 1;
      const lead: PopulationLead = { lead: fixtureCase.lead, events: fixtureCase.events, source };
      if (fixtureCase.asOfMs !== null) lead.asOf = fixtureCase.asOfMs;
      into.leads.push(lead);
    }
  }
}

export interface PopulationFileOptions {
  /** Where relative file names in the configuration are read from. */
  root: string;
  /** Opens a file for reading (tests and callers may read from elsewhere than the disk). */
  open?: (file: string) => ByteSource;
}

function openFile(file: string): ByteSource {
  return createReadStream(file, { highWaterMark: 64 * 1024 });
}

/**
 * Adds the leads of the configured population files. CSV cells are typed by the head ruleset's schema
 * (the rules under review), then the lead is judged under both rulesets. An unreadable file rejects with
 * an error the caller reports as unreadable input.
 */
export async function addPopulationFiles(
  population: readonly PopulationSource[],
  sides: { base: Artifact; head: Artifact },
  options: PopulationFileOptions,
  into: LoadedPopulation,
): Promise<void> {
  const judge = new BothSides(sides.base, sides.head);
  const open = options.open ?? openFile;
  for (const entry of population) {
    const format = leadsFormatOf(entry.leads);
    if (format === null) {
      throw new PopulationFileError(
        `cannot read \`${entry.leads}\`: leads files are .csv, .ndjson or .jsonl`,
      );
    }
    let events: Awaited<ReturnType<typeof readEventsByLead>> | null = null;
    if (entry.events !== undefined) {
      const eventsFile = entry.events;
      const summary: PopulationSourceSummary = { source: eventsFile, read: 0, accepted: 0, rejected: 0 };
      events = await guard(eventsFile, () =>
        readEventsByLead(open(path.resolve(options.root, eventsFile)), (reject) => {
          into.rejects.push({ source: `${eventsFile} line ${reject.line}`, reason: reject.reason });
        }),
      );
      summary.read = events.read;
      summary.accepted = events.filed;
      summary.rejected = events.rejected;
      into.sources.push(summary);
    }
    const summary: PopulationSourceSummary = { source: entry.leads, read: 0, accepted: 0, rejected: 0 };
    into.sources.push(summary);
    await guard(entry.leads, async () => {
      for await (const item of readLeads(open(path.resolve(options.root, entry.leads)), format)) {
        summary.read += 1;
        const source = `${entry.leads} record ${item.record} (line ${item.line})`;
        if (item.kind === "reject") {
          into.rejects.push({ source, reason: item.reason });
          summary.rejected += 1;
          continue;
        }
        const input = item.value;
        const id = leadIdOf(input);
        const filed = id === null ? undefined : events?.byLead.get(id);
        const leadEvents = [
          ...(input.format === "ndjson" ? input.events : []),
          ...(filed ?? []).map((f) => f.event),
        ];
        let lead: Record<string, unknown> = input.fields;
        let problem: string | null = null;
        if (input.format === "csv") {
          const coerced = coerceLead(sides.head.schema, input.fields);
          lead = coerced.record;
          if (coerced.issues.length > 0) problem = describeIssues(coerced.issues);
        }
        problem ??= judge.problem(lead, leadEvents);
        if (problem !== null) {
          into.rejects.push({ source, reason: problem });
          summary.rejected += 1;
          continue;
        }
        summary.accepted += 1;
        into.leads.push({ lead, events: leadEvents, source });
      }
    });
  }
}

/** A population file that cannot be read at all (missing, unreadable): bad input, not a bad record. */
export class PopulationFileError extends Error {
  override readonly name = "PopulationFileError";
}

async function guard<T>(file: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file or directory" : (code ?? (error as Error).message);
    throw new PopulationFileError(`cannot read \`${file}\`: ${reason}`);
  }
}
