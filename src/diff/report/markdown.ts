/**
 * The impact report as a pull-request comment (GitHub-flavoured markdown).
 *
 * It starts with a marker line so that CI can find and update its own comment instead of adding a new
 * one on every push. The summary comes first (what a reviewer needs to approve), then the rule changes,
 * then the details in collapsed blocks. The comment stays under a size limit (GitHub refuses comments
 * over 65,536 characters): when the full report is longer, the long sections are shortened step by step,
 * each with a note saying how many entries were left out and where the full report is.
 */
import type { DiffReport, MovedLead, RejectedRecord } from "./model.js";
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
  signed,
  signedCount,
  whereText,
} from "./format.js";
import { code, text as escapeText } from "./markup.js";
import { doubledLoads } from "../routing.js";
import { DocumentBuilder, documentText, type DocumentPart } from "./document.js";
import {
  conversionText,
  measuredText,
  OUTCOME_METHOD,
  teamText,
  unreadableTexts,
  verdictText,
  type Marks,
} from "./outcome-wording.js";

/** The first line of every report: lets CI find the comment it wrote before ("sticky" comments). */
export const DIFF_COMMENT_MARKER = "<!-- leadscore-diff -->";

export const DEFAULT_MAX_CHARS = 60_000;
export const DEFAULT_MAX_LEAD_ROWS = 200;

export interface MarkdownOptions {
  /** Size limit of the comment in characters (default 60,000); Infinity for a full report. */
  maxChars?: number;
  /** Rows of the moved-leads table before "…and N more" (default 200). */
  maxLeadRows?: number;
  /** The file the full report is written to (`--full-report`), named in the notes on shortened sections. */
  fullReport?: string | null;
}

/** How much of each long section one rendering shows. */
interface Limits {
  leads: number;
  changes: number;
  rejects: number;
  /** Reasons listed per moved lead. */
  because: number;
  /** Longest rule text or reason shown, in characters. */
  text: number;
}

const UNLIMITED: Limits = {
  leads: Infinity,
  changes: Infinity,
  rejects: Infinity,
  because: Infinity,
  text: Infinity,
};

/** Shorter and shorter renderings, tried in order until one fits the size limit. */
function shorteningSteps(maxLeadRows: number): Limits[] {
  return [
    { leads: maxLeadRows, changes: 200, rejects: 50, because: 10, text: 300 },
    { leads: Math.min(maxLeadRows, 100), changes: 100, rejects: 20, because: 6, text: 200 },
    { leads: Math.min(maxLeadRows, 50), changes: 50, rejects: 10, because: 4, text: 160 },
    { leads: Math.min(maxLeadRows, 20), changes: 20, rejects: 5, because: 3, text: 120 },
    { leads: 0, changes: 10, rejects: 0, because: 0, text: 100 },
  ];
}

export function renderDiffMarkdown(report: DiffReport, options: MarkdownOptions = {}): string {
  if (report.changes.length === 0) return sameMeaning(report);
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const fullReport = options.fullReport ?? null;
  if (maxChars === Infinity) return documentText(diffMarkdownDocument(report), report);
  let text = "";
  for (const limits of shorteningSteps(options.maxLeadRows ?? DEFAULT_MAX_LEAD_ROWS)) {
    text = documentText(render(report, limits, fullReport), report);
    if (text.length <= maxChars) return text;
  }
  return cutToSize(text, maxChars, fullReport);
}

/**
 * The full report (nothing shortened) as a document whose moved leads and rejects can stream (see
 * document.ts): what `--full-report` writes.
 */
export function diffMarkdownDocument(report: DiffReport): DocumentPart[] {
  if (report.changes.length === 0) return [{ kind: "lines", lines: [sameMeaning(report).slice(0, -1)] }];
  return render(report, UNLIMITED, null);
}

/**
 * A change nobody can see (comments, formatting, fixtures): one line, so that the pull request's page is
 * not filled with tables that all say "0". It names the fixture files that changed, when they are known.
 */
