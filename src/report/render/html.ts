import type { OutcomeReport } from "../model.js";
import { reportCharts, type ChartSpec } from "./charts.js";
import { renderSvg } from "./svg.js";
import {
  bucketTable,
  decileTable,
  gradeTable,
  routingTable,
  ruleTable,
  summaryTable,
  sweepTables,
  type Table,
} from "./tables.js";

/** Everything from data is escaped: bucket names, rule text, file paths and outcome values are not ours. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
caption { text-align: left; font-size: 0.85rem; color: #555; padding-bottom: 0.3rem; }
figure { margin: 1rem 0; } figcaption { font-size: 0.85rem; color: #555; }
.notes { background: #fff8e1; border-left: 4px solid #f0b400; padding: 0.5rem 1rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  figure, table { break-inside: avoid; }
  h2 { break-after: avoid; }
}
`;

function tableHtml(table: Table): string {
  const cell = (tag: "th" | "td", text: string, numeric: boolean) =>
    `<${tag}${numeric ? ' class="num"' : ""}>${escapeHtml(text)}</${tag}>`;
  return [
    `<table id="${table.id}">`,
    `<caption><strong>${escapeHtml(table.title)}.</strong> ${escapeHtml(table.caption)}</caption>`,
    `<thead><tr>${table.headers.map((h, i) => cell("th", h, table.numeric[i] ?? false)).join("")}</tr></thead>`,
    "<tbody>",
    ...table.rows.map(
      (row) => `<tr>${row.map((c, i) => cell("td", c, table.numeric[i] ?? false)).join("")}</tr>`,
    ),
    "</tbody>",
    "</table>",
  ].join("\n");
}

function section(title: string, body: readonly string[]): string {
  return [`<section>`, `<h2>${escapeHtml(title)}</h2>`, ...body, `</section>`].join("\n");
}

async function figure(chart: ChartSpec | undefined): Promise<string[]> {
  if (chart === undefined) return [];
  const svg = await renderSvg(chart);
  return [
    `<figure id="${chart.id}" role="img" aria-label="${escapeHtml(`${chart.title}. ${chart.description}`)}">`,
    svg,
    `<figcaption>${escapeHtml(chart.description)}</figcaption>`,
    `</figure>`,
  ];
}

/**
 * The outcome report as one self-contained HTML file: inline CSS, charts as inline SVG, no script and no
 * reference to anything outside the file, so it opens offline, prints, and can be attached anywhere.
 */
export async function renderReportHtml(report: OutcomeReport): Promise<string> {
  const charts = new Map(reportCharts(report).map((chart) => [chart.id, chart]));
  const version = report.ruleset.version === null ? "" : ` v${report.ruleset.version}`;
  const title = `Outcome report: ${report.ruleset.name}${version}`;
  const notes =
    report.notes.length === 0
      ? []
      : [
          `<div class="notes" id="notes"><ul>`,
          ...report.notes.map((n) => `<li>${escapeHtml(n)}</li>`),
          `</ul></div>`,
        ];
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>Outcome <code>${escapeHtml(report.population.outcome.field)}</code> of ${report.population.measured} leads from <code>${escapeHtml(report.population.source)}</code>; ruleset ${escapeHtml(report.ruleset.contentHash.slice(0, 19))}.</p>`,
    ...notes,
    tableHtml(summaryTable(report)),
    section("Conversion by bucket", [
      ...(await figure(charts.get("chart-buckets"))),
      tableHtml(bucketTable(report)),
      tableHtml(routingTable(report)),
      ...sweepTables(report).map(tableHtml),
    ]),
    section("Conversion by grade", [
      ...(await figure(charts.get("chart-grades"))),
      tableHtml(gradeTable(report)),
    ]),
    section("How the score ranks leads", [
      ...(await figure(charts.get("chart-distribution"))),
      `<div class="charts">`,
      ...(await figure(charts.get("chart-roc"))),
      ...(await figure(charts.get("chart-gains"))),
      `</div>`,
      tableHtml(decileTable(report)),
    ]),
    section("Rules", [tableHtml(ruleTable(report))]),
  ];
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    // Nothing may load from elsewhere: no script, no fetch, no remote image or font.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    ...body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
