import type { Artifact, Clamp, Model, Rule, SourceLocation } from "../compile/artifact.js";
import { bucketMatches, compileBuckets, tabulateByGrade, type CompiledBucket } from "./compile-buckets.js";
import { ExprCompiler, type Slot } from "./compile-expr.js";
import { compileGrades } from "./compile-grades.js";
import { test, type Condition } from "./condition.js";
import {
  checkEventRule,
  compileEventRule,
  compileExclusion,
  compileSilence,
  createRuleOutcome,
  exclusionHolds,
  isSilent,
  type CompiledExclusion,
  type EventRule,
  type RuleOutcome,
  type Silence,
} from "./compile-match.js";
import { compileDecayTable, compileShownDecay, type DecayFunction, type DecayTable } from "./decay.js";
import { createEvalContext } from "./eval-context.js";
import { EventIndex } from "./event-index.js";
import { createFieldReader, readFields, type FieldReader } from "./field-reader.js";
import { FiredList } from "./fired-list.js";
import { trimText } from "./normalize.js";
import { unscoredResult, type Contribution, type ContributionLocation, type ScoreResult } from "./result.js";
import { round2 } from "./round.js";
import { Truth } from "./truth.js";

/**
 * Scores one lead as of `asOf` (epoch ms). Synchronous; never throws on odd input values. `times`: the
 * events' times as readEventTimes reads them, when the caller has read them already; else read here.
 */
export type Evaluate = (
  lead: Readonly<Record<string, unknown>>,
  events: ReadonlyArray<Readonly<Record<string, unknown>>>,
  asOf: number,
  times?: ArrayLike<number> | null,
) => ScoreResult;

interface CompiledRule {
  id: string;
  text: string;
  section: "fit" | "engagement";
  /** Whether the rule's points count towards fit (else engagement). */
  fit: boolean;
  /** Profile and `no event` rules: the points they give, rounded (the points of `fixed`); event rules: 0. */
  points: number;
  loc: ContributionLocation;
  /** Profile rules: the condition. */
  condition: Condition | null;
  /** Event rules: what they count (checkEventRule fills the outcome). */
  event: EventRule | null;
  /** `no event` rules: the silence they wait for. */
  silence: Silence | null;
  /**
   * Profile and `no event` rules always contribute the same thing when they fire: that contribution,
   * built once and shared (frozen) by every result. Null for event rules, whose counts vary.
   */
  fixed: Contribution | null;
  /** Event rules: the event types they read (EventIndex.typeMask); 0 for other rules, which always run. */
  typeMask: number;
  /** The decay factor as explanations show it (engagement event rules of a model with `decay`). */
  shownDecay: DecayFunction | null;
  each: boolean;
}

interface CompiledModel {
  name: string;
  /** The event types its rules and the exclusions read (EventIndex.createTypeSet). */
  typesRead: Uint8Array;
  /** Lead fields read by this model's rules and buckets that choosing it did not read already. */
  fields: FieldReader;
  when: Condition | null;
  rules: CompiledRule[];
  /**
   * The rules that can fire for a lead with no events (indexed), in the same order: leads without events
   * are common (fit-only scoring), and their event rules need not even be looked at.
   */
  quietRules: CompiledRule[];
  buckets: CompiledBucket[];
  clamp: { min: number; max: number; rule: string; id: string; loc: ContributionLocation } | null;
}

const EMPTY: readonly never[] = Object.freeze([]);
const DAY_MS = 86_400_000;

/** Results point at rules by file, line and column; shared by every result, so frozen. */
function contributionLocation(loc: SourceLocation): ContributionLocation {
  return Object.freeze({ file: loc.file, line: loc.line, column: loc.column });
}

/**
 * Scoring semantics (see BRIEF.md; the choices it leaves open are made here):
 * - Exclusions are global: they are checked for every lead, also one that no model takes, so an unscored
 *   lead still says why it would have been excluded.
 * - Each rule's points are rounded to 2 decimals (half away from zero) before they are summed, so the
 *   contributions shown always add up exactly to fit and engagement (themselves rounded, and so exact).
 * - A clamp that moves the score adds a `clamp` contribution of the difference, keeping that promise.
 * - Grades use the rounded fit and engagement; buckets use the final (clamped) score.
 * - Events after the as-of time, with an unreadable time, or of an undeclared type count nowhere.
 *
 * Compiles an artifact into a scoring function, once: conditions and rules become flat data read by a few
 * plain functions (condition.ts, compile-match.ts), lists become Sets, bucket conditions on the grade
 * become tables, and everything a lead cannot change is decided here, so scoring a lead builds no code.
 */
