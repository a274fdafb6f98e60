/**
 * How the text and markdown reports word the outcome measures (OutcomeDiff), so that both say the same
 * thing in the same words. `name` marks up data (a team, a column: escaped in markdown), `strong` marks
 * what a reviewer must not miss (bold in markdown, nothing on a terminal).
 */
import { formatPercent } from "../../report/numbers.js";
import { count, plural } from "./format.js";
import type { ConversionCell, OutcomeDiff, OutcomeTeamRow, PopulationSourceSummary } from "./model.js";

export interface Marks {
  name: (text: string) => string;
  strong: (text: string) => string;
}

export const PLAIN_MARKS: Marks = { name: (text) => text, strong: (text) => text };

/** How the numbers are computed: stated under the outcome section, so a reviewer can weigh them. */
export const OUTCOME_METHOD =
  "Conversion: leads with a known outcome that converted, with the 95% Wilson interval. AUC: the chance " +
  "that a lead that converted scores higher than one that did not (ties count half), over the leads " +
  "scored on both sides; the change is tested with DeLong's method for two rankings of the same leads " +
  "(computed from the counts of leads per score pair; a 95% interval on the difference). The verdict " +
  "is better or worse only when that interval excludes 0.";

/** `31.4% (20.1–45.2%)`; `-` without leads. */
export function rateText(cell: ConversionCell): string {
  if (cell.rate === null || cell.interval === null) return "-";
  return `${formatPercent(cell.rate)} (${formatPercent(cell.interval.low)}–${formatPercent(cell.interval.high)})`;
}

/** `854 of 904 · 94.5% (92.8–95.8%)`; `none` without leads. */
export function conversionText(cell: ConversionCell): string {
  if (cell.leads === 0) return "none";
  return `${count(cell.converted)} of ${count(cell.leads)} · ${rateText(cell)}`;
}

/** A difference of AUCs or its bounds: `+0.0063`, `-0.0060`, `0.0000`. */
export function signedFraction(value: number): string {
  return value > 0 ? `+${value.toFixed(4)}` : value.toFixed(4);
}

/** The one-line verdict: `Ranks converters worse: AUC 0.8820 → 0.8760 (-0.0060; 95% interval …)`. */
export function verdictText(outcomes: OutcomeDiff, marks: Marks = PLAIN_MARKS): string {
  const { ranking } = outcomes;
  const on = `on ${plural(ranking.leads, "lead")} with a known ${columnsText(outcomes, marks)}`;
  if (ranking.before === null || ranking.after === null || ranking.interval === null) {
    return `Ranking not measurable ${on}: ${notMeasurableReason(outcomes)}.`;
  }
  const measured =
    `AUC ${ranking.before.toFixed(4)} → ${ranking.after.toFixed(4)} ` +
    `(${signedFraction(ranking.difference!)}; 95% interval ${signedFraction(ranking.interval.low)} to ` +
    `${signedFraction(ranking.interval.high)}) ${on}`;
  if (ranking.rescored === 0) {
    return `${marks.strong("Same scores")}: no lead scores differently ${on}, so the AUC stays ${ranking.before.toFixed(4)}; what changes is where leads go — see conversion per bucket and team.`;
  }
  switch (outcomes.verdict) {
    case "better":
      return `${marks.strong("Better")}: the change ranks converters higher — ${measured}.`;
    case "worse":
      return `${marks.strong("Worse")}: the change ranks converters lower — ${measured}.`;
    default:
      return `${marks.strong("No measurable difference")} in how the change ranks converters — ${measured}; the interval contains 0.`;
  }
}

function notMeasurableReason(outcomes: OutcomeDiff): string {
  const { leads, converted } = outcomes.ranking;
  if (leads === 0) return "no lead with a known outcome has a score on both sides";
  if (converted === 0) return "none of them converted";
  if (converted === leads) return "all of them converted";
  return "it takes at least two leads that converted and two that did not";
}

/** `` `Converted` `` or `` `Converted` / `Stage` `` (several files may name different columns). */
export function columnsText(outcomes: OutcomeDiff, marks: Marks = PLAIN_MARKS): string {
  if (outcomes.columns.length === 0) return "outcome";
  const columns = outcomes.columns.map((column) => marks.name(column)).join(" / ");
  return `outcome (${columns})`;
}

/** Who is measured and who is left out, in one sentence. */
export function measuredText(outcomes: OutcomeDiff, marks: Marks = PLAIN_MARKS): string {
  const rate = outcomes.leads === 0 ? "" : ` (${formatPercent(outcomes.converted / outcomes.leads)})`;
  const left =
    outcomes.unknown === 0
      ? ""
      : `; ${plural(outcomes.unknown, "lead")} whose outcome is missing or unreadable ${outcomes.unknown === 1 ? "is" : "are"} left out`;
  const unranked = outcomes.leads - outcomes.ranking.leads;
  const notRanked =
    unranked === 0
      ? ""
      : `; ${plural(unranked, "lead")} without a score on one side ${unranked === 1 ? "is" : "are"} left out of the AUC`;
  return `Measured on ${plural(outcomes.leads, "lead")} with a known ${columnsText(outcomes, marks)}: ${count(outcomes.converted)} converted${rate}${left}${notRanked}.`;
}

/** "This change sends 51 more leads to sales, of which 31.4% (…) converted, and 9 fewer, …". */
export function teamText(row: OutcomeTeamRow, marks: Marks = PLAIN_MARKS): string {
  const team = marks.name(row.team);
  const rates = `the team's leads convert at ${rateText(row.before)} before, ${rateText(row.after)} after`;
  if (row.added.leads === 0 && row.removed.leads === 0) {
    return `${team} gets the same ${plural(row.after.leads, "lead")}, converting at ${rateText(row.after)}.`;
  }
  const parts: string[] = [];
  if (row.added.leads > 0)
    parts.push(
      `${marks.strong(`${count(row.added.leads)} more ${row.added.leads === 1 ? "lead" : "leads"}`)} to ${team}, of which ${rateText(row.added)} converted`,
    );
  if (row.removed.leads > 0)
    parts.push(
      `${parts.length === 0 ? `${marks.strong(`${count(row.removed.leads)} fewer ${row.removed.leads === 1 ? "lead" : "leads"}`)} to ${team}` : marks.strong(`${count(row.removed.leads)} fewer`)}, of which ${rateText(row.removed)} converted`,
    );
  return `This change sends ${parts.join(", and ")}: ${rates}.`;
}

/**
 * The outcome values a file has that are neither converted nor not converted, so they can be configured
 * (`outcome: {column, converted, not_converted}`) instead of silently lost: one line per such file.
 */
export function unreadableTexts(
  sources: readonly PopulationSourceSummary[],
  marks: Marks = PLAIN_MARKS,
): string[] {
  return sources.flatMap((source) => {
    const outcome = source.outcome;
    if (outcome === undefined || outcome.unreadable === 0) return [];
    const more = outcome.unreadable > outcome.unreadableExamples.length ? ", …" : "";
    return [
      `${marks.name(source.source)}: ${plural(outcome.unreadable, "lead")} with a ${marks.name(outcome.column)} that is neither converted nor not converted (${outcome.unreadableExamples.map((value) => marks.name(value)).join(", ")}${more}); list such values under \`outcome:\` in leadscore.yaml.`,
    ];
  });
}
