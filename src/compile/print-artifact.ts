/**
 * The artifact printer: artifact constructs as one line of the language's own spelling, for the diff a
 * reviewer reads and for explanations. Rules, buckets and exclusions carry their text in the artifact,
 * printed here from their compiled form by the compiler (so that loading can print it again and compare);
 * conditions of models, actions and grade scales carry none and are printed here when shown.
 */
import type {
  Action,
  Bucket,
  BucketTest,
  Clamp,
  Decay,
  Exclusion,
  Expr,
  GradeScale,
  GradeTier,
  Literal,
  Match,
  Ref,
  Rule,
} from "./artifact.js";
import { printString } from "../syntax/literals.js";

const TEXT_OPERATORS = { contains: "contains", starts_with: "starts with", ends_with: "ends with" } as const;

const BARE_WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A value as the language writes it: bare words and numbers as they are, other text quoted with the
 * language's own escapes (printString), so that every text printed here reads back as source.
 */
export function describeLiteral(value: Literal): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return BARE_WORD.test(value) ? value : printString(value);
}

/**
 * A value compared with `ref`: a date (held as an instant, `2026-05-14T00:00:00.000Z`) is written as the
 * language writes dates — the day alone at midnight UTC, else the instant — and never quoted.
 */
function describeValue(ref: Ref, value: Literal): string {
  if (ref.type !== "date" || typeof value !== "string") return describeLiteral(value);
  return value.endsWith("T00:00:00.000Z") ? value.slice(0, -"T00:00:00.000Z".length) : value;
}

function describeValues(ref: Ref, values: readonly Literal[], list: string | undefined): string {
  return list ?? `[${values.map((value) => describeValue(ref, value)).join(", ")}]`;
}

/** A condition in source syntax. Groups are re-added where an `and` sits inside an `or` and vice versa. */
export function describeExpr(expr: Expr): string {
  switch (expr.op) {
    case "and":
    case "or":
      return expr.args
        .map((arg) => (arg.op === "and" || arg.op === "or" ? `(${describeExpr(arg)})` : describeExpr(arg)))
        .join(` ${expr.op} `);
    case "not":
      if (expr.arg.op === "in") {
        return `${expr.arg.ref.name} not in ${describeValues(expr.arg.ref, expr.arg.values, expr.arg.list)}`;
      }
      return expr.arg.op === "and" || expr.arg.op === "or"
        ? `not (${describeExpr(expr.arg)})`
        : `not ${describeExpr(expr.arg)}`;
    case "compare":
      return `${expr.ref.name} ${expr.cmp} ${describeValue(expr.ref, expr.value)}`;
    case "in":
      return `${expr.ref.name} in ${describeValues(expr.ref, expr.values, expr.list)}`;
    case "contains":
    case "starts_with":
    case "ends_with": {
      const [single] = expr.values;
      if (expr.list === undefined && expr.values.length === 1 && single !== undefined) {
        return `${expr.ref.name} ${TEXT_OPERATORS[expr.op]} ${printString(single)}`;
      }
      // `contains any [a, b]`, but `starts with [a, b]` and `ends with competitor_domains`.
      const any = expr.op === "contains" ? " any" : "";
      return `${expr.ref.name} ${TEXT_OPERATORS[expr.op]}${any} ${describeValues(expr.ref, expr.values, expr.list)}`;
    }
    case "between":
      return `${expr.ref.name} between ${describeValue(expr.ref, expr.low)} and ${describeValue(expr.ref, expr.high)}`;
    case "within":
      return `${expr.ref.name} within ${expr.duration}`;
    case "missing":
      return `${expr.ref.name} is missing`;
    case "present":
      return `${expr.ref.name} is present`;
  }
}

export function describeBucketTest(test: BucketTest): string {
  switch (test.kind) {
    case "threshold":
      return `${test.cmp} ${test.value}`;
    case "when":
      return `when ${describeExpr(test.expr)}`;
    case "otherwise":
      return "otherwise";
  }
}

/** Actions in artifact or result form (results leave out `within` and `say` when not given). */
export type AnyAction =
  | Action
  | { route: string; within?: string | null; say?: string | null }
  | { nurture: string }
  | { disqualify: true };

