import type { TransitionSummary } from "./transitions.js";
import { ConversionTally, type ConversionSummary } from "./conversion.js";
import { OutcomeCounts, type OutcomeSummary } from "./outcomes.js";
import type { EventsByLead } from "../io/read-events.js";
import { describeLeadIssue, joinEvents } from "../io/event-lookup.js";
import type { ReadItem, RecordPosition } from "../io/read-item.js";
import type { InputReport, LeadRecord } from "../io/lead-records.js";
import type { OutcomeOptions } from "../io/input-options.js";
import type { JsonObject } from "../io/read-ndjson.js";
import type { ScoreResult } from "../eval/result.js";
import { parseInstant } from "../eval/instant.js";
import type { RuleUsageTally, UsageSummary } from "./rule-usage.js";

/** One problem with a lead or its events, as validation reports it: `events[2].at`, `not a timestamp`. */
export interface BatchIssue {
  path: string;
  reason: string;
}

type Lead = Readonly<Record<string, unknown>>;
type LeadEvent = Readonly<Record<string, unknown>>;

/** What a batch needs from a ruleset: make a record a lead (see LeadPreparer), score it (as of a fixed time). */
export interface BatchScorer {
  /**
   * Types, cleans and validates a record and its events; issues reject the record. `times`: each event's
   * time as validation read it (readEventTimes), for the batch and for `score` to read from there.
   */
  prepare(
    record: LeadRecord,
    events: readonly LeadEvent[],
  ): { lead: Lead; events: readonly LeadEvent[]; times: readonly number[]; issues: readonly BatchIssue[] };
  /**
   * `record` is the lead as read (every column), for scorers that need more than the schema; `times`
   * the events' times from `prepare`.
   */
  score(lead: Lead, events: readonly LeadEvent[], record: LeadRecord, times: readonly number[]): ScoreResult;
}

/** A bad record, as written to the rejects file: one JSON object per line, keys in this order. */
export interface RejectLine {
  record: number;
  line: number;
  source: string;
  reason: string;
  /** The record as read: its fields when it could be read, its text (shortened) when it could not. */
  raw: unknown;
}

export interface BatchSummary {
  asOf: string;
  leads: { source: string; read: number; scored: number; rejected: number; firstRejectReason?: string };
  /** What happened to the scored leads; these add up to `leads.scored`. */
  outcomes: OutcomeSummary;
  events: EventsSummary | null;
  /** What changed since the previous run, with `--previous` or `--changes`. */
  transitions?: TransitionSummary;
  /** Conversion per bucket and grade, when an outcome field was named. */
  conversion?: ConversionSummary;
  /** What reading the file found: mapping, warnings, unknown keys, duplicates, odd event times. */
  input?: InputSummary;
  /** Rules that fired for no lead, and rule values no lead has (when the batch was given a tally). */
  usage?: UsageSummary;
}

export interface InputSummary extends InputReport {
  /** Events of scored leads dated after the as-of time: ignored by the semantics, counted here. */
  eventsAfterAsOf: number;
  /** Events of scored leads dated before 2000: most often a timestamp read in the wrong unit. */
  eventsBefore2000: number;
}

export interface EventsSummary {
  source: string;
  /** Logical records: `rejected + attached + unmatched`. */
  read: number;
  rejected: number;
  /** Events filed under a lead that appears in the leads file (scored or rejected). */
  attached: number;
  /** Events whose `lead_id` is no lead of the leads file: not lost, reported here. */
  unmatched: number;
  unmatchedLeads: number;
  /** The first few unknown lead ids, in file order. */
  unmatchedExamples: string[];
}

export interface BatchOptions {
  scorer: BatchScorer;
  leads: AsyncIterable<ReadItem<LeadRecord>>;
  /** Filled by the reader as it goes; summarized at the end. */
  inputReport?: InputReport;
  /** The leads file as the user named it, for rejects and the summary. */
  leadsSource: string;
  events: { source: string; index: EventsByLead } | null;
  asOf: string;
  /** Declared order of bucket names and exclusion reasons, so that summaries list them as the rules do. */
  bucketOrder?: readonly string[];
  exclusionOrder?: readonly string[];
  /**
   * Called once per scored lead, in input order, with the lead as read (every column, mapped or not);
   * a returned promise is awaited (back-pressure).
   */
  onResult(result: ScoreResult, position: RecordPosition, record: LeadRecord): void | Promise<void>;
  onReject(reject: RejectLine): void | Promise<void>;
  /** The column holding each lead's historical outcome (yes/no), for conversion rates. */
  outcome?: OutcomeOptions | null;
  /** Called after every record with the number read so far. */
  onProgress?(read: number): void;
  /** Counts which rules fire and which of the rules' values the scored leads have. */
  usage?: RuleUsageTally;
}

