/**
 * `npm run grammar`: regenerates grammar/ from the parser and the token vocabulary.
 *   grammar/leadscore-grammar.html       railroad diagrams of every rule (self-contained page)
 *   grammar/leadscore.tmLanguage.json    TextMate grammar, scope source.leadscore
 * test/syntax/grammar-artifacts.test.ts fails when the committed files differ from what this produces.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import prettier from "prettier";
import { railroadDiagramsHtml, textMateGrammar } from "../src/syntax/grammar-artifacts.js";

export const GRAMMAR_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../grammar");

/** Chevrotain's diagram scripts and style sheet, read from the installed package. */
function readDiagramResource(relativePath: string): string {
  const entry = createRequire(import.meta.url).resolve("chevrotain"); // …/chevrotain/lib/src/api.js
  const diagrams = path.resolve(path.dirname(entry), "../../diagrams");
  return readFileSync(path.join(diagrams, relativePath), "utf8");
}

/** The generated files, by name in grammar/, formatted as the repository formats them. */
export async function generateGrammarFiles(): Promise<Record<string, string>> {
  const jsonPath = path.join(GRAMMAR_DIR, "leadscore.tmLanguage.json");
  const options = (await prettier.resolveConfig(jsonPath)) ?? {};
  const json = await prettier.format(JSON.stringify(textMateGrammar()), { ...options, filepath: jsonPath });
  return {
    "leadscore-grammar.html": railroadDiagramsHtml(readDiagramResource),
    "leadscore.tmLanguage.json": json,
  };
}

async function main(): Promise<void> {
  for (const [name, content] of Object.entries(await generateGrammarFiles())) {
    writeFileSync(path.join(GRAMMAR_DIR, name), content);
    process.stdout.write(`wrote grammar/${name}\n`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
