import { Option, type Command } from "commander";
import { addHistoryOptions } from "./history-options.js";
import { REPORT_FORMATS } from "./choices.js";
import type { ReportOptions } from "./report-action.js";
import type { RegisterCommand } from "./register.js";

const HELP = `
Scores historical leads and measures the rules against what happened to them (--outcome names the yes/no
column: 1/0, yes/no, true/false, won/lost): conversion by bucket and grade with 95% intervals and lift,
a grade heatmap, the score distribution of converters and the others, ROC curve with AUC, KS, gains and
lift by decile, what each routing bucket sends to its team, a sweep of each score threshold, and how each
rule fires and converts.

--format html (one self-contained file: inline SVG charts, no script, nothing fetched), json (every
number) or markdown; by default the --out extension decides (.html, .json, .md), else markdown.

Time: --as-of scores every lead as of one instant; --as-of-field created_at --offset 7d scores each lead
as of its own created_at plus 7 days, so outcomes and late events cannot leak into the score.

Leads whose outcome is missing or unreadable are counted and left out of every measure; a population in
which nobody (or everybody) converted still gives a report, which says so.

Exit codes: 0 the report was written, 1 the rules have errors, 2 bad usage, an unreadable file, or an
outcome column that no lead has.`;

export const registerReport: RegisterCommand = (program: Command, io, setExitCode) => {
  addHistoryOptions(
    program
      .command("report")
      .description("Measure the rules against historical outcomes: conversion, AUC, lift, per-rule stats.")
      .option("--rules <dir|artifact.json>", "rule directory or compiled artifact", "rules"),
  )
    .addOption(new Option("--format <format>", "report format").choices(REPORT_FORMATS))
    .option("-o, --out <file>", "write the report here instead of stdout")
    .option("--rejects <file>", "write every rejected record here (NDJSON)")
    .addHelpText("after", HELP)
    .action(async (options: ReportOptions) => {
      const { runReport } = await import("./report-action.js");
      await runReport(io, options, setExitCode);
    });
};
