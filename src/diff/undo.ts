/**
 * One change of a diff undone alone: the head ruleset with that one construct put back as the base has
 * it, every other change kept. Scoring a moved lead under it answers "would this lead have moved without
 * this change?" — the test by which a change is named as a cause (see attribution.ts).
 *
 * Constructs are named, not referenced, so an undo is data that can be applied to a fresh copy of the
 * head. A construct put back where the head has none goes where the base has it, as far as the head's
 * list allows. Schema changes have no undo: they decide which records are valid, not how leads score.
 */
import type { Artifact, Bucket, Expr, Literal, Model } from "../compile/artifact.js";
import { contentHashOf } from "../compile/hash.js";

export type Undo =
  | { kind: "rule"; model: string; base: string | null; head: string | null }
  | { kind: "model"; base: string | null; head: string | null }
  | { kind: "model-order" }
  | { kind: "exclusion"; base: string | null; head: string | null }
  | { kind: "exclusion-order" }
  | { kind: "grade"; dimension: "fit" | "engagement" }
  | { kind: "bucket"; scope: string | null; base: string | null; head: string | null }
  | { kind: "bucket-order"; scope: string | null }
  | { kind: "list"; base: string | null; head: string | null }
  | { kind: "decay"; model: string | null }
  | { kind: "clamp"; model: string | null };

/** The head artifact with `undo` applied, re-hashed so that it loads like any other artifact. */
export function undoChange(base: Artifact, head: Artifact, undo: Undo): Artifact {
  const result = structuredClone(head);
  apply(structuredClone(base), result, undo);
  result.contentHash = contentHashOf(result);
  return result;
}

function apply(base: Artifact, head: Artifact, undo: Undo): void {
  switch (undo.kind) {
    case "rule": {
      const model = findModel(head, undo.model);
      const from = findModel(base, undo.model)?.rules.find((rule) => rule.id === undo.base) ?? null;
      if (model === undefined) return;
      const at = model.rules.findIndex((rule) => rule.id === undo.head);
      if (from === null) {
        if (at >= 0) model.rules.splice(at, 1);
        return;
      }
      // The head's id stays (contributions are compared by it); a rule put back gets an id of its own.
      const id =
        at >= 0
          ? model.rules[at]!.id
          : freeId(
              model.rules.map((rule) => rule.id),
              `${from.id}.base`,
            );
      const restored = { ...from, id };
      if (at >= 0) model.rules[at] = restored;
      else model.rules.push(restored);
      return;
    }
    case "model": {
      const from = undo.base === null ? undefined : findModel(base, undo.base);
      const at = head.models.findIndex((model) => model.name === undo.head);
      if (from === undefined) {
        if (at >= 0) head.models.splice(at, 1);
        if (head.defaultModel === undo.head) head.defaultModel = null;
        return;
      }
      if (at >= 0) {
        const model = head.models[at]!;
        model.when = from.when;
        model.label = from.label;
      } else {
        head.models.splice(Math.min(base.models.indexOf(from), head.models.length), 0, from);
      }
      if (from.when === null) head.defaultModel = from.name;
      else if (head.defaultModel === from.name) head.defaultModel = base.defaultModel;
      return;
    }
    case "model-order":
      head.models = inOrderOf(
        head.models,
        base.models.map((model) => model.name),
        (model) => model.name,
      );
      return;
    case "exclusion":
      head.exclusions = putBack(
        base.exclusions,
        head.exclusions,
        undo.base,
        undo.head,
        (exclusion) => exclusion.reason,
      );
      return;
    case "exclusion-order":
      head.exclusions = inOrderOf(
        head.exclusions,
        base.exclusions.map((exclusion) => exclusion.reason),
        (exclusion) => exclusion.reason,
      );
      return;
    case "grade":
      head.grades[undo.dimension] = base.grades[undo.dimension];
      return;
    case "bucket":
      setBuckets(
        head,
        undo.scope,
        putBack(
          bucketsOf(base, undo.scope),
          bucketsOf(head, undo.scope),
          undo.base,
          undo.head,
          (b) => b.name,
        ),
      );
      return;
    case "bucket-order":
      setBuckets(
        head,
        undo.scope,
        inOrderOf(
          bucketsOf(head, undo.scope),
          bucketsOf(base, undo.scope).map((bucket) => bucket.name),
          (bucket) => bucket.name,
        ),
      );
      return;
    case "list": {
      // Lists are compiled into the conditions that read them: the values go back everywhere they are read.
      const from = base.lists.find((list) => list.name === undo.base);
      if (undo.head === null || from === undefined) return;
      const name = undo.head;
      forEachExpr(head, (expr) => {
        if ("list" in expr && expr.list === name) {
          (expr as { values: Literal[] }).values = [...from.values];
          expr.list = from.name;
        }
      });
      const list = head.lists.find((entry) => entry.name === name);
      if (list !== undefined) {
        list.name = from.name;
        list.values = [...from.values];
      }
      return;
    }
    case "decay": {
      const model = findModel(head, undo.model);
      if (model !== undefined) model.decay = findModel(base, undo.model)?.decay ?? null;
      return;
    }
    case "clamp": {
      if (undo.model === null) {
        head.clamp = base.clamp;
        return;
      }
      const model = findModel(head, undo.model);
      if (model !== undefined) model.clamp = findModel(base, undo.model)?.clamp ?? null;
      return;
    }
  }
}

