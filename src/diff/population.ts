/**
 * Scores one population under two rulesets and reports what moved: bucket counts, the transition matrix,
 * the leads whose bucket or actions changed with the rule changes that moved them, and the distribution
 * of score changes.
 *
 * Each lead is scored once per side and compared on the spot (PopulationDiff); only the leads that moved
 * are kept, and those can spill to disk, so time is linear in the population and memory stays flat.
 */
import type { Artifact } from "../compile/artifact.js";
import { canonicalJson } from "../compile/hash.js";
import { InvalidAsOfError } from "../eval/errors.js";
import { formatInstant, toInstant } from "../eval/instant.js";
import { round2 } from "../eval/round.js";
import { createRuleset, type Ruleset, type ScoreOptions } from "../eval/ruleset.js";
import type { ScoreResult } from "../eval/result.js";
import type { ScoringEvent } from "../eval/event-index.js";
import { describeAction } from "../compile/print-artifact.js";
import { Attribution, sameActions } from "./attribution.js";
import { creationFieldOf, RoutingCounter } from "./routing.js";
import {
  OUTCOME_LABELS,
  type BucketCount,
  type DiffReport,
  type ImpactedChange,
  type LeadOutcome,
  type MovedLead,
  type PopulationSourceSummary,
  type RejectedRecord,
  type RulesetSide,
  type TransitionMatrix,
} from "./report/model.js";
import { planChanges, type RuleChange } from "./rules.js";
import { compareLeadIds } from "./sort.js";
import { DeltaCollector } from "./stats.js";
import { OutcomeComparison } from "./outcomes.js";
import { SortedSpill, SpillDirectory } from "../io/spill.js";
import { RuleUsageTally, type ObserveLead } from "../batch/rule-usage.js";
import { increment } from "../batch/outcomes.js";
import { newUsageProblems } from "./usage.js";
import { everyBucket } from "../compile/every-bucket.js";

/** A lead of the population: valid for both rulesets (see population-load.ts for reading files). */
export interface PopulationLead {
  lead: Readonly<Record<string, unknown>>;
  events: readonly Readonly<Record<string, unknown>>[];
  /**
   * Each event's time, as the input layer read them to validate the lead (PreparedLead.times): both
   * rulesets score the lead with these rather than read them again. Absent: each reads them itself.
   */
  times?: readonly number[];
  /** Where it comes from, for the report (`rules/tests/acme.test.yaml:12`); default `#<n>`. */
  source?: string;
  /** Scores this lead as of its own instant (fixture cases carry one) instead of the run's. */
  asOf?: Date | string | number;
  /**
   * Whether the lead converted, when its file has an outcome column: null when its value is missing or
   * unreadable; absent for leads from sources without one (fixture cases).
   */
  outcome?: boolean | null;
  /** Its record number in its file, when a database took the file's other records (population-load.ts). */
  record?: number;
}

export interface DiffRulesetsOptions {
  base: Artifact;
  head: Artifact;
  population: Iterable<PopulationLead>;
  asOf: Date | string | number;
  /** How the report names the two sides (default `base` and `head`). */
  baseLabel?: string;
  headLabel?: string;
  asOfSource?: DiffReport["asOfSource"];
  /** The inputs the population was read from, and the records that could not be scored. */
  inputs?: { sources: PopulationSourceSummary[]; rejects: RejectedRecord[] };
  /** The change of leadscore.yaml between the sides (listed last among the changes), if any. */
  configChange?: RuleChange | null;
  /** The fixture files that differ between the sides; null when not known. */
  fixturesChanged?: string[] | null;
  /** The base side's own as-of time, when it differs from the head's (each side reads its own config). */
  baseAsOf?: Date | string | number;
}

/** How a side scores a lead: as of its own instant or else the side's, with the times read for it. */
function scoreOptions(entry: PopulationLead, asOf: number): ScoreOptions {
  return { asOf: entry.asOf ?? asOf, eventTimes: entry.times };
}

