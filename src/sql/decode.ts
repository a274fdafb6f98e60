import type { Artifact, Model, Rule } from "../compile/artifact.js";
import { describeClamp } from "../compile/print-artifact.js";
import { resultAction } from "../eval/compile-buckets.js";
import { compileDecay, compileShownDecay, type DecayFunction } from "../eval/decay.js";
import { unscoredResult, type Contribution, type ResultAction, type ScoreResult } from "../eval/result.js";
import { round2 } from "../eval/round.js";

const DAY_MS = 86_400_000;

/**
 * Turns the rows of a query built with `detail` (generate.ts) back into the JS engine's results. The SQL
 * decides every number (points, totals, score, grade, bucket); this only lays them out as results are
 * laid out, with each rule's text, location and, from the SQL's event facts, its events and decay.
 */
export function createDecoder(
  artifact: Artifact,
  asOf: number,
  /**
   * `eventFacts: false` for rows without the per-rule event columns (count, total, latest): the
   * contributions then say nothing of their events, decay or cap — enough to compare two results.
   */
  { eventFacts = true }: { eventFacts?: boolean } = {},
): (row: Readonly<Record<string, unknown>>) => ScoreResult {
  const rules = decodedRules(artifact);
  const actions = bucketActions(artifact);

  return (row) => {
    const model = text(row.model);
    const id = text(row.id);
    const excluded = text(row.excluded);
    if (model === null) return unscoredResult(id, excluded);
    const contributions: Contribution[] = [];
    for (const { rule, model: owner, index, decay } of rules) {
      if (owner.name !== model) continue;
      const points = number(row[`r${index}`]);
      if (points === null) continue;
      const contribution = ruleContribution(rule, points);
      if (eventFacts && rule.match.kind === "event")
        describeEvents(contribution, rule, row, index, decay, asOf);
      contributions.push(contribution);
    }
    const score = number(row.score)!;
    const unclamped = number(row.unclamped)!;
    if (score !== unclamped) {
      const owner = artifact.models.find((m) => m.name === model)!;
      contributions.push(clampContribution(artifact, owner, round2(score - unclamped))!);
    }
    const bucket = text(row.bucket);
    return {
      id,
      model,
      fit: number(row.fit),
      engagement: number(row.engagement),
      score,
      grade: text(row.grade),
      bucket,
      excluded,
      actions: bucket === null ? [] : (actions.get(`${model}\u0000${bucket}`) ?? []),
      contributions,
    };
  };
}

/** A model's decay: the factor scoring uses, the factor explanations show, and the percent. */
export interface Decayed {
  factor: DecayFunction;
  shown: DecayFunction;
  percent: number;
}

/**
 * Every rule in the order of the detail columns (`r1`, `r2`, …: `index`), with its model and, for the
 * engagement event rules of a model with decay, that decay. Shared by the decoder and by the SQL that
 * writes result lines itself (result-lines.ts), so both read the columns the same way.
 */
export function decodedRules(
  artifact: Artifact,
): Array<{ rule: Rule; model: Model; index: number; decay: Decayed | null }> {
  const rules: Array<{ rule: Rule; model: Model; index: number; decay: Decayed | null }> = [];
  for (const model of artifact.models) {
    const decay: Decayed | null =
      model.decay === null
        ? null
        : {
            factor: compileDecay(model.decay),
            shown: compileShownDecay(model.decay),
            percent: model.decay.percent,
          };
    for (const rule of model.rules) {
      const decayed = rule.section === "engagement" && rule.match.kind === "event";
      rules.push({ rule, model, index: rules.length + 1, decay: decayed ? decay : null });
    }
  }
  return rules;
}

/** The actions of each bucket of each model, keyed `model NUL bucket`. */
export function bucketActions(artifact: Artifact): Map<string, readonly ResultAction[]> {
  const actions = new Map<string, readonly ResultAction[]>();
  for (const model of artifact.models) {
    for (const bucket of model.buckets ?? artifact.buckets) {
      actions.set(`${model.name}\u0000${bucket.name}`, bucket.actions.map(resultAction));
    }
  }
  return actions;
}

/** A rule's contribution before its event facts: the keys in the order results have them. */
export function ruleContribution(rule: Rule, points: number): Contribution {
  return {
    rule: rule.text,
    id: rule.id,
    section: rule.section,
    points,
    loc: { file: rule.loc.file, line: rule.loc.line, column: rule.loc.column },
  };
}

/** The contribution of the clamp that moved a model's score, or null for a model without a clamp. */
export function clampContribution(artifact: Artifact, model: Model, points: number): Contribution | null {
  const clamp = model.clamp ?? artifact.clamp;
  if (clamp === null) return null;
  return {
    rule: describeClamp(clamp),
    id: model.clamp !== null ? `${model.name}.clamp` : "clamp",
    section: "clamp",
    points,
    loc: { file: clamp.loc.file, line: clamp.loc.line, column: clamp.loc.column },
  };
}

/** The event count, decay and cap of an event rule's contribution, as the JS engine shows them. */
function describeEvents(
  contribution: Contribution,
  rule: Rule,
  row: Readonly<Record<string, unknown>>,
  index: number,
  decay: Decayed | null,
  asOf: number,
): void {
  const count = number(row[`n${index}`])!;
  const total = number(row[`t${index}`])!;
  const latest = number(row[`latest${index}`])!;
  contribution.events = count;
  if (decay !== null) {
    const age = asOf - latest;
    // Whether decay lowered a counted event: SQL says it for `each` rules; the latest event's age otherwise.
    const aged = rule.each
      ? number(row[`aged${index}`]) === 1 && decay.percent !== 0
      : decay.factor(age) !== 1;
    if (aged) {
      const before = round2(rule.each ? rule.points * count : rule.points);
      const after = round2(total);
      contribution.decay = rule.each
        ? { before, after }
        : { before, after, factor: decay.shown(age), ageDays: Math.floor(age / DAY_MS) };
    }
  }
  if (rule.max !== null && Math.abs(total) > rule.max) contribution.capped = true;
}

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** Numbers come back as numbers, bigints (DuckDB) or text (PostgreSQL's bigint and numeric). */
function number(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return typeof value === "number" ? value : Number(value);
}
