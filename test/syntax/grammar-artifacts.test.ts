import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { describe, expect, test } from "vitest";
import { generateGrammarFiles, PROJECT_ROOT } from "../../scripts/generate-grammar.js";
import { Diagnostics } from "../../src/diagnostics/codes.js";
import { textMateGrammar } from "../../src/syntax/grammar-artifacts.js";
import { scoreParser } from "../../src/syntax/parser.js";
import { KEYWORDS } from "../../src/syntax/tokens.js";

const generated = await generateGrammarFiles();

describe("generated files", () => {
  test.each(Object.keys(generated))("%s is up to date", (name) => {
    const committed = readFileSync(path.join(PROJECT_ROOT, name), "utf8");
    const stale = name.startsWith("grammar/")
      ? "grammar/ is stale: run npm run grammar"
      : `${name} is stale: run npm run grammar`;
    expect(generated[name] === committed, stale).toBe(true);
  });

  test("the language reference lists every diagnostic code", () => {
    const docs = generated["docs/language.md"]!;
    for (const { code } of Object.values(Diagnostics)) expect(docs, code).toContain(`| ${code} |`);
  });
});

describe("the railroad diagram page", () => {
  const html = generated["grammar/leadscore-grammar.html"]!;

  test("needs no network: no script or style sheet is loaded from elsewhere", () => {
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link/);
    expect(html.startsWith("<!DOCTYPE html>\n")).toBe(true);
  });

  test("draws one diagram per rule of the language, leaving out the error-reporting rules", () => {
    const scripts = [...html.matchAll(/<script>\n([\s\S]*?)\n<\/script>/g)].map((m) => m[1]!);
    const sandbox: Record<string, unknown> = {};
    vm.createContext(sandbox);
    // The railroad library, the diagram builder, then the serialized grammar (assigned to `window`).
    vm.runInContext(scripts[0]!, sandbox);
    vm.runInContext(scripts[1]!, sandbox);
    const grammarScript = scripts.find((s) => s.includes("window.serializedGrammar"))!;
    vm.runInContext(grammarScript.replace("window.serializedGrammar", "this.serializedGrammar"), sandbox);
    const builder = sandbox.diagrams_builder as { buildSyntaxDiagramsText(grammar: unknown): string };
    const page = builder.buildSyntaxDiagramsText(sandbox.serializedGrammar);

    const shown = [...page.matchAll(/<h2 class="diagramHeader">(\w+)<\/h2>/g)].map((m) => m[1]);
    const rules = scoreParser
      .getSerializedGastProductions()
      .map((rule) => (rule as unknown as { name: string }).name)
      .filter((name) => name !== "misplacedEventTest" && name !== "combinedWithEvent");
    expect(shown).toEqual(rules);
    expect(page).not.toContain("misplacedEventTest");
    expect(page).not.toContain("combinedWithEvent");

    // Every terminal reads as its text or a reader's label, never a lexer's internals.
    const terminals = new Set(
      [...page.matchAll(/<g class="terminal">[\s\S]*?<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]),
    );
    expect(terminals.size).toBeGreaterThan(50);
    for (const label of ["name", "value", '"text"', "number", "duration", "comparison"])
      expect(terminals).toContain(label);
    expect(page).not.toContain("NOT_APPLICABLE");
    expect(page).not.toMatch(/\\d|\(\?:/);
  });
});

describe("the TextMate grammar", () => {
  const grammar = textMateGrammar() as {
    scopeName: string;
    fileTypes: string[];
    repository: Record<string, { match?: string; patterns?: Array<{ name: string; match: string }> }>;
  };
  const match = (rule: string, text: string, index = 0) => {
    const entry = grammar.repository[rule]!;
    const pattern = entry.match ?? entry.patterns![index]!.match;
    return new RegExp(pattern).exec(text)?.[0];
  };

  test("names the language and its files", () => {
    expect(grammar.scopeName).toBe("source.leadscore");
    expect(grammar.fileTypes).toEqual(["score"]);
  });

  test("colours every keyword, each in exactly one group", () => {
    const keywordPatterns = grammar.repository.keyword!.patterns!;
    for (const { word } of KEYWORDS) {
      const groups = keywordPatterns.filter((p) => new RegExp(`^(?:${p.match})$`).test(word));
      expect(groups.length, word).toBe(1);
    }
    expect(keywordPatterns.some((p) => new RegExp(p.match).test("address"))).toBe(false);
  });

  test("recognises the literals as the lexer does", () => {
    expect(match("comment", "x # note")).toBe("# note");
    expect(match("duration", "within 30d", 0)).toBe("30d");
    expect(match("duration", "within 30days", 0)).toBeUndefined();
    expect(match("duration", "within 30days", 1)).toBe("30days");
    expect(match("number", "add -2.5 each")).toBe("-2.5");
    expect(match("number", "A1")).toBeUndefined();
    expect(match("date", "since 2026-01-31T10:00:00Z")).toBe("2026-01-31T10:00:00Z");
    expect(match("misquoted", "x = 'VP'")).toBe("'VP'");
    expect(match("declared-name", "  bucket SQL when")).toBe("  bucket SQL");
    expect(match("declared-name", "when no event within 90d")).toBeUndefined();
  });
});