const UNMATCHED_EXAMPLES = 5;

/**
 * Scores a stream of leads one at a time, in input order. Every record ends up either scored (onResult) or
 * rejected (onReject) — reader failures and validation issues alike — so `read = scored + rejected`.
 * Memory does not grow with the number of leads: nothing per lead is kept once it is written.
 */
export async function scoreBatch(options: BatchOptions): Promise<BatchSummary> {
  const { scorer, events } = options;
  const outcomes = new OutcomeCounts();
  let read = 0;
  let scored = 0;
  let rejected = 0;
  const conversion =
    options.outcome === undefined || options.outcome === null ? null : new ConversionTally(options.outcome);
  const asOfMs = parseInstant(options.asOf);
  let eventsAfterAsOf = 0;
  let eventsBefore2000 = 0;

  let firstRejectReason: string | undefined;
  const reject = async (position: RecordPosition, reason: string, raw: unknown): Promise<void> => {
    rejected += 1;
    firstRejectReason ??= reason;
    await options.onReject({
      record: position.record,
      line: position.line,
      source: options.leadsSource,
      reason,
      raw,
    });
  };

  for await (const item of options.leads) {
    read += 1;
    if (item.kind === "reject") {
      await reject(item, item.reason, item.raw);
    } else {
      const input = item.value;
      const id = input.id;
      // The index notes that the id was taken: the summary counts the events no lead took.
      const embedded: readonly JsonObject[] = input.events;
      const { events: leadEvents, filed } = joinEvents(id, embedded, events?.index.byLead);

      const prepared = scorer.prepare(input, leadEvents);

      if (prepared.issues.length > 0) {
        const reason = prepared.issues
          .map((issue) => describeLeadIssue(issue, embedded.length, filed, events?.source))
          .join("; ");
        await reject(item, reason, rawOf(input));
      } else {
        const { times } = prepared;
        for (let i = 0; i < times.length; i++) {
          const at = times[i]!;
          if (at > asOfMs) eventsAfterAsOf += 1;
          else if (at < YEAR_2000) eventsBefore2000 += 1;
        }
        options.usage?.observe(prepared.lead, prepared.events);
        const result = scorer.score(prepared.lead, prepared.events, input, prepared.times);
        options.usage?.count(result);
        scored += 1;
        outcomes.add(result);
        conversion?.add(result, input.outcome);
        await options.onResult(result, item, input);
      }
    }
    options.onProgress?.(read);
  }

  return {
    asOf: options.asOf,
    leads: {
      source: options.leadsSource,
      read,
      scored,
      rejected,
      ...(scored === 0 && firstRejectReason !== undefined ? { firstRejectReason } : {}),
    },
    outcomes: outcomes.summary(options.bucketOrder ?? [], options.exclusionOrder ?? []),
    events: events === null ? null : summarizeEvents(events.source, events.index),
    ...(conversion === null ? {} : { conversion: conversion.summary(options.bucketOrder ?? []) }),
    ...(options.inputReport === undefined
      ? {}
      : { input: { ...options.inputReport, eventsAfterAsOf, eventsBefore2000 } }),
    ...(options.usage === undefined || scored === 0 ? {} : { usage: options.usage.summary() }),
  };
}

const YEAR_2000 = Date.UTC(2000, 0, 1);

function rawOf(input: LeadRecord): unknown {
  if (input.events.length === 0) return input.fields;
  return { ...input.fields, events: input.events };
}

function summarizeEvents(source: string, index: EventsByLead): EventsSummary {
  let attached = 0;
  let unmatched = 0;
  let unmatchedLeads = 0;
  // The first few unknown ids in file order (an index on disk lists ids sorted): by their first record.
  const examples: Array<{ id: string; first: number }> = [];
  for (const { id, events, first, taken } of index.byLead.ids()) {
    if (taken) {
      attached += events;
      continue;
    }
    unmatched += events;
    unmatchedLeads += 1;
    if (examples.length === UNMATCHED_EXAMPLES && first > examples[UNMATCHED_EXAMPLES - 1]!.first) continue;
    examples.push({ id, first });
    examples.sort((a, b) => a.first - b.first);
    if (examples.length > UNMATCHED_EXAMPLES) examples.pop();
  }
  return {
    source,
    read: index.read,
    rejected: index.rejected,
    attached,
    unmatched,
    unmatchedLeads,
    unmatchedExamples: examples.map((example) => example.id),
  };
}
