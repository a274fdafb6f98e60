import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileSources } from "../../src/compile/compile-ruleset.js";
import { dialectNamed } from "../../src/sql/dialect.js";
import { pairQuery, type PairPart } from "../../src/sql/diff-query.js";
import { relationProblem } from "../../src/sql/emit.js";
import { PROJECT_ROOT, RULES_DIR } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";

describe("the relations a command names", () => {
  it("a table named like a step of the generated SQL must be named with its schema", () => {
    for (const name of ["ls_events", "LS_Leads", "ls_facts", "b_ls_events", "h_result"]) {
      expect(relationProblem(name, { dialect: "postgres", dbt: false })).toBe(
        `\`${name}\` is also the name of a step of the generated SQL (ls_…): name the table with its schema, e.g. public.${name}`,
      );
    }
    expect(relationProblem("ls_events", { dialect: "duckdb", dbt: false })).toContain("e.g. main.ls_events");
    for (const name of [
      "public.ls_events",
      "crm.leads",
      "leads",
      "lsevents",
      "result",
      "ls_events.parquet",
    ]) {
      expect(relationProblem(name, { dialect: "duckdb", dbt: false })).toBeNull();
    }
  });

  it("every CTE the generators write is such a step", () => {
    const golden = path.join(PROJECT_ROOT, "test/golden/sql");
    const names = new Set<string>();
    for (const file of readdirSync(golden).filter((name) => name.endsWith(".sql"))) {
      for (const match of readFileSync(path.join(golden, file), "utf8").matchAll(/^"([a-z_]+)" AS \(/gm))
        names.add(match[1]!);
    }
    const artifact = compileSources(
      readdirSync(RULES_DIR)
        .filter((name) => name.endsWith(".score"))
        .map((name) => ({ path: name, text: readFileSync(path.join(RULES_DIR, name), "utf8") })),
    ).artifact!;
    // Each side apart (another as-of instant), and both in one chain (the same), over two parts.
    for (const headAsOf of [1, 0]) {
      const part: PairPart = {
        leads: { kind: "table", path: ["leads"] },
        events: { kind: "table", path: ["events"] },
      };
      const pair = pairQuery({
        dialect: dialectNamed("postgres"),
        base: artifact,
        head: artifact,
        baseAsOf: 0,
        headAsOf,
        parts: [part, part],
        kept: { base: new Set(), head: new Set() },
      });
      for (const match of pair.matchAll(/^"([a-z_0-9]+)" AS \(/gm)) names.add(match[1]!);
    }
    expect(names.size).toBeGreaterThan(20);
    for (const name of names)
      expect(relationProblem(name, { dialect: "postgres", dbt: false }), name).not.toBeNull();
  });

  it("an option that names tables says so of a file", () => {
    expect(relationProblem("leads.csv", { dialect: "postgres", dbt: false, tablesOnly: true })).toBe(
      "`leads.csv` is a file; this option names a table, [schema.]table",
    );
    expect(relationProblem("leads.csv", { dialect: "postgres", dbt: false })).toBe(
      "`leads.csv` is a file; only --dialect duckdb reads files, other dialects read tables",
    );
  });

  it("leadscore sql refuses it before writing anything", async () => {
    const run = await runLeadscore(
      ["sql", "--rules", RULES_DIR, "--dialect", "postgres", "--events", "ls_events"],
      PROJECT_ROOT,
    );
    expect(run).toMatchObject({
      code: 2,
      stdout: "",
      stderr:
        "leadscore: --events: `ls_events` is also the name of a step of the generated SQL (ls_…): name the table with its schema, e.g. public.ls_events\n",
    });
  });
});
