/**
 * Scores one population under two rulesets and reports what moved: bucket counts, the transition matrix,
 * the leads whose bucket or actions changed with the rule changes that moved them, and the distribution
 * of score changes.
 *
 * Each lead is scored once per side and compared on the spot; only the leads that moved are kept, so
 * time is linear in the population and memory grows with the number of moves, not of leads.
 */
import type { Artifact, Bucket, Model } from "../compile/artifact.js";
import { InvalidAsOfError } from "../eval/errors.js";
import { formatInstant, toInstant } from "../eval/instant.js";
import { round2 } from "../eval/round.js";
import { createRuleset } from "../eval/ruleset.js";
import type { Contribution, ResultAction, ScoreResult } from "../eval/result.js";
import type { ScoringEvent } from "../eval/event-index.js";
import { describeAction } from "../compile/print-artifact.js";
import { contributionKey, identifyRules, listsOf, type RuleIdentities } from "./identity.js";
import {
  OUTCOME_LABELS,
  type BucketCount,
  type DiffReport,
  type ImpactedChange,
  type LeadOutcome,
  type MovedLead,
  type PopulationSourceSummary,
  type RejectedRecord,
  type RuleDelta,
  type RulesetSide,
  type TransitionMatrix,
} from "./report/model.js";
import { changeKeys, diffRules, type RuleChange } from "./rules.js";
import { compareLeadIds } from "./sort.js";
import { DeltaCollector } from "./stats.js";

