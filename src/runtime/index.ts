/**
 * leadscore's scoring runtime (`leadscore/runtime`): load a compiled ruleset, then validate, score and
 * explain leads. Standard ESM with no Node-only APIs and no compiler, parser, CLI, YAML or diff code, so
 * it runs in Node, browsers, Deno, Bun and edge workers. Reading an artifact file is in
 * `leadscore/runtime/file`; compiling rule files is in `leadscore`.
 *
 *   const rules = createRuleset(artifactJsonText);
 *   const result = rules.score(lead, events, { asOf: new Date() });
 */
export { createRuleset, Ruleset, type Lead, type ScoreOptions } from "../eval/ruleset.js";
export {
  RulesetLoadError,
  InvalidAsOfError,
  InvalidInputError,
  LeadValidationError,
  type RulesetLoadReason,
} from "../eval/errors.js";
export type {
  ScoreResult,
  Contribution,
  ContributionDecay,
  ContributionLocation,
  ResultAction,
} from "../eval/result.js";
export type { ScoringEvent } from "../eval/event-index.js";
export type { ValidationIssue, RulesetSchema } from "../eval/validate-input.js";
export type { Coerced } from "../eval/coerce.js";
export { renderExplanation, type ExplainOptions } from "../eval/explain.js";
export { parseInstant, toInstant } from "../eval/instant.js";
export type { Artifact, SourceLocation } from "../compile/artifact.js";
