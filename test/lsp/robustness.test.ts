/**
 * Every feature, on broken text, at every position: no request may throw (the server's guard would turn a
 * throw into an empty answer, hiding the bug). The reference files are cut at seeded places, as a user
 * typing or deleting leaves them, and each feature is asked at every character of the damaged lines.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { completions } from "../../src/lsp/completion.js";
import { documentSymbols } from "../../src/lsp/document-symbols.js";
import { formattingEdits } from "../../src/lsp/formatting.js";
import { hoverText } from "../../src/lsp/hover.js";
import { definition, prepareRename, references, rename } from "../../src/lsp/navigation.js";
import { Workspace } from "../../src/lsp/workspace.js";
import { RULES_DIR } from "../support/paths.js";

const root = mkdtempSync(path.join(tmpdir(), "leadscore-lsp-robust-"));
cpSync(RULES_DIR, path.join(root, "rules"), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A small deterministic generator (mulberry32), so a failure names its seed and repeats. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("every feature on damaged text", () => {
  for (const name of ["schema", "enterprise", "routing", "customers", "smb"]) {
    test(`${name}.score cut at random places`, () => {
      const original = readFileSync(path.join(RULES_DIR, `${name}.score`), "utf8");
      const next = random(name.length * 7919);
      const workspace = new Workspace(root, path.join(root, "rules"));
      const file = path.join(root, "rules", `${name}.score`);
      const display = `rules/${name}.score`;
      let asked = 0;
      for (let round = 0; round < 12; round++) {
        // Delete a stretch, or insert one from elsewhere in the file.
        const at = Math.floor(next() * original.length);
        const length = 1 + Math.floor(next() * 12);
        const text =
          next() < 0.5
            ? original.slice(0, at) + original.slice(at + length)
            : original.slice(0, at) + original.slice(length, length * 2) + original.slice(at);
        workspace.setBuffer(file, text);
        const ruleset = workspace.rulesetOf(file);
        const source = ruleset.files.find((f) => f.path === display)!;
        documentSymbols(source);
        formattingEdits(display, text);
        const lines = text.split("\n");
        const damaged = text.slice(0, at).split("\n").length - 1;
        for (let line = Math.max(0, damaged - 1); line <= Math.min(lines.length - 1, damaged + 1); line++) {
          for (let character = 0; character <= lines[line]!.length; character++) {
            const position = { line, character };
            completions(ruleset.program.symbols, text, position);
            hoverText(ruleset, display, text, position);
            definition(ruleset, display, position, () => undefined);
            references(ruleset, display, position, true, () => undefined);
            prepareRename(ruleset, display, position);
            rename(ruleset, display, position, "renamed", () => "file:///x");
            asked++;
          }
        }
      }
      expect(asked).toBeGreaterThan(100);
    });
  }
});
