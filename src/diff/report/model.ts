/**
 * The impact report of a rules change, as data: the renderers (text, markdown, JSON) only lay it out.
 * Every list in it is in a stable order, so the same two rulesets and the same leads give the same bytes.
 */
import type { UnseenValue, UsageSummary } from "../../batch/rule-usage.js";
import type { RuleChange } from "../rules.js";

/** What one side decided for a lead, reduced to what the report shows. */
export interface LeadOutcome {
  model: string | null;
  score: number | null;
  grade: string | null;
  /** The transition label: the bucket's name, or `(excluded)`, `(none)`, `(unscored)`. */
  bucket: string;
  excluded: string | null;
  /** Each action as one line of text (`route sales within 4h`). */
  actions: string[];
}

/** A contribution that differs between the two sides, matched by rule identity. */
export interface RuleDelta {
  model: string | null;
  section: "fit" | "engagement" | "clamp";
  /** The rule as written on the head side (on the base side when the head has no such rule). */
  rule: string;
  /** Points contributed, null when the rule gave nothing on that side. */
  before: number | null;
  after: number | null;
  /** The rule change this difference comes from (index into `changes`); null for a clamp that did not change. */
  change: number | null;
}

/** A lead whose bucket or actions differ between the two sides. */
export interface MovedLead {
  id: string | null;
  /** Where the lead comes from: `rules/tests/acme.test.yaml:12`, `data/leads.csv record 5`. */
  source: string;
  before: LeadOutcome;
  after: LeadOutcome;
  bucketChanged: boolean;
  actionsChanged: boolean;
  /** The rules whose contribution differs, in rule order (head side first). */
  rules: RuleDelta[];
  /**
   * The changes that caused the move (indexes into `changes`, ascending): each one, undone alone with
   * every other change kept, gives the lead another bucket or other actions than it now gets.
   */
  causes: number[];
  /** No single change is needed for the move: any one undone alone, the lead still moves. */
  undecided: boolean;
}

/** A semantic change with how many leads it touched. */
export interface ImpactedChange extends Omit<RuleChange, "key"> {
  /** Leads whose contribution from this rule (or clamp) differs; null for changes that are not rules. */
  leads: number | null;
  /** Moved leads this change is a cause of (see MovedLead.causes). */
  moved: number;
}

export interface BucketCount {
  bucket: string;
  before: number;
  after: number;
  delta: number;
}

export interface TransitionMatrix {
  /** Row and column labels, in report order; only labels that occur on either side. */
  labels: string[];
  /** counts[row][column]: leads in base bucket `labels[row]` and head bucket `labels[column]`. */
  counts: number[][];
}

export interface DeltaBand {
  label: string;
  count: number;
}

export interface ScoreDeltas {
  /** Leads with a score on both sides. */
  compared: number;
  up: number;
  down: number;
  unchanged: number;
  /** Over the compared leads; null when there are none. */
  min: number | null;
  median: number | null;
  max: number | null;
  /** From the biggest drop to the biggest rise, `unchanged` in the middle. */
  bands: DeltaBand[];
}

/** A lead record that was not scored, and why. */
export interface RejectedRecord {
  source: string;
  reason: string;
}

/** One input of the population, with its counts: `read = accepted + rejected`. */
export interface PopulationSourceSummary {
  source: string;
  /** Records (leads, fixture cases, events) in the file. */
  read: number;
  /** Records that joined the population (events: filed under a lead id). */
  accepted: number;
  rejected: number;
  /** Fixture files: the file's own `as_of`, which its cases are scored at instead of the run's. */
  asOf?: string | null;
  /** What reading the file found that is no single record's fault (an unmapped optional field, …). */
  warnings?: string[];
  /** Lead files read with an outcome column: the column, and the records whose outcome was left out. */
  outcome?: SourceOutcome;
}

/** How a population file's outcome column read: records without a yes/no value are counted, not guessed. */
export interface SourceOutcome {
  column: string;
  /** Accepted leads whose outcome is empty, and whose outcome is no converted / not converted value. */
  missing: number;
  unreadable: number;
  /** The first few distinct unreadable values, so that they can be configured or fixed. */
  unreadableExamples: string[];
}

/** Leads of a group with a known outcome, how many converted, the rate and its 95% Wilson interval. */
export interface ConversionCell {
  leads: number;
  converted: number;
  /** converted / leads, four decimals; null without leads. */
  rate: number | null;
  interval: { low: number; high: number } | null;
}

/** Conversion in one bucket (or `(excluded)`, `(none)`, `(unscored)`) before and after the change. */
export interface OutcomeBucketRow {
  bucket: string;
  before: ConversionCell;
  after: ConversionCell;
}

/** The leads one team is sent before and after, and how the leads that come and go converted. */
export interface OutcomeTeamRow {
  team: string;
  before: ConversionCell;
  after: ConversionCell;
  /** Routed to the team after the change and not before. */
  added: ConversionCell;
  /** Routed to the team before the change and not after. */
  removed: ConversionCell;
}

