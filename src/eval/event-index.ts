import { foldCase } from "./normalize.js";
import { parseInstantInto, toInstant } from "./instant.js";

/** An event as given to the scorer: its type, when it happened, and its properties. */
export interface ScoringEvent {
  type: string;
  /** ISO-8601 text, epoch milliseconds or a Date. */
  at: string | number | Date;
  [property: string]: unknown;
}

/**
 * One lead's events, grouped by type and timed once, so that every rule reads just the events of its
 * types without scanning or allocating. Events after the as-of time, with an unreadable time or of a type
 * the ruleset does not declare are left out here, which is how they are ignored everywhere (rules,
 * exclusions and `no event` alike). So are the events of types that nothing scoring the lead reads (see
 * `load`): they could change no result, and reading their time is most of the cost of an event.
 *
 * The buffers are reused from lead to lead; they grow when a lead has more events than any before.
 */
export class EventIndex {
  readonly typeCount: number;
  private readonly typeIds = new Map<string, number>();

  /** The lead's events as given; `first`, `next` and `at` refer to them by position. */
  events: ReadonlyArray<Readonly<Record<string, unknown>>> = [];
  /** Epoch ms of each indexed event, by position in `events`. */
  at = new Float64Array(16);
  /**
   * The events of each type, in input order, as a chain of positions built in one pass: the events of
   * type t are first[t], next[first[t]], … until −1. Input order matters: points are summed in it.
   */
  readonly first: Int32Array;
  next = new Int32Array(16);
  /** Latest time of each type's events (−Infinity when none), and of all of them. */
  readonly latest: Float64Array;
  latestOfAny = -Infinity;
  /**
   * Which types the lead has events of, one bit per type id modulo 32 (see `typeMask`): a rule whose
   * bits are all clear has no event to look at and need not run. A shared bit only costs a look.
   */
  presentTypes = 0;

  /** The last position in each type's chain, while it is built. */
  private readonly last: Int32Array;
  /** Whether the buffers hold a previous lead's events. */
  private dirty = false;

  constructor(types: readonly string[]) {
    for (const type of types) {
      if (this.typeIds.has(type)) continue;
      this.typeIds.set(type, this.typeIds.size);
    }
    // Event types are names, and names compare case-insensitively like every other text.
    for (const [type, id] of [...this.typeIds]) {
      if (!this.typeIds.has(foldCase(type))) this.typeIds.set(foldCase(type), id);
    }
    this.typeCount = new Set(this.typeIds.values()).size;
    this.first = new Int32Array(this.typeCount).fill(-1);
    this.last = new Int32Array(this.typeCount);
    this.latest = new Float64Array(this.typeCount).fill(-Infinity);
  }

  /** The bits of `presentTypes` that events of these types would set; every bit for "all types". */
  typeMask(types: readonly string[] | null): number {
    if (types === null || types.length === 0) return -1;
    let mask = 0;
    for (const type of types) {
      const id = this.typeId(type);
      if (id >= 0) mask |= 1 << (id & 31);
    }
    return mask;
  }

  /** An empty set of type ids, for `addTypes` (one entry per id: 1 when in the set). */
  createTypeSet(): Uint8Array {
    return new Uint8Array(this.typeCount);
  }

  /** Adds these types to the set; every type for "all types" (null or empty, as `typeMask`). */
  addTypes(set: Uint8Array, types: readonly string[] | null): void {
    if (types === null || types.length === 0) {
      set.fill(1);
      return;
    }
    for (const type of types) {
      const id = this.typeId(type);
      if (id >= 0) set[id] = 1;
    }
  }

  /** The id of a declared type, or −1. */
  typeId(type: unknown): number {
    if (typeof type !== "string") return -1;
    const id = this.typeIds.get(type) ?? this.typeIds.get(foldCase(type.trim()));
    return id === undefined ? -1 : id;
  }

  /**
   * Indexes a lead's events up to `asOf`, only those of the types in `read` (a set from `createTypeSet`
   * holding every type that the lead's model and the exclusions read): the others count nowhere anyway.
   * `times`: the events' times as readEventTimes reads them, when the caller has them (then they are
   * copied, never written: another ruleset may read them next); null to read each time here.
   */
  load(
    events: ReadonlyArray<Readonly<Record<string, unknown>>>,
    asOf: number,
    read: Uint8Array,
    times: ArrayLike<number> | null = null,
  ): void {
    const count = events.length;
    this.events = events;
    const { first, last, latest } = this;
    // Leads without events are common (fit-only scoring): clear the index only when the last lead had some.
    if (count === 0 && !this.dirty) return;
    first.fill(-1);
    latest.fill(-Infinity);
    this.dirty = count > 0;
    if (count > this.at.length) this.grow(count);
    const { at, next } = this;
    let latestOfAny = -Infinity;
    let presentTypes = 0;

    for (let i = 0; i < count; i++) {
      const event = events[i];
      const type = event === null || typeof event !== "object" ? -1 : this.typeId(event.type);
      if (type < 0 || read[type] === 0) continue;
      if (times !== null) {
        at[i] = times[i]!;
      } else {
        const when = event!.at;
        // ISO text, the usual form, is parsed straight into `at` (see parseInstantInto); other forms as usual.
        if (typeof when === "string") {
          if (!parseInstantInto(when, at, i)) continue;
        } else {
          at[i] = toInstant(when);
        }
      }
      const time = at[i]!;
      // `!(time <= asOf)` also drops NaN: an event whose time cannot be read is not counted.
      if (!(time <= asOf)) continue;
      next[i] = -1;
      if (first[type]! < 0) first[type] = i;
      else next[last[type]!] = i;
      last[type] = i;
      if (time > latest[type]!) latest[type] = time;
      if (time > latestOfAny) latestOfAny = time;
      presentTypes |= 1 << (type & 31);
    }
    this.latestOfAny = latestOfAny;
    this.presentTypes = presentTypes;
  }

  private grow(count: number): void {
    const size = Math.max(count, this.at.length * 2);
    this.at = new Float64Array(size);
    this.next = new Int32Array(size);
  }
}
