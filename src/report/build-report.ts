import type { Artifact, Bucket } from "../compile/artifact.js";
import { resultAction } from "../eval/compile-buckets.js";
import { describeAction } from "../io/write-results.js";
import { areaUnderCurve, rocCurve } from "./auc.js";
import { kolmogorovSmirnov } from "./ks.js";
import { decileTable, lift } from "./lift.js";
import {
  REPORT_FORMAT,
  REPORT_FORMAT_VERSION,
  type BucketRow,
  type DistributionBin,
  type HeatmapCell,
  type OutcomeReport,
  type RateRow,
  type ReportStatus,
  type RocPoint,
  type RoutingRow,
  type RuleRow,
  type ThresholdSweep,
} from "./model.js";
import type { OutcomeCollector, Tally } from "./outcome-collector.js";
import { groupByScore } from "./score-groups.js";
import { formatPercent, niceStep, round4 } from "./numbers.js";
import { wilsonInterval } from "./wilson.js";

export interface ReportInputs {
  artifact: Artifact;
  collector: OutcomeCollector;
  asOf: OutcomeReport["asOf"];
  population: { source: string; read: number; scored: number; rejected: number };
}

const ROC_POINTS = 101;
const HISTOGRAM_BINS = 20;
const SWEEP_STEPS = 4;

/** Builds the report from what the collector gathered while the leads were scored. */
export function buildReport({ artifact, collector, asOf, population }: ReportInputs): OutcomeReport {
  const measured = collector.count;
  let converted = 0;
  for (const tally of collector.byModel.values()) converted += tally.converted;
  const base: Tally = { leads: measured, converted };
  const status = statusOf(measured, converted);
  const groups = groupByScore(collector.scores, collector.outcomes);
  const ks = kolmogorovSmirnov(groups);
  const buckets = bucketRows(collector, base);
  return {
    format: REPORT_FORMAT,
    formatVersion: REPORT_FORMAT_VERSION,
    ruleset: { name: artifact.name, version: artifact.version, contentHash: artifact.contentHash },
    asOf,
    population: {
      ...population,
      measured,
      converted,
      baseRate: measured === 0 ? null : round4(converted / measured),
      outcome: {
        field: collector.field,
        missing: collector.missing,
        unreadable: collector.unreadable,
        unreadableExamples: [...collector.unreadableExamples],
      },
      unscored: collector.unscored.leads,
    },
    status,
    notes: notesFor(status, collector, buckets),
    buckets,
    grades: [...collector.byGrade.keys()]
      .sort()
      .map((grade) => rateRow(grade, collector.byGrade.get(grade)!, base)),
    heatmap: heatmapOf(artifact, collector),
    ranking: {
      auc: roundOrNull(areaUnderCurve(groups)),
      ks: ks === null ? null : { value: round4(ks.value), threshold: ks.threshold },
      roc: thinned(rocCurve(groups), ROC_POINTS).map((point) => ({
        threshold: Number.isFinite(point.threshold) ? point.threshold : null,
        fpr: round4(point.fpr),
        tpr: round4(point.tpr),
      })) satisfies RocPoint[],
      deciles: decileTable(collector.scores, collector.outcomes).map((row) => ({
        ...row,
        rate: roundOrNull(row.rate),
        lift: roundOrNull(row.lift),
        cumulativeGain: roundOrNull(row.cumulativeGain),
        cumulativeLift: roundOrNull(row.cumulativeLift),
      })),
    },
    distribution: histogram(collector.scores, collector.outcomes),
    routing: routingRows(buckets, base),
    sweeps: thresholdSweeps(collector, base),
    rules: ruleRows(artifact, collector, base),
  };
}

function statusOf(measured: number, converted: number): ReportStatus {
  if (measured === 0) return "no-outcomes";
  if (converted === 0) return "nobody-converted";
  if (converted === measured) return "everybody-converted";
  return "ok";
}

