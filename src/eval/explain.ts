import type { Action, Artifact, Bucket, GradeScale, Model, Rule } from "../compile/artifact.js";
import { describeExpr } from "../compile/print-artifact.js";
import { compileScale, labelIndex } from "./compile-grades.js";
import { formatInstant, toInstant } from "./instant.js";
import type { Contribution, ScoreResult } from "./result.js";

export interface ExplainOptions {
  /** The as-of time the result was scored at (epoch ms, an ISO-8601 string or a Date); shown in the first line. */
  asOf?: number | string | Date;
}

/**
 * A result as text a salesperson can follow: which model scored the lead, every rule that gave or took
 * points and where it is written, how the totals add up, why the grade and the bucket, and what to do.
 * Deterministic: the same result and rules give the same text.
 */
export function renderExplanation(
  result: ScoreResult,
  artifact: Artifact,
  options: ExplainOptions = {},
): string {
  const lines: string[] = [];
  const model = artifact.models.find((m) => m.name === result.model) ?? null;
  const who = result.id === null ? "Lead (no id)" : `Lead ${result.id}`;
  // The result does not carry its as-of time: without one the text says nothing about it rather than guess.
  const instant = options.asOf === undefined ? NaN : toInstant(options.asOf);
  const asOf = Number.isNaN(instant) ? "" : `, as of ${formatInstant(instant)}`;

  if (model === null || result.score === null || result.fit === null || result.engagement === null) {
    lines.push(`${who}${asOf}: not scored`);
    lines.push(
      artifact.defaultModel === null
        ? "  No model's condition holds for this lead, and the rules have no default model."
        : "  No model's condition holds for this lead.",
    );
    if (result.excluded !== null) lines.push("", exclusionLine(result.excluded, artifact));
    return `${lines.join("\n")}\n`;
  }

  lines.push(`${who}, scored by model ${model.name}${model.label ? ` "${model.label}"` : ""}${asOf}`);
  const rulesById = new Map(model.rules.map((rule) => [rule.id, rule]));
  const width = {
    points: Math.max(0, ...result.contributions.map((c) => signed(c.points).length)),
    rule: Math.max(0, ...result.contributions.map((c) => c.rule.length)),
  };

  for (const [section, title, total] of [
    ["fit", "Fit", result.fit],
    ["engagement", "Engagement", result.engagement],
  ] as const) {
    lines.push("", `${title}: ${number(total)}`);
    const fired = result.contributions.filter((c) => c.section === section);
    if (fired.length === 0) lines.push(`  no ${section} rule applies`);
    for (const contribution of fired)
      lines.push(...contributionLines(contribution, rulesById.get(contribution.id), width));
  }
  const clamps = result.contributions.filter((c) => c.section === "clamp");
  for (const clamp of clamps)
    lines.push("", `Clamp: ${signed(clamp.points)}`, ...contributionLines(clamp, undefined, width));

  const sum = [`fit ${number(result.fit)}`, `engagement ${number(result.engagement)}`];
  for (const clamp of clamps) sum.push(`clamp ${number(clamp.points)}`);
  lines.push("", `Score: ${number(result.score)} = ${sum.join(" + ")}`);

  lines.push("", gradeLine(result, artifact));
  if (result.excluded !== null) {
    lines.push(exclusionLine(result.excluded, artifact));
  } else {
    lines.push(...bucketLines(result, model, artifact));
  }
  return `${lines.join("\n")}\n`;
}

interface Widths {
  points: number;
  rule: number;
}

function contributionLines(contribution: Contribution, rule: Rule | undefined, width: Widths): string[] {
  const where = `${contribution.loc.file}:${contribution.loc.line}`;
  const points = signed(contribution.points).padStart(width.points);
  const lines = [`  ${points}  ${contribution.rule.padEnd(width.rule)}  ${where}`];
  const notes = notesFor(contribution, rule);
  if (notes.length > 0) lines.push(`  ${"".padStart(width.points)}  ${notes.join(", ")}`);
  return lines;
}

