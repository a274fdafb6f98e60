import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { formatText, MAX_INLINE_WIDTH } from "../../src/syntax/format.js";
import { RULES_DIR } from "../support/paths.js";
import { formatAndVerify } from "./format-helpers.js";

const REFERENCE_FILES = readdirSync(RULES_DIR)
  .filter((file) => file.endsWith(".score"))
  .sort();

function format(text: string): string {
  return formatAndVerify("test.score", text);
}

describe("formatSource", () => {
  test("the reference ruleset has five files", () => {
    expect(REFERENCE_FILES).toEqual([
      "customers.score",
      "enterprise.score",
      "routing.score",
      "schema.score",
      "smb.score",
    ]);
  });

  test.each(REFERENCE_FILES)("the reference file %s is already canonical (byte for byte)", (file) => {
    const text = readFileSync(path.join(RULES_DIR, file), "utf8");
    expect(formatAndVerify(`rules/${file}`, text)).toBe(text);
  });

  test("an empty file stays empty, and so does a file of white space", () => {
    expect(format("")).toBe("");
    expect(format(" \n\n\t\r\n")).toBe("");
  });

  test(`an event block stays on one line up to ${MAX_INLINE_WIDTH} characters`, () => {
    const fits = `event ${"e".repeat(80)} { a: string }\n`;
    expect(fits.length - 1).toBe(MAX_INLINE_WIDTH);
    expect(format(fits)).toBe(fits);

    const name = "e".repeat(81);
    expect(format(`event ${name} { a: string }\n`)).toBe(`event ${name} {\n  a: string\n}\n`);
  });

  test(`a list declaration stays on one line up to ${MAX_INLINE_WIDTH} characters`, () => {
    const fits = `list ${"l".repeat(89)} = [a]\n`;
    expect(fits.length - 1).toBe(MAX_INLINE_WIDTH);
    expect(format(fits)).toBe(fits);

    const name = "l".repeat(90);
    expect(format(`list ${name} = [a]\n`)).toBe(`list ${name} = [\n  a,\n]\n`);
  });

  test("a comment after a separator or bracket on a later line still ends the line before", () => {
    expect(format('list l = [\n  "a"\n  , # after a\n  "b"\n]\n')).toBe(
      'list l = [\n  "a", # after a\n  "b",\n]\n',
    );
    expect(format("model m\n{ # opening\n}\n")).toBe("model m { # opening\n}\n");
  });

  test("a comment before the opening brace of a block moves before the block", () => {
    expect(format("model m # about m\n{\n  fit {}\n}\n")).toBe("# about m\nmodel m {\n  fit {}\n}\n");
  });

  test("comments and blank lines at the start and end of a block", () => {
    const input = "model m {\n\n  # first\n\n  fit {}\n\n  # last\n\n}\n";
    expect(format(input)).toBe("model m {\n  # first\n\n  fit {}\n\n  # last\n}\n");
  });
});

describe("formatText", () => {
  test("formats a file that parses", () => {
    expect(formatText("a.score", "event   email_open")).toEqual({ ok: true, text: "event email_open\n" });
  });

  test("does not format a file with syntax errors: it returns the diagnostics", () => {
    const result = formatText("a.score", "model m { fit { when a >= add 5 } }\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(
      result.diagnostics.map((d) => [d.code, d.span.file, d.span.start.line, d.span.start.column]),
    ).toEqual([["LS103", "a.score", 1, 27]]);
  });
});
