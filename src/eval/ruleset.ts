import type { Artifact } from "../compile/artifact.js";
import { checkArtifact, parseArtifact, type ArtifactParseResult } from "../compile/load-artifact.js";
import { coerceEvent, coerceLead, type Coerced } from "./coerce.js";
import { InvalidAsOfError, InvalidInputError, LeadValidationError, RulesetLoadError } from "./errors.js";
import { compileEvaluator, type Evaluate } from "./evaluator.js";
import type { ScoringEvent } from "./event-index.js";
import { toInstant } from "./instant.js";
import type { ScoreResult } from "./result.js";
import { InputValidator, type ValidationIssue } from "./validate-input.js";
import { givenTimes } from "./event-times.js";

/** No as-of time read yet (a value no caller can pass). */
const NOT_YET = Symbol("no as-of time yet");

/** A lead: its fields by name (extra fields are ignored). */
export type Lead = Readonly<Record<string, unknown>>;

export interface ScoreOptions {
  /** The instant of scoring: events after it are ignored, windows and decay count back from it. */
  asOf: Date | string | number;
  /**
   * Check the lead and its events against the ruleset's schema first, and throw LeadValidationError with
   * every issue when they do not match. Off by default: `score` trusts its input (values it cannot read
   * count as missing), which is right for records a batch already validated; a service scoring requests
   * from elsewhere should turn it on or call `validate` itself.
   */
  validate?: boolean;
  /**
   * The time of each event, by position, as `readEventTimes` reads them, for a caller that has read them
   * already: leadscore's input layer reads them once per lead (to validate it) and every ruleset scoring
   * the lead takes them from there. Left out, or not one per event, they are read here.
   */
  eventTimes?: ArrayLike<number> | undefined;
}

/**
 * A loaded ruleset, compiled once into a scoring function. `score` is synchronous and allocation-light,
 * for one lead at a time in a request or millions in a batch.
 */
export class Ruleset {
  readonly artifact: Artifact;
  readonly #evaluate: Evaluate;
  #validator: InputValidator | undefined;
  #lastAsOf: unknown = NOT_YET;
  #lastAsOfMs = NaN;

  /**
   * Trusts the artifact as given (one the compiler just built). An artifact read from elsewhere goes
   * through `createRuleset` or `loadRuleset`, which check its format, schema and content hash first.
   */
  constructor(artifact: Artifact) {
    this.artifact = artifact;
    this.#evaluate = compileEvaluator(artifact);
  }

  score(lead: Lead, events: readonly ScoringEvent[] | undefined, options: ScoreOptions): ScoreResult {
    // Cheap shape guards: a null lead or a string of events is a caller's bug, not a lead to disqualify.
    if (lead === null || typeof lead !== "object" || Array.isArray(lead)) {
      throw new InvalidInputError('score: the lead must be an object of fields, like { id: "L1", … }');
    }
    if (events !== undefined && !Array.isArray(events)) {
      throw new InvalidInputError("score: events must be an array of { type, at, … } objects (or left out)");
    }
    const times = givenTimes(events ?? [], options?.eventTimes);
    if (options?.validate === true) {
      const issues = this.#inputValidator().validate(lead, events ?? [], times);
      if (issues.length > 0) throw new LeadValidationError(issues);
    }
    return this.#evaluate(lead, events ?? [], this.#asOfMs(options?.asOf), times);
  }

  /** Every problem with a lead and its events; scoring invalid input treats unreadable values as missing. */
  validate(lead: unknown, events: unknown = []): ValidationIssue[] {
    return this.#inputValidator().validate(lead, events);
  }

  /** The validator, compiled on first use so that score-only services never pay for it. */
  #inputValidator(): InputValidator {
    this.#validator ??= new InputValidator(this.artifact.schema);
    return this.#validator;
  }

  /** A lead read from text (CSV), typed by the schema; see `coerceLead`. */
  coerceLead(record: Readonly<Record<string, string | undefined>>): Coerced {
    return coerceLead(this.artifact.schema, record);
  }

  coerceEvent(record: Readonly<Record<string, string | undefined>>, path?: string): Coerced {
    return coerceEvent(this.artifact.schema, record, path);
  }

  #asOfMs(asOf: unknown): number {
    // A batch passes the same as-of for every lead: read it once.
    if (asOf === this.#lastAsOf && typeof asOf !== "object") return this.#lastAsOfMs;
    const ms = toInstant(asOf);
    if (Number.isNaN(ms)) {
      throw new InvalidAsOfError(
        asOf === undefined
          ? "scoring needs an as-of time: score(lead, events, { asOf })"
          : `as-of time ${JSON.stringify(asOf)} is not an ISO-8601 timestamp, epoch milliseconds or a valid Date`,
      );
    }
    this.#lastAsOf = asOf;
    this.#lastAsOfMs = ms;
    return ms;
  }
}

function refuse(result: Exclude<ArtifactParseResult, { artifact: Artifact }>): never {
  throw new RulesetLoadError(result.reason, result.error);
}

/**
 * A ruleset from a compiled artifact: the parsed object, or its JSON text. The artifact is checked first:
 * right format and format version, valid against the artifact schema, content matching its hash. Throws
 * RulesetLoadError otherwise. Needs no file system, so it works in browsers and edge workers too.
 */
export function createRuleset(artifact: Artifact | string): Ruleset {
  if (artifact === null || (typeof artifact !== "string" && typeof artifact !== "object")) {
    throw new RulesetLoadError(
      "unreadable",
      "createRuleset takes a compiled artifact: its JSON text or the parsed object",
    );
  }
  const checked = typeof artifact === "string" ? parseArtifact(artifact) : checkArtifact(artifact);
  if (!("artifact" in checked)) refuse(checked);
  return new Ruleset(checked.artifact);
}