function notesFor(contribution: Contribution, rule: Rule | undefined): string[] {
  const notes: string[] = [];
  const events = contribution.events;
  if (events !== undefined) {
    if (rule?.each === false) {
      if (events > 1) notes.push(`counted once (${events} matching events)`);
    } else {
      notes.push(events === 1 ? "1 event" : `${events} events`);
    }
  }
  const decay = contribution.decay;
  if (decay !== undefined) {
    if (decay.factor !== undefined && decay.ageDays !== undefined) {
      const age = decay.ageDays === 1 ? "1 day old" : `${decay.ageDays} days old`;
      notes.push(`decayed ×${decay.factor} (${age}): ${number(decay.before)} → ${number(decay.after)}`);
    } else {
      notes.push(`decayed by age: ${number(decay.before)} → ${number(decay.after)}`);
    }
  }
  if (contribution.capped) notes.push(rule?.max != null ? `capped at ${number(rule.max)}` : "capped");
  return notes;
}

function gradeLine(result: ScoreResult, artifact: Artifact): string {
  const fit = scaleReason("fit", artifact.grades.fit, result.fit!);
  const engagement = scaleReason("engagement", artifact.grades.engagement, result.engagement!);
  return `Grade: ${result.grade ?? "none"} (${fit}; ${engagement})`;
}

function scaleReason(dimension: string, scale: GradeScale | null, value: number): string {
  if (scale === null) return `no ${dimension} grades are declared`;
  const tier = scale.tiers[labelIndex(compileScale(scale), value)];
  if (tier !== undefined)
    return `${dimension} ${number(value)} ${tier.op} ${number(tier.threshold)} gives ${tier.label}`;
  const lowest = scale.tiers.at(-1);
  const below = lowest
    ? `below ${lowest.label} ${lowest.op} ${number(lowest.threshold)}`
    : "below every tier";
  return scale.fallback === null
    ? `${dimension} ${number(value)} is ${below} and there is no else grade`
    : `${dimension} ${number(value)} is ${below}, so ${scale.fallback}`;
}

function exclusionLine(reason: string, artifact: Artifact): string {
  const exclusion = artifact.exclusions.find((e) => e.reason === reason);
  const where = exclusion ? ` (${exclusion.loc.file}:${exclusion.loc.line})` : "";
  return `Excluded: ${reason}${where} — no bucket, no actions`;
}

function bucketLines(result: ScoreResult, model: Model, artifact: Artifact): string[] {
  const buckets = model.buckets ?? artifact.buckets;
  const whose = model.buckets === null ? "" : ` of model ${model.name}`;
  const bucket = buckets.find((b) => b.name === result.bucket);
  if (result.bucket === null || bucket === undefined) {
    return [
      buckets.length === 0
        ? "Bucket: none (no buckets are declared)"
        : `Bucket: none (no bucket${whose} matches)`,
    ];
  }
  const where = `${bucket.loc.file}:${bucket.loc.line}`;
  const lines = [`Bucket: ${bucket.name}${whose}, because ${bucketReason(bucket, result)} (${where})`];
  for (const action of bucket.actions) lines.push(`  → ${describeAction(action)}`);
  return lines;
}

function bucketReason(bucket: Bucket, result: ScoreResult): string {
  const { test } = bucket;
  switch (test.kind) {
    case "threshold":
      return `score ${number(result.score!)} ${test.cmp} ${number(test.value)}`;
    case "when": {
      const condition = describeExpr(test.expr);
      return result.grade === null ? condition : `${condition} (the grade is ${result.grade})`;
    }
    case "otherwise":
      return "no bucket above it matches";
  }
}

function describeAction(action: Action): string {
  if ("route" in action) {
    const within = action.within === null ? "" : ` within ${action.within}`;
    const say = action.say === null ? "" : `: "${action.say}"`;
    return `route to ${action.route}${within}${say}`;
  }
  if ("nurture" in action) return `nurture in "${action.nurture}"`;
  return "disqualify";
}

function number(value: number): string {
  return String(value);
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}