/**
 * Does the change rank converters better? `better` / `worse` when the 95% interval of the AUC difference
 * lies above / below 0, `no measurable difference` when it contains 0, `not measurable` when there is no
 * ranking to compare (fewer than two converters or two non-converters with a score on both sides).
 */
export type OutcomeVerdict = "better" | "worse" | "no measurable difference" | "not measurable";

/** The change measured on historical outcomes: present when a population file has an outcome column. */
export interface OutcomeDiff {
  /** The outcome columns of the population files that have one. */
  columns: string[];
  /** Leads with a readable outcome, and how many of them converted. */
  leads: number;
  converted: number;
  /** Leads of those files whose outcome is missing or unreadable: left out of every number here. */
  unknown: number;
  buckets: OutcomeBucketRow[];
  teams: OutcomeTeamRow[];
  ranking: {
    /** Leads with a known outcome and a score on both sides: the AUCs are computed over these. */
    leads: number;
    converted: number;
    /** Of those, the leads whose score differs between the sides (0: the ranking is the same). */
    rescored: number;
    /** AUC before and after (four decimals); null when nobody or everybody of them converted. */
    before: number | null;
    after: number | null;
    /** after − before, its DeLong standard error and 95% interval; null when not measurable. */
    difference: number | null;
    standardError: number | null;
    interval: { low: number; high: number } | null;
  };
  verdict: OutcomeVerdict;
}

/** The leads routed to one team before and after the change. */
export interface RoutingLoad {
  team: string;
  before: number;
  after: number;
  /** Per SLA (`within`), shortest first; `within` null for routes without one. */
  slas: Array<{ within: string | null; before: number; after: number }>;
  /** Leads per day over the population's span (see RoutingSpan); null when the span is not known. */
  perDay: { before: number; after: number } | null;
}

/** Over how many days the population's leads came in, from their creation field. */
export interface RoutingSpan {
  field: string;
  /** First and last creation day (YYYY-MM-DD), both counted in `days`. */
  from: string;
  to: string;
  days: number;
}

export interface RulesetSide {
  /** What the user named: a revision (`main`), a directory, or `working tree`. */
  label: string;
  name: string;
  version: number | null;
  sourceHash: string;
}

export interface DiffReport {
  base: RulesetSide;
  head: RulesetSide;
  /** The instant the population was scored at (ISO-8601), and where it came from. */
  asOf: string;
  asOfSource: "option" | "config" | "now" | "given";
  /** The base side's own `as_of` (from its leadscore.yaml) when it differs from `asOf`; else null. */
  baseAsOf: string | null;
  /** The sides declare different lead schemas: leads are compared only where both accept them. */
  schemasDiffer: boolean;
  /** The fixture files the change adds, removes or edits; null when the base's are not known. */
  fixturesChanged: string[] | null;
  changes: ImpactedChange[];
  summary: {
    leads: number;
    changedBucket: number;
    changedActions: number;
    /** Bucket or actions changed (the leads listed in `moved`). */
    moved: number;
    changedScore: number;
  };
  buckets: BucketCount[];
  /** Leads routed per team, before and after: what each team must call, and within what SLA. */
  routing: { teams: RoutingLoad[]; span: RoutingSpan | null };
  transitions: TransitionMatrix;
  /**
   * The leads that moved, by id: all of them (`summary.moved` of them), except when more moved than a
   * report keeps in memory — then the first ones, and a full report streams the rest.
   */
  moved: MovedLead[];
  scoreDeltas: ScoreDeltas;
  /** Conversion and ranking before and after, on the leads with a known outcome; null without one. */
  outcomes: OutcomeDiff | null;
  population: {
    sources: PopulationSourceSummary[];
    rejected: number;
    /**
     * The records not scored, in input order: all of them (nothing is dropped silently), except when the
     * population rejected more than a report keeps in memory — then the first ones, and a full report
     * streams the rest (see diff/stream-report.ts).
     */
    rejects: RejectedRecord[];
    /**
     * Records refused by one side only (the sides declare different lead schemas). Derived from the full
     * list of rejects, so the JSON report leaves it out; the comment states it when the list is cut.
     */
    refusedByOneSide: number;
  };
  /**
   * What the change brings that no lead of the population matches: head rules that fire for no lead and
   * rule values no lead has, where the base had no such problem. Absent when there is none.
   */
  usage?: UsageProblems;
}

export interface UsageProblems {
  neverFired: UsageSummary["neverFired"];
  unseenValues: UnseenValue[];
}

/** Transition labels for the outcomes that are not a bucket; parentheses keep them apart from bucket names. */
export const OUTCOME_LABELS = {
  excluded: "(excluded)",
  none: "(none)",
  unscored: "(unscored)",
} as const;
