/**
 * Wording shared by the text and markdown reports, so that both say the same thing in the same words.
 * `wrap` marks up rule text (a code span in markdown, nothing on a terminal).
 */
import type { ChangeDetail, RuleChange as FullRuleChange } from "../rules.js";
import type { DoubledLoad } from "../routing.js";
import type { DiffReport, ImpactedChange, MovedLead, RuleDelta } from "./model.js";

/** A change as the report holds it (without the identity key used while comparing). */
type RuleChange = Omit<FullRuleChange, "key">;

export type Wrap = (text: string) => string;

export const plain: Wrap = (text) => text;

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

/** A count as the report prints it: `12,345`. */
export function count(value: number): string {
  return value.toLocaleString("en-US");
}

/** A signed difference of points: `+3`, `-2.5`, `0` (every digit kept: points are not rounded for display). */
export function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

/** A signed difference of counts, grouped like `count`: `+1,340`, `-12`, `0`. */
export function signedCount(value: number): string {
  return value > 0 ? `+${count(value)}` : count(value);
}

export function scoreText(score: number | null): string {
  return score === null ? "none" : String(score);
}

/** `+50 → +60`; a side without the rule reads 0 (it gave no points there). */
export function pointsChange(delta: RuleDelta): string {
  return `${signed(delta.before ?? 0)} → ${signed(delta.after ?? 0)}`;
}

const VERBS = { added: "added", removed: "removed", changed: "changed" } as const;

export function verbOf(change: RuleChange): string {
  return VERBS[change.change];
}

function scopeSuffix(model: string | null, wrap: Wrap): string {
  return model === null ? "" : ` (model ${wrap(model)})`;
}

/** What the change is about, without the verb: `rule in enterprise engagement`, `bucket MQL`. */
export function changeSubject(change: RuleChange, wrap: Wrap = plain): string {
  switch (change.subject) {
    case "rule":
      return `rule in ${wrap(change.model ?? "")} ${change.section ?? ""}`;
    case "bucket":
      return `bucket ${wrap(change.name)}${scopeSuffix(change.model, wrap)}`;
    case "bucket-order":
      return `bucket order${scopeSuffix(change.model, wrap)}`;
    case "model":
      return `model ${wrap(change.name)}`;
    case "model-order":
      return "model order";
    case "decay":
      return `decay${scopeSuffix(change.model, wrap)}`;
    case "clamp":
      return change.model === null ? "clamp" : `clamp${scopeSuffix(change.model, wrap)}`;
    case "exclusion":
      return `exclusion ${wrap(JSON.stringify(change.name))}`;
    case "exclusion-order":
      return "exclusion order";
    case "grade":
      return `${change.name} grade`;
    case "list":
      return `list ${wrap(change.name)}`;
    case "lead-field":
      return `lead field ${wrap(change.name)}`;
    case "event":
      return `event ${wrap(change.name)}`;
    case "config":
      return `configuration ${wrap(change.name)}`;
  }
}

/** The construct's text to show with the change: a rule's text, an added or removed declaration. */
export function changeText(change: RuleChange): string | null {
  if (change.subject === "rule") return change.after ?? change.before;
  if (change.change === "added") return change.after;
  if (change.change === "removed") return change.before;
  return null;
}

export function detailText(detail: ChangeDetail, wrap: Wrap = plain): string {
  if (detail.before === null && detail.what === "added") return `added ${wrap(detail.after ?? "")}`;
  if (detail.after === null && detail.what === "removed") return `removed ${wrap(detail.before ?? "")}`;
  const before = detail.before === null ? "none" : wrap(detail.before);
  const after = detail.after === null ? "none" : wrap(detail.after);
  return detail.what === "" ? `${before} → ${after}` : `${detail.what} ${before} → ${after}`;
}

/** `changed bucket MQL: condition >= 100 → >= 90` — one line per change. */
export function changeLine(change: RuleChange, wrap: Wrap = plain): string {
  const text = changeText(change);
  const details = change.details.map((detail) => detailText(detail, wrap)).join("; ");
  const parts = [`${verbOf(change)} ${changeSubject(change, wrap)}`];
  const body = [text === null ? "" : wrap(text), details].filter((part) => part !== "").join(" — ");
  return body === "" ? parts[0]! : `${parts[0]}: ${body}`;
}

/** How many leads the change touched: `3 leads scored differently, 1 moved`. */
export function impactText(change: ImpactedChange): string {
  if (change.subject === "config") return "each side read and scored with its own configuration";
  if (change.leads !== null) {
    if (change.leads === 0) return "no lead scored differently";
    return `${plural(change.leads, "lead")} scored differently, ${count(change.moved)} moved`;
  }
  return change.moved === 0 ? "no lead moved" : `${plural(change.moved, "lead")} moved`;
}

export function whereText(change: RuleChange): string | null {
  return change.loc === null ? null : `${change.loc.file}:${change.loc.line}`;
}

/** The first line of the method note: how causes are found (the reports state it under the moved leads). */
export const CAUSE_METHOD =
  "A change is named as a cause of a lead's move only if undoing that change alone, with every other " +
  "change kept, gives the lead another bucket or other actions (each cause is re-scored to check).";

export const UNDECIDED = "no single change decides this move: undoing any one of them alone still moves it";

/** Why a lead moved: each change that caused it — a rule with the points it gave before and after. */
export function becauseParts(report: DiffReport, lead: MovedLead, wrap: Wrap = plain): string[] {
  if (lead.undecided) return [UNDECIDED];
  return lead.causes.flatMap((index) => {
    const change = report.changes[index];
    if (change === undefined) return [];
    const delta = lead.rules.find((rule) => rule.change === index);
    return [delta === undefined ? changeLine(change, wrap) : `${wrap(delta.rule)}: ${pointsChange(delta)}`];
  });
}

export function actionsText(actions: readonly string[]): string {
  return actions.length === 0 ? "no action" : actions.join(", ");
}

export function asOfOrigin(report: DiffReport): string {
  switch (report.asOfSource) {
    case "option":
      return "from --as-of";
    case "config":
      return "from `as_of` in leadscore.yaml";
    case "now":
      return "now: no --as-of and no `as_of` in leadscore.yaml";
    case "given":
      return "as given";
  }
}

export function sideText(side: DiffReport["base"]): string {
  const version = side.version === null ? "" : ` v${side.version}`;
  return `${side.label} (${side.name}${version})`;
}

/** The call-out for a team whose load within an SLA at least doubles. */
export function doubledText(load: DoubledLoad): string {
  const times =
    load.before === 0
      ? "leads it had none of"
      : `${Math.floor((load.after / load.before) * 10) / 10}× its load`;
  const sla = load.within === null ? "with no SLA" : `within ${load.within}`;
  return `Team ${load.team} gets ${times} ${sla}: ${plural(load.before, "lead")} routed before, ${count(load.after)} after.`;
}