function sameMeaning(report: DiffReport): string {
  const fixtures =
    report.fixturesChanged === null
      ? ""
      : report.fixturesChanged.length === 0
        ? " No fixture changed."
        : ` Fixtures changed: ${report.fixturesChanged.map((file) => code(file)).join(", ")}.`;
  return (
    `${DIFF_COMMENT_MARKER}\n**${escapeText(report.base.label)}** → **${escapeText(report.head.label)}**: ` +
    `the rules mean the same — no lead can score differently (what changed is comments, formatting or fixtures).` +
    `${fixtures}\n`
  );
}

// ------------------------------------------------------------------------------------------- markup

function shorten(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, Math.max(0, limit - 1))}…`;
}

/** A table cell: its text is already markup (data in it went through `escapeText` or `code`). */
function cell(markup: string): string {
  return markup.replace(/[\r\n]+/g, " ");
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(" | ")} |`;
}

function details(summary: string, body: readonly string[]): string[] {
  const [open, close] = detailsAround(summary);
  return [...open, ...body, ...close];
}

/** The lines before and after a collapsed section's body. */
function detailsAround(summary: string): [string[], string[]] {
  return [
    ["<details>", `<summary>${summary}</summary>`, ""],
    ["", "</details>", ""],
  ];
}

function moreNote(left: number, what: string, fullReport: string | null): string {
  const where =
    fullReport === null
      ? "Run `leadscore diff` with `--full-report <file>` for the complete list."
      : `The full report is in ${code(fullReport)}.`;
  return `_…and ${plural(left, what)} more. ${where}_`;
}

// ------------------------------------------------------------------------------------------ sections

/**
 * The comment with these limits. The moved leads and rejects are listed from the report's lists when
 * limited (the report holds at least the first ones), and as per-item parts when not (a full report).
 */
function render(report: DiffReport, limits: Limits, fullReport: string | null): DocumentPart[] {
  const wrap = (text: string): string => code(shorten(text, limits.text));
  const wrapInCell = (text: string): string => code(shorten(text, limits.text), true);
  const shortened =
    report.summary.moved > limits.leads ||
    report.changes.length > limits.changes ||
    report.population.rejected > limits.rejects;
  const lines = new DocumentBuilder();
  lines.push(DIFF_COMMENT_MARKER, "## Lead scoring impact", "");

  const version = (side: DiffReport["base"]): string =>
    `${code(side.name)}${side.version === null ? "" : ` v${side.version}`}`;
  lines.push(
    `**${escapeText(report.base.label)}** (${version(report.base)}) → **${escapeText(report.head.label)}** (${version(report.head)}) · ` +
      `scored as of ${report.asOf} (${asOfOrigin(report)})` +
      (report.baseAsOf === null ? "" : `; the base as of its own \`as_of\`, ${escapeText(report.baseAsOf)}`) +
      (report.population.sources.some((source) => source.asOf)
        ? "; fixture leads as of their file's `as_of`."
        : "."),
    "",
  );
  if (report.schemasDiffer) lines.push(`> [!CAUTION]\n> ${schemaNote(report)}`, "");
  if (shortened) {
    lines.push(
      `> [!NOTE]\n> This comment is shortened to stay within the size of a pull-request comment. ` +
        (fullReport === null
          ? "Run `leadscore diff --full-report <file>` for the full report."
          : `The full report is in ${code(fullReport)}.`),
      "",
    );
  }

  for (const load of doubledLoads(report.routing.teams)) {
    lines.push(`> [!WARNING]\n> ${escapeText(doubledText(load))}`, "");
  }
  lines.push(...verdictCallout(report));

  const { summary } = report;
  lines.push(
    row(["", "Leads"]),
    "|:--|--:|",
    row(["Scored", count(summary.leads)]),
    row(["Changed bucket", count(summary.changedBucket)]),
    row(["Changed action", count(summary.changedActions)]),
    row(["Changed score", count(summary.changedScore)]),
    row(["Rejected records", count(report.population.rejected)]),
    "",
  );

  lines.push(...routingSection(report));

  lines.push(row(["Bucket", "Before", "After", "Δ"]), "|:--|--:|--:|--:|");
  for (const bucket of report.buckets) {
    const delta = bucket.delta === 0 ? "0" : `**${signedCount(bucket.delta)}**`;
    lines.push(row([escapeText(bucket.bucket), count(bucket.before), count(bucket.after), delta]));
  }
  lines.push("");
  lines.push(...outcomeSection(report));

  lines.push(`### Rule changes (${count(report.changes.length)})`, "");
  if (report.changes.length === 0) lines.push("None: the two rulesets mean the same.");
  for (const change of report.changes.slice(0, limits.changes)) {
    const where = whereText(change);
    const line = changeLine(change, wrap);
    lines.push(
      `- ${line[0]!.toUpperCase()}${line.slice(1)} — ${[where ? code(where) : "", impactText(change)].filter(Boolean).join(" · ")}`,
    );
  }
  if (report.changes.length > limits.changes) {
    lines.push("", moreNote(report.changes.length - limits.changes, "change", fullReport));
  }
  lines.push("");
  lines.push(...usageWarning(report, limits.changes, wrap));

  lines.push(...transitionSection(report));
  movedSection(lines, report, limits, wrapInCell, fullReport);
  lines.push(...deltaSection(report));
  populationSection(lines, report, limits, fullReport);
  const tail = lines.tail;
  while (tail[tail.length - 1] === "") tail.pop();
  // The footnote: how the "Because" column is decided, so a reviewer can weigh it.
  if (report.summary.moved > 0) lines.push("", `<sub>${CAUSE_METHOD}</sub>`);
  if (report.outcomes !== null) lines.push("", `<sub>${OUTCOME_METHOD}</sub>`);
  return lines.finish();
}

