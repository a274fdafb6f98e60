import type { Rule } from "../compile/artifact.js";
import type { RuleDecl } from "../syntax/ast.js";
import { parseSource } from "../syntax/parse.js";
import { printRule } from "../syntax/print.js";

/** New points for a rule, found in the sources by the rule's location. */
export interface PointsChange {
  rule: Rule;
  points: number;
}

/**
 * A rule file with new points: only the changed rules' text is replaced, each by the printer's canonical
 * form of the same rule with the new points (and `max` scaled with them, so it caps after the same number
 * of events). Comments, blank lines, order and every other rule stay as written. A rule whose new points
 * are negative says `subtract`. Returns null when the file no longer parses (nothing is rewritten).
 */
export function rewritePoints(path: string, text: string, changes: readonly PointsChange[]): string | null {
  const parsed = parseSource(path, text);
  if (parsed.diagnostics.some((d) => d.severity === "error")) return null;
  const rules = new Map<string, RuleDecl>();
  collectRules(parsed.file, rules);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const { rule, points } of changes) {
    const node = rules.get(`${rule.loc.line}:${rule.loc.column}`);
    if (node === undefined) return null;
    edits.push({
      start: node.span.start.offset,
      end: node.span.end.offset,
      text: printRule(withPoints(node, rule, points)),
    });
  }
  edits.sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

function withPoints(node: RuleDecl, rule: Rule, points: number): RuleDecl {
  const magnitude = Math.abs(points);
  const effect = {
    ...node.effect,
    verb: points < 0 ? ("subtract" as const) : ("add" as const),
    points: { ...node.effect.points, value: magnitude, raw: String(magnitude) },
  };
  if (node.effect.max !== null && rule.max !== null && rule.points !== 0 && magnitude > 0) {
    const max = Math.max(magnitude, Math.round((rule.max * magnitude) / Math.abs(rule.points)));
    effect.max = { ...node.effect.max, value: max, raw: String(max) };
  }
  return { ...node, effect };
}

/** Every rule in the tree, by the line and column where it starts. */
function collectRules(node: unknown, into: Map<string, RuleDecl>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRules(item, into);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const record = node as { kind?: unknown; span?: { start: { line: number; column: number } } };
  if (record.kind === "Rule" && record.span !== undefined) {
    into.set(`${record.span.start.line}:${record.span.start.column}`, node as RuleDecl);
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key !== "span" && typeof value === "object") collectRules(value, into);
  }
}
