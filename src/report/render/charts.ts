/**
 * The report's charts as Vega-Lite specifications built from the report model: data in, no code. Each
 * has a title and a description (the chart's text alternative, which Vega writes as the SVG's
 * aria-label). Rendered to SVG by svg.ts.
 */
import type { OutcomeReport } from "../model.js";

export interface ChartSpec {
  id: string;
  title: string;
  description: string;
  spec: Record<string, unknown>;
}

const WIDTH = 560;
const HEIGHT = 260;
const CONVERTED = "#1b7837";
const NOT_CONVERTED = "#b2abd2";

function base(title: string, description: string): Record<string, unknown> {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    description,
    width: WIDTH,
    height: HEIGHT,
    background: "white",
    config: { font: "sans-serif", view: { stroke: null } },
  };
}

/** The dashed line from (0, 0) to (1, 1) that a random order of leads would follow. */
function diagonal(x: string, y: string): Record<string, unknown> {
  return {
    data: {
      values: [
        { [x]: 0, [y]: 0 },
        { [x]: 1, [y]: 1 },
      ],
    },
    mark: { type: "line", color: "#999999", strokeDash: [4, 4] },
    encoding: { x: { field: x, type: "quantitative" }, y: { field: y, type: "quantitative" } },
  };
}

/** A grade dimension the rules do not grade on has one unnamed label. */
function shownLabel(label: string): string {
  return label === "" ? "(none)" : label;
}

export function reportCharts(report: OutcomeReport): ChartSpec[] {
  const charts: ChartSpec[] = [];
  const buckets = report.buckets.filter((row) => row.rate !== null);
  if (buckets.length > 0) {
    const title = "Conversion rate by bucket";
    const description = `Conversion rate with its 95% interval for ${buckets.length} buckets in routing order.`;
    charts.push({
      id: "chart-buckets",
      title,
      description,
      spec: {
        ...base(title, description),
        data: {
          values: buckets.map((row) => ({
            bucket: row.group,
            rate: row.rate,
            low: row.interval?.low ?? row.rate,
            high: row.interval?.high ?? row.rate,
          })),
        },
        encoding: {
          x: { field: "bucket", type: "nominal", sort: null, title: "Bucket", axis: { labelAngle: 0 } },
        },
        layer: [
          {
            mark: { type: "bar", color: "#2166ac" },
            encoding: {
              y: { field: "rate", type: "quantitative", title: "Conversion rate", axis: { format: ".0%" } },
            },
          },
          {
            mark: { type: "rule", color: "black" },
            encoding: { y: { field: "low", type: "quantitative" }, y2: { field: "high" } },
          },
        ],
      },
    });
  }
  const cells = report.heatmap.cells;
  if (cells.length > 0 && report.population.measured > 0) {
    const title = "Conversion rate by grade";
    const description = `Heatmap of conversion rate: ${report.heatmap.fit.length} fit grades by ${report.heatmap.engagement.length} engagement grades; each cell shows its rate and number of leads.`;
    charts.push({
      id: "chart-grades",
      title,
      description,
      spec: {
        ...base(title, description),
        width: Math.min(WIDTH, 90 * report.heatmap.engagement.length),
        height: Math.min(HEIGHT, 50 * report.heatmap.fit.length),
        data: {
          values: cells.map((cell) => ({
            fit: shownLabel(cell.fit),
            engagement: shownLabel(cell.engagement),
            rate: cell.rate,
            label: `${cell.rate === null ? "-" : `${(cell.rate * 100).toFixed(1)}%`} (${cell.leads})`,
          })),
        },
        encoding: {
          x: {
            field: "engagement",
            type: "ordinal",
            sort: null,
            title: "Engagement grade",
            axis: { labelAngle: 0 },
          },
          y: { field: "fit", type: "ordinal", sort: null, title: "Fit grade" },
        },
        layer: [
          {
            mark: { type: "rect" },
            encoding: {
              color: {
                field: "rate",
                type: "quantitative",
                title: "Rate",
                scale: { scheme: "greens", domain: [0, 1] },
                legend: { format: ".0%" },
              },
            },
          },
          { mark: { type: "text", fontSize: 11 }, encoding: { text: { field: "label", type: "nominal" } } },
        ],
      },
    });
  }
  if (report.distribution.length > 0) {
    const title = "Score distribution: converted vs not";
    const description = `Number of leads per score bin (${report.distribution.length} bins), converted and not converted overlaid.`;
    const values = report.distribution.flatMap((bin) => [
      { bin: bin.from, to: bin.to, outcome: "converted", leads: bin.converted },
      { bin: bin.from, to: bin.to, outcome: "not converted", leads: bin.notConverted },
    ]);
    charts.push({
      id: "chart-distribution",
      title,
      description,
      spec: {
        ...base(title, description),
        data: { values },
        mark: { type: "bar", opacity: 0.75, binSpacing: 0 },
        encoding: {
          x: { field: "bin", type: "quantitative", bin: { binned: true }, title: "Score" },
          x2: { field: "to" },
          y: { field: "leads", type: "quantitative", stack: null, title: "Leads" },
          color: {
            field: "outcome",
            type: "nominal",
            title: "Outcome",
            scale: { domain: ["converted", "not converted"], range: [CONVERTED, NOT_CONVERTED] },
          },
        },
      },
    });
  }
  if (report.ranking.roc.length > 0) {
    const title = `ROC curve (AUC ${report.ranking.auc?.toFixed(4)})`;
    const description = `Share of converters against share of non-converters reached as the score threshold falls, ${report.ranking.roc.length} points; the diagonal is a random order.`;
    charts.push({
      id: "chart-roc",
      title,
      description,
      spec: {
        ...base(title, description),
        width: HEIGHT,
        layer: [
          {
            data: { values: report.ranking.roc },
            mark: { type: "line", color: "#2166ac" },
            encoding: {
              x: {
                field: "fpr",
                type: "quantitative",
                title: "False positive rate",
                scale: { domain: [0, 1] },
              },
              y: {
                field: "tpr",
                type: "quantitative",
                title: "True positive rate",
                scale: { domain: [0, 1] },
              },
              order: { field: "fpr", type: "quantitative" },
            },
          },
          diagonal("fpr", "tpr"),
        ],
      },
    });
  }
  const deciles = report.ranking.deciles.filter((row) => row.cumulativeGain !== null);
  if (deciles.length > 0 && report.ranking.auc !== null) {
    const title = "Cumulative gains by decile";
    const description = `Share of all conversions found in the top 1 to 10 tenths of leads by score (${deciles.length} points); the diagonal is a random order.`;
    charts.push({
      id: "chart-gains",
      title,
      description,
      spec: {
        ...base(title, description),
        width: HEIGHT,
        layer: [
          diagonal("share", "gain"),
          {
            data: { values: deciles.map((row) => ({ share: row.decile / 10, gain: row.cumulativeGain })) },
            mark: { type: "point", filled: true, color: "#2166ac" },
            encoding: {
              x: {
                field: "share",
                type: "quantitative",
                title: "Share of leads (by score)",
                axis: { format: ".0%" },
              },
              y: {
                field: "gain",
                type: "quantitative",
                title: "Share of conversions",
                axis: { format: ".0%" },
              },
            },
          },
        ],
      },
    });
  }
  return charts;
}
