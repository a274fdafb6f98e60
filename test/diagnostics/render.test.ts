import { describe, expect, test } from "vitest";
import { createDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { Diagnostics } from "../../src/diagnostics/codes.js";
import { excerptAround, MAX_EXCERPT_WIDTH, renderDiagnostic } from "../../src/diagnostics/render.js";
import { LineIndex } from "../../src/syntax/positions.js";

/** An LS101 on `text` from `start` to `end` (offsets), rendered against `text`. */
function render(text: string, start: number, end: number): string {
  const span = new LineIndex("a.score", text).span(start, end);
  const diagnostic = createDiagnostic(Diagnostics.UnexpectedCharacter, span, [text.slice(start, end)]);
  return renderDiagnostic(diagnostic, () => text);
}

describe("renderDiagnostic", () => {
  test("a short line is shown whole, the caret under the span", () => {
    expect(render("lead { id: string ; }", 18, 19)).toBe(
      [
        "a.score:1:19: error LS101: unexpected character `;`",
        "  |",
        "1 | lead { id: string ; }",
        "  |                   ^",
      ].join("\n"),
    );
  });

  test("a byte order mark is not shown, and the caret stays under the span", () => {
    const text = "\uFEFFlead { id: string ; }";
    expect(render(text, 19, 20).split("\n")).toEqual([
      "a.score:1:19: error LS101: unexpected character `;`",
      "  |",
      "1 | lead { id: string ; }",
      "  |                   ^",
    ]);
  });

  test("control characters are shown as �, one column each, so they cannot drive the terminal", () => {
    const text = "a\u0000\u001b[31m\rb ;";
    expect(render(text, 10, 11).split("\n").slice(2)).toEqual([
      "1 | a\uFFFD\uFFFD[31m\uFFFDb ;",
      "  |           ^",
    ]);
  });

  test("a very long line is cut to a window around the caret, with … on both cut sides", () => {
    const line = `${"a".repeat(148_000)};${"b".repeat(500)}`;
    const rendered = render(line, 148_000, 148_001);
    const [head, , excerpt, caret] = rendered.split("\n");
    expect(head).toBe("a.score:1:148001: error LS101: unexpected character `;`");
    expect(excerpt).toBe(`1 | …${"a".repeat(30)};${"b".repeat(69)}…`);
    expect(caret).toBe(`  | ${" ".repeat(31)}^`);
    expect(rendered.length).toBeLessThan(400);
  });

  test("near the start of a long line only the end is cut", () => {
    const line = `x;${"c".repeat(300)}`;
    const [, , excerpt, caret] = render(line, 1, 2).split("\n");
    expect(excerpt).toBe(`1 | x;${"c".repeat(98)}…`);
    expect(caret).toBe("  |  ^");
  });

  test("near the end of a long line only the start is cut, and the caret may sit just after the end", () => {
    const line = `${"c".repeat(300)};`;
    const [, , excerpt, caret] = render(line, 300, 301).split("\n");
    expect(excerpt).toBe(`1 | …${"c".repeat(99)};`);
    expect(caret).toBe(`  | ${" ".repeat(100)}^`);
    const [, , atEnd, endCaret] = render(`${line}\n`, 301, 301).split("\n");
    expect(atEnd).toBe(`1 | …${"c".repeat(99)};`);
    expect(endCaret).toBe(`  | ${" ".repeat(101)}^`);
  });

  test("a long span is cut at the window's end", () => {
    const line = `${"d".repeat(200)}`;
    const [, , excerpt, caret] = render(line, 50, 200).split("\n");
    expect(excerpt).toBe(`1 | …${"d".repeat(100)}…`);
    expect(caret).toBe(`  | ${" ".repeat(31)}${"^".repeat(70)}`);
  });
});

describe("excerptAround", () => {
  test("keeps lines up to the limit whole", () => {
    const line = "e".repeat(MAX_EXCERPT_WIDTH);
    expect(excerptAround(line, 99, 1)).toEqual({ text: line, caretAt: 99, caretWidth: 1 });
  });
});
