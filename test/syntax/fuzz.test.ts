/**
 * Whatever it is given, parseSource returns a SourceFile and diagnostics whose spans lie inside the text,
 * and never throws: random text, random token soups, and the reference files broken in random places.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Span } from "../../src/syntax/ast.js";
import { parseSource } from "../../src/syntax/parse.js";
import { LineIndex } from "../../src/syntax/positions.js";
import { KEYWORDS, OPERATORS } from "../../src/syntax/tokens.js";
import { RULES_DIR } from "../support/paths.js";

const REFERENCE = readdirSync(RULES_DIR)
  .filter((name) => name.endsWith(".score"))
  .sort()
  .map((name) => readFileSync(path.join(RULES_DIR, name), "utf8"));

/** Every span in the result lies inside the text, and its line/column agree with its offset. */
function checkResult(text: string): void {
  const { file, diagnostics } = parseSource("fuzz.score", text);
  expect(file.kind).toBe("SourceFile");
  expect(file.text).toBe(text);
  const lines = new LineIndex("fuzz.score", text);
  // Plain checks rather than one `expect` per span: the property runs thousands of times.
  const samePosition = (a: Span["start"], b: Span["start"]) =>
    a.line === b.line && a.column === b.column && a.offset === b.offset;
  const checkSpan = (span: Span) => {
    const sound =
      span.file === "fuzz.score" &&
      span.start.offset >= 0 &&
      span.end.offset >= span.start.offset &&
      span.end.offset <= text.length &&
      samePosition(span.start, lines.position(span.start.offset)) &&
      samePosition(span.end, lines.position(span.end.offset));
    if (!sound) expect.fail(`unsound span ${JSON.stringify(span)} in ${JSON.stringify(text)}`);
  };
  for (const diagnostic of diagnostics) {
    if (!/^LS[1-4]\d\d$/.test(diagnostic.code) || diagnostic.message.length === 0) {
      expect.fail(`odd diagnostic ${JSON.stringify(diagnostic)}`);
    }
    checkSpan(diagnostic.span);
  }
  walkSpans(file, checkSpan);
}

/** Calls `visit` with every span of the tree (nodes, `keyword`, `each`). */
function walkSpans(value: unknown, visit: (span: Span) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walkSpans(item, visit);
    return;
  }
  if (value === null || typeof value !== "object") return;
  for (const [key, field] of Object.entries(value)) {
    if ((key === "span" || key === "keyword" || key === "each") && field !== null) visit(field as Span);
    else walkSpans(field, visit);
  }
}

const VOCABULARY = [
  ...KEYWORDS.map((k) => k.word),
  ...OPERATORS,
  ..."{}[]()%?:,|".split(""),
  '"text"',
  '"open',
  '"esc\\q"',
  "'single'",
  "@acme.com",
  "name",
  "Other_1",
  "42",
  "-3.5",
  "30d",
  "4h",
  "30days",
  "2026-01-31",
  "2026-02-30",
  "2026-01-31T10:00:00Z",
  "# comment",
  ";",
  "$",
];

const separator = fc.constantFrom(" ", " ", " ", "\n", "", "\t", "\r\n");

describe("parseSource never throws and always returns sound spans", () => {
  test("on random text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 120 }), (text) => checkResult(text)),
      { numRuns: 400 },
    );
  });

  test("on random soups of the language's own tokens", () => {
    const soup = fc
      .array(fc.tuple(fc.constantFrom(...VOCABULARY), separator), { maxLength: 60 })
      .map((parts) => parts.map(([token, space]) => token + space).join(""));
    fc.assert(
      fc.property(soup, (text) => checkResult(text)),
      { numRuns: 500 },
    );
  });

  test("on the reference files with characters deleted, duplicated or inserted", () => {
    const mutation = fc
      .record({
        file: fc.nat({ max: REFERENCE.length - 1 }),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        length: fc.nat({ max: 40 }),
        kind: fc.constantFrom("delete", "duplicate", "insert"),
        insert: fc.constantFrom(...VOCABULARY),
      })
      .map(({ file, at, length, kind, insert }) => {
        const text = REFERENCE[file]!;
        const start = Math.floor(at * text.length);
        const end = Math.min(text.length, start + length);
        if (kind === "delete") return text.slice(0, start) + text.slice(end);
        if (kind === "duplicate") return text.slice(0, end) + text.slice(start, end) + text.slice(end);
        return `${text.slice(0, start)} ${insert} ${text.slice(start)}`;
      });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 1 }), ([text]) => checkResult(text!)),
      { numRuns: 1000 },
    );
  });

  test("on the reference files with words swapped, dropped or repeated", () => {
    const words = REFERENCE.map((text) => text.split(/(\s+)/));
    const mutation = fc
      .record({
        file: fc.nat({ max: REFERENCE.length - 1 }),
        edits: fc.array(
          fc.record({
            kind: fc.constantFrom("swap", "drop", "repeat"),
            a: fc.double({ min: 0, max: 1, noNaN: true }),
            b: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      })
      .map(({ file, edits }) => {
        const parts = [...words[file]!];
        for (const { kind, a, b } of edits) {
          const i = Math.floor(a * parts.length);
          const j = Math.floor(b * parts.length);
          if (kind === "swap") [parts[i], parts[j]] = [parts[j]!, parts[i]!];
          else if (kind === "drop") parts.splice(i, 1);
          else parts.splice(i, 0, parts[i] ?? "");
        }
        return parts.join("");
      });
    fc.assert(
      fc.property(mutation, (text) => checkResult(text)),
      { numRuns: 1000 },
    );
  });

  test("the reference files themselves parse without diagnostics", () => {
    for (const text of REFERENCE) expect(parseSource("ref.score", text).diagnostics).toEqual([]);
  });
});