function findModel(artifact: Artifact, name: string | null): Model | undefined {
  return name === null ? undefined : artifact.models.find((model) => model.name === name);
}

function freeId(taken: readonly string[], wanted: string): string {
  let id = wanted;
  for (let n = 2; taken.includes(id); n++) id = `${wanted}${n}`;
  return id;
}

/** The head's list with one item as the base has it: replaced, removed, or put back at the base's place. */
function putBack<T>(
  base: readonly T[],
  head: readonly T[],
  baseName: string | null,
  headName: string | null,
  name: (item: T) => string,
): T[] {
  const result = [...head];
  const at = headName === null ? -1 : result.findIndex((item) => name(item) === headName);
  const fromIndex = baseName === null ? -1 : base.findIndex((item) => name(item) === baseName);
  if (fromIndex < 0) {
    if (at >= 0) result.splice(at, 1);
  } else if (at >= 0) result[at] = base[fromIndex]!;
  else result.splice(Math.min(fromIndex, result.length), 0, base[fromIndex]!);
  return result;
}

/** The items both sides share put in the base's order, in the places they hold in the head. */
function inOrderOf<T>(head: readonly T[], baseOrder: readonly string[], name: (item: T) => string): T[] {
  const rank = new Map(baseOrder.map((item, index) => [item, index]));
  const shared = head.filter((item) => rank.has(name(item)));
  shared.sort((a, b) => rank.get(name(a))! - rank.get(name(b))!);
  let next = 0;
  return head.map((item) => (rank.has(name(item)) ? shared[next++]! : item));
}

function bucketsOf(artifact: Artifact, scope: string | null): Bucket[] {
  if (scope === null) return artifact.buckets;
  return findModel(artifact, scope)?.buckets ?? [];
}

function setBuckets(artifact: Artifact, scope: string | null, buckets: Bucket[]): void {
  if (scope === null) artifact.buckets = buckets;
  else {
    const model = findModel(artifact, scope);
    if (model !== undefined && model.buckets !== null) model.buckets = buckets;
  }
}

/** Every expression node of the artifact (conditions of rules, exclusions, models and buckets). */
function forEachExpr(artifact: Artifact, visit: (expr: Expr) => void): void {
  const stack: Expr[] = [];
  const addMatch = (match: { kind: string; expr?: Expr; where?: Expr | null }): void => {
    if (match.expr) stack.push(match.expr);
    if (match.where) stack.push(match.where);
  };
  for (const exclusion of artifact.exclusions) addMatch(exclusion.match);
  const buckets = [...artifact.buckets];
  for (const model of artifact.models) {
    if (model.when) stack.push(model.when);
    for (const rule of model.rules) addMatch(rule.match);
    buckets.push(...(model.buckets ?? []));
  }
  for (const bucket of buckets) if (bucket.test.kind === "when") stack.push(bucket.test.expr);
  // An explicit stack: conditions can be deep, and nothing here should recurse in proportion to them.
  while (stack.length > 0) {
    const expr = stack.pop()!;
    visit(expr);
    if (expr.op === "and" || expr.op === "or") stack.push(...expr.args);
    else if (expr.op === "not") stack.push(expr.arg);
  }
}