/** A lead of the population: valid for both rulesets (see diff-population-load.ts for reading files). */
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
  const baseRuleset = createRuleset(base);
  const headRuleset = createRuleset(head);
  const ruleChanges = diffRules(base, head);
  const attribution = new Attribution(base, head, ruleChanges);
  const impact = ruleChanges.map(() => ({ leads: 0, moved: 0 }));

  const beforeCounts = new Map<string, number>();
  const afterCounts = new Map<string, number>();
  const transitions = new Map<string, Map<string, number>>();
  const deltas = new DeltaCollector();
  const moved: Array<MovedLead & { order: number }> = [];
  let leads = 0;
  let changedBucket = 0;
  let changedActions = 0;
  let changedScore = 0;

  for (const entry of options.population) {
    const order = leads++;
    const asOf = { asOf: entry.asOf ?? runAsOf };
    const events = entry.events as readonly ScoringEvent[];
    const before = baseRuleset.score(entry.lead, events, asOf);
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

    const involved = attribution.causes(before, after, differing);
    for (const index of involved) impact[index]!.moved += 1;
    moved.push({
      order,
      id: before.id ?? after.id,
      source: entry.source ?? `#${order + 1}`,
      before: outcomeOf(before, beforeLabel),
      after: outcomeOf(after, afterLabel),
      bucketChanged,
      actionsChanged,
      rules: attribution.ruleDeltas(before, after, differing),
      causes: involved.filter((index) => !attribution.isRuleChange(index)),
    });
  }

  moved.sort((a, b) => compareLeadIds(a.id, b.id) || a.order - b.order);
  const order = labelOrder(base, head);
  const changes: ImpactedChange[] = ruleChanges.map(({ key: _key, ...change }, index) => ({
    ...change,
    leads: attribution.isRuleChange(index) ? impact[index]!.leads : null,
    moved: impact[index]!.moved,
  }));

  return {
    base: side(options.baseLabel ?? "base", base),
    head: side(options.headLabel ?? "head", head),
    asOf: formatInstant(runAsOf),
    asOfSource: options.asOfSource ?? "given",
    changes,
    summary: {
      leads,
      changedBucket,
      changedActions,
      moved: moved.length,
      changedScore,
    },
    buckets: bucketCounts(order, beforeCounts, afterCounts),
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

function sameActions(a: readonly ResultAction[], b: readonly ResultAction[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Record<string, unknown>;
    const y = b[i] as Record<string, unknown>;
    if (x === y) continue;
    if ("route" in x) {
      if (x.route !== y.route || x.within !== y.within || x.say !== y.say) return false;
    } else if ("nurture" in x) {
      if (x.nurture !== y.nurture) return false;
    } else if (!("disqualify" in y)) return false;
  }
  return true;
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

/**
 * Ties what happened to a lead to the changes that made it happen. The rules whose contribution differs
 * are found by identity; the other causes by what differs in the result: a different model points at the
 * models' conditions, a different exclusion at the exclusions, a different grade at the grade scales, a
 * different bucket or action at the buckets the lead left and entered. Lists read by any of those, and
 * a changed decay of the lead's model, count too. Only changes that exist in the diff are kept.
 */
class Attribution {
  readonly #baseIds: RuleIdentities;
  readonly #headIds: RuleIdentities;
  readonly #index = new Map<string, number>();
  readonly #ruleChange: boolean[];
  readonly #base: Artifact;
  readonly #head: Artifact;

  constructor(base: Artifact, head: Artifact, changes: readonly RuleChange[]) {
    this.#base = base;
    this.#head = head;
    this.#baseIds = identifyRules(base);
    this.#headIds = identifyRules(head);
    changes.forEach((change, index) => {
      this.#index.set(change.key, index);
    });
    this.#ruleChange = changes.map((change) => change.subject === "rule" || change.subject === "clamp");
  }

  changeIndex(key: string): number | undefined {
    return this.#index.get(key);
  }

  /** Whether the change at `index` is a rule (or clamp), whose effect shows in the lead's rule deltas. */
  isRuleChange(index: number): boolean {
    return this.#ruleChange[index] ?? false;
  }

  /** Identities of the contributions that differ (present on one side only, or with other points). */
  differingRules(before: ScoreResult, after: ScoreResult): string[] {
    const b = before.contributions;
    const a = after.contributions;
    // The common case, nothing changed for this lead: same keys, same points, in the same order.
    if (b.length === a.length) {
      let same = true;
      for (let i = 0; i < b.length; i++) {
        if (
          b[i]!.points !== a[i]!.points ||
          contributionKey(this.#baseIds, b[i]!) !== contributionKey(this.#headIds, a[i]!)
        ) {
          same = false;
          break;
        }
      }
      if (same) return [];
    }
    const beforePoints = new Map(b.map((c) => [contributionKey(this.#baseIds, c), c.points]));
    const differing: string[] = [];
    const seen = new Set<string>();
    for (const contribution of a) {
      const key = contributionKey(this.#headIds, contribution);
      seen.add(key);
      if (beforePoints.get(key) !== contribution.points) differing.push(key);
    }
    for (const key of beforePoints.keys()) if (!seen.has(key)) differing.push(key);
    return differing;
  }

  ruleDeltas(before: ScoreResult, after: ScoreResult, differing: readonly string[]): RuleDelta[] {
    const find = (result: ScoreResult, ids: RuleIdentities, key: string): Contribution | undefined =>
      result.contributions.find((c) => contributionKey(ids, c) === key);
    return differing.map((key) => {
      const b = find(before, this.#baseIds, key);
      const a = find(after, this.#headIds, key);
      const shown = (a ?? b)!;
      return {
        model: (a ? after : before).model,
        section: shown.section,
        rule: shown.rule,
        before: b ? b.points : null,
        after: a ? a.points : null,
      };
    });
  }

  /** Indexes of the changes that took part in this lead's move, ascending. */
  causes(before: ScoreResult, after: ScoreResult, differing: readonly string[]): number[] {
    const keys = new Set<string>(differing);
    const lists = new Set<string>();
    const baseModel = findModel(this.#base, before.model);
    const headModel = findModel(this.#head, after.model);

    for (const key of differing) {
      const rule = (this.#headIds.byKey.get(key) ?? this.#baseIds.byKey.get(key))?.rule;
      if (rule === undefined) continue;
      listsOf(this.#baseIds.byKey.get(key)?.rule.match ?? null, lists);
      listsOf(this.#headIds.byKey.get(key)?.rule.match ?? null, lists);
      if (rule.section === "engagement" && before.model !== null && before.model === after.model) {
        keys.add(changeKeys.decay(before.model));
      }
    }
    if (before.model !== after.model) {
      keys.add(changeKeys.modelOrder());
      for (const model of [
        baseModel,
        headModel,
        findModel(this.#head, before.model),
        findModel(this.#base, after.model),
      ]) {
        if (model === undefined) continue;
        keys.add(changeKeys.model(model.name));
        listsOf(model.when, lists);
      }
    }
    if (before.excluded !== after.excluded) {
      keys.add(changeKeys.exclusionOrder());
      for (const reason of [before.excluded, after.excluded]) {
        if (reason === null) continue;
        keys.add(changeKeys.exclusion(reason));
        for (const artifact of [this.#base, this.#head]) {
          listsOf(artifact.exclusions.find((e) => e.reason === reason)?.match ?? null, lists);
        }
      }
    }
    if (before.grade !== after.grade) {
      keys.add(changeKeys.grade("fit"));
      keys.add(changeKeys.grade("engagement"));
    }
    if (before.bucket !== after.bucket || !sameActions(before.actions, after.actions)) {
      const scopes = new Set([bucketScope(baseModel), bucketScope(headModel)]);
      for (const scope of scopes) {
        keys.add(changeKeys.bucketOrder(scope));
        for (const name of [before.bucket, after.bucket]) {
          if (name === null) continue;
          keys.add(changeKeys.bucket(scope, name));
          for (const artifact of [this.#base, this.#head]) {
            const bucket = bucketsOf(artifact, scope).find((b) => b.name === name);
            if (bucket?.test.kind === "when") listsOf(bucket.test.expr, lists);
          }
        }
      }
    }
    for (const list of lists) keys.add(changeKeys.list(list));

    const indexes: number[] = [];
    for (const key of keys) {
      const index = this.#index.get(key);
      if (index !== undefined) indexes.push(index);
    }
    return indexes.sort((a, b) => a - b);
  }
}

function findModel(artifact: Artifact, name: string | null): Model | undefined {
  return name === null ? undefined : artifact.models.find((model) => model.name === name);
}

/** The bucket list a model's leads are placed by: its own (scope = its name) or the global one (null). */
function bucketScope(model: Model | undefined): string | null {
  return model !== undefined && model.buckets !== null ? model.name : null;
}

function bucketsOf(artifact: Artifact, scope: string | null): readonly Bucket[] {
  if (scope === null) return artifact.buckets;
  return artifact.models.find((model) => model.name === scope)?.buckets ?? [];
}
