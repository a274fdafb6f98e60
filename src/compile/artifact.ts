/**
 * The compiled ruleset: a versioned JSON document that runtime services load. It is pure data — every
 * condition is an expression tree, never a code string — so that the JS evaluator and a SQL generator can
 * both execute it. `schema/ruleset.schema.json` describes it; every artifact is validated on write and read.
 */

import type { FieldType } from "../check/field-type.js";

export const ARTIFACT_FORMAT = "leadscore.ruleset" as const;
export const ARTIFACT_FORMAT_VERSION = 1 as const;

/** Where a construct was written: 1-based lines and columns, end exclusive. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type { FieldType };

export interface FieldSchema {
  name: string;
  type: FieldType;
  /** Enumeration members, as declared (compared case-insensitively). */
  values?: string[];
  optional: boolean;
}

export interface EventSchema {
  name: string;
  properties: FieldSchema[];
}

/** A value a condition compares with. Dates are ISO-8601 strings (UTC). */
export type Literal = string | number | boolean;

/**
 * What a condition reads: a lead field, a property of the event being tested (inside `where`), or a
 * result of scoring (in bucket conditions). The type is recorded so executors need no schema lookup.
 */
export interface Ref {
  scope: "lead" | "event" | "result";
  name: string;
  type: FieldType;
}

/**
 * A condition, evaluated with SQL's three-valued logic (true, false, unknown). Any comparison that reads
 * a missing value is unknown; `missing` and `present` are never unknown.
 */
export type Expr =
  | { op: "and"; args: Expr[] }
  | { op: "or"; args: Expr[] }
  | { op: "not"; arg: Expr }
  | { op: "compare"; cmp: "=" | "!=" | "<" | "<=" | ">" | ">="; ref: Ref; value: Literal }
  /** Membership; `list` names the declared list the values came from, for explanations. */
  | { op: "in"; ref: Ref; values: Literal[]; list?: string }
  /** True when the text contains / starts with / ends with any of the values (case-insensitive). */
  | { op: "contains" | "starts_with" | "ends_with"; ref: Ref; values: string[]; list?: string }
  | { op: "between"; ref: Ref; low: Literal; high: Literal }
  /** A date in (T − ms, T]; never unknown: missing or future is false. `duration` as written (`14d`). */
  | { op: "within"; ref: Ref; ms: number; duration: string }
  | { op: "missing"; ref: Ref }
  | { op: "present"; ref: Ref };

/** What a rule tests. */
export type Match =
  | { kind: "profile"; expr: Expr }
  /** Holds for each event of one of `types` (all types when omitted) for which `where` is true. */
  | { kind: "event"; types: string[]; where: Expr | null }
  /** Holds when no event of `types` (any type when null) happened in the window (T − withinMs, T]. */
  | { kind: "no_event"; types: string[] | null; withinMs: number };

export interface Rule {
  /** Stable within an artifact: `<model>.<section>.<n>` with n counted from 1 in source order. */
  id: string;
  section: "fit" | "engagement";
  /**
   * What the rule does, in the language's syntax, for explanations: printed from the rule itself
   * (`describeRule`), so that loading checks it says what the rule does (parentheses as written, a date's
   * spelling or a number's `1.50` are not kept).
   */
  text: string;
  loc: SourceLocation;
  match: Match;
  /** Signed: negative for `subtract`. */
  points: number;
  /** Counts every matching event (`each`) rather than once. */
  each: boolean;
  /** Cap on the absolute value of the rule's total, or null. */
  max: number | null;
  /** Only events in (T − withinMs, T] count; null: every event up to T. */
  withinMs: number | null;
  /** The `within` duration as written (`30d`), for explanations. */
  within: string | null;
}

export interface Decay {
  percent: number;
  everyMs: number;
  every: string;
  loc: SourceLocation;
}

export interface Exclusion {
  reason: string;
  text: string;
  loc: SourceLocation;
  match: Match;
  withinMs: number | null;
  within: string | null;
}

export interface GradeTier {
  label: string;
  op: ">=" | ">";
  threshold: number;
}

export interface GradeScale {
  tiers: GradeTier[];
  /** The `else` label, or null: a value below every tier gets no grade. */
  fallback: string | null;
  loc: SourceLocation;
}

/** Actions have the shape they take in results and fixtures. */
export type Action =
  | { route: string; within: string | null; withinMs: number | null; say: string | null }
  | { nurture: string }
  | { disqualify: true };

export type BucketTest =
  | { kind: "threshold"; cmp: "=" | "!=" | "<" | "<=" | ">" | ">="; value: number }
  | { kind: "when"; expr: Expr }
  | { kind: "otherwise" };

export interface Bucket {
  name: string;
  text: string;
  loc: SourceLocation;
  test: BucketTest;
  actions: Action[];
}

export interface Clamp {
  min: number;
  max: number;
  loc: SourceLocation;
}

export interface Model {
  name: string;
  label: string | null;
  /** Null for the default model. */
  when: Expr | null;
  loc: SourceLocation;
  /** Fit rules, then engagement rules, each in source order. */
  rules: Rule[];
  /** The engagement section's decay, if any. */
  decay: Decay | null;
  /** The model's own buckets (replacing the global ones), or null to use the global buckets. */
  buckets: Bucket[] | null;
  /** The model's own clamp (replacing the global one), or null. */
  clamp: Clamp | null;
}

export interface SourceDigest {
  path: string;
  sha256: string;
}

export interface Artifact {
  format: typeof ARTIFACT_FORMAT;
  formatVersion: typeof ARTIFACT_FORMAT_VERSION;
  name: string;
  version: number | null;
  /** `sha256:<hex>` over the compiled content (everything but this field), checked on load. */
  contentHash: string;
  /** `sha256:<hex>` over the source files (sorted by path), to trace an artifact back to its commit. */
  sourceHash: string;
  sources: SourceDigest[];
  schema: {
    lead: FieldSchema[];
    events: EventSchema[];
  };
  lists: Array<{ name: string; values: Literal[] }>;
  /** In declaration order; the first that holds gives the reason. */
  exclusions: Exclusion[];
  grades: { fit: GradeScale | null; engagement: GradeScale | null };
  /** Global buckets, tried in order. */
  buckets: Bucket[];
  clamp: Clamp | null;
  /** In choice order (file path, then declaration); the default model stays in its place here. */
  models: Model[];
  /** Name of the model without `when`, or null. */
  defaultModel: string | null;
}
