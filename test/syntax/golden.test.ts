/**
 * The tree of each reference file, compared with a reviewed golden file (test/golden/syntax/<name>.ast.json;
 * `UPDATE_GOLDEN=1` rewrites them). Spans are written `line:column-line:column @start-end` to keep the files
 * readable; the file's own text is left out.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { Span } from "../../src/syntax/ast.js";
import { parseSource } from "../../src/syntax/parse.js";
import { expectGolden } from "../support/golden.js";
import { PROJECT_ROOT, RULES_DIR } from "../support/paths.js";

const GOLDEN_DIR = path.join(PROJECT_ROOT, "test/golden/syntax");

function isSpan(value: unknown): value is Span {
  return typeof value === "object" && value !== null && "file" in value && "start" in value && "end" in value;
}

function serializeTree(value: unknown): string {
  const json = JSON.stringify(
    value,
    (key, field: unknown) => {
      if (key === "text" && typeof field === "string") return undefined;
      if (isSpan(field)) {
        const { start, end } = field;
        return `${start.line}:${start.column}-${end.line}:${end.column} @${start.offset}-${end.offset}`;
      }
      return field;
    },
    2,
  );
  return `${json}\n`;
}

describe("the reference files parse to the reviewed trees", () => {
  const files = readdirSync(RULES_DIR)
    .filter((name) => name.endsWith(".score"))
    .sort();

  test.each(files)("%s", (name) => {
    const text = readFileSync(path.join(RULES_DIR, name), "utf8");
    const { file, diagnostics } = parseSource(`rules/${name}`, text);
    expect(diagnostics).toEqual([]);
    expectGolden(path.join(GOLDEN_DIR, name.replace(/\.score$/, ".ast.json")), serializeTree(file));
  });
});
