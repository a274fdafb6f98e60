/**
 * The project's fixture files name the ruleset's things too: every fixture lead has lead fields as keys
 * (`lead: {plan: team}`), and `expect: {model: enterprise}` names a model. Renaming a field edits those
 * keys (or `leadscore test` would fail on fields the schema no longer has); finding a model's references
 * lists the cases that expect it. The files are the `fixtures` globs of leadscore.yaml.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Range } from "vscode-languageserver";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from "yaml";
import { expandGlobs } from "../project/glob.js";

export interface FixtureText {
  uri: string;
  text: string;
}

/** The fixture files of the project, read from disk (one that cannot be read is left out). */
export async function readFixtureFiles(root: string, globs: readonly string[]): Promise<FixtureText[]> {
  const files: FixtureText[] = [];
  for (const relative of await expandGlobs(root, globs)) {
    const file = path.join(root, relative);
    try {
      files.push({ uri: pathToFileURL(file).href, text: readFileSync(file, "utf8") });
    } catch {
      // Deleted or unreadable since it was listed: nothing of it to edit or show.
    }
  }
  return files;
}

/** Where the cases' `lead` maps have the key `field`. */
export function leadKeyRanges(text: string, field: string): Range[] {
  return caseRanges(text, (fixtureCase) => {
    const lead = fixtureCase.get("lead", true) as Node | undefined;
    if (!isMap(lead)) return [];
    return lead.items.flatMap((pair) => (isScalar(pair.key) && pair.key.value === field ? [pair.key] : []));
  });
}

/** Where the cases' `expect` says `model: <model>`. */
export function expectedModelRanges(text: string, model: string): Range[] {
  return caseRanges(text, (fixtureCase) => {
    const expect = fixtureCase.get("expect", true) as Node | undefined;
    const value = isMap(expect) ? (expect.get("model", true) as Node | undefined) : undefined;
    return isScalar(value) && value.value === model ? [value] : [];
  });
}

/** The ranges of the nodes `pick` finds in each case of a fixture file (none when it does not parse). */
function caseRanges(text: string, pick: (fixtureCase: YAMLMap) => Node[]): Range[] {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  if (document.errors.length > 0) return [];
  const cases = document.get("cases", true) as Node | undefined;
  if (!isSeq(cases)) return [];
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line: line - 1, character: col - 1 };
  };
  return cases.items.flatMap((item) =>
    isMap(item)
      ? pick(item).flatMap((node) =>
          node.range ? [{ start: at(node.range[0]), end: at(node.range[1]) }] : [],
        )
      : [],
  );
}
