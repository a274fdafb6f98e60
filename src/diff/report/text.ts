/**
 * The impact report for a terminal: aligned columns, every section in full (a terminal scrolls; the
 * markdown report is the one with a size limit).
 */
import type { DiffReport } from "./model.js";
import { unstyled, type Stylize } from "../../diagnostics/style.js";
import { DocumentBuilder, documentText, type DocumentPart } from "./document.js";
import { formatUsage } from "../../batch/rule-usage.js";
import { doubledLoads } from "../routing.js";
import {
  conversionText,
  measuredText,
  OUTCOME_METHOD,
  teamText,
  unreadableTexts,
  verdictText,
} from "./outcome-wording.js";
import {
  actionsText,
  asOfOrigin,
  becauseParts,
  CAUSE_METHOD,
  changeLine,
  count,
  doubledText,
  impactText,
  plural,
  scoreText,
  sideText,
  signed,
  signedCount,
  whereText,
} from "./format.js";

/**
 * Pads columns to their widest cell; numbers (every column but the first) align right. A `Δ` column's
 * cells are marked up or down after padding, so that marks never count in the widths.
 */
function table(rows: readonly (readonly string[])[], indent = "  ", stylize: Stylize = unstyled): string[] {
  const deltaColumn = rows[0]?.indexOf("Δ") ?? -1;
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  const direction = (cell: string, padded: string) =>
    cell.startsWith("+") ? stylize("up", padded) : cell.startsWith("-") ? stylize("down", padded) : padded;
  return rows.map(
    (row, r) =>
      indent +
      row
        .map((cell, i) => {
          const padded = i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!);
          return r > 0 && i === deltaColumn ? direction(cell, padded) : padded;
        })
        .join("  ")
        .trimEnd(),
  );
}

export function renderDiffText(report: DiffReport): string {
  return documentText(diffTextDocument(report), report);
}

/**
 * The text report as a document whose moved leads and rejects can stream (see document.ts). `stylize`
 * marks the headings and the direction of every change (colour on a terminal).
 */
