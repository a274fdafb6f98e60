/**
 * Which rule of the base ruleset is "the same" as which rule of the head ruleset (see pairing.ts).
 *
 * Within one model and section, rules pair in three passes:
 * 1. unchanged rules: the same condition and the same settings (points, `each`, `max`, `within`, the
 *    `no event` window), whatever their position — so inserting, deleting or reordering rules leaves every
 *    untouched rule paired with itself, and identical duplicates pair one to one;
 * 2. the same condition with other settings: a changed rule (points +20 → +15, within 90d → 30d);
 * 3. the same settings and the same kind of condition on the same event types or lead fields: a changed
 *    condition (employees >= 500 → >= 1000, same points).
 * What is left is added or removed. Two refinements keep the diff honest: values that come from a named
 * list are compared by the list's name (adding a country to `target_countries` is one list change, not
 * every rule that reads it), and a renamed list is read under its new name on the base side.
 */
import type { Artifact, Expr, Match, Rule } from "../compile/artifact.js";
import { canonicalJson } from "../compile/hash.js";
import { pairInPasses } from "./pairing.js";

const SEPARATOR = "\u0001";

/** Base list names → head list names, for lists renamed by the change. */
export type ListRenames = ReadonlyMap<string, string>;

const NO_RENAMES: ListRenames = new Map();

/** An expression with list-backed values replaced by the list's (head) name. */
function normalizeExpr(expr: Expr, renames: ListRenames = NO_RENAMES): unknown {
  switch (expr.op) {
    case "and":
    case "or":
      return { op: expr.op, args: expr.args.map((arg) => normalizeExpr(arg, renames)) };
    case "not":
      return { op: "not", arg: normalizeExpr(expr.arg, renames) };
    case "in":
    case "contains":
    case "starts_with":
    case "ends_with":
      return expr.list === undefined
        ? expr
        : { op: expr.op, ref: expr.ref, list: renames.get(expr.list) ?? expr.list };
    default:
      return expr;
  }
}

function normalizeMatch(match: Match, renames: ListRenames = NO_RENAMES): unknown {
  switch (match.kind) {
    case "profile":
      return { kind: "profile", expr: normalizeExpr(match.expr, renames) };
    case "event":
      return {
        kind: "event",
        types: match.types,
        where: match.where ? normalizeExpr(match.where, renames) : null,
      };
    case "no_event":
      return { kind: "no_event", types: match.types };
  }
}

/** The identity of a condition: equal strings mean the same condition. */
export function conditionKey(condition: Match | Expr | null, renames: ListRenames = NO_RENAMES): string {
  if (condition === null) return "null";
  return canonicalJson(
    "kind" in condition ? normalizeMatch(condition, renames) : normalizeExpr(condition, renames),
  );
}

/** The lead fields (or event properties) a condition reads, sorted. */
function fieldsOf(expr: Expr | null, into: Set<string> = new Set()): Set<string> {
  if (expr === null) return into;
  switch (expr.op) {
    case "and":
    case "or":
      for (const arg of expr.args) fieldsOf(arg, into);
      break;
    case "not":
      fieldsOf(expr.arg, into);
      break;
    default:
      into.add(`${expr.ref.scope}.${expr.ref.name}`);
  }
  return into;
}

/** The names of the lists a condition reads. */
export function listsOf(condition: Match | Expr | null, into: Set<string> = new Set()): Set<string> {
  if (condition === null) return into;
  if ("kind" in condition) {
    if (condition.kind === "profile") listsOf(condition.expr, into);
    else if (condition.kind === "event") listsOf(condition.where, into);
    return into;
  }
  switch (condition.op) {
    case "and":
    case "or":
      for (const arg of condition.args) listsOf(arg, into);
      break;
    case "not":
      listsOf(condition.arg, into);
      break;
    case "in":
    case "contains":
    case "starts_with":
    case "ends_with":
      if (condition.list !== undefined) into.add(condition.list);
      break;
    default:
      break;
  }
  return into;
}

