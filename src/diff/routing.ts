/**
 * The routing load of a rules change: what Sales asks first — how many more leads must my team call,
 * and within what SLA? For every team a `route` action names, the leads routed to it before and after,
 * per SLA, and per day when the population says over how many days its leads came in.
 *
 * The time span is taken from the leads' creation time, when the lead schema has a date field for it
 * (`created_at`, `created`, `created_on`, `createdAt` or `created_date`): from the first to the last
 * creation day, both counted. Without one, per-day figures are left out rather than guessed.
 */
import type { Artifact } from "../compile/artifact.js";
import { parseInstant } from "../eval/instant.js";
import type { ResultAction } from "../eval/result.js";
import type { RoutingLoad, RoutingSpan } from "./report/model.js";
import { everyBucket } from "../compile/every-bucket.js";

const CREATION_FIELDS = ["created_at", "created", "created_on", "createdAt", "created_date"];

const DAY_MS = 86_400_000;

/** The lead field that says when a lead was created, or null when the schema has none. */
export function creationFieldOf(artifact: Artifact): string | null {
  for (const name of CREATION_FIELDS) {
    const field = artifact.schema.lead.find((candidate) => candidate.name === name);
    if (field !== undefined && field.type === "date") return name;
  }
  return null;
}

export class RoutingCounter {
  readonly #teams = new Map<string, Map<string, { before: number; after: number }>>();
  readonly #field: string | null;
  #first = Infinity;
  #last = -Infinity;

  constructor(creationField: string | null) {
    this.#field = creationField;
  }

  /** The routed actions of a lead (`times` such leads) before and after. */
  count(before: readonly ResultAction[], after: readonly ResultAction[], times = 1): void {
    this.#count(before, "before", times);
    this.#count(after, "after", times);
  }

  /** The lead field whose date is the lead's creation time, or null. */
  get creationField(): string | null {
    return this.#field;
  }

  /**
   * A lead's creation time, for the span: a date written as text (a date given in epoch units is not
   * counted), read by the one ISO-8601 reader as scoring reads it.
   */
  noteCreation(lead: Readonly<Record<string, unknown>>): void {
    if (this.#field === null) return;
    const value = lead[this.#field];
    if (typeof value !== "string") return;
    const instant = parseInstant(value);
    this.noteCreationSpan(instant, instant);
  }

  /** The first and last creation time of some leads (epoch ms; NaN for none), counted at once. */
  noteCreationSpan(first: number, last: number): void {
    if (Number.isFinite(first)) this.#first = Math.min(this.#first, first);
    if (Number.isFinite(last)) this.#last = Math.max(this.#last, last);
  }

  #count(actions: readonly ResultAction[], side: "before" | "after", times: number): void {
    for (const action of actions) {
      if (!("route" in action)) continue;
      let slas = this.#teams.get(action.route);
      if (slas === undefined) {
        slas = new Map();
        this.#teams.set(action.route, slas);
      }
      const sla = action.within ?? "";
      let counts = slas.get(sla);
      if (counts === undefined) {
        counts = { before: 0, after: 0 };
        slas.set(sla, counts);
      }
      counts[side] += times;
    }
  }

  /** The span of creation days, or null when no lead said when it was created. */
  span(): RoutingSpan | null {
    if (this.#field === null || !Number.isFinite(this.#first)) return null;
    const days = Math.floor(this.#last / DAY_MS) - Math.floor(this.#first / DAY_MS) + 1;
    return {
      field: this.#field,
      from: new Date(this.#first).toISOString().slice(0, 10),
      to: new Date(this.#last).toISOString().slice(0, 10),
      days,
    };
  }

  /** Teams in the order the head's rules name them, then the base's others; SLAs shortest first. */
  loads(head: Artifact, base: Artifact): RoutingLoad[] {
    const order = routedTeams([head, base]);
    for (const team of this.#teams.keys()) if (!order.includes(team)) order.push(team);
    const span = this.span();
    return order
      .filter((team) => this.#teams.has(team))
      .map((team) => {
        const slas = [...this.#teams.get(team)!.entries()]
          .map(([within, counts]) => ({ within: within === "" ? null : within, ...counts }))
          .sort(
            (a, b) => slaRank(a.within) - slaRank(b.within) || (a.within ?? "").localeCompare(b.within ?? ""),
          );
        const before = slas.reduce((sum, sla) => sum + sla.before, 0);
        const after = slas.reduce((sum, sla) => sum + sla.after, 0);
        return {
          team,
          before,
          after,
          slas,
          perDay:
            span === null ? null : { before: perDay(before, span.days), after: perDay(after, span.days) },
        };
      });
  }
}

function perDay(count: number, days: number): number {
  return Math.round((count / days) * 10) / 10;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS };

/** An SLA as milliseconds for sorting (`4h` before `48h`); no SLA last. */
function slaRank(within: string | null): number {
  if (within === null) return Infinity;
  const match = /^(\d+(?:\.\d+)?)([mhdw])$/.exec(within);
  return match ? Number(match[1]) * UNIT_MS[match[2]!]! : Infinity;
}

function routedTeams(artifacts: readonly Artifact[]): string[] {
  const teams: string[] = [];
  for (const artifact of artifacts) {
    for (const bucket of everyBucket(artifact)) {
      for (const action of bucket.actions) {
        if ("route" in action && !teams.includes(action.route)) teams.push(action.route);
      }
    }
  }
  return teams;
}

/** A team's SLA whose load at least doubles (or that gets leads it had none of). */
export interface DoubledLoad {
  team: string;
  within: string | null;
  before: number;
  after: number;
}

/**
 * The loads called out at the top of the comment: per team and SLA, since a team's 4-hour queue can
 * triple while its total barely moves (and when a team's total doubles, one of its SLAs does too).
 */
export function doubledLoads(loads: readonly RoutingLoad[]): DoubledLoad[] {
  return loads.flatMap((load) =>
    load.slas
      .filter((sla) => sla.after > 0 && sla.after >= 2 * sla.before)
      .map((sla) => ({ team: load.team, ...sla })),
  );
}