const MARKS: Marks = { name: (name) => code(name), strong: (text) => `**${text}**` };

/** The verdict on outcomes, at the top: a worse ranking must stand out like a doubled load. */
function verdictCallout(report: DiffReport): string[] {
  const outcomes = report.outcomes;
  if (outcomes === null) return [];
  const kind = outcomes.verdict === "worse" ? "WARNING" : outcomes.verdict === "better" ? "TIP" : "NOTE";
  return [`> [!${kind}]\n> ${verdictText(outcomes, MARKS)}`, ""];
}

/** Conversion per bucket before → after, and what each team gains and loses, on the known outcomes. */
function outcomeSection(report: DiffReport): string[] {
  const outcomes = report.outcomes;
  if (outcomes === null) return [];
  const lines = ["#### Outcomes", "", measuredText(outcomes, MARKS), ""];
  const unreadable = unreadableTexts(report.population.sources, MARKS);
  if (unreadable.length > 0) lines.push(...unreadable.map((line) => `- ${line}`), "");
  if (outcomes.leads === 0) return lines;
  lines.push(row(["Bucket", "Converted before", "Converted after"]), "|:--|--:|--:|");
  for (const bucket of outcomes.buckets) {
    lines.push(row([escapeText(bucket.bucket), conversionText(bucket.before), conversionText(bucket.after)]));
  }
  lines.push("");
  for (const team of outcomes.teams) lines.push(`- ${teamText(team, MARKS)}`);
  if (outcomes.teams.length > 0) lines.push("");
  return lines;
}

/**
 * What the change brings that no lead matches, above the moves it explains: a value no lead has (a typo
 * like `"Lead Add From"`) makes its rule fire for nobody, and the leads it was meant for move silently.
 */
function usageWarning(report: DiffReport, limit: number, wrap: (text: string) => string): string[] {
  const { usage } = report;
  if (usage === undefined) return [];
  const lines = ["> [!WARNING]"];
  const { unseenValues, neverFired } = usage;
  if (unseenValues.length > 0) {
    lines.push(
      `> **This change compares with values no lead of the population has** (${count(unseenValues.length)}):`,
    );
    for (const unseen of unseenValues.slice(0, limit)) {
      const subject = unseen.scope === "event" ? `event property ${unseen.field}` : unseen.field;
      const from = unseen.list === null ? "" : ` (list ${code(unseen.list)})`;
      const hint =
        unseen.suggestion === null ? "" : `: did you mean ${wrap(JSON.stringify(unseen.suggestion))}?`;
      lines.push(
        `> - ${code(subject)} ${wrap(JSON.stringify(unseen.value))}${from} at ${code(unseen.at[0]!)}${hint}`,
      );
    }
    if (unseenValues.length > limit) lines.push(`> - … ${count(unseenValues.length - limit)} more`);
  }
  if (neverFired.length > 0) {
    if (unseenValues.length > 0) lines.push(">");
    lines.push(`> **Rules of this change that fire for no lead** (${count(neverFired.length)}):`);
    for (const rule of neverFired.slice(0, limit)) lines.push(`> - ${wrap(rule.rule)} at ${code(rule.at)}`);
    if (neverFired.length > limit) lines.push(`> - … ${count(neverFired.length - limit)} more`);
  }
  lines.push("");
  return lines;
}

