/**
 * Historical leads scored for measuring (report) and fitting (tune): the same inputs, columns and time
 * options as `score`, one callback per scored lead with its record as read, and a clear error when the
 * outcome column is nowhere to be found.
 */
import type { RejectLine } from "../../batch/score-file.js";
import { scoreBatch, type BatchSummary } from "../../batch/score-file.js";
import { pointInTimeScorer } from "../../batch/point-in-time.js";
import { batchScorerFor, bucketOrderOf, exclusionOrderOf } from "../../batch/scorer.js";
import type { Artifact } from "../../compile/artifact.js";
import { formatInstant, parseInstant } from "../../eval/instant.js";
import type { ScoreResult } from "../../eval/result.js";
import { Ruleset } from "../../eval/ruleset.js";
import { readEventsByLead } from "../../io/read-events.js";
import type { EventsLookup } from "../../io/event-lookup.js";
import { leadsFormatOf } from "../../io/leads-format.js";
import { InputFileError } from "../../io/column-plan.js";
import type { InputFlags, OutcomeOptions } from "../../io/input-options.js";
import { emptyInputReport, readLeadRecords } from "../../io/lead-records.js";
import { resolveCommandInput } from "../input-options-for-command.js";
import { DURATION_UNIT_MS } from "../../syntax/durations.js";
import { UsageError } from "../exit-codes.js";
import type { CommandIO } from "../io.js";
import { loadRulesOption } from "../rules-input.js";
import { openInput, progressOfBytes } from "./score-action.js";
import { countBytes, terminalProgress } from "../progress-bar.js";

export interface HistoryOptions extends InputFlags {
  rules: string;
  leads: string;
  events?: string;
  outcome: string;
  asOf?: string;
  asOfField?: string;
  offset?: string;
}

export type AsOf = { instant: string } | { field: string; offset: string };

export interface ScoredHistory {
  artifact: Artifact;
  summary: BatchSummary;
  asOf: AsOf;
}

/** Scores the leads, calling `onScored` for each; null when the rules have errors (already reported). */
export async function scoreHistory(
  io: CommandIO,
  options: HistoryOptions,
  setExitCode: (code: number) => void,
  onScored: (result: ScoreResult, outcome: unknown) => void,
  onReject: (reject: RejectLine) => void | Promise<void> = () => {},
  /** The rules, and how the outcome column is read (its values configured in leadscore.yaml, or the defaults). */
  onArtifact: (artifact: Artifact, outcome: OutcomeOptions) => void = () => {},
): Promise<ScoredHistory | null> {
  const time = timeOptions(options);
  // Read as every command reads leads (leadscore.yaml, then the flags); the outcome column is resolved
  // against the header with the mapping, so a misspelt one is an error with a suggestion.
  const input = await resolveCommandInput(io, options.leads, options);
  const leadsFormat = input.format ?? leadsFormatOf(options.leads);
  if (leadsFormat === null) {
    throw new UsageError(
      `cannot tell the format of \`${options.leads}\` from its extension; name it .csv, .ndjson or .jsonl, or pass --leads-format`,
    );
  }
  const artifact = await loadRulesOption(io, options.rules, setExitCode);
  if (artifact === null) return null;
  onArtifact(artifact, input.outcome!);
  const leads = await openInput(io, options.leads);
  const ruleset = new Ruleset(artifact);
  let sawOutcome = false;
  let firstColumns: string[] | null = null;
  const progress = terminalProgress(io);
  let eventsIndex: EventsLookup | null = null;
  try {
    let eventsInput = null;
    if (options.events !== undefined) {
      const events = await openInput(io, options.events);
      try {
        progress?.start(`reading ${events.display}`, events.size, "bytes");
        const index = await readEventsByLead(
          progress === null ? events.source : countBytes(events.source, (read) => progress.update(read)),
          ({ record, line, reason, raw }) => onReject({ record, line, source: events.display, reason, raw }),
        );
        eventsIndex = index.byLead;
        eventsInput = { source: events.display, index };
      } finally {
        events.close();
      }
    }
    const leadBytes = progressOfBytes(leads, progress, `scoring ${leads.display}`);
    const summary = await scoreBatch({
      scorer:
        "field" in time
          ? pointInTimeScorer(ruleset, time.field, time.offsetMs, input)
          : batchScorerFor(ruleset, time.instantMs, input),
      leads: readLeadRecords(
        { open: leadBytes.open, name: leads.display, format: leadsFormat },
        artifact.schema,
        input,
        emptyInputReport(leadsFormat),
      ),
      leadsSource: leads.display,
      events: eventsInput,
      asOf: "field" in time ? `${time.field} + ${time.offset}` : formatInstant(time.instantMs),
      bucketOrder: bucketOrderOf(artifact),
      exclusionOrder: exclusionOrderOf(artifact),
      onResult: (result, _position, record) => {
        firstColumns ??= Object.keys(record.raw);
        const value = record.outcome;
        if (value !== undefined) sawOutcome = true;
        onScored(result, value);
      },
      onReject,
      ...(progress === null ? {} : { onProgress: (read) => progress.update(leadBytes.read(), read) }),
    });
    if (!sawOutcome && summary.leads.scored > 0) {
      throw new UsageError(
        `no lead in \`${leads.display}\` has the outcome column \`${options.outcome}\` (columns: ${(firstColumns ?? []).join(", ")})`,
      );
    }
    const asOf: AsOf =
      "field" in time
        ? { field: time.field, offset: time.offset }
        : { instant: formatInstant(time.instantMs) };
    return { artifact, summary, asOf };
  } catch (error) {
    if (error instanceof InputFileError) throw new UsageError(error.message);
    throw error;
  } finally {
    progress?.clear();
    leads.close();
    eventsIndex?.dispose();
  }
}

type TimeOptions = { instantMs: number } | { field: string; offset: string; offsetMs: number };

function timeOptions(options: HistoryOptions): TimeOptions {
  if (options.asOfField !== undefined) {
    if (options.asOf !== undefined) throw new UsageError("give --as-of or --as-of-field, not both");
    const offset = options.offset ?? "0d";
    const match = /^(\d+)([mhdw])$/.exec(offset);
    if (match === null)
      throw new UsageError(`--offset \`${offset}\` is not a duration like 7d, 12h, 30m or 2w`);
    const offsetMs = Number(match[1]) * DURATION_UNIT_MS[match[2] as keyof typeof DURATION_UNIT_MS];
    return { field: options.asOfField, offset, offsetMs };
  }
  if (options.offset !== undefined && options.offset !== "0d")
    throw new UsageError("--offset needs --as-of-field");
  const instantMs = options.asOf === undefined ? Date.now() : parseInstant(options.asOf);
  if (Number.isNaN(instantMs))
    throw new UsageError(
      `--as-of \`${options.asOf}\` is not an ISO-8601 time (for example 2026-11-01T00:00:00Z)`,
    );
  return { instantMs };
}
