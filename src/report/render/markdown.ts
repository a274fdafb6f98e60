import type { OutcomeReport } from "../model.js";
import { reportTables, type Table } from "./tables.js";

/** Text from data (bucket names, rule text, file paths): nothing in it can become markup or HTML. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/[\\`*_[\]<>&|#~]/g, (char) => `\\${char}`);
}

function tableLines(table: Table): string[] {
  const align = table.numeric.map((numeric) => (numeric ? "--:" : ":--"));
  const line = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(" | ")} |`;
  return [
    `## ${escapeMarkdown(table.title)}`,
    "",
    escapeMarkdown(table.caption),
    "",
    line(table.headers),
    `|${align.join("|")}|`,
    ...table.rows.map(line),
    "",
  ];
}

/** The outcome report as Markdown: the notes, then every table of the HTML report (no charts). */
export function renderReportMarkdown(report: OutcomeReport): string {
  const version = report.ruleset.version === null ? "" : ` v${report.ruleset.version}`;
  const lines = [
    `# Outcome report: ${escapeMarkdown(report.ruleset.name)}${version}`,
    "",
    `Outcome \`${escapeMarkdown(report.population.outcome.field)}\` of ${report.population.measured} leads from ${escapeMarkdown(report.population.source)}.`,
    "",
  ];
  if (report.notes.length > 0) lines.push(...report.notes.map((note) => `> ${escapeMarkdown(note)}`), "");
  for (const table of reportTables(report)) lines.push(...tableLines(table));
  return `${lines.join("\n").trimEnd()}\n`;
}
