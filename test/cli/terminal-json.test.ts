import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonForTerminal } from "../../src/cli/terminal-text.js";
import { runLeadscore } from "../support/run-cli.js";

/**
 * `score --json` prints its summary on stderr, where text from files is escaped for the terminal: the
 * summary must stay JSON all the same, whatever ids or reasons from the data it quotes.
 */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "leadscore-terminal-json-"));
  writeFileSync(
    path.join(dir, "rules.score"),
    'ruleset "json" version 1\nlead { id: string }\nevent demo_request\nmodel main {\n  engagement {\n    when event = demo_request add 5\n  }\n}\n',
  );
  writeFileSync(path.join(dir, "leads.csv"), "id\nA\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("score --json prints its summary as JSON on stderr, whatever the data holds", () => {
  it("writes the characters the terminal must not get as JSON escapes, not as \\x85", async () => {
    writeFileSync(
      path.join(dir, "events.ndjson"),
      `${JSON.stringify({ lead_id: "A\u0085\u202e\u007f", type: "demo_request", at: "2026-10-30T00:00:00Z" })}\n`,
    );
    const run = await runLeadscore(
      [
        "score",
        "--rules",
        "rules.score",
        "--leads",
        "leads.csv",
        "--events",
        "events.ndjson",
        "--as-of",
        "2026-11-01T00:00:00Z",
        "--json",
      ],
      dir,
    );
    expect(run.stderr).not.toMatch(/[\u007f-\u009f\u202e]/);
    expect(JSON.stringify(JSON.parse(run.stderr))).toContain('"A\u0085\u202e\u007f"');
  });

  it("jsonForTerminal: the same value back, and nothing that could drive a terminal", () => {
    const value = { id: "a\u0085b\u202ec\u200bd\u001be\u007f", list: ["\n", "\t", "ü"] };
    const printed = jsonForTerminal(value);
    expect(JSON.parse(printed)).toEqual(value);
    expect(printed).toBe(
      '{\n  "id": "a\\u0085b\\u202ec\\u200bd\\u001be\\u007f",\n  "list": [\n    "\\n",\n    "\\t",\n    "ü"\n  ]\n}',
    );
  });
});
