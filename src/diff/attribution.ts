/**
 * Ties a lead's move to the changes that caused it, by counterfactual: a change is a cause of a lead's
 * move when undoing that change alone (undo.ts), with every other change kept, gives the lead another
 * bucket or other actions than it now gets. So a threshold lowered from 100 to 90 is no cause for a lead
 * that went from 88 to 103 (it reaches the bucket under either threshold), and a change that moves no
 * one is named for no one.
 *
 * Undoing every change for every lead would cost a scoring per change and lead; only the changes that
 * can have played a part are tried: the rules whose points differ for the lead, and the changes of the
 * constructs its result touched (its model's condition and the model order when its model differs, the
 * exclusions when its exclusion differs, the grade scales when its grade differs, the buckets it left
 * and entered and their order, the lists those read, its model's decay). When no single change is needed
 * — any one undone, the lead still moves (two changes that each move it alone) — the move is reported as
 * decided by no single change, and no cause is named.
 */
import type { Artifact, Bucket, Model } from "../compile/artifact.js";
import { createRuleset, type Ruleset, type ScoreOptions } from "../eval/ruleset.js";
import type { Contribution, ResultAction, ScoreResult } from "../eval/result.js";
import type { ScoringEvent } from "../eval/event-index.js";
import { contributionKey, listsOf, type RuleMatching } from "./identity.js";
import type { RuleDelta } from "./report/model.js";
import { changeKeys, type PlannedChange } from "./rules.js";
import { undoChange } from "./undo.js";

export class Attribution {
  readonly #matching: RuleMatching;
  readonly #index = new Map<string, number>();
  readonly #changes: readonly PlannedChange[];
  readonly #base: Artifact;
  readonly #head: Artifact;
  /** The head with one change undone, built the first time a lead needs it. */
  readonly #undone = new Map<number, Ruleset>();

  constructor(base: Artifact, head: Artifact, plan: { changes: PlannedChange[]; matching: RuleMatching }) {
    this.#base = base;
    this.#head = head;
    this.#matching = plan.matching;
    this.#changes = plan.changes;
    plan.changes.forEach((planned, index) => {
      for (const key of planned.keys) this.#index.set(key, index);
    });
  }

  changeIndex(key: string): number | undefined {
    return this.#index.get(key);
  }