export function describeAction(action: AnyAction): string {
  if ("route" in action) {
    const parts = [`route ${action.route}`];
    if (action.within) parts.push(`within ${action.within}`);
    if (action.say) parts.push(`say ${printString(action.say)}`);
    return parts.join(" ");
  }
  if ("nurture" in action) return `nurture ${printString(action.nurture)}`;
  return "disqualify";
}

export function describeActions(actions: readonly AnyAction[]): string {
  return actions.length === 0 ? "no action" : actions.map(describeAction).join(", ");
}

export function describeTier(tier: GradeTier): string {
  return `${tier.label} ${tier.op} ${tier.threshold}`;
}

export function describeGradeScale(scale: GradeScale): string {
  const tiers = scale.tiers.map(describeTier);
  if (scale.fallback !== null) tiers.push(`else ${scale.fallback}`);
  return tiers.join(", ");
}

export function describeDecay(decay: Decay): string {
  return `decay ${decay.percent}% every ${decay.every}`;
}

export function describeClamp(clamp: Clamp): string {
  return `clamp score between ${clamp.min} and ${clamp.max}`;
}

/** Points with their sign, as a contribution reads: `+15`, `-10`, `+2.5`, `0`. */
export function signedPoints(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

/** What a rule or an exclusion tests, in source syntax (without the leading `when`). */
export function describeMatch(match: Match): string {
  const types = (names: readonly string[]): string =>
    names.length === 1 ? `= ${names[0]}` : `in [${names.join(", ")}]`;
  switch (match.kind) {
    case "profile":
      return describeExpr(match.expr);
    case "event": {
      const head = match.types.length === 0 ? "event" : `event ${types(match.types)}`;
      return match.where ? `${head} where ${describeExpr(match.where)}` : head;
    }
    case "no_event":
      return `no event${match.types ? ` ${types(match.types)}` : ""} within ${describeDuration(match.withinMs)}`;
  }
}

const UNITS: ReadonlyArray<[string, number]> = [
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["m", 60_000],
];

/** A duration in the largest of d, h, m that divides it (weeks read better as days): 7776000000 → `90d`. */
export function describeDuration(ms: number): string {
  for (const [unit, size] of UNITS) if (ms % size === 0 && ms >= size) return `${ms / size}${unit}`;
  return `${ms}ms`;
}

/** What a rule's text is made of: everything it does, without its id, place and text. */
export type RuleMeaning = Pick<Rule, "match" | "points" | "each" | "max" | "within">;

/**
 * A rule's text, printed from what it does: the compiler stores this as the rule's `text`, and loading an
 * artifact prints it again and refuses one whose text differs, so an explanation never quotes a rule
 * that does something else (an artifact edited by hand with its hash recomputed).
 */
export function describeRule(rule: RuleMeaning): string {
  const parts = [
    `when ${describeMatch(rule.match)}`,
    `${rule.points < 0 ? "subtract" : "add"} ${Math.abs(rule.points)}`,
  ];
  if (rule.each) parts.push("each");
  if (rule.max !== null) parts.push(`max ${rule.max}`);
  if (rule.within !== null) parts.push(`within ${rule.within}`);
  return parts.join(" ");
}

/** What a bucket's text is made of: everything it does, without its place and text. */
export type BucketMeaning = Pick<Bucket, "name" | "test" | "actions">;

/** A bucket's text, printed from what it does (stored by the compiler, compared at load, as a rule's). */
export function describeBucket(bucket: BucketMeaning): string {
  return `bucket ${bucket.name} ${describeBucketTest(bucket.test)} -> ${bucket.actions.map(describeAction).join(", ")}`;
}

/** What an exclusion's text is made of: everything it does, without its place and text. */
export type ExclusionMeaning = Pick<Exclusion, "reason" | "match" | "within">;

/** An exclusion's text, printed from what it does (stored by the compiler, compared at load). */
export function describeExclusion(exclusion: ExclusionMeaning): string {
  const within = exclusion.within !== null ? ` within ${exclusion.within}` : "";
  return `exclude when ${describeMatch(exclusion.match)}${within} because ${printString(exclusion.reason)}`;
}
