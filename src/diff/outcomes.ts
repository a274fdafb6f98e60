/**
 * A rules change measured on historical outcomes: when the population's leads say whether they converted,
 * the review shows conversion per bucket before and after, what the leads each team gains and loses
 * converted at, and whether the new score ranks converters better (AUC before → after, with DeLong's
 * interval on the difference and a verdict).
 *
 * An accumulator: it takes one lead at a time (both results and the outcome) and keeps only counts —
 * per bucket, per team, and leads per (base score, head score) pair — so the population can stream
 * through it. The statistics are those of `leadscore report` (src/report): one Wilson interval, one AUC.
 */
import type { ResultAction, ScoreResult } from "../eval/result.js";
import { compareAucs } from "../report/delong.js";
import { round4 } from "../report/numbers.js";
import { PairedScoreCounts } from "../report/paired-scores.js";
import { wilsonInterval } from "../report/wilson.js";
import type {
  ConversionCell,
  OutcomeBucketRow,
  OutcomeDiff,
  OutcomeTeamRow,
  OutcomeVerdict,
} from "./report/model.js";

interface Tally {
  leads: number;
  converted: number;
}

interface TeamTallies {
  before: Tally;
  after: Tally;
  added: Tally;
  removed: Tally;
}

/** One side's result for a lead: the result and its transition label (bucket, `(excluded)`, …). */
export interface SideOutcome {
  result: ScoreResult;
  label: string;
}

export class OutcomeComparison {
  readonly #before = new Map<string, Tally>();
  readonly #after = new Map<string, Tally>();
  readonly #teams = new Map<string, TeamTallies>();
  readonly #scores = new PairedScoreCounts();
  #leads = 0;
  #converted = 0;
  #unknown = 0;
  #rescored = 0;
  #seen = false;

  /**
   * `converted`: true or false for a lead with a known outcome, null when its file has an outcome column
   * but the lead's value is missing or unreadable, undefined when its source has no outcome (fixtures).
   */
  add(
    before: SideOutcome,
    after: SideOutcome,
    converted: boolean | null | undefined,
    /** Leads with these very results and outcome, counted at once. */
    times = 1,
  ): void {
    if (converted === undefined) return;
    this.#seen = true;
    if (converted === null) {
      this.#unknown += times;
      return;
    }
    this.#leads += times;
    if (converted) this.#converted += times;
    const count = (tally: Tally) => {
      tally.leads += times;
      if (converted) tally.converted += times;
    };
    count(tallyOf(this.#before, before.label));
    count(tallyOf(this.#after, after.label));
    const teamsBefore = routedTeams(before.result.actions);
    const teamsAfter = routedTeams(after.result.actions);
    for (const team of new Set([...teamsBefore, ...teamsAfter])) {
      const tallies = this.#teamTallies(team);
      const wasRouted = teamsBefore.has(team);
      const isRouted = teamsAfter.has(team);
      if (wasRouted) count(tallies.before);
      if (isRouted) count(tallies.after);
      if (isRouted && !wasRouted) count(tallies.added);
      if (wasRouted && !isRouted) count(tallies.removed);
    }
    const scoreBefore = before.result.score;
    const scoreAfter = after.result.score;
    if (scoreBefore !== null && scoreAfter !== null) {
      this.#scores.add(scoreBefore, scoreAfter, converted, times);
      if (scoreBefore !== scoreAfter) this.#rescored += times;
    }
  }

  /**
   * The measures, or null when no lead came from a source with an outcome. `labels`: buckets in report
   * order; `teams`: routed teams in report order (others follow, alphabetically).
   */
  result(
    columns: readonly string[],
    labels: readonly string[],
    teams: readonly string[],
  ): OutcomeDiff | null {
    if (!this.#seen) return null;
    const bucketNames = inOrder(labels, [...this.#before.keys(), ...this.#after.keys()]);
    const buckets: OutcomeBucketRow[] = bucketNames.map((bucket) => ({
      bucket,
      before: cell(this.#before.get(bucket)),
      after: cell(this.#after.get(bucket)),
    }));
    const teamRows: OutcomeTeamRow[] = inOrder(teams, [...this.#teams.keys()]).map((team) => {
      const tallies = this.#teams.get(team)!;
      return {
        team,
        before: cell(tallies.before),
        after: cell(tallies.after),
        added: cell(tallies.added),
        removed: cell(tallies.removed),
      };
    });
    const comparison = compareAucs(this.#scores);
    const ranked = this.#scores.converted + this.#scores.notConverted;
    return {
      columns: [...columns],
      leads: this.#leads,
      converted: this.#converted,
      unknown: this.#unknown,
      buckets,
      teams: teamRows,
      ranking: {
        leads: ranked,
        converted: this.#scores.converted,
        rescored: this.#rescored,
        before: comparison === null ? null : round4(comparison.a),
        after: comparison === null ? null : round4(comparison.b),
        difference: comparison === null ? null : round4(comparison.difference),
        standardError: comparison === null ? null : round4(comparison.standardError),
        interval:
          comparison === null
            ? null
            : { low: round4(comparison.interval.low), high: round4(comparison.interval.high) },
      },
      verdict: verdictOf(comparison?.interval ?? null),
    };
  }

  #teamTallies(team: string): TeamTallies {
    let tallies = this.#teams.get(team);
    if (tallies === undefined) {
      tallies = { before: empty(), after: empty(), added: empty(), removed: empty() };
      this.#teams.set(team, tallies);
    }
    return tallies;
  }
}

/** Decided on the unrounded interval: a change is better or worse only when 0 lies outside it. */
function verdictOf(interval: { low: number; high: number } | null): OutcomeVerdict {
  if (interval === null) return "not measurable";
  if (interval.low > 0) return "better";
  if (interval.high < 0) return "worse";
  return "no measurable difference";
}

function empty(): Tally {
  return { leads: 0, converted: 0 };
}

function tallyOf(tallies: Map<string, Tally>, key: string): Tally {
  let tally = tallies.get(key);
  if (tally === undefined) {
    tally = empty();
    tallies.set(key, tally);
  }
  return tally;
}

function cell(tally: Tally | undefined): ConversionCell {
  const { leads, converted } = tally ?? empty();
  const interval = wilsonInterval(converted, leads);
  return {
    leads,
    converted,
    rate: leads === 0 ? null : round4(converted / leads),
    interval: interval === null ? null : { low: round4(interval.low), high: round4(interval.high) },
  };
}

function routedTeams(actions: readonly ResultAction[]): Set<string> {
  const teams = new Set<string>();
  for (const action of actions) if ("route" in action) teams.add(action.route);
  return teams;
}

/** The names in `order` that occur, then the others alphabetically. */
function inOrder(order: readonly string[], present: readonly string[]): string[] {
  const names = new Set(present);
  const known = order.filter((name, index) => names.has(name) && order.indexOf(name) === index);
  const others = [...names].filter((name) => !order.includes(name)).sort();
  return [...known, ...others];
}
