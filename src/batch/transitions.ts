import type { Artifact } from "../compile/artifact.js";
import { formatInstant } from "../eval/instant.js";
import type { Contribution, ResultAction, ScoreResult } from "../eval/result.js";
import { round2 } from "../eval/round.js";
import type { ResultChange } from "../io/write-results.js";
import {
  actionsText,
  OUTCOME,
  outcomeLabel,
  type PreviousContribution,
  type PreviousLead,
  type PreviousResults,
  previousOfResult,
} from "./previous.js";
import { everyBucket } from "../compile/every-bucket.js";

/**
 * Runs over time: today's results compared with the previous run's, lead by lead. A transition is a lead
 * that is new, moved to another bucket (or out of every bucket), kept its bucket but got other actions
 * (the rules changed), or is gone from today's input. Routing actions of a transition are due at the
 * run's as-of time plus their SLA: "when a lead becomes an MQL, Sales has four hours".
 */

export const NEW = "(new)";
export const GONE = "(gone)";

export type TransitionKind = "new" | "moved" | "actions" | "gone";

/** A rule whose points differ between the two runs. */
export interface Cause {
  rule: string;
  id: string;
  before: number | null;
  after: number | null;
}

/** One line of `--changes`: what to do about one lead now, and why. */
export interface TransitionRecord {
  id: string;
  kind: TransitionKind;
  from: string | null;
  to: string | null;
  score: { from: number | null; to: number | null; delta: number | null };
  /** The actions to carry out now, each routing action with its `due` time. */
  actions: Array<ResultAction & { due?: string }>;
  due: string | null;
  /** The rules whose points differ from the previous run's; null when that cannot be told. */
  because: Cause[] | null;
  /** The previous result was scored by other rules: the move may be the rules change, not the lead. */
  rulesChanged: boolean;
  /** Gone leads: why they have no result today. */
  reason?: "not in today's input" | "rejected today";
}

export interface TransitionSummary {
  previous: {
    source: string;
    read: number;
    leads: number;
    rejected: number;
    otherRules: number;
    otherRuleExample: string | null;
  } | null;
  counts: { new: number; moved: number; actions: number; gone: number; unchanged: number };
  /** Transitions per outcome pair, `(new)` and `(gone)` included, in the rules' bucket order. */
  pairs: Array<{ from: string; to: string; leads: number }>;
  /** Routing actions due, per team and due time, earliest first. */
  due: Array<{ team: string; due: string; leads: number }>;
}

export interface Observed {
  change: ResultChange;
  transition: boolean;
  /** Whether `--changes-only` writes the result: a transition, or a score move at least the threshold. */
  changed: boolean;
}

interface Pending {
  record: TransitionRecord;
  /** Today's contributions, kept for transitions only, to find the causes after the previous file is re-read. */
  contributions: readonly Contribution[] | null;
}

export class TransitionTracker {
  readonly #previous: PreviousResults | null;
  readonly #source: string;
  readonly #asOfMs: number;
  readonly #threshold: number | null;
  readonly #keepRecords: boolean;
  readonly #withinMs = new Map<string, number>();
  readonly #order: string[];
  readonly #pairs = new Map<string, number>();
  readonly #due = new Map<string, number>();
  readonly #pending: Pending[] = [];
  /** Gone leads are written after the others, whenever they are found (a reject today, or at the end). */
  readonly #goneRecords: TransitionRecord[] = [];
  readonly #counts = { new: 0, moved: 0, actions: 0, gone: 0, unchanged: 0 };