export function compileEvaluator(artifact: Artifact): Evaluate {
  const expressions = new ExprCompiler();
  const eventTypes = [
    ...artifact.schema.events.map((event) => event.name),
    ...artifact.models.flatMap((model) => model.rules.flatMap((rule) => typesOf(rule.match))),
    ...artifact.exclusions.flatMap((exclusion) => typesOf(exclusion.match)),
  ];
  const index = new EventIndex(eventTypes);

  // What every lead needs (exclusions, model choice) is compiled apart from what only one model needs,
  // so that a lead's fields are normalised only for the conditions that will read them.
  const choice = expressions.collect(() => ({
    exclusions: artifact.exclusions.map((exclusion) =>
      compileExclusion(exclusion.reason, exclusion, expressions, index),
    ),
    whens: artifact.models.map((model) => (model.when === null ? null : expressions.condition(model.when))),
  }));
  const exclusions: CompiledExclusion[] = choice.compiled.exclusions;
  const choiceSlots = choice.leadSlots;
  const choiceFields = createFieldReader(choiceSlots);
  const globalBuckets = expressions.collect(() => compileBuckets(artifact.buckets, expressions));
  const models = artifact.models.map((model, i) =>
    compileModel(
      model,
      choice.compiled.whens[i]!,
      artifact.clamp,
      globalBuckets,
      choiceSlots,
      expressions,
      index,
    ),
  );
  // The default model is the fallback wherever it is declared; the others are tried in order.
  const candidates = models.filter((model) => model.when !== null);
  const fallback =
    models.find((model) => model.name === artifact.defaultModel && model.when === null) ?? null;
  const grades = compileGrades(artifact.grades);
  const allGrades = grades.all;

  // A lead's events are indexed once its model is known, and only those of the types anything will read.
  const exclusionTypes = index.createTypeSet();
  for (const exclusion of artifact.exclusions) addTypesRead(index, exclusionTypes, exclusion.match);
  for (let i = 0; i < models.length; i++) {
    const typesRead = models[i]!.typesRead;
    for (let t = 0; t < typesRead.length; t++) typesRead[t]! |= exclusionTypes[t]!;
  }

  const results = expressions.resultSlots;
  const asOfSlot = expressions.asOfSlot;
  for (const model of models) tabulateByGrade(model.buckets, allGrades, expressions, results.grade);
  const ctx = createEvalContext(expressions.slotCount);
  const values = ctx.values;
  const out = createRuleOutcome();
  const fired = new FiredList(Math.max(0, ...models.map((model) => model.rules.length)) + 1);

  return (lead, events, asOf, times = null) => {
    const record: Readonly<Record<string, unknown>> = lead !== null && typeof lead === "object" ? lead : {};
    readFields(choiceFields, record, values);
    if (asOfSlot >= 0) values[asOfSlot] = asOf;
    const id = idOf(record.id);

    let model = fallback;
    for (let i = 0; i < candidates.length; i++) {
      if (test(candidates[i]!.when!, values) === Truth.TRUE) {
        model = candidates[i]!;
        break;
      }
    }
    index.load(
      Array.isArray(events) ? events : EMPTY,
      asOf,
      model === null ? exclusionTypes : model.typesRead,
      times,
    );

    let excluded: string | null = null;
    for (let i = 0; i < exclusions.length; i++) {
      if (exclusionHolds(exclusions[i]!, values, index, asOf)) {
        excluded = exclusions[i]!.reason;
        break;
      }
    }
    if (model === null) return unscoredResult(id, excluded);

    readFields(model.fields, record, values);
    // Left over only if reading the last lead threw (a getter on its record, say).
    fired.clear();
    let fitSum = 0;
    let engagementSum = 0;
    const presentTypes = index.presentTypes;
    const rules = presentTypes === 0 ? model.quietRules : model.rules;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i]!;
      let points: number;
      if (rule.condition !== null) {
        if (test(rule.condition, values) !== Truth.TRUE) continue;
        points = rule.points;
        fired.add(rule.fixed!);
      } else {
        // An event rule with no event of its types cannot fire: skip it without a call.
        if (rule.typeMask !== 0 && (rule.typeMask & presentTypes) === 0) continue;
        if (
          rule.event !== null
            ? !checkEventRule(rule.event, values, index, asOf, out)
            : !isSilent(rule.silence!, index, asOf)
        ) {
          continue;
        }
        if (rule.fixed !== null) {
          points = rule.points;
          fired.add(rule.fixed);
        } else {
          points = round2(out.total);
          fired.add(contributionOf(rule, points, out, asOf));
        }
      }
      if (rule.fit) fitSum += points;
      else engagementSum += points;
    }
    // Rule points are rounded first, so the contributions shown add up exactly to each total.
    const fit = round2(fitSum);
    const engagement = round2(engagementSum);
    const unclamped = round2(fit + engagement);
    let score = unclamped;
    const clamp = model.clamp;
    if (clamp !== null) {
      // biome-ignore lint/complexity/useMathMinMax: one comparison each way, read as the rule states it
      score = unclamped < clamp.min ? clamp.min : unclamped > clamp.max ? clamp.max : unclamped;
      if (score !== unclamped) {
        fired.add({
          rule: clamp.rule,
          id: clamp.id,
          section: "clamp",
          points: round2(score - unclamped),
          loc: clamp.loc,
        });
      }
    }

    const gradeIndex = grades.indexOf(fit, engagement);
    const grade = gradeIndex < 0 ? null : allGrades[gradeIndex]!;
    let bucket: CompiledBucket | null = null;
    if (excluded === null) {
      if (results.score >= 0) values[results.score] = score;
      if (results.fit >= 0) values[results.fit] = fit;
      if (results.engagement >= 0) values[results.engagement] = engagement;
      if (results.grade >= 0) values[results.grade] = grade === null ? undefined : grade.lower;
      const buckets = model.buckets;
      for (let i = 0; i < buckets.length; i++) {
        if (bucketMatches(buckets[i]!, values, score, gradeIndex < 0 ? allGrades.length : gradeIndex)) {
          bucket = buckets[i]!;
          break;
        }
      }
    }

    return {
      id,
      model: model.name,
      fit,
      engagement,
      score,
      grade: grade === null ? null : grade.text,
      bucket: bucket === null ? null : bucket.name,
      excluded,
      actions: bucket === null ? EMPTY : bucket.actions,
      contributions: fired.take(),
    };
  };
}

