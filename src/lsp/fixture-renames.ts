/**
 * A lead field's name is also a key of every fixture lead (`lead: {plan: team}` in `*.test.yaml`):
 * renaming the field in the rules alone would leave `leadscore test` failing on fields the schema no
 * longer has. So a field's rename edits those keys too, in the project's fixture files (the `fixtures`
 * globs of leadscore.yaml).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Range, TextEdit } from "vscode-languageserver";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { expandGlobs } from "../project/glob.js";

/** Edits per fixture file URI renaming the lead key `field` to `newName` in every case. */
export async function fixtureFieldRenames(
  root: string,
  globs: readonly string[],
  field: string,
  newName: string,
): Promise<Record<string, TextEdit[]>> {
  const changes: Record<string, TextEdit[]> = {};
  for (const relative of await expandGlobs(root, globs)) {
    const file = path.join(root, relative);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    const edits = leadKeyEdits(text, field, newName);
    if (edits.length > 0) changes[pathToFileURL(file).href] = edits;
  }
  return changes;
}

/** The `field` keys of the `lead` maps of a fixture file's cases (a file that does not parse gets none). */
export function leadKeyEdits(text: string, field: string, newName: string): TextEdit[] {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  if (document.errors.length > 0) return [];
  const cases = document.get("cases", true) as Node | undefined;
  if (!isSeq(cases)) return [];
  const edits: TextEdit[] = [];
  for (const item of cases.items) {
    if (!isMap(item)) continue;
    const lead = item.get("lead", true) as Node | undefined;
    if (!isMap(lead)) continue;
    for (const pair of lead.items) {
      const key = pair.key;
      if (!isScalar(key) || key.value !== field || key.range == null) continue;
      edits.push({ range: rangeOf(lines, key.range[0], key.range[1]), newText: newName });
    }
  }
  return edits;
}

function rangeOf(lines: LineCounter, start: number, end: number): Range {
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line: line - 1, character: col - 1 };
  };
  return { start: at(start), end: at(end) };
}