  constructor(options: {
    previous: PreviousResults | null;
    /** The previous file as the user named it. */
    source: string;
    artifact: Artifact;
    asOfMs: number;
    /** `--changes-only <delta>`: a score move of at least this much counts as a change. */
    threshold: number | null;
    /** Keep the transition records (for `--changes`). */
    keepRecords: boolean;
  }) {
    this.#previous = options.previous;
    this.#source = options.source;
    this.#asOfMs = options.asOfMs;
    this.#threshold = options.threshold;
    this.#keepRecords = options.keepRecords;
    const buckets = everyBucket(options.artifact);
    for (const bucket of buckets) {
      for (const action of bucket.actions) {
        if ("route" in action && action.within !== null && action.withinMs !== null)
          this.#withinMs.set(action.within, action.withinMs);
      }
    }
    this.#order = [
      NEW,
      ...new Set(buckets.map((b) => b.name)),
      OUTCOME.none,
      OUTCOME.excluded,
      OUTCOME.unscored,
      GONE,
    ];
  }

  /** Today's result of one lead, compared with its previous one. */
  observe(result: ScoreResult): Observed {
    const id = result.id ?? "";
    const before = this.#previous?.byId.get(id);
    if (before !== undefined) before.seen = true;
    const label = outcomeLabel(result.model, result.excluded, result.bucket);
    const actions = actionsText(result.actions);
    const kind: TransitionKind | null =
      before === undefined
        ? "new"
        : before.label !== label
          ? "moved"
          : before.actions !== actions
            ? "actions"
            : null;
    const scoreDelta =
      before === undefined || before.score === null || result.score === null
        ? null
        : round2(result.score - before.score);
    const dueActions = kind === null ? [] : this.#withDue(result.actions);
    const due = earliestDue(dueActions);
    const rulesChanged = before?.otherRules ?? false;
    const change: ResultChange = {
      from: before === undefined ? null : before.label,
      entered: kind === "new" || kind === "moved" ? label : null,
      left: kind === "moved" ? before!.label : null,
      scoreDelta,
      due,
      rulesChanged,
    };
    if (kind === null) this.#counts.unchanged += 1;
    else {
      this.#counts[kind] += 1;
      this.#count(before === undefined ? NEW : before.label, label);
      for (const action of dueActions)
        if ("route" in action && action.due !== undefined) this.#countDue(action.route, action.due);
      if (this.#keepRecords) {
        this.#pending.push({
          record: {
            id,
            kind,
            from: change.from,
            to: label,
            score: { from: before?.score ?? null, to: result.score, delta: scoreDelta },
            actions: dueActions,
            due,
            because: null,
            rulesChanged,
          },
          contributions: kind === "new" ? null : result.contributions,
        });
      }
    }
    const moved = this.#threshold !== null && scoreDelta !== null && Math.abs(scoreDelta) >= this.#threshold;
    return { change, transition: kind !== null, changed: kind !== null || moved };
  }

  /**
   * Leads a database found unchanged without handing their results over (`--previous-table`): what
   * `observe` would say of each of them, since neither their outcome nor their actions moved.
   */
  unchangedLeads(count: number): void {
    this.#counts.unchanged += count;
  }

  /** A lead whose record was rejected today: it is not gone, but has no result to compare. */
  rejectedToday(id: string): void {
    const before = this.#previous?.byId.get(id);
    if (before !== undefined && !before.seen) {
      before.seen = true;
      this.#gone(id, before, "rejected today");
    }
  }

  /** After the last lead: every previous lead today's input did not have. */
  finish(): void {
    for (const [id, before] of this.#previous?.byId ?? []) {
      if (!before.seen) this.#gone(id, before, "not in today's input");
    }
  }

  /** The ids of the moves whose causes the previous file's contributions can tell. */
  idsNeedingCauses(): Set<string> {
    return new Set(this.#pending.filter((p) => p.contributions !== null).map((p) => p.record.id));
  }

  /** Fills `because` from the previous results' contributions of those leads. */
  attachCauses(previous: ReadonlyMap<string, readonly PreviousContribution[]>): void {
    for (const pending of this.#pending) {
      if (pending.contributions === null) continue;
      const before = previous.get(pending.record.id);
      if (before !== undefined)
        pending.record.because = differingContributions(before, pending.contributions);
    }
  }

  /** New, moved and re-actioned leads in input order, then the gone ones. */
  records(): TransitionRecord[] {
    return [...this.#pending.map((p) => p.record), ...this.#goneRecords];
  }

  summary(): TransitionSummary {
    const previous = this.#previous;
    const rank = (label: string) => {
      const index = this.#order.indexOf(label);
      return index === -1 ? this.#order.length - 1 : index;
    };
    const pairs = [...this.#pairs]
      .map(([key, leads]) => {
        const [from, to] = key.split("\u0000") as [string, string];
        return { from, to, leads };
      })
      .sort(
        (a, b) =>
          rank(a.from) - rank(b.from) ||
          rank(a.to) - rank(b.to) ||
          compare(a.from, b.from) ||
          compare(a.to, b.to),
      );
    const due = [...this.#due]
      .map(([key, leads]) => {
        const [team, time] = key.split("\u0000") as [string, string];
        return { team, due: time, leads };
      })
      .sort((a, b) => compare(a.due, b.due) || compare(a.team, b.team));
    return {
      previous:
        previous === null
          ? null
          : {
              source: this.#source,
              read: previous.read,
              leads: previous.byId.size + previous.unlisted,
              rejected: previous.rejected,
              otherRules: previous.otherRules,
              otherRuleExample: previous.otherRuleExample,
            },
      counts: { ...this.#counts },
      pairs,
      due,
    };
  }

  #gone(id: string, before: PreviousLead, reason: "not in today's input" | "rejected today"): void {
    this.#counts.gone += 1;
    this.#count(before.label, GONE);
    if (!this.#keepRecords) return;
    this.#goneRecords.push({
      id,
      kind: "gone",
      from: before.label,
      to: null,
      score: { from: before.score, to: null, delta: null },
      actions: [],
      due: null,
      because: null,
      rulesChanged: before.otherRules,
      reason,
    });
  }

  #withDue(actions: readonly ResultAction[]): Array<ResultAction & { due?: string }> {
    return actions.map((action) => {
      if (!("route" in action) || action.within === undefined) return action;
      const within = this.#withinMs.get(action.within);
      return within === undefined ? action : { ...action, due: formatInstant(this.#asOfMs + within) };
    });
  }

  #count(from: string, to: string): void {
    const key = `${from}\u0000${to}`;
    this.#pairs.set(key, (this.#pairs.get(key) ?? 0) + 1);
  }

  #countDue(team: string, due: string): void {
    const key = `${team}\u0000${due}`;
    this.#due.set(key, (this.#due.get(key) ?? 0) + 1);
  }
}

/**
 * The rules whose points differ between the previous result and today's (present on one side only, or
 * with other points), in today's rule order, then the rules only the previous result credits. A rule is
 * the same rule when its id and text are: with the same rules file, decay, new events and windows
 * passing are what move points.
 */
export function differingContributions(
  before: readonly PreviousContribution[],
  after: readonly Contribution[],
): Cause[] {
  const key = (c: { id: string; rule: string }) => `${c.id}\u0000${c.rule}`;
  const previous = new Map(before.map((c) => [key(c), c]));
  const causes: Cause[] = [];
  const seen = new Set<string>();
  for (const contribution of after) {
    const k = key(contribution);
    seen.add(k);
    const was = previous.get(k);
    if (was?.points === contribution.points) continue;
    causes.push({
      rule: contribution.rule,
      id: contribution.id,
      before: was?.points ?? null,
      after: contribution.points,
    });
  }
  for (const [k, was] of previous) {
    if (!seen.has(k)) causes.push({ rule: was.rule, id: was.id, before: was.points, after: null });
  }
  return causes;
}

function earliestDue(actions: ReadonlyArray<ResultAction & { due?: string }>): string | null {
  let earliest: string | null = null;
  for (const action of actions) {
    if ("route" in action && action.due !== undefined && (earliest === null || action.due < earliest))
      earliest = action.due;
  }
  return earliest;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * What changed for one lead since a previous result of it (the service's `previous`): the same `change` a
 * `score --previous` run gives that lead. A string says why the previous result cannot be read.
 */
export function changeSince(
  previous: unknown,
  result: ScoreResult,
  artifact: Artifact,
  asOfMs: number,
): ResultChange | string {
  const state = previousOfResult(previous, artifact);
  if (typeof state === "string") return state;
  if (!state.byId.has(result.id ?? "")) return "must be a result of the same lead (its `id`)";
  const tracker = new TransitionTracker({
    previous: state,
    source: "previous",
    artifact,
    asOfMs,
    threshold: null,
    keepRecords: false,
  });
  return tracker.observe(result).change;
}