export function diffTextDocument(report: DiffReport, stylize: Stylize = unstyled): DocumentPart[] {
  const lines = new DocumentBuilder();
  const { summary } = report;
  lines.push(`leadscore diff: ${sideText(report.base)} → ${sideText(report.head)}`);
  lines.push(
    `Scored as of ${report.asOf} (${asOfOrigin(report)})` +
      (report.baseAsOf === null ? "." : `; the base as of its own \`as_of\`, ${report.baseAsOf}.`),
  );
  if (report.schemasDiffer) {
    lines.push("The two sides declare different lead schemas: a lead is compared only when both accept it.");
  }
  const ownAsOf = report.population.sources.filter((source) => source.asOf);
  if (ownAsOf.length > 0) lines.push("Fixture leads are scored as of their fixture file's `as_of`.");
  lines.push("");

  lines.push(stylize("heading", `Rule changes (${report.changes.length})`));
  if (report.changes.length === 0) lines.push("  none: the two rulesets mean the same");
  for (const change of report.changes) {
    const where = whereText(change);
    lines.push(`  ${changeLine(change)}`);
    lines.push(`      ${[where, impactText(change)].filter(Boolean).join(" · ")}`);
  }
  if (report.fixturesChanged !== null && report.fixturesChanged.length > 0) {
    lines.push(`  fixtures changed: ${report.fixturesChanged.join(", ")}`);
  }
  lines.push("");
  if (report.usage !== undefined) {
    lines.push("! What this change brings that no lead of the population matches:");
    lines.push(...formatUsage(report.usage, "  "));
    lines.push("");
  }

  lines.push(
    `Leads: ${count(summary.leads)} scored, ${count(summary.changedBucket)} changed bucket, ` +
      `${count(summary.changedActions)} changed action, ${count(summary.changedScore)} changed score` +
      (report.population.rejected > 0 ? `, ${plural(report.population.rejected, "rejected record")}` : ""),
  );
  lines.push("");

  if (report.routing.teams.length > 0) {
    for (const load of doubledLoads(report.routing.teams)) lines.push(`! ${doubledText(load)}`);
    const span = report.routing.span;
    lines.push(
      span === null
        ? stylize("heading", "Routing load (leads routed per team and SLA)")
        : stylize(
            "heading",
            `Routing load (leads routed per team and SLA; per day over ${plural(span.days, "day")} of \`${span.field}\`, ${span.from} to ${span.to})`,
          ),
    );
    const rows: string[][] = [["team", "SLA", "before", "after", "Δ", ...(span === null ? [] : ["per day"])]];
    for (const load of report.routing.teams) {
      rows.push([
        load.team,
        load.slas.length === 1 ? slaLabel(load.slas[0]!.within) : "all",
        count(load.before),
        count(load.after),
        signedCount(load.after - load.before),
        ...(load.perDay === null ? [] : [`${load.perDay.before} → ${load.perDay.after}`]),
      ]);
      if (load.slas.length > 1) {
        for (const sla of load.slas) {
          rows.push([
            "",
            slaLabel(sla.within),
            count(sla.before),
            count(sla.after),
            signedCount(sla.after - sla.before),
            ...(span === null ? [] : [""]),
          ]);
        }
      }
    }
    lines.push(...table(rows, "  ", stylize));
    lines.push("");
  }

  lines.push(stylize("heading", "Buckets"));
  lines.push(
    ...table(
      [
        ["bucket", "before", "after", "Δ"],
        ...report.buckets.map((b) => [b.bucket, count(b.before), count(b.after), signedCount(b.delta)]),
      ],
      "  ",
      stylize,
    ),
  );
  lines.push("");
  lines.push(...outcomeLines(report));

  const { labels, counts } = report.transitions;
  if (labels.length > 0) {
    lines.push(stylize("heading", "Transitions (rows: base bucket, columns: head bucket)"));
    lines.push(
      ...table([
        ["base \\ head", ...labels],
        ...labels.map((label, row) => [label, ...counts[row]!.map((n) => (n === 0 ? "·" : count(n)))]),
      ]),
    );
    lines.push("");
  }

  lines.push(stylize("heading", `Leads that moved (${count(report.summary.moved)})`));
  lines.eachMoved((lead) => {
    const bucket = lead.bucketChanged
      ? `${lead.before.bucket} → ${lead.after.bucket}`
      : `${lead.after.bucket} (actions changed)`;
    const out = [
      `  ${lead.id ?? "(no id)"}  ${bucket}  score ${scoreText(lead.before.score)} → ${scoreText(lead.after.score)}  [${lead.source}]`,
    ];
    if (lead.actionsChanged) {
      out.push(`      action: ${actionsText(lead.before.actions)} → ${actionsText(lead.after.actions)}`);
    }
    for (const part of becauseParts(report, lead)) out.push(`      because: ${part}`);
    return out;
  });
  if (report.summary.moved > 0) lines.push(`  (${CAUSE_METHOD})`);
  lines.push("");

  const deltas = report.scoreDeltas;
  lines.push(
    `Score changes: ${count(deltas.up)} up, ${count(deltas.down)} down, ${count(deltas.unchanged)} unchanged` +
      (deltas.compared === 0
        ? ""
        : `; min ${signed(deltas.min!)}, median ${signed(deltas.median!)}, max ${signed(deltas.max!)}`),
  );
  const widest = Math.max(1, ...deltas.bands.map((band) => band.count));
  lines.push(
    ...table(
      deltas.bands.map((band) => [
        band.label,
        count(band.count),
        "█".repeat(Math.ceil((band.count / widest) * 30)).padEnd(30),
      ]),
    ),
  );
  lines.push("");

  lines.push(stylize("heading", "Population"));
  for (const source of report.population.sources) {
    const asOf = source.asOf ? ` (as of ${source.asOf})` : "";
    lines.push(
      `  ${source.source}: ${plural(source.read, "record")}, ${count(source.accepted)} used, ${count(source.rejected)} rejected${asOf}`,
    );
    for (const warning of source.warnings ?? []) lines.push(`    warning: ${warning}`);
  }
  if (report.population.sources.length === 0) lines.push("  no fixture leads and no population files");
  if (report.population.rejected > 0) {
    lines.push("");
    lines.push(`Rejected records (${count(report.population.rejected)})`);
    lines.eachReject((reject) => [`  ${reject.source}: ${reject.reason}`]);
  }
  return lines.finish();
}

/** The outcome measures: the verdict first, then conversion per bucket and per team. */
function outcomeLines(report: DiffReport): string[] {
  const outcomes = report.outcomes;
  if (outcomes === null) return [];
  const lines = [`Outcomes: ${verdictText(outcomes)}`, `  ${measuredText(outcomes)}`];
  for (const line of unreadableTexts(report.population.sources)) lines.push(`  ${line}`);
  if (outcomes.leads > 0) {
    lines.push(
      ...table([
        ["bucket", "converted before", "converted after"],
        ...outcomes.buckets.map((b) => [b.bucket, conversionText(b.before), conversionText(b.after)]),
      ]),
    );
    for (const team of outcomes.teams) lines.push(`  ${teamText(team)}`);
  }
  lines.push(`  (${OUTCOME_METHOD})`, "");
  return lines;
}

function slaLabel(within: string | null): string {
  return within === null ? "no SLA" : `within ${within}`;
}
