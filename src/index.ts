/**
 * leadscore as a library: load a compiled ruleset (or a rules directory) once, then score leads
 * synchronously, validate lead records and explain results.
 *
 *   const rules = await loadRuleset("dist/acme.ruleset.json");
 *   const result = rules.score(lead, events, { asOf: new Date() });
 */
export { createRuleset, Ruleset, type Lead, type ScoreOptions } from "./eval/ruleset.js";
export { loadRuleset } from "./eval/load-ruleset.js";
export {
  RulesetLoadError,
  InvalidAsOfError,
  InvalidInputError,
  LeadValidationError,
  type RulesetLoadReason,
} from "./eval/errors.js";
export type {
  ScoreResult,
  Contribution,
  ContributionDecay,
  ContributionLocation,
  ResultAction,
} from "./eval/result.js";
export type { ScoringEvent } from "./eval/event-index.js";
export { InputValidator, type ValidationIssue, type RulesetSchema } from "./eval/validate-input.js";
export { coerceLead, coerceEvent, type Coerced } from "./eval/coerce.js";
export { renderExplanation, type ExplainOptions } from "./eval/explain.js";
export { parseInstant, toInstant } from "./eval/instant.js";
export { parseArtifact, checkArtifact, type ArtifactErrorReason } from "./compile/load-artifact.js";
export type {
  Artifact,
  Model,
  Rule,
  Bucket,
  Action,
  Exclusion,
  Expr,
  Ref,
  Literal,
  Match,
  FieldSchema,
  FieldType,
  EventSchema,
  SourceLocation,
} from "./compile/artifact.js";
export type { Diagnostic } from "./diagnostics/diagnostic.js";
export { resolveInputOptions, type InputOptions, type InputConfig } from "./io/input-options.js";
export {
  readLeadRecords,
  emptyInputReport,
  type LeadRecord,
  type LeadFileInput,
  type InputReport,
} from "./io/lead-records.js";
export { LeadPreparer, type PreparedLead } from "./io/prepare-lead.js";
