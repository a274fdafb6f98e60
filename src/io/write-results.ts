import { DECISION_KEYS, type Contribution, type ResultAction, type ScoreResult } from "../eval/result.js";

export type ResultFormat = "ndjson" | "csv";

export const RESULT_FORMATS: readonly ResultFormat[] = ["ndjson", "csv"];

export const CSV_COLUMNS = ["id", ...DECISION_KEYS, "top_reasons"] as const;

/** How many contributions the CSV `top_reasons` column shows. */
const TOP_REASONS = 3;

/**
 * What changed since the previous run (`score --previous`), added to each result: the outcome the lead
 * had (null for a new lead), the bucket it entered and left (null when it stayed), the score's change,
 * when its routing is due (the run's as-of time + the SLA; null unless the lead just got that routing),
 * and whether the previous result came from other rules.
 */
export interface ResultChange {
  from: string | null;
  entered: string | null;
  left: string | null;
  scoreDelta: number | null;
  due: string | null;
  rulesChanged: boolean;
}

/** The CSV columns `--previous` adds after the result's own. */
export const CSV_CHANGE_COLUMNS = [
  "previous_bucket",
  "entered",
  "left",
  "score_delta",
  "due",
  "rules_changed",
] as const;

/** Writes results one per line: the result's JSON (its keys have a fixed order), or a CSV row. */
export interface ResultFormatter {
  /** The first line of the output, if the format has one. */
  header: string | null;
  line(result: ScoreResult, change?: ResultChange): string;
}

export function resultFormatter(
  format: ResultFormat,
  options: { withChange?: boolean } = {},
): ResultFormatter {
  if (format === "ndjson") {
    return {
      header: null,
      line: (result, change) => `${JSON.stringify(change === undefined ? result : { ...result, change })}\n`,
    };
  }
  const columns = options.withChange ? [...CSV_COLUMNS, ...CSV_CHANGE_COLUMNS] : CSV_COLUMNS;
  return {
    header: `${columns.join(",")}\n`,
    line: (result, change) =>
      `${[
        safeText(result.id ?? ""),
        result.model ?? "",
        numberText(result.fit),
        numberText(result.engagement),
        numberText(result.score),
        result.grade ?? "",
        result.bucket ?? "",
        safeText(result.excluded ?? ""),
        result.actions.map(describeAction).join("; "),
        topReasons(result.contributions),
        ...(change === undefined ? [] : changeCells(change)),
      ]
        .map(csvField)
        .join(",")}\n`,
  };
}

/** Labels from a previous file are data: guarded like the lead's own text. */
function changeCells(change: ResultChange): string[] {
  return [
    safeText(change.from ?? ""),
    safeText(change.entered ?? ""),
    safeText(change.left ?? ""),
    change.scoreDelta === null ? "" : String(change.scoreDelta),
    change.due ?? "",
    change.rulesChanged ? "true" : "false",
  ];
}

/** Actions as the rules write them: `route sales within 4h say "Offer a product demo"`. */
export function describeAction(action: ResultAction): string {
  if ("route" in action) {
    let text = `route ${action.route}`;
    if (action.within !== undefined) text += ` within ${action.within}`;
    if (action.say !== undefined) text += ` say ${JSON.stringify(action.say)}`;
    return text;
  }
  if ("nurture" in action) return `nurture ${JSON.stringify(action.nurture)}`;
  return "disqualify";
}

/**
 * The contributions that moved the score most, largest first (ties in rule order), each as its condition
 * and points: `event = demo_request (+50); title in [CEO, CTO, CFO, COO] (+30)`. Points come last so that
 * no cell starts with `+` or `-`, which spreadsheets would read as a formula.
 */
export function topReasons(contributions: readonly Contribution[]): string {
  return contributions
    .map((contribution, order) => ({ contribution, order }))
    .filter(({ contribution }) => contribution.points !== 0)
    .sort((a, b) => Math.abs(b.contribution.points) - Math.abs(a.contribution.points) || a.order - b.order)
    .slice(0, TOP_REASONS)
    .map(({ contribution }) => `${conditionOf(contribution.rule)} (${signed(contribution.points)})`)
    .join("; ");
}

/** `when title in [CEO] add 30` → `title in [CEO]`; other texts are kept whole. */
function conditionOf(rule: string): string {
  const match = /^when (.+?) (?:add|subtract) -?\d/.exec(rule);
  return match?.[1] ?? rule;
}

function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

function numberText(value: number | null): string {
  return value === null ? "" : String(value);
}

/** RFC 4180: quote a field that holds a comma, quote or line break (or edge spaces, which readers trim). */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Lead ids come from lead data, which is untrusted: a cell starting with `=`, `+`, `-`, `@` or a control
 * character would run as a formula when a salesperson opens the file in a spreadsheet. Such text gets a
 * leading `'`, which spreadsheets show as text. (Numbers are written as numbers and never guarded.)
 */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
