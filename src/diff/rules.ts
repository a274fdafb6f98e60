/**
 * The semantic diff of two compiled rulesets: what a reviewer needs to know changed in the meaning of the
 * rules — not in their text. Moving a rule to another line, re-indenting or reordering a section changes
 * nothing here; changing points, a threshold, a condition or a list does.
 *
 * Identity (see diff-identity.ts): rules by model + section + condition; buckets by model (or global) +
 * name; grades by dimension; exclusions by reason; models, lists, lead fields and events by name.
 */
import type {
  Artifact,
  Bucket,
  Clamp,
  Decay,
  EventSchema,
  Exclusion,
  FieldSchema,
  GradeScale,
  Literal,
  Model,
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
} from "./describe.js";
import { conditionKey, identifyRules, type KeyedRule } from "./identity.js";

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
  | "event";

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

/** Every semantic change from `base` to `head`, in a stable order (see SUBJECT_ORDER, then source order). */
export function diffRules(base: Artifact, head: Artifact): RuleChange[] {
  const modelRank = rankModels(base, head);
  const ranked: Array<{ change: RuleChange; rank: number[] }> = [];
  const push = (change: RuleChange, ...rank: number[]): void => {
    ranked.push({ change, rank: [SUBJECT_ORDER.indexOf(change.subject), ...rank] });
  };

  diffModels(base, head, modelRank, push);
  diffRuleLists(base, head, modelRank, push);
  diffExclusions(base, head, push);
  diffGrades(base, head, push);
  diffBuckets(base, head, modelRank, push);
  diffLists(base, head, push);
  diffSchema(base, head, push);

  ranked.sort((a, b) => compareRanks(a.rank, b.rank));
  return ranked.map((entry) => entry.change);
}

type Push = (change: RuleChange, ...rank: number[]) => void;

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

/** Pairs items by a key: those in both, only in base, only in head (each in its side's order). */
function pairBy<T>(
  base: readonly T[],
  head: readonly T[],
  key: (item: T) => string,
): { both: Array<[T, T]>; removed: T[]; added: T[] } {
  const headByKey = new Map(head.map((item) => [key(item), item]));
  const baseKeys = new Set(base.map(key));
  const both: Array<[T, T]> = [];
  const removed: T[] = [];
  for (const item of base) {
    const match = headByKey.get(key(item));
    if (match === undefined) removed.push(item);
    else both.push([item, match]);
  }
  return { both, removed, added: head.filter((item) => !baseKeys.has(key(item))) };
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
  push: Push,
): void {
  const { both, removed, added } = pairBy(base.models, head.models, (model) => model.name);
  for (const model of removed) {
    push(
      change({
        subject: "model",
        change: "removed",
        model: model.name,
        name: model.name,
        before: modelText(model),
        after: null,
        loc: where(model.loc),
        key: changeKeys.model(model.name),
      }),
      rank(model.name),
    );
  }
  for (const model of added) {
    push(
      change({
        subject: "model",
        change: "added",
        model: model.name,
        name: model.name,
        before: null,
        after: modelText(model),
        loc: where(model.loc),
        key: changeKeys.model(model.name),
      }),
      rank(model.name),
    );
  }
  for (const [before, after] of both) {
    const details = [
      ...detail("label", before.label, after.label),
      ...(conditionKey(before.when) === conditionKey(after.when)
        ? []
        : [
            {
              what: "condition",
              before: describeModelCondition(before),
              after: describeModelCondition(after),
            },
          ]),
    ];
    if (details.length === 0) continue;
    push(
      change({
        subject: "model",
        change: "changed",
        model: after.name,
        name: after.name,
        before: modelText(before),
        after: modelText(after),
        details,
        loc: where(after.loc),
        key: changeKeys.model(after.name),
      }),
      rank(after.name),
    );
  }
  // Models are tried in order; the default model is used last wherever it stands.
  const conditional = (artifact: Artifact): string[] =>
    artifact.models.filter((model) => model.when !== null).map((model) => model.name);
  const order = orderChange(conditional(base), conditional(head));
  if (order) {
    push(
      change({
        subject: "model-order",
        change: "changed",
        model: null,
        name: "models",
        before: order.before,
        after: order.after,
        details: [order],
        key: changeKeys.modelOrder(),
      }),
    );
  }
}

// ------------------------------------------------------------------------------------------------- rules