/** A moved lead with its place in the population, the tie-break of the report's order (by id). */
export type OrderedMove = MovedLead & { order: number };

/** The order moved leads are listed in: by id (see sort.ts), then by their place in the population. */
export function compareMoves(a: OrderedMove, b: OrderedMove): number {
  return compareLeadIds(a.id, b.id) || a.order - b.order;
}

/** What `PopulationDiff.report` needs besides the tallies: what the population was read from. */
export interface ReportInputs {
  sources: PopulationSourceSummary[];
  /** The first rejected records (all of them unless `rejected` says there are more). */
  rejects: RejectedRecord[];
  /** Rejected records in all (default: `rejects.length`). */
  rejected?: number;
  /** Records refused by one side only (default: counted in `rejects`). */
  refusedByOneSide?: number;
}

/**
 * Compares two rulesets on a population. Throws RulesetLoadError for an artifact that does not load and
 * InvalidAsOfError for an `asOf` that is not a time (both are mistakes of the caller, not of the data).
 */
export function diffRulesets(options: DiffRulesetsOptions): DiffReport {
  const diff = new PopulationDiff(options);
  for (const entry of options.population) diff.add(entry);
  return diff.report(diff.moved.sorted(), options.inputs ?? { sources: [], rejects: [] });
}

export type DiffSetup = Omit<DiffRulesetsOptions, "population" | "inputs">;

/**
 * One pass over a population: `add` scores a lead under both rulesets and keeps only what the report
 * needs — counts per bucket, the transition matrix, score changes, per-change tallies, routing loads —
 * and, for a lead that moved, its row with the changes that caused the move (found on the spot: the lead
 * is still at hand). Nothing else of a lead outlives its `add`, so memory does not grow with the
 * population; the moved leads go to `moved`, which spills to disk when given a SortedSpill that does.
 */
export class PopulationDiff {
  readonly moved: SortedSpill<OrderedMove>;
  readonly #options: DiffSetup;
  readonly #runAsOf: number;
  readonly #baseAsOf: number;
  readonly #baseRuleset: Ruleset;
  readonly #headRuleset: Ruleset;
  readonly #ruleChanges: RuleChange[];
  readonly #attribution: Attribution;
  readonly #impact: Array<{ leads: number; moved: number }>;
  readonly #beforeCounts = new Map<string, number>();
  readonly #afterCounts = new Map<string, number>();
  readonly #transitions = new Map<string, Map<string, number>>();
  readonly #deltas = new DeltaCollector();
  readonly #routing: RoutingCounter;
  readonly #outcomes = new OutcomeComparison();
  readonly #baseUsage: RuleUsageTally;
  readonly #headUsage: RuleUsageTally;
  /** Both tallies observe each lead at once: the fields both sides probe are read once. */
  readonly #observeUsage: ObserveLead;
  #leads = 0;
  #changedBucket = 0;
  #changedActions = 0;
  #changedScore = 0;

