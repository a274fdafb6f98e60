/**
 * The semantic diff of two compiled rulesets: what a reviewer needs to know changed in the meaning of the
 * rules — not in their text. Moving a rule to another line, re-indenting or reordering a section changes
 * nothing here; changing points, a threshold, a condition or a list does.
 *
 * Pairing (see pairing.ts and identity.ts): rules by model + section, unchanged ones first, then the same
 * condition, then the same settings; buckets by model (or global) + name, then by definition (a rename);
 * lists by name, then by values (a rename); exclusions by reason, then by condition; grades by dimension;
 * models, lead fields and events by name. Every pair is reported by one helper (`reportPairs`), and each
 * change carries how to undo it alone (undo.ts), which is how a lead's move is tied to its causes.
 */
import type {
  Artifact,
  Bucket,
  Clamp,
  Decay,
  EventSchema,
  FieldSchema,
  GradeScale,
  Literal,
  Model,
  Rule,
  SourceLocation,
} from "../compile/artifact.js";
import { canonicalJson } from "../compile/hash.js";
import {
  describeActions,
  describeBucketTest,
  describeClamp,
  describeDecay,
  describeDuration,
  describeExpr,
  describeGradeScale,
  describeLiteral,
  describeMatch,
  describeTier,
  signedPoints,
} from "../compile/print-artifact.js";
import { conditionKey, matchRules, type ListRenames, type PlacedRule } from "./identity.js";
import { pairInPasses, type Likeness, type Pairs } from "./pairing.js";
import type { Undo } from "./undo.js";

export type ChangeSubject =
  | "model"
  | "model-order"
  | "rule"
  | "decay"
  | "clamp"
  | "exclusion"
  | "exclusion-order"
  | "grade"
  | "bucket"
  | "bucket-order"
  | "list"
  | "lead-field"
  | "event"
  | "config";

/** One setting of a construct that differs, as text (`points`: `+50` → `+60`); null where it is absent. */
export interface ChangeDetail {
  what: string;
  before: string | null;
  after: string | null;
}

export interface RuleChange {
  subject: ChangeSubject;
  change: "added" | "removed" | "changed";
  /** The model the construct belongs to; null for global declarations. */
  model: string | null;
  /** Rules only. */
  section: "fit" | "engagement" | null;
  /** How the report names it: a rule's text, a bucket's or list's name, a grade's dimension, a reason. */
  name: string;
  /** The whole construct before and after, as one line of text; null on the side where it is absent. */
  before: string | null;
  after: string | null;
  details: ChangeDetail[];
  /** Where it is written: in the head ruleset, or in the base one for a removal. */
  loc: { file: string; line: number } | null;
  /** Identity of the construct, used to tie a lead's move to the changes that caused it. */
  key: string;
}

const SUBJECT_ORDER: readonly ChangeSubject[] = [
  "model",
  "model-order",
  "rule",
  "decay",
  "clamp",
  "exclusion",
  "exclusion-order",
  "grade",
  "bucket",
  "bucket-order",
  "list",
  "lead-field",
  "event",
  "config",
];

const SEP = "\u0001";

export const changeKeys = {
  model: (name: string) => `model${SEP}${name}`,
  modelOrder: () => "model-order",
  decay: (model: string) => `decay${SEP}${model}`,
  clamp: (model: string | null) => `clamp${SEP}${model ?? ""}`,
  exclusion: (reason: string) => `exclusion${SEP}${reason}`,
  exclusionOrder: () => "exclusion-order",
  grade: (dimension: string) => `grade${SEP}${dimension}`,
  bucket: (scope: string | null, name: string) => `bucket${SEP}${scope ?? ""}${SEP}${name}`,
  bucketOrder: (scope: string | null) => `bucket-order${SEP}${scope ?? ""}`,
  list: (name: string) => `list${SEP}${name}`,
  leadField: (name: string) => `lead-field${SEP}${name}`,
  event: (name: string) => `event${SEP}${name}`,
} as const;