function ruleDetails(before: KeyedRule["rule"], after: KeyedRule["rule"]): ChangeDetail[] {
  const window = (rule: KeyedRule["rule"]): string | null =>
    rule.match.kind === "no_event" ? describeDuration(rule.match.withinMs) : null;
  return [
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

function diffRuleLists(
  base: Artifact,
  head: Artifact,
  rank: (model: string | null) => number,
  push: Push,
): void {
  const baseRules = identifyRules(base).byKey;
  const headRules = identifyRules(head).byKey;
  const sectionRank = (section: "fit" | "engagement"): number => (section === "fit" ? 0 : 1);
  for (const [key, before] of baseRules) {
    const after = headRules.get(key);
    const { rule } = before;
    if (after === undefined) {
      push(
        change({
          subject: "rule",
          change: "removed",
          model: before.model,
          section: rule.section,
          name: rule.text,
          before: rule.text,
          after: null,
          loc: where(rule.loc),
          key,
        }),
        rank(before.model),
        sectionRank(rule.section),
        before.position,
        0,
      );
      continue;
    }
    const details = ruleDetails(rule, after.rule);
    if (details.length === 0) continue;
    push(
      change({
        subject: "rule",
        change: "changed",
        model: after.model,
        section: after.rule.section,
        name: after.rule.text,
        before: rule.text,
        after: after.rule.text,
        details,
        loc: where(after.rule.loc),
        key,
      }),
      rank(after.model),
      sectionRank(after.rule.section),
      after.position,
      1,
    );
  }
  for (const [key, after] of headRules) {
    if (baseRules.has(key)) continue;
    push(
      change({
        subject: "rule",
        change: "added",
        model: after.model,
        section: after.rule.section,
        name: after.rule.text,
        before: null,
        after: after.rule.text,
        loc: where(after.rule.loc),
        key,
      }),
      rank(after.model),
      sectionRank(after.rule.section),
      after.position,
      1,
    );
  }

  // Decay and clamp are settings of a model (or, for the clamp, of the whole ruleset).
  const models = new Set([...base.models, ...head.models].map((model) => model.name));
  const find = (artifact: Artifact, name: string): Model | undefined =>
    artifact.models.find((m) => m.name === name);
  for (const name of models) {
    const before = find(base, name);
    const after = find(head, name);
    // A model added or removed as a whole is one change; its settings come with it.
    if (before === undefined || after === undefined) continue;
    pushSetting(
      push,
      "decay",
      name,
      before.decay,
      after.decay,
      describeDecay,
      changeKeys.decay(name),
      rank(name),
    );
    pushSetting(
      push,
      "clamp",
      name,
      before.clamp,
      after.clamp,
      describeClamp,
      changeKeys.clamp(name),
      rank(name),
    );
  }
  pushSetting(push, "clamp", null, base.clamp, head.clamp, describeClamp, changeKeys.clamp(null), rank(null));
}

function pushSetting<T extends Decay | Clamp>(
  push: Push,
  subject: "decay" | "clamp",
  model: string | null,
  before: T | null,
  after: T | null,
  describe: (value: T) => string,
  key: string,
  rank: number,
): void {
  const beforeText = before === null ? null : describe(before);
  const afterText = after === null ? null : describe(after);
  if (beforeText === afterText) return;
  push(
    change({
      subject,
      change: before === null ? "added" : after === null ? "removed" : "changed",
      model,
      name: subject,
      before: beforeText,
      after: afterText,
      details: before !== null && after !== null ? [{ what: "", before: beforeText, after: afterText }] : [],
      loc: where((after ?? before)?.loc),
      key,
    }),
    rank,
  );
}

// -------------------------------------------------------------------------------------------- exclusions

function diffExclusions(base: Artifact, head: Artifact, push: Push): void {
  const { both, removed, added } = pairBy(base.exclusions, head.exclusions, (exclusion) => exclusion.reason);
  const position = (artifact: Artifact, exclusion: Exclusion): number =>
    artifact.exclusions.indexOf(exclusion);
  for (const exclusion of removed) {
    push(
      change({
        subject: "exclusion",
        change: "removed",
        model: null,
        name: exclusion.reason,
        before: exclusion.text,
        after: null,
        loc: where(exclusion.loc),
        key: changeKeys.exclusion(exclusion.reason),
      }),
      position(base, exclusion),
      0,
    );
  }
  for (const exclusion of added) {
    push(
      change({
        subject: "exclusion",
        change: "added",
        model: null,
        name: exclusion.reason,
        before: null,
        after: exclusion.text,
        loc: where(exclusion.loc),
        key: changeKeys.exclusion(exclusion.reason),
      }),
      position(head, exclusion),
      1,
    );
  }
  for (const [before, after] of both) {
    const details = [
      ...(conditionKey(before.match) === conditionKey(after.match)
        ? []
        : [{ what: "condition", before: describeMatch(before.match), after: describeMatch(after.match) }]),
      ...withinDetail(before, after),
    ];
    if (details.length === 0) continue;
    push(
      change({
        subject: "exclusion",
        change: "changed",
        model: null,
        name: after.reason,
        before: before.text,
        after: after.text,
        details,
        loc: where(after.loc),
        key: changeKeys.exclusion(after.reason),
      }),
      position(head, after),
      1,
    );
  }
  // The first exclusion that holds gives the reason, so their order matters.
  const order = orderChange(
    base.exclusions.map((e) => e.reason),
    head.exclusions.map((e) => e.reason),
  );
  if (order) {
    push(
      change({
        subject: "exclusion-order",
        change: "changed",
        model: null,
        name: "exclusions",
        before: order.before,
        after: order.after,
        details: [order],
        key: changeKeys.exclusionOrder(),
      }),
    );
  }
}

// ------------------------------------------------------------------------------------------------ grades

function diffGrades(base: Artifact, head: Artifact, push: Push): void {
  (["fit", "engagement"] as const).forEach((dimension, index) => {
    const before = base.grades[dimension];
    const after = head.grades[dimension];
    const beforeText = before === null ? null : describeGradeScale(before);
    const afterText = after === null ? null : describeGradeScale(after);
    if (beforeText === afterText) return;
    push(
      change({
        subject: "grade",
        change: before === null ? "added" : after === null ? "removed" : "changed",
        model: null,
        name: dimension,
        before: beforeText,
        after: afterText,
        details: before !== null && after !== null ? tierDetails(before, after) : [],
        loc: where((after ?? before)?.loc),
        key: changeKeys.grade(dimension),
      }),
      index,
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

function diffBuckets(
  base: Artifact,
  head: Artifact,
  rank: (model: string | null) => number,
  push: Push,
): void {
  const baseScopes = bucketScopes(base);
  const headScopes = bucketScopes(head);
  const scopes = new Set([...headScopes.keys(), ...baseScopes.keys()]);
  for (const scope of scopes) {
    const before = baseScopes.get(scope) ?? [];
    const after = headScopes.get(scope) ?? [];
    const { both, removed, added } = pairBy(before, after, (bucket) => bucket.name);
    for (const bucket of removed) {
      push(
        change({
          subject: "bucket",
          change: "removed",
          model: scope,
          name: bucket.name,
          before: bucket.text,
          after: null,
          loc: where(bucket.loc),
          key: changeKeys.bucket(scope, bucket.name),
        }),
        rank(scope),
        before.indexOf(bucket),
        0,
      );
    }
    for (const bucket of added) {
      push(
        change({
          subject: "bucket",
          change: "added",
          model: scope,
          name: bucket.name,
          before: null,
          after: bucket.text,
          loc: where(bucket.loc),
          key: changeKeys.bucket(scope, bucket.name),
        }),
        rank(scope),
        after.indexOf(bucket),
        1,
      );
    }
    for (const [b, a] of both) {
      const details = [
        ...(canonicalJson(b.test.kind === "when" ? conditionKey(b.test.expr) : b.test) ===
        canonicalJson(a.test.kind === "when" ? conditionKey(a.test.expr) : a.test)
          ? []
          : [{ what: "condition", before: describeBucketTest(b.test), after: describeBucketTest(a.test) }]),
        ...detail("actions", describeActions(b.actions), describeActions(a.actions)),
      ];
      if (details.length === 0) continue;
      push(
        change({
          subject: "bucket",
          change: "changed",
          model: scope,
          name: a.name,
          before: b.text,
          after: a.text,
          details,
          loc: where(a.loc),
          key: changeKeys.bucket(scope, a.name),
        }),
        rank(scope),
        after.indexOf(a),
        1,
      );
    }
    const order = orderChange(
      before.map((bucket) => bucket.name),
      after.map((bucket) => bucket.name),
    );
    if (order) {
      push(
        change({
          subject: "bucket-order",
          change: "changed",
          model: scope,
          name: "buckets",
          before: order.before,
          after: order.after,
          details: [order],
          key: changeKeys.bucketOrder(scope),
        }),
        rank(scope),
      );
    }
  }
}

// ------------------------------------------------------------------------------------------------- lists

function valuesText(values: readonly Literal[]): string {
  return `[${values.map(describeLiteral).join(", ")}]`;
}

function diffLists(base: Artifact, head: Artifact, push: Push): void {
  const { both, removed, added } = pairBy(base.lists, head.lists, (list) => list.name);
  const position = (artifact: Artifact, name: string): number =>
    artifact.lists.findIndex((l) => l.name === name);
  for (const list of removed) {
    push(
      change({
        subject: "list",
        change: "removed",
        model: null,
        name: list.name,
        before: valuesText(list.values),
        after: null,
        key: changeKeys.list(list.name),
      }),
      position(base, list.name),
      0,
    );
  }
  for (const list of added) {
    push(
      change({
        subject: "list",
        change: "added",
        model: null,
        name: list.name,
        before: null,
        after: valuesText(list.values),
        key: changeKeys.list(list.name),
      }),
      position(head, list.name),
      1,
    );
  }
  for (const [before, after] of both) {
    const valueKey = (value: Literal): string => JSON.stringify(value);
    const beforeValues = new Set(before.values.map(valueKey));
    const afterValues = new Set(after.values.map(valueKey));
    const gone = before.values.filter((value) => !afterValues.has(valueKey(value)));
    const come = after.values.filter((value) => !beforeValues.has(valueKey(value)));
    if (gone.length === 0 && come.length === 0) continue;
    const details: ChangeDetail[] = [];
    if (come.length > 0)
      details.push({ what: "added", before: null, after: come.map(describeLiteral).join(", ") });
    if (gone.length > 0)
      details.push({ what: "removed", before: gone.map(describeLiteral).join(", "), after: null });
    push(
      change({
        subject: "list",
        change: "changed",
        model: null,
        name: after.name,
        before: valuesText(before.values),
        after: valuesText(after.values),
        details,
        key: changeKeys.list(after.name),
      }),
      position(head, after.name),
      1,
    );
  }
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

function diffSchema(base: Artifact, head: Artifact, push: Push): void {
  const fields = pairBy(base.schema.lead, head.schema.lead, (field) => field.name);
  const fieldPosition = (artifact: Artifact, name: string): number =>
    artifact.schema.lead.findIndex((f) => f.name === name);
  for (const field of fields.removed) {
    push(
      change({
        subject: "lead-field",
        change: "removed",
        model: null,
        name: field.name,
        before: fieldText(field),
        after: null,
        key: changeKeys.leadField(field.name),
      }),
      fieldPosition(base, field.name),
      0,
    );
  }
  for (const field of fields.added) {
    push(
      change({
        subject: "lead-field",
        change: "added",
        model: null,
        name: field.name,
        before: null,
        after: fieldText(field),
        key: changeKeys.leadField(field.name),
      }),
      fieldPosition(head, field.name),
      1,
    );
  }
  for (const [before, after] of fields.both) {
    if (fieldText(before) === fieldText(after)) continue;
    push(
      change({
        subject: "lead-field",
        change: "changed",
        model: null,
        name: after.name,
        before: fieldText(before),
        after: fieldText(after),
        details: [{ what: "type", before: fieldText(before), after: fieldText(after) }],
        key: changeKeys.leadField(after.name),
      }),
      fieldPosition(head, after.name),
      1,
    );
  }

  const events = pairBy(base.schema.events, head.schema.events, (event) => event.name);
  const eventPosition = (artifact: Artifact, name: string): number =>
    artifact.schema.events.findIndex((e) => e.name === name);
  for (const event of events.removed) {
    push(
      change({
        subject: "event",
        change: "removed",
        model: null,
        name: event.name,
        before: eventText(event),
        after: null,
        key: changeKeys.event(event.name),
      }),
      eventPosition(base, event.name),
      0,
    );
  }
  for (const event of events.added) {
    push(
      change({
        subject: "event",
        change: "added",
        model: null,
        name: event.name,
        before: null,
        after: eventText(event),
        key: changeKeys.event(event.name),
      }),
      eventPosition(head, event.name),
      1,
    );
  }
  for (const [before, after] of events.both) {
    if (eventText(before) === eventText(after)) continue;
    const properties = pairBy(before.properties, after.properties, (property) => property.name);
    const details: ChangeDetail[] = [
      ...properties.both.flatMap(([b, a]) => detail(`property ${a.name}`, fieldText(b), fieldText(a))),
      ...properties.removed.map((p) => ({ what: "removed", before: fieldText(p), after: null })),
      ...properties.added.map((p) => ({ what: "added", before: null, after: fieldText(p) })),
    ];
    push(
      change({
        subject: "event",
        change: "changed",
        model: null,
        name: after.name,
        before: eventText(before),
        after: eventText(after),
        details,
        key: changeKeys.event(after.name),
      }),
      eventPosition(head, after.name),
      1,
    );
  }
}
