import { buildReport } from "../../report/build-report.js";
import { OutcomeCollector } from "../../report/outcome-collector.js";
import { renderReportHtml } from "../../report/render/html.js";
import { renderReportMarkdown } from "../../report/render/markdown.js";
import type { RejectLine } from "../../batch/score-file.js";
import type { CommandIO } from "../io.js";
import type { ReportFormat } from "./choices.js";
import { refuseOutputsOverInputs, ruleInputFiles, writeOutputFile } from "../output-files.js";
import { scoreHistory, type HistoryOptions } from "./history-input.js";
import { terminalProgress } from "../progress-bar.js";

export interface ReportOptions extends HistoryOptions {
  format?: ReportFormat;
  out?: string;
  rejects?: string;
}

/** `leadscore report`: loaded only when the command runs (see report.ts). */
export async function runReport(
  io: CommandIO,
  options: ReportOptions,
  setExitCode: (code: number) => void,
): Promise<void> {
  const format = options.format ?? formatOf(options.out);
  await refuseOutputsOverInputs(
    io,
    [
      ["--out", options.out],
      ["--rejects", options.rejects],
    ],
    [options.leads, options.events, ...(await ruleInputFiles(io, options.rules))],
  );
  let collector: OutcomeCollector | null = null;
  const rejects: RejectLine[] = [];
  const history = await scoreHistory(
    io,
    options,
    setExitCode,
    (result, outcome) => collector!.add(result, outcome),
    (reject) => {
      if (options.rejects !== undefined) rejects.push(reject);
    },
    (artifact, outcome) => {
      collector = new OutcomeCollector(outcome, artifact);
    },
  );
  if (history === null || collector === null) return;
  const { leads } = history.summary;
  const progress = terminalProgress(io);
  progress?.start("building the report", null, "leads");
  const report = buildReport({
    artifact: history.artifact,
    collector,
    asOf: history.asOf,
    population: { source: leads.source, read: leads.read, scored: leads.scored, rejected: leads.rejected },
  });
  const text =
    format === "json"
      ? `${JSON.stringify(report, null, 2)}\n`
      : format === "html"
        ? await renderReportHtml(report)
        : renderReportMarkdown(report);
  progress?.clear();
  if (options.out === undefined) io.stdout(text);
  else await writeOutputFile(io, options.out, text);
  if (options.rejects !== undefined)
    await writeOutputFile(io, options.rejects, rejects.map((r) => `${JSON.stringify(r)}\n`).join(""));
  const p = report.population;
  io.stderr(
    `${p.read} leads read from ${p.source}: ${p.scored} scored, ${p.rejected} rejected; ${p.measured} measured against \`${p.outcome.field}\`, ${p.converted} converted` +
      `${report.ranking.auc === null ? "" : `; AUC ${report.ranking.auc.toFixed(4)}`}` +
      `${options.out === undefined ? "" : `; report written to ${options.out}`}\n`,
  );
  for (const note of report.notes) io.stderr(`  ${note}\n`);
}

function formatOf(out: string | undefined): ReportFormat {
  const lower = out?.toLowerCase() ?? "";
  if (lower.endsWith(".html") || lower.endsWith(".htm")) return "html";
  if (lower.endsWith(".json")) return "json";
  return "markdown";
}