/** A change, the identities a lead's move may name it by, and how to undo it alone (null: it cannot be). */
export interface PlannedChange {
  change: RuleChange;
  /** `change.key`, and the base side's key when the construct was renamed. */
  keys: string[];
  undo: Undo | null;
}

/** Every semantic change from `base` to `head`, in a stable order (see SUBJECT_ORDER, then source order). */
export function diffRules(base: Artifact, head: Artifact): RuleChange[] {
  return planChanges(base, head).changes.map((planned) => planned.change);
}

/** The changes with what attribution needs; `matching` pairs the rules for comparing contributions. */
export function planChanges(
  base: Artifact,
  head: Artifact,
): { changes: PlannedChange[]; matching: ReturnType<typeof matchRules> } {
  const modelRank = rankModels(base, head);
  const ranked: Array<{ planned: PlannedChange; rank: number[] }> = [];
  const push: Push = (planned, rank) => {
    ranked.push({ planned, rank: [SUBJECT_ORDER.indexOf(planned.change.subject), ...rank] });
  };

  const lists = pairLists(base, head);
  const renames: ListRenames = new Map(
    lists.both.filter(([b, a]) => b.name !== a.name).map(([b, a]) => [b.name, a.name]),
  );
  const matching = matchRules(base, head, renames);
  diffModels(base, head, modelRank, renames, push);
  diffRulePairs(matching.pairs, modelRank, renames, push);
  diffSettings(base, head, modelRank, push);
  diffExclusions(base, head, renames, push);
  diffGrades(base, head, push);
  diffBuckets(base, head, modelRank, renames, push);
  diffLists(lists, base, head, push);
  diffSchema(base, head, push);

  ranked.sort((a, b) => compareRanks(a.rank, b.rank));
  return { changes: ranked.map((entry) => entry.planned), matching };
}