/** A rule with where it stands: its model and its 0-based position within the model's section. */
export interface PlacedRule {
  model: string;
  rule: Rule;
  position: number;
}

/** One rule of either side: paired (both), removed (head null) or added (base null). */
export interface RulePair {
  /** The identity a lead's contributions from these rules are compared by. */
  key: string;
  base: PlacedRule | null;
  head: PlacedRule | null;
}

/** The rules of two rulesets paired, and the identity of every rule id on each side. */
export interface RuleMatching {
  pairs: RulePair[];
  keyOfBaseId: Map<string, string>;
  keyOfHeadId: Map<string, string>;
}

function placedRules(artifact: Artifact): PlacedRule[] {
  const placed: PlacedRule[] = [];
  for (const model of artifact.models) {
    const positions = { fit: 0, engagement: 0 };
    for (const rule of model.rules)
      placed.push({ model: model.name, rule, position: positions[rule.section]++ });
  }
  return placed;
}

function settingsKey(rule: Rule): string {
  const window = rule.match.kind === "no_event" ? rule.match.withinMs : null;
  return canonicalJson([rule.points, rule.each, rule.max, rule.withinMs, window]);
}

function shapeKey(match: Match): string {
  switch (match.kind) {
    case "profile":
      return canonicalJson(["profile", [...fieldsOf(match.expr)].sort()]);
    case "event":
      return canonicalJson(["event", [...match.types].sort()]);
    case "no_event":
      return canonicalJson(["no_event", match.types === null ? null : [...match.types].sort()]);
  }
}

/** Pairs the rules of `base` with those of `head`, model by model and section by section (see above). */
export function matchRules(base: Artifact, head: Artifact, renames: ListRenames = NO_RENAMES): RuleMatching {
  const place = (side: ListRenames) => (placed: PlacedRule) =>
    [placed.model, placed.rule.section, conditionKey(placed.rule.match, side)].join(SEPARATOR);
  const baseCondition = place(renames);
  const headCondition = place(NO_RENAMES);
  const baseSide = new Set(placedRules(base));
  const condition = (placed: PlacedRule): string =>
    baseSide.has(placed) ? baseCondition(placed) : headCondition(placed);
  const passes = [
    (placed: PlacedRule) => `${condition(placed)}${SEPARATOR}${settingsKey(placed.rule)}`,
    condition,
    (placed: PlacedRule) =>
      [placed.model, placed.rule.section, settingsKey(placed.rule), shapeKey(placed.rule.match)].join(
        SEPARATOR,
      ),
  ];
  const { both, removed, added } = pairInPasses([...baseSide], placedRules(head), passes);
  const pairs: RulePair[] = [
    ...both.map(([b, h]) => ({ key: `rule${SEPARATOR}${h.rule.id}`, base: b, head: h })),
    ...removed.map((b) => ({ key: `rule${SEPARATOR}base${SEPARATOR}${b.rule.id}`, base: b, head: null })),
    ...added.map((h) => ({ key: `rule${SEPARATOR}${h.rule.id}`, base: null, head: h })),
  ];
  const keyOfBaseId = new Map<string, string>();
  const keyOfHeadId = new Map<string, string>();
  for (const pair of pairs) {
    if (pair.base) keyOfBaseId.set(pair.base.rule.id, pair.key);
    if (pair.head) keyOfHeadId.set(pair.head.rule.id, pair.key);
  }
  return { pairs, keyOfBaseId, keyOfHeadId };
}

/** The identity of a clamp contribution (`<model>.clamp` or the global `clamp`). */
export function clampKey(contributionId: string): string {
  return contributionId === "clamp" ? `clamp${SEPARATOR}` : `clamp${SEPARATOR}${contributionId.slice(0, -6)}`;
}

/** The identity a contribution is compared by across versions (`keyOfId`: one side's ids). */
export function contributionKey(
  keyOfId: ReadonlyMap<string, string>,
  contribution: { id: string; section: string },
): string {
  if (contribution.section === "clamp") return clampKey(contribution.id);
  return keyOfId.get(contribution.id) ?? `unknown${SEPARATOR}${contribution.id}`;
}
