/**
 * Long `and`/`or` chains: conditions of 10,000 terms go through every command (parser, checker, lowering,
 * evaluator, explanation, printer, formatter, artifact loader, diff) without overflowing the stack, because
 * chains are n-ary everywhere rather than nested pairs.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLeadscore } from "../support/run-cli.js";

const TERMS = 10_000;
const AS_OF = "2026-11-01T00:00:00Z";
let dir: string;

const chain = (join: (i: number) => string, term: (i: number) => string) =>
  Array.from({ length: TERMS }, (_, i) => `${term(i)}${i + 1 < TERMS ? join(i) : ""}`).join("");

function ruleset(points: number): string {
  const and = chain(
    () => " and ",
    (i) => `n > -${i}`,
  );
  const mixed = chain(
    (i) => (i % 2 === 0 ? " and " : " or "),
    (i) => `n > ${i}`,
  );
  const where = chain(
    () => " or ",
    (i) => `url = "/p${i}"`,
  );
  const scores = chain(
    () => " or ",
    (i) => `score > ${i}`,
  );
  return [
    'ruleset "chains" version 1',
    "",
    "lead {",
    "  id: string",
    "  n: number?",
    "}",
    "",
    "event page_view { url: string }",
    "",
    `model chained when ${and} {`,
    "  fit {",
    `    when ${mixed} add 3`,
    "  }",
    "  engagement {",
    `    when event = page_view where ${where} add ${points}`,
    "  }",
    "}",
    "",
    `bucket Big when ${scores} -> route sales within 4h`,
    "bucket Rest otherwise -> disqualify",
    "",
  ].join("\n");
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "leadscore-chains-"));
  for (const [name, points] of [
    ["rules", 3],
    ["changed", 4],
  ] as const) {
    mkdirSync(path.join(dir, name, "tests"), { recursive: true });
    writeFileSync(path.join(dir, name, "chains.score"), ruleset(points));
  }
  writeFileSync(
    path.join(dir, "rules", "tests", "chains.test.yaml"),
    [
      `as_of: ${AS_OF}`,
      "cases:",
      "  - name: the last term of each chain decides",
      "    lead: {id: L1, n: 5}",
      "    events:",
      `      - {type: page_view, at: 2026-10-30T10:00:00Z, url: /p${TERMS - 1}}`,
      "    expect: {model: chained, fit: 3, engagement: 3, bucket: Big}",
      "",
    ].join("\n"),
  );
  writeFileSync(
    path.join(dir, "lead.yaml"),
    `lead: {id: L1, n: 5}\nevents:\n  - {type: page_view, at: 2026-10-30T10:00:00Z, url: /p${TERMS - 1}}\n`,
  );
  writeFileSync(
    path.join(dir, "leads.ndjson"),
    `{"id":"L1","n":5,"events":[{"type":"page_view","at":"2026-10-30T10:00:00Z","url":"/p${TERMS - 1}"}]}\n`,
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runLeadscore(argv, dir);

describe("long and/or chains (10,000 terms)", () => {
  it("check, fmt --check and test pass", async () => {
    expect(await run("check", "rules")).toMatchObject({ code: 0 });
    expect(await run("fmt", "--check", "rules")).toMatchObject({ code: 0 });
    const test = await run("test", "rules");
    expect(test.stdout.trimEnd().split("\n").at(-1)).toBe("1 passed, 0 failed");
  });

  it("compile writes an artifact that score loads and evaluates", async () => {
    expect(await run("compile", "rules", "-o", "chains.json")).toMatchObject({ code: 0 });
    const artifact = JSON.parse(readFileSync(path.join(dir, "chains.json"), "utf8")) as {
      models: Array<{ when: { op: string; args: unknown[] } }>;
    };
    expect(artifact.models[0]?.when.args).toHaveLength(TERMS);
    const score = await run("score", "--rules", "chains.json", "--leads", "leads.ndjson", "--as-of", AS_OF);
    const result = JSON.parse(score.stdout) as Record<string, unknown>;
    expect([result.model, result.score, result.bucket]).toEqual(["chained", 6, "Big"]);
  });

  it("explain and diff describe the chains", async () => {
    const explain = await run("explain", "--rules", "rules", "--lead", "lead.yaml", "--as-of", AS_OF);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain("Score: 6 = fit 3 + engagement 3");
    const diff = await run(
      "diff",
      "--base-dir",
      "rules",
      "--head-dir",
      "changed",
      "--as-of",
      AS_OF,
      "--format",
      "json",
    );
    expect(diff.code).toBe(0);
  });
});
