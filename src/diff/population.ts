/**
 * Scores one population under two rulesets and reports what moved: bucket counts, the transition matrix,
 * the leads whose bucket or actions changed with the rule changes that moved them, and the distribution
 * of score changes.
 *
 * Each lead is scored once per side and compared on the spot; only the leads that moved are kept, so
 * time is linear in the population and memory grows with the number of moves, not of leads.
 */
import type { Artifact } from "../compile/artifact.js";
import { canonicalJson } from "../compile/hash.js";
import { InvalidAsOfError } from "../eval/errors.js";
import { formatInstant, toInstant } from "../eval/instant.js";
import { round2 } from "../eval/round.js";
import { createRuleset } from "../eval/ruleset.js";
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

/** A lead of the population: valid for both rulesets (see population-load.ts for reading files). */
export interface PopulationLead {
  lead: Readonly<Record<string, unknown>>;
  events: readonly Readonly<Record<string, unknown>>[];
  /** Where it comes from, for the report (`rules/tests/acme.test.yaml:12`); default `#<n>`. */
  source?: string;
  /** Scores this lead as of its own instant (fixture cases carry one) instead of the run's. */
  asOf?: Date | string | number;
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

/**
 * Compares two rulesets on a population. Throws RulesetLoadError for an artifact that does not load and
 * InvalidAsOfError for an `asOf` that is not a time (both are mistakes of the caller, not of the data).
 */
export function diffRulesets(options: DiffRulesetsOptions): DiffReport {
  const { base, head } = options;
  const runAsOf = toInstant(options.asOf);
  if (Number.isNaN(runAsOf)) {
    throw new InvalidAsOfError(
      `as-of time ${JSON.stringify(options.asOf)} is not an ISO-8601 timestamp, epoch milliseconds or a valid Date`,
    );
  }
  const baseAsOf = options.baseAsOf === undefined ? runAsOf : toInstant(options.baseAsOf);
  if (Number.isNaN(baseAsOf)) {
    throw new InvalidAsOfError(`base as-of time ${JSON.stringify(options.baseAsOf)} is not a time`);
  }
  const baseRuleset = createRuleset(base);
  const headRuleset = createRuleset(head);
  const plan = planChanges(base, head);
  const ruleChanges = plan.changes.map((planned) => planned.change);
  const attribution = new Attribution(base, head, plan);
  const impact = ruleChanges.map(() => ({ leads: 0, moved: 0 }));

  const beforeCounts = new Map<string, number>();
  const afterCounts = new Map<string, number>();
  const transitions = new Map<string, Map<string, number>>();
  const deltas = new DeltaCollector();
  const routing = new RoutingCounter(creationFieldOf(head));
  const moved: Array<MovedLead & { order: number }> = [];
  let leads = 0;
  let changedBucket = 0;
  let changedActions = 0;
  let changedScore = 0;

  for (const entry of options.population) {
    const order = leads++;
    const asOf = { asOf: entry.asOf ?? runAsOf };
    const events = entry.events as readonly ScoringEvent[];
    const before = baseRuleset.score(entry.lead, events, { asOf: entry.asOf ?? baseAsOf });
    const after = headRuleset.score(entry.lead, events, asOf);

    const beforeLabel = transitionLabel(before);
    const afterLabel = transitionLabel(after);
    increment(beforeCounts, beforeLabel);
    increment(afterCounts, afterLabel);
    let row = transitions.get(beforeLabel);
    if (row === undefined) {
      row = new Map();
      transitions.set(beforeLabel, row);
    }
    increment(row, afterLabel);

    routing.add(entry.lead, before.actions, after.actions);
    if (before.score !== null && after.score !== null) deltas.add(round2(after.score - before.score));
    if (before.score !== after.score) changedScore += 1;

    const differing = attribution.differingRules(before, after);
    for (const key of differing) {
      const index = attribution.changeIndex(key);
      if (index !== undefined) impact[index]!.leads += 1;
    }

    const bucketChanged = beforeLabel !== afterLabel;
    const actionsChanged = !sameActions(before.actions, after.actions);
    if (bucketChanged) changedBucket += 1;
    if (actionsChanged) changedActions += 1;
    if (!bucketChanged && !actionsChanged) continue;

    const { causes, undecided } = attribution.causes(entry, asOf, before, after, differing);
    for (const index of causes) impact[index]!.moved += 1;
    moved.push({
      order,
      id: before.id ?? after.id,
      source: entry.source ?? `#${order + 1}`,
      before: outcomeOf(before, beforeLabel),
      after: outcomeOf(after, afterLabel),
      bucketChanged,
      actionsChanged,
      rules: attribution.ruleDeltas(before, after, differing),
      causes,
      undecided,
    });
  }

  moved.sort((a, b) => compareLeadIds(a.id, b.id) || a.order - b.order);
  const order = labelOrder(base, head);
  const changes: ImpactedChange[] = ruleChanges.map(({ key: _key, ...change }, index) => ({
    ...change,
    leads: attribution.isRuleChange(index) ? impact[index]!.leads : null,
    moved: impact[index]!.moved,
  }));
  if (options.configChange) {
    // Last, so that the indexes of the rule changes (causes) stay as they are; it names no lead.
    const { key: _key, ...change } = options.configChange;
    changes.push({ ...change, leads: null, moved: 0 });
  }

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
      leads,
      changedBucket,
      changedActions,
      moved: moved.length,
      changedScore,
    },
    buckets: bucketCounts(order, beforeCounts, afterCounts),
    routing: { teams: routing.loads(head, base), span: routing.span() },
    transitions: transitionMatrix(order, beforeCounts, afterCounts, transitions),
    moved: moved.map(({ order: _order, ...lead }) => lead),
    scoreDeltas: deltas.summarize(),
    population: {
      sources: options.inputs?.sources ?? [],
      rejected: options.inputs?.rejects.length ?? 0,
      rejects: options.inputs?.rejects ?? [],
    },
  };
}

function side(label: string, artifact: Artifact): RulesetSide {
  return { label, name: artifact.name, version: artifact.version, sourceHash: artifact.sourceHash };
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
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
    for (const bucket of [...artifact.buckets, ...artifact.models.flatMap((m) => m.buckets ?? [])]) {
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
