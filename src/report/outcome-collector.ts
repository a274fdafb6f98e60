import { readOutcome } from "../batch/conversion.js";
import type { Artifact } from "../compile/artifact.js";
import type { ScoreResult } from "../eval/result.js";
import type { OutcomeOptions } from "../io/input-options.js";

/** Leads and conversions in a group. */
export interface Tally {
  leads: number;
  converted: number;
}

/** Where a lead's bucket sits: in which bucket list (global or a model's own) and at which position. */
export interface BucketScope {
  /** `null` for the global buckets, else the model whose own buckets these are. */
  model: string | null;
  buckets: Artifact["buckets"];
}

/** Unreadable outcome values are counted; the first few distinct ones are shown, so they can be fixed. */
const UNREADABLE_EXAMPLES = 5;
const NOT_IN_ANY_BUCKET = 0xffff;

/**
 * Everything the outcome report needs from a stream of scored leads, kept as counts plus three numbers
 * per lead (score, outcome, bucket position) in typed arrays: memory grows by a few bytes per lead, never
 * by a result object, so a million leads fit comfortably.
 */
export class OutcomeCollector {
  readonly byBucket = new Map<string, Tally>();
  readonly byGrade = new Map<string, Tally>();
  readonly byModel = new Map<string, Tally>();
  /** Per rule id: leads it fired for, and how many of them converted. */
  readonly byRule = new Map<string, Tally>();
  /** Leads with a readable outcome that no model scored: counted, outside every score measure. */
  unscored: Tally = { leads: 0, converted: 0 };
  /** Leads whose outcome is missing or is no yes/no value. */
  missing = 0;
  unreadable = 0;
  readonly unreadableExamples: string[] = [];

  readonly scopes: BucketScope[];
  #scores = new Float64Array(1024);
  #outcomes = new Uint8Array(1024);
  #scope = new Uint16Array(1024);
  #position = new Uint16Array(1024);
  #count = 0;
  readonly #scopeOfModel = new Map<string, number>();

  readonly field: string;

  /** `outcome`: the column and the values read as converted / not converted, as every command reads them. */
  constructor(
    readonly outcome: OutcomeOptions,
    artifact: Artifact,
  ) {
    this.field = outcome.column;
    this.scopes = [{ model: null, buckets: artifact.buckets }];
    for (const model of artifact.models) {
      if (model.buckets === null) {
        this.#scopeOfModel.set(model.name, 0);
      } else {
        this.#scopeOfModel.set(model.name, this.scopes.length);
        this.scopes.push({ model: model.name, buckets: model.buckets });
      }
    }
  }

  add(result: ScoreResult, outcomeValue: unknown): void {
    const converted = readOutcome(outcomeValue, this.outcome);
    if (converted === null) {
      if (outcomeValue === undefined || outcomeValue === null || String(outcomeValue).trim() === "") {
        this.missing += 1;
      } else {
        this.unreadable += 1;
        const text = String(outcomeValue);
        if (this.unreadableExamples.length < UNREADABLE_EXAMPLES && !this.unreadableExamples.includes(text))
          this.unreadableExamples.push(text);
      }
      return;
    }
    if (result.model === null || result.score === null) {
      this.unscored.leads += 1;
      if (converted) this.unscored.converted += 1;
      return;
    }
    const bucket = result.excluded !== null ? "(excluded)" : (result.bucket ?? "(no bucket)");
    count(this.byBucket, bucket, converted);
    count(this.byGrade, result.grade ?? "(no grade)", converted);
    count(this.byModel, result.model, converted);
    for (const contribution of result.contributions) {
      if (contribution.section !== "clamp") count(this.byRule, contribution.id, converted);
    }
    this.#push(result, converted);
  }

  /** How many leads are in the score measures (scored, with a readable outcome). */
  get count(): number {
    return this.#count;
  }

  get scores(): Float64Array {
    return this.#scores.subarray(0, this.#count);
  }

  /** 1 converted, 0 not, per lead in input order. */
  get outcomes(): Uint8Array {
    return this.#outcomes.subarray(0, this.#count);
  }

  /** Per lead: index into `scopes`, or 0xffff when excluded. */
  get scopeIndexes(): Uint16Array {
    return this.#scope.subarray(0, this.#count);
  }

  /** Per lead: the position of its bucket in its scope's list (the list's length when none matched). */
  get bucketPositions(): Uint16Array {
    return this.#position.subarray(0, this.#count);
  }

  #push(result: ScoreResult, converted: boolean): void {
    if (this.#count === this.#scores.length) {
      this.#scores = grow(this.#scores, new Float64Array(this.#count * 2));
      this.#outcomes = grow(this.#outcomes, new Uint8Array(this.#count * 2));
      this.#scope = grow(this.#scope, new Uint16Array(this.#count * 2));
      this.#position = grow(this.#position, new Uint16Array(this.#count * 2));
    }
    const i = this.#count;
    this.#scores[i] = result.score!;
    this.#outcomes[i] = converted ? 1 : 0;
    const scope = this.#scopeOfModel.get(result.model!) ?? 0;
    if (result.excluded !== null) {
      this.#scope[i] = NOT_IN_ANY_BUCKET;
    } else {
      const list = this.scopes[scope]!.buckets;
      const position = result.bucket === null ? -1 : list.findIndex((b) => b.name === result.bucket);
      this.#scope[i] = scope;
      this.#position[i] = position === -1 ? list.length : position;
    }
    this.#count += 1;
  }
}

function count(groups: Map<string, Tally>, key: string, converted: boolean): void {
  let tally = groups.get(key);
  if (tally === undefined) {
    tally = { leads: 0, converted: 0 };
    groups.set(key, tally);
  }
  tally.leads += 1;
  if (converted) tally.converted += 1;
}

function grow<T extends Float64Array | Uint8Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