function notesFor(
  status: ReportStatus,
  collector: OutcomeCollector,
  buckets: readonly BucketRow[],
): string[] {
  const notes: string[] = [];
  if (status === "no-outcomes")
    notes.push(`No scored lead has a readable \`${collector.field}\` value: there is nothing to measure.`);
  if (status === "nobody-converted")
    notes.push(
      "Nobody in this population converted: every rate is 0%, and the ranking measures (AUC, KS, ROC, gains) cannot be computed.",
    );
  if (status === "everybody-converted")
    notes.push(
      "Everybody in this population converted: every rate is 100%, and the ranking measures (AUC, KS, ROC, gains) cannot be computed.",
    );
  const left = collector.missing + collector.unreadable;
  if (left > 0) {
    const examples =
      collector.unreadableExamples.length === 0
        ? ""
        : ` (unreadable values: ${collector.unreadableExamples.map((v) => JSON.stringify(v)).join(", ")})`;
    notes.push(
      `${left} scored leads have no readable \`${collector.field}\` (${collector.missing} missing, ${collector.unreadable} unreadable)${examples}: they are left out of every measure.`,
    );
  }
  if (collector.unscored.leads > 0)
    notes.push(
      `${collector.unscored.leads} leads were taken by no model: they are left out of every measure.`,
    );
  for (const row of buckets) {
    if (row.inversionOf !== null)
      notes.push(
        `Inversion: ${row.group} converts better (${formatPercent(row.rate)}) than ${row.inversionOf}, which comes before it in routing order.`,
      );
  }
  return notes;
}

function rateRow(group: string, tally: Tally, base: Tally): RateRow {
  const interval = wilsonInterval(tally.converted, tally.leads);
  return {
    group,
    leads: tally.leads,
    converted: tally.converted,
    rate: tally.leads === 0 ? null : round4(tally.converted / tally.leads),
    interval: interval === null ? null : { low: round4(interval.low), high: round4(interval.high) },
    lift: roundOrNull(lift(tally.converted, tally.leads, base.converted, base.leads)),
  };
}

/** Buckets in routing order (the global list, then each model's own), then the leads no bucket took. */
function bucketRows(collector: OutcomeCollector, base: Tally): BucketRow[] {
  const rows: BucketRow[] = [];
  const seen = new Set<string>();
  for (const scope of collector.scopes) {
    let previous: BucketRow | null = null;
    for (const bucket of scope.buckets) {
      if (seen.has(bucket.name)) continue;
      seen.add(bucket.name);
      const tally = collector.byBucket.get(bucket.name) ?? { leads: 0, converted: 0 };
      const row: BucketRow = {
        ...rateRow(bucket.name, tally, base),
        model: scope.model,
        action: actionText(bucket),
        inversionOf: null,
      };
      if (previous !== null && row.rate !== null && previous.rate !== null && row.rate > previous.rate)
        row.inversionOf = previous.group;
      if (row.leads > 0) previous = row;
      rows.push(row);
    }
  }
  for (const name of ["(no bucket)", "(excluded)"]) {
    const tally = collector.byBucket.get(name);
    if (tally !== undefined)
      rows.push({ ...rateRow(name, tally, base), model: null, action: "", inversionOf: null });
  }
  return rows;
}

function actionText(bucket: Bucket): string {
  return bucket.actions.map((action) => describeAction(resultAction(action))).join("; ");
}

/** Grades split into their fit letter and engagement digit, every combination present (0 leads shown). */
function heatmapOf(artifact: Artifact, collector: OutcomeCollector): OutcomeReport["heatmap"] {
  const labels = (scale: Artifact["grades"]["fit"]): string[] =>
    scale === null
      ? [""]
      : [...scale.tiers.map((tier) => tier.label), ...(scale.fallback === null ? [] : [scale.fallback])];
  const fit = labels(artifact.grades.fit);
  const engagement = labels(artifact.grades.engagement);
  const cells: HeatmapCell[] = [];
  for (const f of fit) {
    for (const e of engagement) {
      const tally = collector.byGrade.get(`${f}${e}`) ?? { leads: 0, converted: 0 };
      cells.push({
        fit: f,
        engagement: e,
        leads: tally.leads,
        converted: tally.converted,
        rate: tally.leads === 0 ? null : round4(tally.converted / tally.leads),
      });
    }
  }
  return { fit, engagement, cells };
}

function routingRows(buckets: readonly BucketRow[], base: Tally): RoutingRow[] {
  const rows: RoutingRow[] = [];
  let leads = 0;
  let converted = 0;
  const share = (part: number, whole: number) => (whole === 0 ? null : round4(part / whole));
  for (const row of buckets) {
    const team = /^route (\S+)/.exec(row.action)?.[1];
    if (team === undefined) continue;
    leads += row.leads;
    converted += row.converted;
    rows.push({
      bucket: row.group,
      model: row.model,
      team,
      leads: row.leads,
      converted: row.converted,
      leadShare: share(row.leads, base.leads),
      conversionShare: share(row.converted, base.converted),
      precision: row.rate,
      cumulativeLeadShare: share(leads, base.leads),
      cumulativeConversionShare: share(converted, base.converted),
      cumulativePrecision: share(converted, leads),
    });
  }
  return rows;
}

