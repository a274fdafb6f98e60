import type { ArtifactErrorReason } from "../compile/load-artifact.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ValidationIssue } from "./validate-input.js";

/**
 * Why a ruleset could not be loaded: the artifact's own reasons (not JSON, another format or format
 * version, failing the schema, content not matching its hash), a file that cannot be read, or rule files
 * with errors (their diagnostics are attached).
 */
export type RulesetLoadReason = ArtifactErrorReason | "unreadable" | "compile-errors";

export class RulesetLoadError extends Error {
  override readonly name = "RulesetLoadError";
  constructor(
    readonly reason: RulesetLoadReason,
    message: string,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(message);
  }
}

/** `asOf` is required and must be a time: an ISO-8601 string, epoch milliseconds or a valid Date. */
export class InvalidAsOfError extends RangeError {
  override readonly name = "InvalidAsOfError";
}

/** A lead that is not an object, or events that are not an array: a programming error in the caller. */
export class InvalidInputError extends TypeError {
  override readonly name = "InvalidInputError";
}

/** `score(…, { validate: true })` on a lead or events that do not match the ruleset's schema. */
export class LeadValidationError extends Error {
  override readonly name = "LeadValidationError";
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(
      `the lead does not match the ruleset's schema: ${issues.map((i) => (i.path ? `${i.path}: ${i.reason}` : i.reason)).join("; ")}`,
    );
  }
}