/** The two sides declare different lead schemas: what that means for the comparison. */
function schemaNote(report: DiffReport): string {
  const refused = report.population.refusedByOneSide;
  return report.summary.leads === 0
    ? "The two sides cannot be compared on leads: their lead schemas differ and no lead is valid under both."
    : `The two sides declare different lead schemas: a lead is compared only when both accept it ` +
        `(${plural(refused, "record")} refused by one side only, listed under Population).`;
}

/** Per routed team: leads routed before → after, per SLA, and per day when the population's span is known. */
function routingSection(report: DiffReport): string[] {
  const { teams, span } = report.routing;
  if (teams.length === 0) return [];
  const lines = ["#### Routing load", ""];
  if (span !== null) {
    lines.push(
      `Per day: over the ${plural(span.days, "day")} from ${span.from} to ${span.to} in which the leads were created (\`${span.field}\`).`,
      "",
    );
  }
  const headers = ["Team", "SLA", "Before", "After", "Δ", ...(span === null ? [] : ["Per day"])];
  lines.push(row(headers), `|:--|:--|--:|--:|--:|${span === null ? "" : "--:|"}`);
  for (const load of teams) {
    const slaRows = load.slas.length > 1 ? load.slas : [];
    const total = [
      `**${escapeText(load.team)}**`,
      load.slas.length === 1 ? slaText(load.slas[0]!.within) : "all",
      count(load.before),
      count(load.after),
      deltaText(load.after - load.before),
      ...(load.perDay === null ? [] : [`${load.perDay.before} → ${load.perDay.after}`]),
    ];
    lines.push(row(total));
    for (const sla of slaRows) {
      lines.push(
        row([
          "",
          slaText(sla.within),
          count(sla.before),
          count(sla.after),
          deltaText(sla.after - sla.before),
          ...(span === null ? [] : [""]),
        ]),
      );
    }
  }
  lines.push("");
  return lines;
}

function slaText(within: string | null): string {
  return within === null ? "no SLA" : `within ${escapeText(within)}`;
}

function deltaText(delta: number): string {
  return delta === 0 ? "0" : `**${signedCount(delta)}**`;
}

function transitionSection(report: DiffReport): string[] {
  const { labels, counts } = report.transitions;
  if (labels.length === 0) return [];
  const body = [
    "Rows: bucket before the change; columns: bucket after it. The diagonal is the leads that stayed.",
    "",
    row(["before ↓ · after →", ...labels.map(escapeText)]),
    `|:--|${labels.map(() => "--:").join("|")}|`,
    ...labels.map((label, r) =>
      row([
        `**${escapeText(label)}**`,
        ...counts[r]!.map((n, c) => (n === 0 ? "·" : r === c ? count(n) : `**${count(n)}**`)),
      ]),
    ),
  ];
  return details("Transition matrix", body);
}

function bucketMove(lead: MovedLead): string {
  if (!lead.bucketChanged) return escapeText(lead.after.bucket);
  return `${escapeText(lead.before.bucket)} → **${escapeText(lead.after.bucket)}**`;
}

function movedSection(
  lines: DocumentBuilder,
  report: DiffReport,
  limits: Limits,
  wrap: (text: string) => string,
  fullReport: string | null,
): void {
  const total = report.summary.moved;
  const title = `Leads that moved (${count(total)})`;
  if (total === 0) {
    lines.push(...details(title, ["No lead changed bucket or action."]));
    return;
  }
  const leadRow = (lead: MovedLead): string[] => {
    const parts = becauseParts(report, lead, wrap);
    const because = parts.slice(0, limits.because);
    if (parts.length > limits.because) because.push(`…and ${count(parts.length - limits.because)} more`);
    return [
      row([
        escapeText(shorten(lead.id ?? "(no id)", limits.text)),
        bucketMove(lead),
        `${scoreText(lead.before.score)} → ${scoreText(lead.after.score)}`,
        lead.actionsChanged
          ? `${escapeText(actionsText(lead.before.actions))} → ${escapeText(actionsText(lead.after.actions))}`
          : "same",
        because.join("<br>"),
      ]),
    ];
  };
  const [open, close] = detailsAround(title);
  lines.push(...open);
  const shown = Math.min(total, limits.leads);
  if (shown > 0) {
    lines.push(row(["Lead", "Bucket", "Score", "Action", "Because"]), "|:--|:--|--:|:--|:--|");
    if (limits.leads === Infinity) lines.eachMoved(leadRow);
    else for (const lead of report.moved.slice(0, shown)) lines.push(...leadRow(lead));
  }
  if (total > shown) lines.push("", moreNote(total - shown, "lead", fullReport));
  lines.push(...close);
}