type Push = (planned: PlannedChange, rank: readonly number[]) => void;

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? -1) - (b[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Models in head order, then the models only the base has, in base order. Global constructs rank first. */
function rankModels(base: Artifact, head: Artifact): (model: string | null) => number {
  const order = new Map<string, number>();
  for (const model of [...head.models, ...base.models])
    if (!order.has(model.name)) order.set(model.name, order.size);
  return (model) => (model === null ? -1 : (order.get(model) ?? order.size));
}

function where(loc: SourceLocation | null | undefined): { file: string; line: number } | null {
  return loc ? { file: loc.file, line: loc.line } : null;
}

function change(
  fields: Omit<RuleChange, "details" | "section" | "loc"> &
    Partial<Pick<RuleChange, "details" | "section" | "loc">>,
): RuleChange {
  // Built key by key so that every change serialises with its keys in the same order.
  return {
    subject: fields.subject,
    change: fields.change,
    model: fields.model,
    section: fields.section ?? null,
    name: fields.name,
    before: fields.before,
    after: fields.after,
    details: fields.details ?? [],
    loc: fields.loc ?? null,
    key: fields.key,
  };
}

/** Pairs items by name: those in both, only in base, only in head (each in its side's order). */
function pairBy<T>(base: readonly T[], head: readonly T[], key: (item: T) => string): Pairs<T> {
  return pairInPasses(base, head, [key]);
}

function detail(what: string, before: string | null, after: string | null): ChangeDetail[] {
  return before === after ? [] : [{ what, before, after }];
}

/** When the names both sides share are in another order, the order change (order decides outcomes). */
function orderChange(base: readonly string[], head: readonly string[]): ChangeDetail | null {
  const headNames = new Set(head);
  const baseNames = new Set(base);
  const baseOrder = base.filter((name) => headNames.has(name));
  const headOrder = head.filter((name) => baseNames.has(name));
  if (baseOrder.join(SEP) === headOrder.join(SEP)) return null;
  return { what: "", before: baseOrder.join(", "), after: headOrder.join(", ") };
}

/** How one kind of construct is reported: the one place an added, removed or changed construct is built. */
interface Construct<T> {
  subject: ChangeSubject;
  model: (item: T) => string | null;
  section?: (item: T) => "fit" | "engagement";
  name: (item: T) => string;
  /** The whole construct as one line. */
  text: (item: T) => string;
  loc?: (item: T) => SourceLocation | null | undefined;
  key: (item: T) => string;
  /** What differs between two paired items (besides a new name); empty when they mean the same. */
  details: (before: T, after: T) => ChangeDetail[];
  /** Where the change sorts among its kind, from the side it is shown on. */
  rank: (item: T, side: "base" | "head") => readonly number[];
  undo: (before: T | null, after: T | null) => Undo | null;
}

function reportPairs<T>(pairs: Pairs<T>, construct: Construct<T>, push: Push): void {
  const build = (kind: RuleChange["change"], before: T | null, after: T | null, details: ChangeDetail[]) => {
    const shown = (after ?? before)!;
    const keys = [construct.key(shown)];
    if (before !== null && after !== null && construct.key(before) !== keys[0])
      keys.push(construct.key(before));
    const planned: PlannedChange = {
      change: change({
        subject: construct.subject,
        change: kind,
        model: construct.model(shown),
        ...(construct.section ? { section: construct.section(shown) } : {}),
        name: construct.name(shown),
        before: before === null ? null : construct.text(before),
        after: after === null ? null : construct.text(after),
        details,
        loc: where(construct.loc?.(shown)),
        key: keys[0]!,
      }),
      keys,
      undo: construct.undo(before, after),
    };
    push(planned, [...construct.rank(shown, after === null ? "base" : "head"), after === null ? 0 : 1]);
  };
  for (const item of pairs.removed) build("removed", item, null, []);
  for (const item of pairs.added) build("added", null, item, []);
  for (const [before, after] of pairs.both) {
    const details = [
      ...detail("name", construct.name(before), construct.name(after)),
      ...construct.details(before, after),
    ];
    if (details.length > 0) build("changed", before, after, details);
  }
}

/** An order change of the constructs both sides share, as one change (order decides outcomes there). */
function reportOrder(
  subject: "model-order" | "exclusion-order" | "bucket-order",
  model: string | null,
  before: readonly string[],
  after: readonly string[],
  key: string,
  undo: Undo,
  rank: readonly number[],
  push: Push,
): void {
  const order = orderChange(before, after);
  if (order === null) return;
  const name = { "model-order": "models", "exclusion-order": "exclusions", "bucket-order": "buckets" }[
    subject
  ];
  push(
    {
      change: change({
        subject,
        change: "changed",
        model,
        name,
        before: order.before,
        after: order.after,
        details: [order],
        key,
      }),
      keys: [key],
      undo,
    },
    rank,
  );
}

// ------------------------------------------------------------------------------------------------ models

function describeModelCondition(model: Model): string {
  return model.when === null ? "default (no condition)" : `when ${describeExpr(model.when)}`;
}

function modelText(model: Model): string {
  const label = model.label === null ? "" : ` ${JSON.stringify(model.label)}`;
  return `model ${model.name}${label} ${describeModelCondition(model)}`;
}

function diffModels(
  base: Artifact,
  head: Artifact,
  rank: (model: string | null) => number,
  renames: ListRenames,
  push: Push,
): void {
  reportPairs(
    pairBy(base.models, head.models, (model) => model.name),
    {
      subject: "model",
      model: (model) => model.name,
      name: (model) => model.name,
      text: modelText,
      loc: (model) => model.loc,
      key: (model) => changeKeys.model(model.name),
      details: (before, after) => [
        ...detail("label", before.label, after.label),
        ...(conditionKey(before.when, renames) === conditionKey(after.when)
          ? []
          : [
              {
                what: "condition",
                before: describeModelCondition(before),
                after: describeModelCondition(after),
              },
            ]),
      ],
      rank: (model) => [rank(model.name)],
      undo: (before, after) => ({ kind: "model", base: before?.name ?? null, head: after?.name ?? null }),
    },
    push,
  );
  // Models are tried in order; the default model is used last wherever it stands.
  const conditional = (artifact: Artifact): string[] =>
    artifact.models.filter((model) => model.when !== null).map((model) => model.name);
  reportOrder(
    "model-order",
    null,
    conditional(base),
    conditional(head),
    changeKeys.modelOrder(),
    { kind: "model-order" },
    [],
    push,
  );
}

// ------------------------------------------------------------------------------------------------- rules

function ruleDetails(before: Rule, after: Rule, renames: ListRenames): ChangeDetail[] {
  const window = (rule: Rule): string | null =>
    rule.match.kind === "no_event" ? describeDuration(rule.match.withinMs) : null;
  return [
    ...(conditionKey(before.match, renames) === conditionKey(after.match)
      ? []
      : [{ what: "condition", before: describeMatch(before.match), after: describeMatch(after.match) }]),
    ...detail("points", signedPoints(before.points), signedPoints(after.points)),
    ...detail("counting", before.each ? "each event" : "once", after.each ? "each event" : "once"),
    ...detail(
      "max",
      before.max === null ? null : String(before.max),
      after.max === null ? null : String(after.max),
    ),
    ...withinDetail(before, after),
    ...detail("no-event window", window(before), window(after)),
  ];
}

/** Windows compare by duration and show as written: `30d` and `720h` are the same window. */
function withinDetail(
  before: { withinMs: number | null; within: string | null },
  after: { withinMs: number | null; within: string | null },
): ChangeDetail[] {
  if (before.withinMs === after.withinMs) return [];
  const text = (ms: number | null, written: string | null): string | null =>
    ms === null ? null : (written ?? describeDuration(ms));
  return [
    {
      what: "within",
      before: text(before.withinMs, before.within),
      after: text(after.withinMs, after.within),
    },
  ];
}

function diffRulePairs(
  pairs: ReturnType<typeof matchRules>["pairs"],
  rank: (model: string | null) => number,
  renames: ListRenames,
  push: Push,
): void {
  const keyOf = new Map<PlacedRule, string>();
  const split: Pairs<PlacedRule> = { both: [], removed: [], added: [] };
  for (const pair of pairs) {
    if (pair.base) keyOf.set(pair.base, pair.key);
    if (pair.head) keyOf.set(pair.head, pair.key);
    if (pair.base && pair.head) split.both.push([pair.base, pair.head]);
    else if (pair.base) split.removed.push(pair.base);
    else if (pair.head) split.added.push(pair.head);
  }
  const sectionRank = (section: "fit" | "engagement"): number => (section === "fit" ? 0 : 1);
  reportPairs(
    split,
    {
      subject: "rule",
      model: (placed) => placed.model,
      section: (placed) => placed.rule.section,
      // A rule is named by its text, which may differ between the sides: no `name` detail for it.
      name: () => "",
      text: (placed) => placed.rule.text,
      loc: (placed) => placed.rule.loc,
      key: (placed) => keyOf.get(placed)!,
      details: (before, after) => ruleDetails(before.rule, after.rule, renames),
      rank: (placed) => [rank(placed.model), sectionRank(placed.rule.section), placed.position],
      undo: (before, after) => ({
        kind: "rule",
        model: (after ?? before)!.model,
        base: before?.rule.id ?? null,
        head: after?.rule.id ?? null,
      }),
    },
    (planned, rankOf) => {
      // Rules are named by their text on the side they are shown on.
      planned.change.name = planned.change.after ?? planned.change.before ?? "";
      push(planned, rankOf);
    },
  );
}

/** Decay and clamp are settings of a model (or, for the clamp, of the whole ruleset). */
function diffSettings(
  base: Artifact,
  head: Artifact,
  rank: (model: string | null) => number,
  push: Push,
): void {
  const models = new Set([...base.models, ...head.models].map((model) => model.name));
  const find = (artifact: Artifact, name: string): Model | undefined =>
    artifact.models.find((m) => m.name === name);
  for (const name of models) {
    const before = find(base, name);
    const after = find(head, name);
    // A model added or removed as a whole is one change; its settings come with it.
    if (before === undefined || after === undefined) continue;
    pushSetting(push, "decay", name, before.decay, after.decay, describeDecay, rank(name));
    pushSetting(push, "clamp", name, before.clamp, after.clamp, describeClamp, rank(name));
  }
  pushSetting(push, "clamp", null, base.clamp, head.clamp, describeClamp, rank(null));
}

function pushSetting<T extends Decay | Clamp>(
  push: Push,
  subject: "decay" | "clamp",
  model: string | null,
  before: T | null,
  after: T | null,
  describe: (value: T) => string,
  rank: number,
): void {
  const beforeText = before === null ? null : describe(before);
  const afterText = after === null ? null : describe(after);
  if (beforeText === afterText) return;
  const key = subject === "decay" ? changeKeys.decay(model ?? "") : changeKeys.clamp(model);
  push(
    {
      change: change({
        subject,
        change: before === null ? "added" : after === null ? "removed" : "changed",
        model,
        name: subject,
        before: beforeText,
        after: afterText,
        details:
          before !== null && after !== null ? [{ what: "", before: beforeText, after: afterText }] : [],
        loc: where((after ?? before)?.loc),
        key,
      }),
      keys: [key],
      undo: { kind: subject, model },
    },
    [rank],
  );
}

// -------------------------------------------------------------------------------------------- exclusions

function diffExclusions(base: Artifact, head: Artifact, renames: ListRenames, push: Push): void {
  const pairs = pairInPasses(base.exclusions, head.exclusions, [
    (exclusion) => exclusion.reason,
    (exclusion) =>
      `${conditionKey(exclusion.match, base.exclusions.includes(exclusion) ? renames : new Map())}${SEP}${exclusion.withinMs}`,
  ]);
  reportPairs(
    pairs,
    {
      subject: "exclusion",
      model: () => null,
      name: (exclusion) => exclusion.reason,
      text: (exclusion) => exclusion.text,
      loc: (exclusion) => exclusion.loc,
      key: (exclusion) => changeKeys.exclusion(exclusion.reason),
      details: (before, after) => [
        ...(conditionKey(before.match, renames) === conditionKey(after.match)
          ? []
          : [{ what: "condition", before: describeMatch(before.match), after: describeMatch(after.match) }]),
        ...withinDetail(before, after),
      ],
      rank: (exclusion, side) => [(side === "base" ? base : head).exclusions.indexOf(exclusion)],
      undo: (before, after) => ({
        kind: "exclusion",
        base: before?.reason ?? null,
        head: after?.reason ?? null,
      }),
    },
    push,
  );
  // The first exclusion that holds gives the reason, so their order matters.
  const renamed = new Map(pairs.both.map(([b, a]) => [b.reason, a.reason]));
  reportOrder(
    "exclusion-order",
    null,
    base.exclusions.map((e) => renamed.get(e.reason) ?? e.reason),
    head.exclusions.map((e) => e.reason),
    changeKeys.exclusionOrder(),
    { kind: "exclusion-order" },
    [],
    push,
  );
}

// ------------------------------------------------------------------------------------------------ grades

function diffGrades(base: Artifact, head: Artifact, push: Push): void {
  (["fit", "engagement"] as const).forEach((dimension, index) => {
    const before = base.grades[dimension];
    const after = head.grades[dimension];
    const beforeText = before === null ? null : describeGradeScale(before);
    const afterText = after === null ? null : describeGradeScale(after);
    if (beforeText === afterText) return;
    const key = changeKeys.grade(dimension);
    push(
      {
        change: change({
          subject: "grade",
          change: before === null ? "added" : after === null ? "removed" : "changed",
          model: null,
          name: dimension,
          before: beforeText,
          after: afterText,
          details: before !== null && after !== null ? tierDetails(before, after) : [],
          loc: where((after ?? before)?.loc),
          key,
        }),
        keys: [key],
        undo: { kind: "grade", dimension },
      },
      [index],
    );
  });
}

/** Tier by tier, matched by label: `B >= 30` → `B >= 35`; then the `else` label and the tiers' order. */
function tierDetails(before: GradeScale, after: GradeScale): ChangeDetail[] {
  const { both, removed, added } = pairBy(before.tiers, after.tiers, (tier) => tier.label);
  const details: ChangeDetail[] = [];
  for (const [b, a] of both) details.push(...detail("", describeTier(b), describeTier(a)));
  for (const tier of removed) details.push({ what: "removed", before: describeTier(tier), after: null });
  for (const tier of added) details.push({ what: "added", before: null, after: describeTier(tier) });
  details.push(...detail("else", before.fallback, after.fallback));
  const order = orderChange(
    before.tiers.map((t) => t.label),
    after.tiers.map((t) => t.label),
  );
  if (order) details.push({ ...order, what: "tier order" });
  return details;
}

// ----------------------------------------------------------------------------------------------- buckets

function bucketScopes(artifact: Artifact): Map<string | null, Bucket[]> {
  const scopes = new Map<string | null, Bucket[]>([[null, artifact.buckets]]);
  for (const model of artifact.models) if (model.buckets !== null) scopes.set(model.name, model.buckets);
  return scopes;
}

function bucketTestKey(test: Bucket["test"], renames: ListRenames): string {
  return test.kind === "when" ? conditionKey(test.expr, renames) : canonicalJson(test);
}

function diffBuckets(
  base: Artifact,
  head: Artifact,
  rank: (model: string | null) => number,
  renames: ListRenames,
  push: Push,
): void {
  const baseScopes = bucketScopes(base);
  const headScopes = bucketScopes(head);
  const scopes = new Set([...headScopes.keys(), ...baseScopes.keys()]);
  for (const scope of scopes) {
    const before = baseScopes.get(scope) ?? [];
    const after = headScopes.get(scope) ?? [];
    const definition: Likeness<Bucket> = (bucket) => {
      const side = before.includes(bucket) ? renames : new Map<string, string>();
      return `${bucketTestKey(bucket.test, side)}${SEP}${describeActions(bucket.actions)}`;
    };
    const pairs = pairInPasses(before, after, [(bucket) => bucket.name, definition]);
    reportPairs(
      pairs,
      {
        subject: "bucket",
        model: () => scope,
        name: (bucket) => bucket.name,
        text: (bucket) => bucket.text,
        loc: (bucket) => bucket.loc,
        key: (bucket) => changeKeys.bucket(scope, bucket.name),
        details: (b, a) => [
          ...(bucketTestKey(b.test, renames) === bucketTestKey(a.test, new Map())
            ? []
            : [{ what: "condition", before: describeBucketTest(b.test), after: describeBucketTest(a.test) }]),
          ...detail("actions", describeActions(b.actions), describeActions(a.actions)),
        ],
        rank: (bucket, side) => [rank(scope), (side === "base" ? before : after).indexOf(bucket)],
        undo: (b, a) => ({ kind: "bucket", scope, base: b?.name ?? null, head: a?.name ?? null }),
      },
      push,
    );
    const renamed = new Map(pairs.both.map(([b, a]) => [b.name, a.name]));
    reportOrder(
      "bucket-order",
      scope,
      before.map((bucket) => renamed.get(bucket.name) ?? bucket.name),
      after.map((bucket) => bucket.name),
      changeKeys.bucketOrder(scope),
      { kind: "bucket-order", scope },
      [rank(scope)],
      push,
    );
  }
}

// ------------------------------------------------------------------------------------------------- lists

type NamedList = Artifact["lists"][number];

function valuesText(values: readonly Literal[]): string {
  return `[${values.map(describeLiteral).join(", ")}]`;
}

const valueKey = (value: Literal): string => JSON.stringify(value);

/** Lists by name, then by the same values under another name (a rename). */
function pairLists(base: Artifact, head: Artifact): Pairs<NamedList> {
  return pairInPasses(base.lists, head.lists, [
    (list) => list.name,
    (list) => canonicalJson([...new Set(list.values.map(valueKey))].sort()),
  ]);
}

function diffLists(pairs: Pairs<NamedList>, base: Artifact, head: Artifact, push: Push): void {
  reportPairs(
    pairs,
    {
      subject: "list",
      model: () => null,
      name: (list) => list.name,
      text: (list) => valuesText(list.values),
      key: (list) => changeKeys.list(list.name),
      details: (before, after) => {
        const beforeValues = new Set(before.values.map(valueKey));
        const afterValues = new Set(after.values.map(valueKey));
        const gone = before.values.filter((value) => !afterValues.has(valueKey(value)));
        const come = after.values.filter((value) => !beforeValues.has(valueKey(value)));
        const details: ChangeDetail[] = [];
        if (come.length > 0)
          details.push({ what: "added", before: null, after: come.map(describeLiteral).join(", ") });
        if (gone.length > 0)
          details.push({ what: "removed", before: gone.map(describeLiteral).join(", "), after: null });
        return details;
      },
      rank: (list, side) => [(side === "base" ? base : head).lists.indexOf(list)],
      undo: (before, after) => ({ kind: "list", base: before?.name ?? null, head: after?.name ?? null }),
    },
    push,
  );
}

// ------------------------------------------------------------------------------------------------ schema

function fieldText(field: FieldSchema): string {
  const type = field.type === "enum" && field.values ? field.values.join(" | ") : field.type;
  return `${field.name}: ${type}${field.optional ? "?" : ""}`;
}

function eventText(event: EventSchema): string {
  return event.properties.length === 0
    ? `event ${event.name}`
    : `event ${event.name} { ${event.properties.map(fieldText).join(", ")} }`;
}

/** The schema says which records are valid, not how they score: its changes are never undone alone. */
function diffSchema(base: Artifact, head: Artifact, push: Push): void {
  reportPairs(
    pairBy(base.schema.lead, head.schema.lead, (field) => field.name),
    {
      subject: "lead-field",
      model: () => null,
      name: (field) => field.name,
      text: fieldText,
      key: (field) => changeKeys.leadField(field.name),
      details: (before, after) => detail("type", fieldText(before), fieldText(after)),
      rank: (field, side) => [(side === "base" ? base : head).schema.lead.indexOf(field)],
      undo: () => null,
    },
    push,
  );
  reportPairs(
    pairBy(base.schema.events, head.schema.events, (event) => event.name),
    {
      subject: "event",
      model: () => null,
      name: (event) => event.name,
      text: eventText,
      key: (event) => changeKeys.event(event.name),
      details: (before, after) => {
        if (eventText(before) === eventText(after)) return [];
        const properties = pairBy(before.properties, after.properties, (property) => property.name);
        return [
          ...properties.both.flatMap(([b, a]) => detail(`property ${a.name}`, fieldText(b), fieldText(a))),
          ...properties.removed.map((p) => ({ what: "removed", before: fieldText(p), after: null })),
          ...properties.added.map((p) => ({ what: "added", before: null, after: fieldText(p) })),
        ];
      },
      rank: (event, side) => [(side === "base" ? base : head).schema.events.indexOf(event)],
      undo: () => null,
    },
    push,
  );
}
