import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULES_DIR } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";

/** Regressions for hostile lead files: each test is named after the finding it guards against. */

const AS_OF = "2026-11-01T00:00:00Z";
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "leadscore-hostile-"));
  mkdirSync(path.join(dir, "own"));
  // A schema whose field names are also names of Object.prototype's members.
  writeFileSync(
    path.join(dir, "own", "rules.score"),
    [
      'ruleset "own" version 1',
      "",
      "lead {",
      "  id: string",
      "  constructor: string?",
      "  toString: string?",
      "  hasOwnProperty: string?",
      "  __proto__: string?",
      "}",
      "",
      "model everyone {",
      "  fit {",
      "    when constructor = x add 1",
      "    when toString = z add 2",
      "    when __proto__ = y add 4",
      "    when hasOwnProperty is missing add 8",
      "  }",
      "}",
      "",
      "bucket All otherwise -> disqualify",
      "",
    ].join("\n"),
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const score = (leads: string, ...args: string[]) =>
  runLeadscore(["score", "--rules", RULES_DIR, "--leads", leads, "--as-of", AS_OF, ...args], dir);

const lines = (file: string) =>
  readFileSync(path.join(dir, file), "utf8")
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("hostile lead files", () => {
  it("CSV record smuggling: a quoted field over 1 MiB never becomes leads of its own", async () => {
    writeFileSync(
      path.join(dir, "smuggle.csv"),
      "id,email,title,stage\n" +
        `L1,a@b.com,"${"x".repeat(1_100_000)}\nEVIL1,evil@x.com,CEO,lead\n",lead\n` +
        "L2,c@d.com,CEO,lead\n",
    );
    const run = await score("smuggle.csv", "--out", "smuggle.out", "--rejects", "smuggle.rejects");
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n")[0]).toBe(
      `2 leads read from smuggle.csv: 1 scored, 1 rejected (as of ${AS_OF})`,
    );
    expect(lines("smuggle.out").map((result) => result.id)).toEqual(["L2"]);
    expect(lines("smuggle.rejects").map(({ record, line, reason }) => [record, line, reason])).toEqual([
      [1, 2, "record is longer than 1 MiB"],
    ]);
  });

  it("deeply nested JSON: a lead or an event's `at` 5,000 deep is a reject, with --rejects and without", async () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    writeFileSync(
      path.join(dir, "deep.ndjson"),
      [
        `{"id":"L1","email":"a@b.com","title":${deep},"stage":"lead"}`,
        `{"id":"L2","email":"a@b.com","title":"CEO","stage":"lead","events":[{"type":"email_open","at":${deep}}]}`,
        `{"id":"L3","email":"c@d.com","title":"CEO","stage":"lead"}`,
        "",
      ].join("\n"),
    );
    writeFileSync(
      path.join(dir, "deep-events.ndjson"),
      `{"lead_id":"L3","type":"email_open","at":${deep}}\n`,
    );
    const withRejects = await score("deep.ndjson", "--out", "deep.out", "--rejects", "deep.rejects");
    expect(withRejects.code).toBe(0);
    expect(lines("deep.out").map((result) => result.id)).toEqual(["L3"]);
    expect(lines("deep.rejects").map(({ record, reason }) => [record, reason])).toEqual([
      [1, "a value is nested more than 64 levels deep"],
      [2, "a value is nested more than 64 levels deep"],
    ]);
    const withoutRejects = await score("deep.ndjson", "--events", "deep-events.ndjson", "--out", "deep.out");
    expect(withoutRejects.code).toBe(0);
    expect(withoutRejects.stderr).toContain(
      "deep-events.ndjson record 1 (line 1): a value is nested more than 64 levels deep",
    );
  });

  it("field names: constructor, toString, hasOwnProperty and __proto__ are own fields, the same in CSV and NDJSON", async () => {
    writeFileSync(path.join(dir, "own.csv"), "id,constructor,__proto__,toString\nL1,x,y,z\nL2,,,\n");
    writeFileSync(
      path.join(dir, "own.ndjson"),
      '{"id":"L1","constructor":"x","__proto__":"y","toString":"z"}\n{"id":"L2"}\n',
    );
    for (const file of ["own.csv", "own.ndjson"]) {
      const run = await runLeadscore(
        ["score", "--rules", "own", "--leads", file, "--as-of", AS_OF, "--out", `${file}.out`],
        dir,
      );
      expect(run.stderr.split("\n")[0]).toBe(
        `2 leads read from ${file}: 2 scored, 0 rejected (as of ${AS_OF})`,
      );
      expect(lines(`${file}.out`).map((result) => [result.id, result.fit])).toEqual([
        ["L1", 15],
        ["L2", 8],
      ]);
    }
  });
});
