/**
 * Which construct of the base ruleset is "the same" as which construct of the head ruleset.
 *
 * A rule is identified by its model, its section and its condition (the canonical JSON of its match): so
 * a change of points, `each`, `max`, `within` or of a `no event` window is a *changed* rule, while a
 * change of condition is a rule removed and another added. Two refinements keep the diff honest:
 * - values that come from a named list are compared by the list's name, so adding a country to
 *   `target_countries` is one list change, not every rule that reads the list removed and added again;
 * - the window of `when no event within D` is a setting of the rule like `within`, not part of its identity.
 * Identical conditions in one section are told apart by their order (`#2`, `#3`, …).
 */
import type { Artifact, Expr, Match, Rule } from "../compile/artifact.js";
import { canonicalJson } from "../compile/hash.js";

const SEPARATOR = "\u0001";

/** An expression with list-backed values replaced by the list's name. */
export function normalizeExpr(expr: Expr): unknown {
  switch (expr.op) {
    case "and":
    case "or":
      return { op: expr.op, args: expr.args.map(normalizeExpr) };
    case "not":
      return { op: "not", arg: normalizeExpr(expr.arg) };
    case "in":
    case "contains":
    case "starts_with":
    case "ends_with":
      return expr.list === undefined ? expr : { op: expr.op, ref: expr.ref, list: expr.list };
    default:
      return expr;
  }
}

export function normalizeMatch(match: Match): unknown {
  switch (match.kind) {
    case "profile":
      return { kind: "profile", expr: normalizeExpr(match.expr) };
    case "event":
      return { kind: "event", types: match.types, where: match.where ? normalizeExpr(match.where) : null };
    case "no_event":
      return { kind: "no_event", types: match.types };
  }
}

/** The identity of a condition: equal strings mean the same condition. */
export function conditionKey(condition: Match | Expr | null): string {
  if (condition === null) return "null";
  return canonicalJson("kind" in condition ? normalizeMatch(condition) : normalizeExpr(condition));
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

/** A rule with its identity and where it stands in its section. */
export interface KeyedRule {
  key: string;
  model: string;
  rule: Rule;
  /** 0-based position within the model's section. */
  position: number;
}

/** The rules of a ruleset by identity, and the identity of every rule id (for contributions). */
export interface RuleIdentities {
  byKey: Map<string, KeyedRule>;
  keyOfId: Map<string, string>;
}

export function identifyRules(artifact: Artifact): RuleIdentities {
  const byKey = new Map<string, KeyedRule>();
  const keyOfId = new Map<string, string>();
  for (const model of artifact.models) {
    const positions = { fit: 0, engagement: 0 };
    for (const rule of model.rules) {
      const base = [model.name, rule.section, conditionKey(rule.match)].join(SEPARATOR);
      let key = base;
      for (let occurrence = 2; byKey.has(key); occurrence++) key = `${base}#${occurrence}`;
      byKey.set(key, { key, model: model.name, rule, position: positions[rule.section]++ });
      keyOfId.set(rule.id, key);
    }
  }
  return { byKey, keyOfId };
}

/** The identity of a clamp contribution (`<model>.clamp` or the global `clamp`). */
export function clampKey(contributionId: string): string {
  return contributionId === "clamp" ? `clamp${SEPARATOR}` : `clamp${SEPARATOR}${contributionId.slice(0, -6)}`;
}

/** The identity a contribution is compared by across versions. */
export function contributionKey(
  identities: RuleIdentities,
  contribution: { id: string; section: string },
): string {
  if (contribution.section === "clamp") return clampKey(contribution.id);
  return identities.keyOfId.get(contribution.id) ?? `unknown${SEPARATOR}${contribution.id}`;
}
