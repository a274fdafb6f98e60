/**
 * `npm run grammar`: regenerates what is derived from the parser, the token vocabulary and the diagnostics:
 *   grammar/leadscore-grammar.html       railroad diagrams of every rule (a self-contained page)
 *   grammar/leadscore.tmLanguage.json    TextMate grammar, scope source.leadscore
 *   docs/language.md                     the diagnostics table (between its markers; the rest is prose)
 *   docs/cheatsheet.md                   the one-page cheat sheet (src/syntax/cheat-sheet.ts, also the editor's hover)
 * test/syntax/grammar-artifacts.test.ts fails when the committed files differ from what this produces.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import prettier from "prettier";
import { Diagnostics } from "../src/diagnostics/codes.js";
import { cheatSheetMarkdown } from "../src/syntax/cheat-sheet.js";
import { railroadDiagramsHtml, textMateGrammar } from "../src/syntax/grammar-artifacts.js";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Chevrotain's diagram scripts and style sheet, read from the installed package. */
function readDiagramResource(relativePath: string): string {
  const entry = createRequire(import.meta.url).resolve("chevrotain"); // …/chevrotain/lib/src/api.js
  const diagrams = path.resolve(path.dirname(entry), "../../diagrams");
  return readFileSync(path.join(diagrams, relativePath), "utf8");
}

const TABLE_START = "<!-- diagnostics:start -->";
const TABLE_END = "<!-- diagnostics:end -->";

/** The markdown table of every diagnostic, in code order. */
export function diagnosticsTable(): string {
  // Backslashes and pipes are escaped, or markdown would eat the first and split cells at the second.
  const cell = (text: string) =>
    text
      .replace(/\{\d+\}/g, "{…}")
      .replace(/\\/g, "\\\\")
      .replace(/\|/g, "\\|");
  const rows = Object.values(Diagnostics)
    .map((d): { code: string; severity: string; message: string; hint?: string } => d)
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((d) => `| ${d.code} | ${d.severity} | ${cell(d.message)} | ${cell(d.hint ?? "")} |`);
  return [
    "| Code | Severity | Message | How to fix |",
    "| ---- | -------- | ------- | ---------- |",
    ...rows,
  ].join("\n");
}

/** `markdown` with the text between the diagnostics markers replaced by the current table. */
export function withDiagnosticsTable(markdown: string): string {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start === -1 || end < start)
    throw new Error(`docs/language.md has no ${TABLE_START} … ${TABLE_END} section`);
  return `${markdown.slice(0, start + TABLE_START.length)}\n\n${diagnosticsTable()}\n\n${markdown.slice(end)}`;
}

/** Every generated file, by path from the project root, formatted as the repository formats it. */
export async function generateGrammarFiles(): Promise<Record<string, string>> {
  const jsonPath = path.join(PROJECT_ROOT, "grammar/leadscore.tmLanguage.json");
  const options = (await prettier.resolveConfig(jsonPath)) ?? {};
  const json = await prettier.format(JSON.stringify(textMateGrammar()), { ...options, filepath: jsonPath });
  const docs = readFileSync(path.join(PROJECT_ROOT, "docs/language.md"), "utf8");
  return {
    "grammar/leadscore-grammar.html": railroadDiagramsHtml(readDiagramResource),
    "grammar/leadscore.tmLanguage.json": json,
    "docs/language.md": withDiagnosticsTable(docs),
    "docs/cheatsheet.md": await prettier.format(cheatSheetMarkdown(), { filepath: "cheatsheet.md" }),
  };
}

async function main(): Promise<void> {
  for (const [name, content] of Object.entries(await generateGrammarFiles())) {
    writeFileSync(path.join(PROJECT_ROOT, name), content);
    process.stdout.write(`wrote ${name}\n`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
