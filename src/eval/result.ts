/**
 * What scoring returns for one lead. Keys are always created in the order declared here, so that
 * `JSON.stringify` of a result is byte-stable: same rules, same lead, same as-of time, same bytes.
 */
/**
 * What a result decides for a lead, in the order results list it. Result files, SQL rows and fixture
 * expectations all name these keys: they spread this list rather than spell it again.
 */
export const DECISION_KEYS = [
  "model",
  "fit",
  "engagement",
  "score",
  "grade",
  "bucket",
  "excluded",
  "actions",
] as const;

export interface ScoreResult {
  /** The lead's `id` field, as text; null when the lead has none. */
  id: string | null;
  /** The model that scored the lead; null when no model takes it (a ruleset without a default model). */
  model: string | null;
  fit: number | null;
  engagement: number | null;
  /** fit + engagement, then clamped; the contributions add up to it. */
  score: number | null;
  /** Fit label + engagement label (`A1`), or null when either has no label. */
  grade: string | null;
  /** Null when excluded, unscored, or when no bucket matches. */
  bucket: string | null;
  /** The reason of the first exclusion that holds; null when none does. */
  excluded: string | null;
  /** The bucket's actions; empty without a bucket. */
  actions: readonly ResultAction[];
  /** Every rule that fired, in rule order (fit, then engagement), then the clamp if it moved the score. */
  contributions: readonly Contribution[];
}

const NONE: readonly never[] = Object.freeze([]);

/** The result of a lead no model takes: nothing decided but the exclusion that holds, if any. */
export function unscoredResult(id: string | null, excluded: string | null): ScoreResult {
  return {
    id,
    model: null,
    fit: null,
    engagement: null,
    score: null,
    grade: null,
    bucket: null,
    excluded,
    actions: NONE,
    contributions: NONE,
  };
}

/** Actions as results and fixtures write them; `within` and `say` only when the rule gives them. */
export type ResultAction =
  { route: string; within?: string; say?: string } | { nurture: string } | { disqualify: true };

export interface ContributionLocation {
  file: string;
  line: number;
  column: number;
}

/** How decay lowered a rule's points. */
export interface ContributionDecay {
  /** The points the rule would have given without decay, and with it (both before any cap). */
  before: number;
  after: number;
  /** Once-only rules: the factor applied to the most recent matching event, and that event's age. */
  factor?: number;
  ageDays?: number;
}

/** One reason the score is what it is. */
export interface Contribution {
  /** The rule as written (canonical form). */
  rule: string;
  /** `<model>.<section>.<n>`, or `<model>.clamp` / `clamp` for the clamp. */
  id: string;
  section: "fit" | "engagement" | "clamp";
  /** Rounded to 2 decimals; the contributions of a section add up to its total. */
  points: number;
  loc: ContributionLocation;
  /** Event rules: how many matching events were in the window (a once-only rule counts one of them). */
  events?: number;
  decay?: ContributionDecay;
  /** The rule's `max` lowered its total. */
  capped?: true;
}
