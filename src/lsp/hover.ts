/**
 * Hover texts (Markdown): what a name is and where it is declared, what a rule adds and where, the
 * explanation of a diagnostic under the cursor, and the cheat-sheet entry of a keyword.
 */
import type { Position } from "vscode-languageserver";
import { describeType } from "../check/describe-type.js";
import type { FieldSymbol } from "../check/symbol-table.js";
import { Diagnostics, type DiagnosticDefinition } from "../diagnostics/codes.js";
import type { RuleDecl, SectionDecl, Span } from "../syntax/ast.js";
import { cheatSheetEntry } from "../syntax/cheat-sheet.js";
import { printCondition, printDecay, printExpr, printField, printList, printValue } from "../syntax/print.js";
import { nameIndex, occurrenceAt, type NamedSymbol, type RulePlace } from "./names.js";
import { spanContains } from "./ranges.js";
import type { CheckedRuleset } from "./workspace.js";

const DEFINITIONS = new Map<string, DiagnosticDefinition>(
  Object.values(Diagnostics).map((definition) => [definition.code, definition]),
);

/** The hover text at a position, or null when there is nothing to say. */
export function hoverText(
  ruleset: CheckedRuleset,
  display: string,
  text: string,
  position: Position,
): string | null {
  const parts: string[] = [];
  const at = (span: Span) => span.file === display && spanContains(span, position);
  for (const diagnostic of ruleset.diagnostics)
    if (at(diagnostic.span)) parts.push(explainCode(diagnostic.code));
  const occurrence = occurrenceAt(nameIndex(ruleset), display, at);
  if (occurrence) parts.push(...occurrence.symbols.map((symbol) => describeSymbol(ruleset, symbol)));
  else {
    // On a rule, its points and its `when`/`add`/`subtract` tell what it adds; other keywords explain themselves.
    const place = nameIndex(ruleset).rules.find((each) => at(each.rule.span));
    const keyword = keywordAt(text, position);
    const entry = keyword === undefined ? undefined : cheatSheetEntry(keyword);
    if (place && (entry === undefined || RULE_WORDS.has(keyword!))) parts.push(describeRule(place));
    if (entry) parts.push(entry);
  }
  return parts.length === 0 ? null : parts.join("\n\n---\n\n");
}

const RULE_WORDS = new Set(["when", "add", "subtract"]);

/** `**LS201** (error): unknown lead field `…`` and its default hint. */
export function explainCode(code: string): string {
  const definition = DEFINITIONS.get(code);
  if (!definition) return `**${code}**`;
  const message = definition.message.replace(/\{\d+\}/g, "…");
  const hint = definition.hint === undefined ? "" : `\n\nhint: ${definition.hint.replace(/\{\d+\}/g, "…")}`;
  return `**${definition.code}** (${definition.severity}): ${message}${hint}\n\nEvery code: docs/language.md#diagnostics`;
}

function where(span: Span): string {
  return `${span.file}:${span.start.line}`;
}

function code(text: string): string {
  return `\`\`\`leadscore\n${text}\n\`\`\``;
}

function describeField(field: FieldSymbol, owner: string): string {
  const values = field.values ? `\n\nvalues: ${field.values.join(", ")}` : "";
  const optional = field.optional ? ", may be missing" : "";
  return `${code(printField(field.decl))}\n${owner}: ${describeType(field.type, field.values)}${optional}, declared at ${where(field.decl.span)}${values}`;
}

function describeSymbol(ruleset: CheckedRuleset, symbol: NamedSymbol): string {
  const { symbols } = ruleset.program;
  switch (symbol.kind) {
    case "field": {
      const field = symbols.lead.get(symbol.name);
      return field ? describeField(field, "lead field") : `lead field \`${symbol.name}\``;
    }
    case "property": {
      const property = symbols.events.get(symbol.event)?.properties.get(symbol.name);
      return property
        ? describeField(property, `property of event \`${symbol.event}\``)
        : `\`${symbol.name}\``;
    }
    case "event": {
      const event = symbols.events.get(symbol.name);
      if (!event) return `event \`${symbol.name}\``;
      const properties = [...event.properties.values()].map((p) => printField(p.decl));
      const shape = properties.length === 0 ? "no properties" : `properties: ${properties.join(", ")}`;
      return `${code(`event ${event.name}`)}\nevent, ${shape}; declared at ${where(event.decl.span)}`;
    }
    case "list": {
      const list = symbols.lists.get(symbol.name);
      if (!list) return `list \`${symbol.name}\``;
      const count = list.decl.items.items.length;
      return `${code(`list ${list.name} = ${printList(list.decl.items)}`)}\nlist of ${count} value${count === 1 ? "" : "s"}, declared at ${where(list.decl.span)}`;
    }
    case "model": {
      const model = symbols.modelsByName.get(symbol.name);
      if (!model) return `model \`${symbol.name}\``;
      const label = model.label ? ` ${printValue(model.label)}` : "";
      const choice = model.when
        ? `scores the leads for which \`${printExpr(model.when)}\` holds (unless an earlier model takes them)`
        : "the default model: scores the leads no other model takes";
      const rules = model.items.flatMap((item) =>
        item.kind === "Section" ? item.items.filter((r) => r.kind === "Rule") : [],
      );
      return `${code(`model ${model.name.name}${label}`)}\n${choice}; ${rules.length} rules; declared at ${where(model.span)}`;
    }
  }
}

/** `adds 30 points to fit in model enterprise, once, when …`. */
function describeRule(place: RulePlace): string {
  const { rule, section, model } = place;
  const effect = rule.effect;
  const verb = effect.verb === "add" ? "adds" : "subtracts";
  const unit = effect.points.value === 1 ? "point" : "points";
  const counting = countingOf(rule);
  const cap = effect.max ? `, at most ${effect.max.raw} in all` : "";
  const decay = decayOf(section, rule);
  return `${code(printCondition(rule.condition))}\n${verb} **${effect.points.raw} ${unit}** ${counting}${cap} to **${section.name}** in model \`${model.name.name}\`${decay}`;
}

function countingOf(rule: RuleDecl): string {
  const within = rule.effect.within ? ` within ${rule.effect.within.raw}` : "";
  switch (rule.condition.kind) {
    case "ProfileCondition":
      return "when the condition holds";
    case "NoEventCondition":
      return `when there was no such event within ${rule.condition.within.raw}`;
    case "EventCondition":
      return rule.effect.each
        ? `for each matching event${within}`
        : `once, when a matching event happened${within}`;
  }
}

function decayOf(section: SectionDecl, rule: RuleDecl): string {
  if (rule.condition.kind !== "EventCondition") return "";
  const decay = section.items.find((item) => item.kind === "Decay");
  return decay ? `; the points decay: \`${printDecay(decay)}\`` : "";
}

/** The word under the cursor, when it is one. */
function keywordAt(text: string, position: Position): string | undefined {
  const lines = text.split("\n");
  const line = lines[position.line];
  if (line === undefined) return undefined;
  let start = position.character;
  let end = position.character;
  while (start > 0 && /[A-Za-z_]/.test(line[start - 1]!)) start--;
  while (end < line.length && /[A-Za-z_]/.test(line[end]!)) end++;
  return start === end ? undefined : line.slice(start, end);
}