function contributionOf(rule: CompiledRule, points: number, out: RuleOutcome, asOf: number): Contribution {
  const contribution: Contribution = {
    rule: rule.text,
    id: rule.id,
    section: rule.section,
    points,
    loc: rule.loc,
  };
  if (out.events >= 0) contribution.events = out.events;
  if (out.aged && rule.shownDecay !== null) {
    const before = round2(out.undecayed);
    const after = round2(out.decayed);
    if (rule.each) contribution.decay = { before, after };
    else {
      const age = asOf - out.latestAt;
      const factor = rule.shownDecay!(age);
      contribution.decay = { before, after, factor, ageDays: Math.floor(age / DAY_MS) };
    }
  }
  if (out.capped) contribution.capped = true;
  return contribution;
}

function compileModel(
  model: Model,
  when: Condition | null,
  globalClamp: Clamp | null,
  globalBuckets: { compiled: CompiledBucket[]; leadSlots: Slot[] },
  choiceSlots: readonly Slot[],
  expressions: ExprCompiler,
  index: EventIndex,
): CompiledModel {
  const decay = model.decay === null ? null : compileDecayTable(model.decay);
  const shownDecay = model.decay === null ? null : compileShownDecay(model.decay);
  const clamp = model.clamp ?? globalClamp;
  const body = expressions.collect(() => ({
    rules: model.rules.map((rule) => compileRule(rule, expressions, index, decay, shownDecay)),
    buckets: model.buckets === null ? null : compileBuckets(model.buckets, expressions),
  }));
  const read = new Set([
    ...body.leadSlots,
    ...(body.compiled.buckets === null ? globalBuckets.leadSlots : []),
  ]);
  for (const slot of choiceSlots) read.delete(slot);
  const types = index.createTypeSet();
  for (const rule of model.rules) addTypesRead(index, types, rule.match);
  return {
    name: model.name,
    typesRead: types,
    fields: createFieldReader([...read]),
    when,
    rules: body.compiled.rules,
    quietRules: body.compiled.rules.filter((rule) => rule.typeMask === 0),
    buckets: body.compiled.buckets ?? globalBuckets.compiled,
    clamp:
      clamp === null
        ? null
        : {
            min: clamp.min,
            max: clamp.max,
            rule: `clamp score between ${clamp.min} and ${clamp.max}`,
            id: model.clamp !== null ? `${model.name}.clamp` : "clamp",
            loc: contributionLocation(clamp.loc),
          },
  };
}

function compileRule(
  rule: Rule,
  expressions: ExprCompiler,
  index: EventIndex,
  modelDecay: DecayTable | null,
  modelShownDecay: DecayFunction | null,
): CompiledRule {
  // Decay is declared in the engagement section and ages events; `no event` rules are never decayed.
  const { match } = rule;
  const decayed = rule.section === "engagement" && match.kind === "event";
  const decay = decayed ? modelDecay : null;
  const loc = contributionLocation(rule.loc);
  const fixed: Contribution | null =
    match.kind === "event"
      ? null
      : Object.freeze({
          rule: rule.text,
          id: rule.id,
          section: rule.section,
          points: round2(rule.points),
          loc,
        });
  return {
    id: rule.id,
    text: rule.text,
    section: rule.section,
    fit: rule.section === "fit",
    points: fixed === null ? 0 : fixed.points,
    loc,
    condition: match.kind === "profile" ? expressions.condition(match.expr) : null,
    event: match.kind === "event" ? compileEventRule(rule, match, expressions, index, decay) : null,
    silence: match.kind === "no_event" ? compileSilence(index, match.types, match.withinMs) : null,
    fixed,
    typeMask: match.kind === "event" ? index.typeMask(match.types) : 0,
    shownDecay: decayed ? modelShownDecay : null,
    each: rule.each,
  };
}

/** Adds the event types a match reads to the set: none for a profile condition. */
function addTypesRead(index: EventIndex, set: Uint8Array, match: Rule["match"]): void {
  if (match.kind !== "profile") index.addTypes(set, match.types);
}

function typesOf(match: Rule["match"]): string[] {
  return match.kind === "profile" ? [] : (match.types ?? []);
}

function idOf(value: unknown): string | null {
  if (typeof value === "string") {
    const trimmed = trimText(value);
    return trimmed === "" ? null : trimmed;
  }
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}