/**
 * For each bucket whose test is a score threshold (`bucket MQL >= 100`): how many leads it would take,
 * and how they convert, at thresholds around the current one. Only leads that reach the bucket (not
 * taken by an earlier bucket of the same list, not excluded) can land in it, as in routing itself.
 */
function thresholdSweeps(collector: OutcomeCollector, base: Tally): ThresholdSweep[] {
  const sweeps: ThresholdSweep[] = [];
  const scores = collector.scores;
  const outcomes = collector.outcomes;
  const scopeOf = collector.scopeIndexes;
  const positionOf = collector.bucketPositions;
  collector.scopes.forEach((scope, scopeIndex) => {
    scope.buckets.forEach((bucket, position) => {
      const test = bucket.test;
      if (test.kind !== "threshold" || (test.cmp !== ">=" && test.cmp !== ">")) return;
      const step = niceStep(Math.max(Math.abs(test.value), 10) / 10);
      const thresholds: number[] = [];
      for (let k = -SWEEP_STEPS; k <= SWEEP_STEPS; k++) thresholds.push(test.value + k * step);
      const rows = thresholds.map((threshold) => {
        let leads = 0;
        let converted = 0;
        for (let i = 0; i < scores.length; i++) {
          if (scopeOf[i] !== scopeIndex || positionOf[i]! < position) continue;
          const score = scores[i]!;
          if (test.cmp === ">=" ? score >= threshold : score > threshold) {
            leads += 1;
            converted += outcomes[i]!;
          }
        }
        return {
          threshold,
          current: threshold === test.value,
          leads,
          converted,
          rate: leads === 0 ? null : round4(converted / leads),
          lift: roundOrNull(lift(converted, leads, base.converted, base.leads)),
        };
      });
      sweeps.push({ bucket: bucket.name, model: scope.model, test: `${test.cmp} ${test.value}`, rows });
    });
  });
  return sweeps;
}

function ruleRows(artifact: Artifact, collector: OutcomeCollector, base: Tally): RuleRow[] {
  const rows: RuleRow[] = [];
  for (const model of artifact.models) {
    const modelTally = collector.byModel.get(model.name) ?? { leads: 0, converted: 0 };
    for (const rule of model.rules) {
      const fired = collector.byRule.get(rule.id) ?? { leads: 0, converted: 0 };
      const notFired = modelTally.leads - fired.leads;
      const ruleLift = roundOrNull(lift(fired.converted, fired.leads, base.converted, base.leads));
      const flags: RuleRow["flags"] = [];
      if (fired.leads === 0) flags.push("never-fires");
      if (ruleLift !== null && ((rule.points > 0 && ruleLift < 1) || (rule.points < 0 && ruleLift > 1)))
        flags.push("sign-disagrees");
      rows.push({
        id: rule.id,
        rule: rule.text,
        loc: `${rule.loc.file}:${rule.loc.line}`,
        model: model.name,
        section: rule.section,
        points: rule.points,
        fired: fired.leads,
        fireRate: modelTally.leads === 0 ? null : round4(fired.leads / modelTally.leads),
        convertedWhenFired: fired.converted,
        rateWhenFired: fired.leads === 0 ? null : round4(fired.converted / fired.leads),
        rateWhenNotFired: notFired === 0 ? null : round4((modelTally.converted - fired.converted) / notFired),
        lift: ruleLift,
        flags,
      });
    }
  }
  return rows;
}

/** Score histogram of converters and non-converters over about 20 bins of a round width. */
function histogram(scores: Float64Array, outcomes: Uint8Array): DistributionBin[] {
  if (scores.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const score of scores) {
    if (score < min) min = score;
    if (score > max) max = score;
  }
  const width = niceStep(Math.max(max - min, 1) / HISTOGRAM_BINS);
  const start = Math.floor(min / width) * width;
  const count = Math.floor((max - start) / width) + 1;
  const bins: DistributionBin[] = Array.from({ length: count }, (_, i) => ({
    from: round4(start + i * width),
    to: round4(start + (i + 1) * width),
    converted: 0,
    notConverted: 0,
  }));
  for (let i = 0; i < scores.length; i++) {
    const bin = bins[Math.min(count - 1, Math.floor((scores[i]! - start) / width))]!;
    if (outcomes[i] === 1) bin.converted += 1;
    else bin.notConverted += 1;
  }
  return bins;
}

/** At most `limit` points, evenly spaced by index, first and last included. */
function thinned<T>(points: readonly T[], limit: number): T[] {
  if (points.length <= limit) return [...points];
  const picked: T[] = [];
  for (let k = 0; k < limit; k++) picked.push(points[Math.round((k * (points.length - 1)) / (limit - 1))]!);
  return picked;
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : round4(value);
}
