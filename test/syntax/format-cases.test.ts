import { describe, expect, test } from "vitest";
import { loadCases } from "../support/case-files.js";
import { formatAndVerify } from "./format-helpers.js";

interface FormatCase {
  description: string;
  input: string;
  output: string;
  /** Read the input with every `\n` turned into `\r\n` (YAML block text cannot hold carriage returns). */
  crlf?: boolean;
}

const cases = loadCases<FormatCase>("format");

describe("format cases (test/cases/format)", () => {
  test("there are cases to run", () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  test.each(cases)("$name", ({ name, data }) => {
    const input = data.crlf ? data.input.replace(/\n/g, "\r\n") : data.input;
    if (data.crlf) expect(input).toContain("\r\n");
    expect(formatAndVerify(`${name}.score`, input)).toBe(data.output);
  });
});