  /**
   * The rules (ids, per side) whose points `differingRules` can tie to a change: those of the changes'
   * keys. Whether any other rule's points differ for a lead counts toward no change (`changeIndex`).
   */
  changedRules(): { base: Set<string>; head: Set<string> } {
    const ids = (keyOfId: ReadonlyMap<string, string>) =>
      new Set([...keyOfId].filter(([, key]) => this.#index.has(key)).map(([id]) => id));
    return { base: ids(this.#matching.keyOfBaseId), head: ids(this.#matching.keyOfHeadId) };
  }

  /** Whether the change at `index` is a rule (or clamp), whose effect shows in the lead's points. */
  isRuleChange(index: number): boolean {
    const subject = this.#changes[index]?.change.subject;
    return subject === "rule" || subject === "clamp";
  }

  /** Identities of the contributions that differ (present on one side only, or with other points). */
  differingRules(before: ScoreResult, after: ScoreResult): string[] {
    const baseKeys = this.#matching.keyOfBaseId;
    const headKeys = this.#matching.keyOfHeadId;
    const b = before.contributions;
    const a = after.contributions;
    // The common case, nothing changed for this lead: same keys, same points, in the same order.
    if (b.length === a.length) {
      let same = true;
      for (let i = 0; i < b.length; i++) {
        if (
          b[i]!.points !== a[i]!.points ||
          contributionKey(baseKeys, b[i]!) !== contributionKey(headKeys, a[i]!)
        ) {
          same = false;
          break;
        }
      }
      if (same) return [];
    }
    const beforePoints = new Map(b.map((c) => [contributionKey(baseKeys, c), c.points]));
    const differing: string[] = [];
    const seen = new Set<string>();
    for (const contribution of a) {
      const key = contributionKey(headKeys, contribution);
      seen.add(key);
      if (beforePoints.get(key) !== contribution.points) differing.push(key);
    }
    for (const key of beforePoints.keys()) if (!seen.has(key)) differing.push(key);
    return differing;
  }

  ruleDeltas(before: ScoreResult, after: ScoreResult, differing: readonly string[]): RuleDelta[] {
    const find = (
      result: ScoreResult,
      ids: ReadonlyMap<string, string>,
      key: string,
    ): Contribution | undefined => result.contributions.find((c) => contributionKey(ids, c) === key);
    return differing.map((key) => {
      const b = find(before, this.#matching.keyOfBaseId, key);
      const a = find(after, this.#matching.keyOfHeadId, key);
      const shown = (a ?? b)!;
      return {
        model: (a ? after : before).model,
        section: shown.section,
        rule: shown.rule,
        before: b ? b.points : null,
        after: a ? a.points : null,
        change: this.#index.get(key) ?? null,
      };
    });
  }

  /**
   * The changes that caused this lead's move (indexes into the changes, ascending), and whether the move
   * is decided by no single change (`undecided`: every candidate undone alone still moves it). `options`:
   * how the head scored the lead (each ruleset undoing a change scores it the same way).
   */
  causes(
    entry: { lead: Readonly<Record<string, unknown>>; events: readonly Readonly<Record<string, unknown>>[] },
    options: ScoreOptions,
    before: ScoreResult,
    after: ScoreResult,
    differing: readonly string[],
  ): { causes: number[]; undecided: boolean } {
    const candidates = this.#candidates(before, after, differing);
    const causes: number[] = [];
    let tried = 0;
    for (const index of candidates) {
      const ruleset = this.#undoneRuleset(index);
      if (ruleset === null) continue;
      tried += 1;
      const without = ruleset.score(entry.lead, entry.events as readonly ScoringEvent[], options);
      if (!sameOutcome(without, after)) causes.push(index);
    }
    return { causes, undecided: causes.length === 0 && tried > 0 };
  }

  #undoneRuleset(index: number): Ruleset | null {
    const cached = this.#undone.get(index);
    if (cached !== undefined) return cached;
    const undo = this.#changes[index]?.undo ?? null;
    if (undo === null) return null;
    const ruleset = createRuleset(undoChange(this.#base, this.#head, undo));
    this.#undone.set(index, ruleset);
    return ruleset;
  }

  /** Indexes of the changes that may have played a part in this lead's move, ascending. */
  #candidates(before: ScoreResult, after: ScoreResult, differing: readonly string[]): number[] {
    const keys = new Set<string>(differing);
    const lists = new Set<string>();
    const baseModel = findModel(this.#base, before.model);
    const headModel = findModel(this.#head, after.model);
    const rulesByKey = new Map(
      this.#matching.pairs.map((pair) => [pair.key, [pair.base?.rule, pair.head?.rule]] as const),
    );

    for (const key of differing) {
      const rules = rulesByKey.get(key);
      if (rules === undefined) continue;
      for (const rule of rules) listsOf(rule?.match ?? null, lists);
      const section = (rules[1] ?? rules[0])?.section;
      if (section === "engagement" && before.model !== null && before.model === after.model) {
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

    const indexes = new Set<number>();
    for (const key of keys) {
      const index = this.#index.get(key);
      if (index !== undefined) indexes.add(index);
    }
    return [...indexes].sort((a, b) => a - b);
  }
}

/** Where a lead ends up, as a move is judged: its bucket (or that it has none, and why) and its actions. */
function sameOutcome(a: ScoreResult, b: ScoreResult): boolean {
  const place = (result: ScoreResult): string | null =>
    result.model === null ? "unscored" : result.excluded !== null ? "excluded" : result.bucket;
  return place(a) === place(b) && sameActions(a.actions, b.actions);
}

export function sameActions(a: readonly ResultAction[], b: readonly ResultAction[]): boolean {
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
