import type { UsageSummary } from "../batch/rule-usage.js";
import type { Artifact, Rule } from "../compile/artifact.js";
import { canonicalJson } from "../compile/hash.js";
import type { UsageProblems } from "./report/model.js";

/**
 * The head's rules that fire for no lead and its values that no lead has, less those the base had too: a
 * review shows what this change brings (a misspelt value in an edited rule), not every old rule that the
 * population never reaches. Rules are matched by what they do (their model, condition and points; a list
 * by its values, so renaming one brings nothing), values by field and folded value. Null when the change
 * brings none.
 */
export function newUsageProblems(
  base: { artifact: Artifact; usage: UsageSummary },
  head: { artifact: Artifact; usage: UsageSummary },
): UsageProblems | null {
  const baseKeys = ruleKeys(base.artifact);
  const headKeys = ruleKeys(head.artifact);
  const baseRules = new Set(base.usage.neverFired.map((rule) => baseKeys.get(rule.id)));
  const baseValues = new Set(base.usage.unseenValues.map(valueKey));
  const neverFired = head.usage.neverFired.filter((rule) => !baseRules.has(headKeys.get(rule.id)));
  const unseenValues = head.usage.unseenValues.filter((value) => !baseValues.has(valueKey(value)));
  return neverFired.length === 0 && unseenValues.length === 0 ? null : { neverFired, unseenValues };
}

function ruleKeys(artifact: Artifact): Map<string, string> {
  const keys = new Map<string, string>();
  for (const model of artifact.models) {
    for (const rule of model.rules) keys.set(rule.id, `${model.name}\u0000${meaning(rule)}`);
  }
  return keys;
}

/** The rule without where it is written, its text, or the names of the lists it reads. */
function meaning(rule: Rule): string {
  const { id: _id, text: _text, loc: _loc, ...rest } = rule;
  return canonicalJson(
    JSON.parse(JSON.stringify(rest, (key, inner: unknown) => (key === "list" ? undefined : inner))),
  );
}

function valueKey(value: UsageSummary["unseenValues"][number]): string {
  return `${value.scope}\u0000${value.field}\u0000${value.value.trim().toLowerCase()}`;
}
