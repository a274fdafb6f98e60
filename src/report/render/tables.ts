/**
 * The report's tables as plain text cells, defined once: the HTML and Markdown renderers lay out the same
 * cells, so both show exactly the numbers of the JSON report (rates as percentages with one decimal).
 */
import type { OutcomeReport, RateRow } from "../model.js";
import { formatPercent } from "../numbers.js";

export interface Table {
  id: string;
  title: string;
  /** What the table shows, in a sentence. */
  caption: string;
  headers: string[];
  /** Columns whose cells are numbers (right-aligned). */
  numeric: boolean[];
  rows: string[][];
}

export function formatNumber(value: number | null, decimals = 2): string {
  if (value === null) return "-";
  return Number.isInteger(value) ? String(value) : value.toFixed(decimals).replace(/\.?0+$/, "");
}

/** AUC and KS always with four decimals, as they are compared between runs: `0.8060`. */
export function formatMeasure(value: number | null): string {
  return value === null ? "-" : value.toFixed(4);
}

function interval(row: RateRow): string {
  return row.interval === null
    ? "-"
    : `${formatPercent(row.interval.low)} – ${formatPercent(row.interval.high)}`;
}

function rateCells(row: RateRow): string[] {
  return [
    String(row.leads),
    String(row.converted),
    formatPercent(row.rate),
    interval(row),
    formatNumber(row.lift),
  ];
}

const RATE_HEADERS = ["Leads", "Converted", "Rate", "95% interval", "Lift"];

export function summaryTable(report: OutcomeReport): Table {
  const p = report.population;
  const asOf =
    "instant" in report.asOf ? report.asOf.instant : `${report.asOf.field} + ${report.asOf.offset}`;
  return {
    id: "summary",
    title: "Summary",
    caption: "The population measured and how well the score ranks it.",
    headers: ["Measure", "Value"],
    numeric: [false, true],
    rows: [
      ["Leads read", String(p.read)],
      ["Scored", String(p.scored)],
      ["Rejected", String(p.rejected)],
      ["Measured (scored, with a readable outcome)", String(p.measured)],
      ["Converted", String(p.converted)],
      ["Base rate", formatPercent(p.baseRate)],
      ["AUC", formatMeasure(report.ranking.auc)],
      ["KS", formatMeasure(report.ranking.ks?.value ?? null)],
      ["KS at score", formatNumber(report.ranking.ks?.threshold ?? null)],
      ["Scored as of", asOf],
    ],
  };
}

export function bucketTable(report: OutcomeReport): Table {
  return {
    id: "buckets",
    title: "Conversion by bucket",
    caption: "Buckets in routing order; an inversion is a bucket converting better than the one before it.",
    headers: ["Bucket", "Model", "Action", ...RATE_HEADERS, "Flag"],
    numeric: [false, false, false, true, true, true, true, true, false],
    rows: report.buckets.map((row) => [
      row.group,
      row.model ?? "(all)",
      row.action,
      ...rateCells(row),
      row.inversionOf === null ? "" : `inversion: above ${row.inversionOf}`,
    ]),
  };
}

export function gradeTable(report: OutcomeReport): Table {
  return {
    id: "grades",
    title: "Conversion by grade",
    caption: "Grades are the fit letter and the engagement digit.",
    headers: ["Grade", ...RATE_HEADERS],
    numeric: [false, true, true, true, true, true],
    rows: report.grades.map((row) => [row.group, ...rateCells(row)]),
  };
}

export function decileTable(report: OutcomeReport): Table {
  return {
    id: "deciles",
    title: "Gains and lift by decile",
    caption: "Leads ranked by score, highest first (equal scores in input order), cut into tenths.",
    headers: ["Decile", "Leads", "Converted", "Rate", "Lift", "Cumulative gain", "Cumulative lift"],
    numeric: [true, true, true, true, true, true, true],
    rows: report.ranking.deciles.map((row) => [
      String(row.decile),
      String(row.leads),
      String(row.converted),
      formatPercent(row.rate),
      formatNumber(row.lift),
      formatPercent(row.cumulativeGain),
      formatNumber(row.cumulativeLift),
    ]),
  };
}

export function routingTable(report: OutcomeReport): Table {
  return {
    id: "routing",
    title: "Routing to teams",
    caption:
      "Each bucket that routes to a team: its share of leads and of conversions (recall), its rate (precision); cumulative down the routing order.",
    headers: [
      "Bucket",
      "Team",
      "Leads",
      "Share of leads",
      "Share of conversions",
      "Precision",
      "Cumulative share of leads",
      "Cumulative share of conversions",
      "Cumulative precision",
    ],
    numeric: [false, false, true, true, true, true, true, true, true],
    rows: report.routing.map((row) => [
      row.bucket,
      row.team,
      String(row.leads),
      formatPercent(row.leadShare),
      formatPercent(row.conversionShare),
      formatPercent(row.precision),
      formatPercent(row.cumulativeLeadShare),
      formatPercent(row.cumulativeConversionShare),
      formatPercent(row.cumulativePrecision),
    ]),
  };
}

export function sweepTables(report: OutcomeReport): Table[] {
  return report.sweeps.map((sweep, index) => ({
    id: `sweep-${index + 1}`,
    title: `Threshold sweep: ${sweep.bucket} ${sweep.test}${sweep.model === null ? "" : ` (model ${sweep.model})`}`,
    caption: "Leads the bucket would take at each threshold (among those no earlier bucket takes).",
    headers: ["Threshold", "Leads", "Converted", "Rate", "Lift", ""],
    numeric: [true, true, true, true, true, false],
    rows: sweep.rows.map((row) => [
      formatNumber(row.threshold),
      String(row.leads),
      String(row.converted),
      formatPercent(row.rate),
      formatNumber(row.lift),
      row.current ? "current" : "",
    ]),
  }));
}

const FLAG_TEXT = { "never-fires": "fires for no lead", "sign-disagrees": "sign disagrees with lift" };

export function ruleTable(report: OutcomeReport): Table {
  return {
    id: "rules",
    title: "Rules",
    caption:
      "How often each rule fires among its model's leads, conversion when it fires and when not, and its lift over the base rate.",
    headers: [
      "Rule",
      "Where",
      "Points",
      "Fired",
      "Fire rate",
      "Rate fired",
      "Rate not fired",
      "Lift",
      "Flags",
    ],
    numeric: [false, false, true, true, true, true, true, true, false],
    rows: report.rules.map((row) => [
      row.rule,
      row.loc,
      formatNumber(row.points),
      String(row.fired),
      formatPercent(row.fireRate),
      formatPercent(row.rateWhenFired),
      formatPercent(row.rateWhenNotFired),
      formatNumber(row.lift),
      row.flags.map((flag) => FLAG_TEXT[flag]).join(", "),
    ]),
  };
}

/** Every table, in the order the report shows them. */
export function reportTables(report: OutcomeReport): Table[] {
  return [
    summaryTable(report),
    bucketTable(report),
    gradeTable(report),
    decileTable(report),
    routingTable(report),
    ...sweepTables(report),
    ruleTable(report),
  ];
}
