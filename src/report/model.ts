/**
 * The outcome report as data: every number the HTML, Markdown and JSON renderers show comes from here,
 * so the three always agree (the JSON is this object). Shares and rates are fractions rounded to four
 * decimals; counts are exact.
 */
import type { DecileRow } from "./lift.js";
import type { Interval } from "./wilson.js";

export const REPORT_FORMAT = "leadscore.report" as const;
export const REPORT_FORMAT_VERSION = 1 as const;

export interface RateRow {
  group: string;
  leads: number;
  converted: number;
  /** converted / leads; null without leads. */
  rate: number | null;
  /** The 95% Wilson interval of the rate. */
  interval: Interval | null;
  /** rate / the base rate. */
  lift: number | null;
}

export interface BucketRow extends RateRow {
  /** The model whose own bucket this is, or null for a global bucket. */
  model: string | null;
  /** `route sales within 4h`, `nurture "x"`, `disqualify`, or "" for the pseudo-buckets. */
  action: string;
  /** Set when this bucket converts better than the one before it in routing order: the earlier one's name. */
  inversionOf: string | null;
}

export interface HeatmapCell {
  fit: string;
  engagement: string;
  leads: number;
  converted: number;
  rate: number | null;
}

export interface RocPoint {
  threshold: number | null;
  fpr: number;
  tpr: number;
}

export interface DistributionBin {
  /** Scores in [from, to). */
  from: number;
  to: number;
  converted: number;
  notConverted: number;
}

export type { DecileRow } from "./lift.js";

export interface RoutingRow {
  bucket: string;
  model: string | null;
  team: string;
  leads: number;
  converted: number;
  /** This bucket's leads / all leads. */
  leadShare: number | null;
  /** This bucket's conversions / all conversions (recall). */
  conversionShare: number | null;
  /** This bucket's rate (precision). */
  precision: number | null;
  /** The same, for this bucket and every routing bucket before it: what routing at this threshold does. */
  cumulativeLeadShare: number | null;
  cumulativeConversionShare: number | null;
  cumulativePrecision: number | null;
}

export interface SweepRow {
  threshold: number;
  current: boolean;
  /** Leads that would land in the bucket with this threshold (those not taken by an earlier bucket). */
  leads: number;
  converted: number;
  rate: number | null;
  lift: number | null;
}

export interface ThresholdSweep {
  bucket: string;
  model: string | null;
  test: string;
  rows: SweepRow[];
}

export interface RuleRow {
  id: string;
  rule: string;
  loc: string;
  model: string;
  section: "fit" | "engagement";
  points: number;
  /** Leads of the rule's model it fired for. */
  fired: number;
  /** Share of its model's leads it fired for. */
  fireRate: number | null;
  convertedWhenFired: number;
  rateWhenFired: number | null;
  rateWhenNotFired: number | null;
  /** rateWhenFired / the base rate. */
  lift: number | null;
  flags: Array<"never-fires" | "sign-disagrees">;
}

export type ReportStatus = "ok" | "nobody-converted" | "everybody-converted" | "no-outcomes";

export interface OutcomeReport {
  format: typeof REPORT_FORMAT;
  formatVersion: typeof REPORT_FORMAT_VERSION;
  ruleset: { name: string; version: number | null; contentHash: string };
  /** How leads were scored in time: one instant, or each lead as of its own field plus an offset. */
  asOf: { instant: string } | { field: string; offset: string };
  population: {
    source: string;
    read: number;
    scored: number;
    rejected: number;
    /** Scored leads with a readable outcome: every rate counts these. */
    measured: number;
    converted: number;
    baseRate: number | null;
    outcome: {
      field: string;
      missing: number;
      unreadable: number;
      unreadableExamples: string[];
    };
    /** Leads no model scored (a ruleset without a default model): counted, outside every measure. */
    unscored: number;
  };
  status: ReportStatus;
  /** One sentence per thing a reader must know before trusting the numbers (empty when all is well). */
  notes: string[];
  buckets: BucketRow[];
  grades: RateRow[];
  heatmap: { fit: string[]; engagement: string[]; cells: HeatmapCell[] };
  ranking: {
    auc: number | null;
    ks: { value: number; threshold: number } | null;
    /** At most 101 points of the curve, evenly spaced over its thresholds, ends included. */
    roc: RocPoint[];
    deciles: DecileRow[];
  };
  distribution: DistributionBin[];
  routing: RoutingRow[];
  sweeps: ThresholdSweep[];
  rules: RuleRow[];
}
