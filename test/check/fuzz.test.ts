import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { checkArtifact } from "../../src/compile/load-artifact.js";
import { compileSources } from "../../src/compile/compile-ruleset.js";
import { RULES_DIR } from "../support/paths.js";

const REFERENCE = ["customers", "enterprise", "routing", "schema", "smb"].map((name) => ({
  path: `${name}.score`,
  text: readFileSync(path.join(RULES_DIR, `${name}.score`), "utf8"),
}));

/** Words that make mutations land on meaningful tokens rather than only on noise. */
const VOCABULARY = [
  "when",
  "add",
  "subtract",
  "each",
  "max",
  "within",
  "event",
  "no",
  "where",
  "model",
  "fit",
  "engagement",
  "bucket",
  "grade",
  "else",
  "otherwise",
  "exclude",
  "because",
  "decay",
  "every",
  "clamp",
  "score",
  "between",
  "and",
  "or",
  "not",
  "in",
  "contains",
  "any",
  "starts",
  "ends",
  "with",
  "is",
  "missing",
  "present",
  "->",
  "=",
  "!=",
  ">=",
  "<",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  "%",
  "30d",
  "4h",
  "0d",
  "150",
  "-5",
  '"x"',
  "title",
  "employees",
  "stage",
  "customer",
  "email_open",
  "target_countries",
  "A1",
  "2026-02-30",
  "\n",
  "#",
];

const mutation = fc.record({
  file: fc.nat(REFERENCE.length - 1),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat(12),
  insert: fc.oneof(fc.constantFrom(...VOCABULARY), fc.string({ maxLength: 6 })),
});

function mutate(mutations: Array<{ file: number; at: number; length: number; insert: string }>) {
  const texts = REFERENCE.map((source) => source.text);
  for (const m of mutations) {
    const text = texts[m.file]!;
    const at = Math.floor(m.at * text.length);
    texts[m.file] = `${text.slice(0, at)} ${m.insert} ${text.slice(at + m.length)}`;
  }
  return REFERENCE.map((source, i) => ({ path: source.path, text: texts[i]! }));
}

describe("the whole compile pipeline on mutated rule files", () => {
  test("never throws; reports located diagnostics, or produces a schema-valid artifact", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const sources = mutate(mutations);
        const result = compileSources(sources);
        const texts = new Map(sources.map((s) => [s.path, s.text]));
        for (const d of result.diagnostics) {
          const text = texts.get(d.span.file);
          expect(text).toBeDefined();
          expect(d.span.start.offset).toBeGreaterThanOrEqual(0);
          expect(d.span.end.offset).toBeLessThanOrEqual(text!.length);
          expect(d.span.start.line).toBeGreaterThanOrEqual(1);
          expect(d.code).toMatch(/^LS\d{3}$/);
        }
        const errors = result.diagnostics.filter((d) => d.severity === "error");
        if (errors.length === 0) expect("artifact" in checkArtifact(result.artifact)).toBe(true);
        else expect(result.artifact).toBeNull();
      }),
      { numRuns: 200, seed: 20261123 },
    );
  });

  test("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = compileSources([{ path: "a.score", text }]);
        expect(Array.isArray(result.diagnostics)).toBe(true);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
