import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { PROJECT_ROOT } from "../support/paths.js";
import { ansiToHtml, checkTranscript, TRANSCRIPT_FILE } from "../support/terminal-example.js";

test("the README's picture of a coloured diagnostic is of the current output (npm run screenshots)", async () => {
  expect(await checkTranscript()).toBe(readFileSync(path.join(PROJECT_ROOT, TRANSCRIPT_FILE), "utf8"));
});

test("the picture's HTML escapes the text and keeps only the colours", () => {
  expect(ansiToHtml("\u001b[1m\u001b[31merror\u001b[39m\u001b[22m: <b>&")).toBe(
    '<span class="bold red">error</span>: &lt;b&gt;&amp;',
  );
});