function deltaSection(report: DiffReport): string[] {
  const deltas = report.scoreDeltas;
  const spread =
    deltas.compared === 0
      ? "No lead has a score on both sides."
      : `${count(deltas.up)} up, ${count(deltas.down)} down, ${count(deltas.unchanged)} unchanged · ` +
        `min ${signed(deltas.min!)}, median ${signed(deltas.median!)}, max ${signed(deltas.max!)}`;
  const widest = Math.max(1, ...deltas.bands.map((band) => band.count));
  const body = [
    spread,
    "",
    row(["Change", "Leads", ""]),
    "|:--|--:|:--|",
    ...deltas.bands.map((band) =>
      row([
        band.label,
        count(band.count),
        band.count === 0 ? "" : "█".repeat(Math.ceil((band.count / widest) * 20)),
      ]),
    ),
  ];
  return details("Score changes", body);
}

function populationSection(
  lines: DocumentBuilder,
  report: DiffReport,
  limits: Limits,
  fullReport: string | null,
): void {
  const { population } = report;
  const rejected = population.rejected === 0 ? "" : `, ${count(population.rejected)} rejected`;
  const [open, close] = detailsAround(
    `Population (${plural(report.summary.leads, "lead")} scored${rejected})`,
  );
  lines.push(...open);
  if (population.sources.length === 0) lines.push("No fixture leads and no population files.");
  else {
    lines.push(row(["Source", "Records", "Used", "Rejected"]), "|:--|--:|--:|--:|");
    for (const source of population.sources) {
      const name = `${code(source.source, true)}${source.asOf ? ` (as of ${escapeText(source.asOf)})` : ""}`;
      lines.push(row([name, count(source.read), count(source.accepted), count(source.rejected)]));
    }
    const warnings = population.sources.flatMap((source) =>
      (source.warnings ?? []).map(
        (warning) => `- ${code(source.source)}: ${escapeText(shorten(warning, limits.text))}`,
      ),
    );
    if (warnings.length > 0) lines.push("", "Warnings:", "", ...warnings);
  }
  if (population.rejected > 0) {
    lines.push("", "Rejected records (not scored on either side):", "");
    const item = (reject: RejectedRecord): string[] => [
      `- ${code(reject.source)}: ${escapeText(shorten(reject.reason, limits.text))}`,
    ];
    if (limits.rejects === Infinity) lines.eachReject(item);
    else for (const reject of population.rejects.slice(0, limits.rejects)) lines.push(...item(reject));
    if (population.rejected > limits.rejects) {
      lines.push("", moreNote(population.rejected - limits.rejects, "rejected record", fullReport));
    }
  }
  lines.push(...close);
}

/** Last resort when even the shortest rendering is too long (huge names): cut, close, and say so. */
function cutToSize(text: string, maxChars: number, fullReport: string | null): string {
  const note = `\n\n_The rest of this report is cut to fit the size of a comment. ${
    fullReport === null
      ? "Run `leadscore diff --full-report <file>` for the full report."
      : `The full report is in ${code(fullReport)}.`
  }_\n`;
  let kept = text.slice(0, Math.max(0, maxChars - note.length - 40));
  kept = kept.slice(0, kept.lastIndexOf("\n") + 1);
  const open = (kept.match(/<details>/g) ?? []).length - (kept.match(/<\/details>/g) ?? []).length;
  return `${kept}${"\n</details>".repeat(Math.max(0, open))}${note}`;
}
