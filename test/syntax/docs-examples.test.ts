/** The examples of the language reference are real: every untagged code block in docs/language.md parses cleanly. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { parseSource } from "../../src/syntax/parse.js";
import { PROJECT_ROOT } from "../support/paths.js";

const markdown = readFileSync(path.join(PROJECT_ROOT, "docs/language.md"), "utf8");

/** The code blocks of a markdown text, with their language tag (`""` when untagged). */
function codeBlocks(text: string): Array<{ tag: string; code: string }> {
  const blocks: Array<{ tag: string; code: string }> = [];
  let open: { tag: string; lines: string[] } | undefined;
  for (const line of text.split("\n")) {
    if (open === undefined && line.startsWith("```")) open = { tag: line.slice(3).trim(), lines: [] };
    else if (open !== undefined && line.trim() === "```") {
      blocks.push({ tag: open.tag, code: `${open.lines.join("\n")}\n` });
      open = undefined;
    } else open?.lines.push(line);
  }
  return blocks;
}

// Fragments with placeholders are tagged `text`, the grammar `ebnf`; untagged blocks are ruleset text.
const examples = codeBlocks(markdown)
  .filter((block) => block.tag === "")
  .map((block) => block.code);

test("the reference has examples", () => {
  expect(examples.length).toBeGreaterThanOrEqual(8);
});

test.each(examples.map((text) => [text.split("\n")[0], text]))("%s", (_first, text) => {
  expect(parseSource("example.score", text).diagnostics).toEqual([]);
});
