/**
 * Runs the data-only syntax cases of test/cases/syntax/*.yaml: each parses `source` as `case.score` and
 * expects exactly the listed diagnostics, in order (code, line, column, and the message and hint when given).
 * `repeat: N` parses `source` repeated N times: the pathological files of issue 9 item 11 in a few bytes.
 */
import { describe, expect, test } from "vitest";
import { parseSource } from "../../src/syntax/parse.js";
import { loadCases } from "../support/case-files.js";

interface ExpectedDiagnostic {
  code: string;
  line: number;
  column: number;
  message?: string;
  hint?: string | undefined;
}

interface SyntaxCase {
  description: string;
  source: string;
  repeat?: number;
  diagnostics: ExpectedDiagnostic[];
}

const cases = loadCases<SyntaxCase>("syntax");

describe("syntax cases", () => {
  test("there are cases for every syntax diagnostic", () => {
    const codes = new Set(cases.flatMap((c) => c.data.diagnostics.map((d) => d.code)));
    for (const code of [
      "LS101",
      "LS102",
      "LS103",
      "LS104",
      "LS105",
      "LS106",
      "LS107",
      "LS108",
      "LS109",
      "LS110",
      "LS111",
      "LS112",
      "LS113",
      "LS114",
      "LS115",
      "LS116",
      "LS117",
      "LS118",
    ]) {
      expect(codes, code).toContain(code);
    }
  });

  test.each(cases)("$name", ({ data }) => {
    expect(typeof data.description).toBe("string");
    const { diagnostics } = parseSource("case.score", data.source.repeat(data.repeat ?? 1));
    const actual = diagnostics.map((d, i) => {
      const expected = data.diagnostics[i];
      const entry: ExpectedDiagnostic = {
        code: d.code,
        line: d.span.start.line,
        column: d.span.start.column,
      };
      if (expected?.message !== undefined) entry.message = d.message;
      if (expected?.hint !== undefined) entry.hint = d.hint;
      return entry;
    });
    expect(actual).toEqual(data.diagnostics);
  });
});