  /** `moved`: where moved leads are kept (default: in memory). */
  constructor(options: DiffSetup, moved?: SortedSpill<OrderedMove>) {
    const { base, head } = options;
    this.#options = options;
    this.#runAsOf = toInstant(options.asOf);
    if (Number.isNaN(this.#runAsOf)) {
      throw new InvalidAsOfError(
        `as-of time ${JSON.stringify(options.asOf)} is not an ISO-8601 timestamp, epoch milliseconds or a valid Date`,
      );
    }
    this.#baseAsOf = options.baseAsOf === undefined ? this.#runAsOf : toInstant(options.baseAsOf);
    if (Number.isNaN(this.#baseAsOf)) {
      throw new InvalidAsOfError(`base as-of time ${JSON.stringify(options.baseAsOf)} is not a time`);
    }
    this.#baseRuleset = createRuleset(base);
    this.#headRuleset = createRuleset(head);
    const plan = planChanges(base, head);
    this.#ruleChanges = plan.changes.map((planned) => planned.change);
    this.#attribution = new Attribution(base, head, plan);
    this.#impact = this.#ruleChanges.map(() => ({ leads: 0, moved: 0 }));
    this.#routing = new RoutingCounter(creationFieldOf(head));
    this.#baseUsage = new RuleUsageTally(base);
    this.#headUsage = new RuleUsageTally(head);
    this.#observeUsage = RuleUsageTally.observer([this.#baseUsage, this.#headUsage]);
    this.moved = moved ?? new SortedSpill(new SpillDirectory(), "moved", compareMoves, Infinity);
  }

  /** The two rulesets. */
  get artifacts(): { base: Artifact; head: Artifact } {
    return { base: this.#options.base, head: this.#options.head };
  }

  /** The instants each side scores a lead as of, unless the lead has its own (epoch ms). */
  get asOf(): { base: number; head: number } {
    return { base: this.#baseAsOf, head: this.#runAsOf };
  }

  /**
   * The rules (ids, per side) whose points can count toward a change's impact (Attribution.changedRules):
   * what `count` needs of a result's contributions besides the rules that fired, which the usage tallies
   * (`observers.usage`) can be told apart.
   */
  get changedRules(): { base: Set<string>; head: Set<string> } {
    return this.#attribution.changedRules();
  }

  /** Leads added so far. */
  get leads(): number {
    return this.#leads;
  }

  add(entry: PopulationLead): void {
    const order = this.#leads;
    const { before, after } = this.#scored(entry);
    this.observe(entry);
    const move = this.count(before, after, entry.outcome);
    if (move !== null) this.#pushMove(entry, order, before, after, move.differing);
  }

  /**
   * What a lead itself (not its results) adds to the report: the values the rules probe for, its creation
   * time. The database engines call it while the population is read, and count its results later.
   */
  observe(entry: PopulationLead): void {
    this.#observeUsage(entry.lead, entry.events);
    this.#routing.noteCreation(entry.lead);
  }

  /**
   * For a database that observes the leads it holds itself (population-database.ts): the tallies of probed
   * values of both sides (fed through `noteValue` in the order `observe` would see them), and the routing
   * counter (creation times, in any order).
   */
  get observers(): { usage: readonly RuleUsageTally[]; routing: RoutingCounter } {
    return { usage: [this.#baseUsage, this.#headUsage], routing: this.#routing };
  }

  /**
   * Counts `times` leads (1 unless identical results are counted at once) with these results under base
   * and head and this outcome. The results may hold only the contributions of `changedRules` (and the
   * clamp's) when the caller notes every rule that fired in the usage tallies itself. For a lead that
   * moved, returns the rules whose points differ for it, so that its row can be built (the rows are built
   * by `addMove`, the lead at hand); null when nothing moved.
   */
  count(
    before: ScoreResult,
    after: ScoreResult,
    outcome: boolean | null | undefined,
    times = 1,
  ): { differing: string[] } | null {
    this.#leads += times;
    const attribution = this.#attribution;
    this.#baseUsage.count(before);
    this.#headUsage.count(after);

    const beforeLabel = transitionLabel(before);
    const afterLabel = transitionLabel(after);
    increment(this.#beforeCounts, beforeLabel, times);
    increment(this.#afterCounts, afterLabel, times);
    let row = this.#transitions.get(beforeLabel);
    if (row === undefined) {
      row = new Map();
      this.#transitions.set(beforeLabel, row);
    }
    increment(row, afterLabel, times);

    this.#routing.count(before.actions, after.actions, times);
    this.#outcomes.add(
      { result: before, label: beforeLabel },
      { result: after, label: afterLabel },
      outcome,
      times,
    );
    if (before.score !== null && after.score !== null) {
      this.#deltas.add(round2(after.score - before.score), times);
    }
    if (before.score !== after.score) this.#changedScore += times;

    const differing = attribution.differingRules(before, after);
    for (const key of differing) {
      const index = attribution.changeIndex(key);
      if (index !== undefined) this.#impact[index]!.leads += times;
    }

    const bucketChanged = beforeLabel !== afterLabel;
    const actionsChanged = !sameActions(before.actions, after.actions);
    if (bucketChanged) this.#changedBucket += times;
    if (actionsChanged) this.#changedActions += times;
    return bucketChanged || actionsChanged ? { differing } : null;
  }

  /**
   * The row of a lead already counted (`count`) that moved: scored again here (the same results the
   * counts were made from) to find the changes that caused the move. `order`: its place in the population.
   */
  addMove(entry: PopulationLead, order: number): void {
    const { before, after } = this.#scored(entry);
    const differing = this.#attribution.differingRules(before, after);
    if (transitionLabel(before) === transitionLabel(after) && sameActions(before.actions, after.actions)) {
      throw new Error(`internal: lead #${order + 1} was counted as moved but did not move`);
    }
    this.#pushMove(entry, order, before, after, differing);
  }

  #scored(entry: PopulationLead): { before: ScoreResult; after: ScoreResult } {
    const events = entry.events as readonly ScoringEvent[];
    return {
      before: this.#baseRuleset.score(entry.lead, events, scoreOptions(entry, this.#baseAsOf)),
      after: this.#headRuleset.score(entry.lead, events, scoreOptions(entry, this.#runAsOf)),
    };
  }

  #pushMove(
    entry: PopulationLead,
    order: number,
    before: ScoreResult,
    after: ScoreResult,
    differing: string[],
  ): void {
    const attribution = this.#attribution;
    const { causes, undecided } = attribution.causes(
      entry,
      scoreOptions(entry, this.#runAsOf),
      before,
      after,
      differing,
    );
    for (const index of causes) this.#impact[index]!.moved += 1;
    const beforeLabel = transitionLabel(before);
    const afterLabel = transitionLabel(after);
    this.moved.push({
      order,
      id: before.id ?? after.id,
      source: entry.source ?? `#${order + 1}`,
      before: outcomeOf(before, beforeLabel),
      after: outcomeOf(after, afterLabel),
      bucketChanged: beforeLabel !== afterLabel,
      actionsChanged: !sameActions(before.actions, after.actions),
      rules: attribution.ruleDeltas(before, after, differing),
      causes,
      undecided,
    });
  }

  /**
   * The report. `moved` is the moved leads to list in it, in order (compareMoves): all of them, or the
   * first ones when the rest stream from `this.moved` to a full report; counts always cover every lead.
   */
  report(moved: readonly OrderedMove[], inputs: ReportInputs): DiffReport {
    const options = this.#options;
    const { base, head } = options;
    const order = labelOrder(base, head);
    const changes: ImpactedChange[] = this.#ruleChanges.map(({ key: _key, ...change }, index) => ({
      ...change,
      leads: this.#attribution.isRuleChange(index) ? this.#impact[index]!.leads : null,
      moved: this.#impact[index]!.moved,
    }));
    if (options.configChange) {
      // Last, so that the indexes of the rule changes (causes) stay as they are; it names no lead.
      const { key: _key, ...change } = options.configChange;
      changes.push({ ...change, leads: null, moved: 0 });
    }
    const runAsOf = this.#runAsOf;
    const baseAsOf = this.#baseAsOf;
    const buckets = bucketCounts(order, this.#beforeCounts, this.#afterCounts);
    const teams = this.#routing.loads(head, base);
    const usage =
      this.#leads === 0
        ? null
        : newUsageProblems(
            { artifact: base, usage: this.#baseUsage.summary() },
            { artifact: head, usage: this.#headUsage.summary() },
          );
    return {
      base: side(options.baseLabel ?? "base", base),
      head: side(options.headLabel ?? "head", head),
      asOf: formatInstant(runAsOf),
      asOfSource: options.asOfSource ?? "given",
      baseAsOf: baseAsOf === runAsOf ? null : formatInstant(baseAsOf),
      schemasDiffer: canonicalJson(base.schema.lead) !== canonicalJson(head.schema.lead),
      fixturesChanged: options.fixturesChanged ?? null,
      changes,
      summary: {
        leads: this.#leads,
        changedBucket: this.#changedBucket,
        changedActions: this.#changedActions,
        moved: this.moved.size,
        changedScore: this.#changedScore,
      },
      buckets,
      routing: { teams, span: this.#routing.span() },
      transitions: transitionMatrix(order, this.#beforeCounts, this.#afterCounts, this.#transitions),
      moved: moved.map(withoutOrder),
      scoreDeltas: this.#deltas.summarize(),
      outcomes: this.#outcomes.result(
        outcomeColumns(inputs.sources),
        buckets.map((bucket) => bucket.bucket),
        teams.map((load) => load.team),
      ),
      population: {
        sources: inputs.sources,
        rejected: inputs.rejected ?? inputs.rejects.length,
        rejects: inputs.rejects,
        refusedByOneSide: inputs.refusedByOneSide ?? inputs.rejects.filter(isRefusedByOneSide).length,
      },
      ...(usage === null ? {} : { usage }),
    };
  }
}

/** A moved lead as the report lists it (its place in the population only decided the order). */
export function withoutOrder({ order: _order, ...lead }: OrderedMove): MovedLead {
  return lead;
}

/** A record valid under one ruleset only (the sides declare different schemas); see population-load.ts. */
export function isRefusedByOneSide(reject: RejectedRecord): boolean {
  return /^under the (base|head) rules/.test(reject.reason);
}

function side(label: string, artifact: Artifact): RulesetSide {
  return { label, name: artifact.name, version: artifact.version, sourceHash: artifact.sourceHash };
}

/** Where a lead ends up: its bucket, or why it has none. */
export function transitionLabel(result: ScoreResult): string {
  if (result.model === null) return OUTCOME_LABELS.unscored;
  if (result.excluded !== null) return OUTCOME_LABELS.excluded;
  return result.bucket ?? OUTCOME_LABELS.none;
}

function outcomeOf(result: ScoreResult, label: string): LeadOutcome {
  return {
    model: result.model,
    score: result.score,
    grade: result.grade,
    bucket: label,
    excluded: result.excluded,
    actions: result.actions.map(describeAction),
  };
}

/** Buckets in the order the head declares them (global, then each model's own), then the base's others. */
function labelOrder(base: Artifact, head: Artifact): string[] {
  const names: string[] = [];
  for (const artifact of [head, base]) {
    for (const bucket of everyBucket(artifact)) {
      if (!names.includes(bucket.name)) names.push(bucket.name);
    }
  }
  return names;
}

const SPECIAL_LABELS = [OUTCOME_LABELS.none, OUTCOME_LABELS.excluded, OUTCOME_LABELS.unscored];

/** Every declared bucket (even when empty on both sides), then the other outcomes that occur. */
function bucketCounts(
  declared: readonly string[],
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
): BucketCount[] {
  const labels = [...declared, ...SPECIAL_LABELS.filter((label) => before.has(label) || after.has(label))];
  return labels.map((bucket) => {
    const b = before.get(bucket) ?? 0;
    const a = after.get(bucket) ?? 0;
    return { bucket, before: b, after: a, delta: a - b };
  });
}

function transitionMatrix(
  declared: readonly string[],
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
  transitions: ReadonlyMap<string, ReadonlyMap<string, number>>,
): TransitionMatrix {
  const labels = [...declared, ...SPECIAL_LABELS].filter((label) => before.has(label) || after.has(label));
  return {
    labels,
    counts: labels.map((from) => labels.map((to) => transitions.get(from)?.get(to) ?? 0)),
  };
}

/** The outcome columns the population files were read with, each once. */
function outcomeColumns(sources: readonly PopulationSourceSummary[]): string[] {
  return [
    ...new Set(sources.flatMap((source) => (source.outcome === undefined ? [] : [source.outcome.column]))),
  ];
}
