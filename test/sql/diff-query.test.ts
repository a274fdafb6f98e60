import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Artifact } from "../../src/compile/artifact.js";
import { compileSources } from "../../src/compile/compile-ruleset.js";
import { dialectNamed } from "../../src/sql/dialect.js";
import { pairColumns, pairQuery } from "../../src/sql/diff-query.js";
import { decodedRules } from "../../src/sql/decode.js";
import { Attribution } from "../../src/diff/attribution.js";
import { planChanges } from "../../src/diff/rules.js";
import { RULES_DIR } from "../support/paths.js";

const AS_OF = Date.UTC(2026, 10, 1);

/** The reference rules, with `change` applied to the text of each file. */
function reference(change: (file: string, text: string) => string = (_, text) => text): Artifact {
  const sources = readdirSync(RULES_DIR)
    .filter((name) => name.endsWith(".score"))
    .map((name) => ({
      path: `rules/${name}`,
      text: change(name, readFileSync(path.join(RULES_DIR, name), "utf8")),
    }));
  const compiled = compileSources(sources);
  expect(compiled.diagnostics).toEqual([]);
  return compiled.artifact!;
}

/** `pairQuery` on DuckDB of the reference rules against `head`. */
function pairSql(head: Artifact, headAsOf = AS_OF): string {
  return pairQuery({
    dialect: dialectNamed("duckdb"),
    base: reference(),
    head,
    baseAsOf: AS_OF,
    headAsOf,
    parts: [{ leads: { kind: "table", path: ["leads"] }, events: { kind: "table", path: ["events"] } }],
    kept: { base: new Set(), head: new Set() },
  });
}

/** The names of the CTEs `pairQuery` writes for the head, in order. */
function headCtes(head: Artifact, headAsOf = AS_OF): string[] {
  return [...pairSql(head, headAsOf).matchAll(/^"(h_[a-z_]+)" AS \(/gm)].map((match) => match[1]!);
}

/** The text of a CTE of the query, from its name to its closing parenthesis. */
function cteBody(sql: string, name: string): string {
  const start = sql.indexOf(`"${name}" AS (`);
  expect(start).toBeGreaterThanOrEqual(0);
  return sql.slice(start, sql.indexOf("\n)", start));
}

/** How many aggregate columns (`a<i>`) a CTE of the query has. */
function aggregates(sql: string, name: string): number {
  return cteBody(sql, name).match(/ AS "a\d+"/g)!.length;
}

/** The reference rules with an event rule added to the enterprise model (a type the base reads already). */
const withEventRule = reference((file, text) =>
  file === "enterprise.score"
    ? text.replace(
        "    decay 50% every 30d",
        "    when event = content_download add 7 within 10d\n    decay 50% every 30d",
      )
    : text,
);

describe("pairQuery: what both sides compute alike is computed once", () => {
  it("a routing threshold changed: the head reads the base's leads, events and event facts", () => {
    const head = reference((file, text) =>
      file === "routing.score" ? text.replace("bucket MQL >= 100", "bucket MQL >= 90") : text,
    );
    const ctes = headCtes(head);
    expect(ctes).not.toContain("h_ls_leads");
    expect(ctes).not.toContain("h_ls_events");
    expect(ctes).not.toContain("h_ls_facts");
    expect(ctes.slice(-2)).toEqual(["h_result", "h_pair"]);
  });

  it("an event rule added: one events step and one facts step serve both sides", () => {
    const sql = pairSql(withEventRule);
    expect(headCtes(withEventRule)).toEqual([
      "h_ls_chosen",
      "h_ls_points",
      "h_ls_totals",
      "h_ls_scored",
      "h_ls_bucketed",
      "h_result",
      "h_pair",
    ]);
    // The head's ls_chosen reads the base's facts, which serve the new rule too: with no aggregate more
    // than the base alone, as the latest content_download within 60 days (a base rule's) tells whether
    // one is within 10.
    expect(cteBody(sql, "h_ls_chosen")).toContain('JOIN "b_ls_facts" AS "f"');
    expect(aggregates(sql, "b_ls_facts")).toBe(aggregates(pairSql(reference()), "b_ls_facts"));
    expect(cteBody(sql, "h_ls_points")).toContain(`"c"."e`);
  });

  it("an event rule reading a property no base rule reads: each side reads and aggregates the events", () => {
    const head = reference((file, text) =>
      file === "enterprise.score"
        ? text.replace(
            "    decay 50% every 30d",
            '    when event = content_download where asset = "guide" add 7 within 10d\n    decay 50% every 30d',
          )
        : text,
    );
    const ctes = headCtes(head);
    expect(ctes).toContain("h_ls_events");
    expect(ctes).toContain("h_ls_event_flags");
    expect(ctes).toContain("h_ls_facts");
    expect(ctes).not.toContain("h_ls_leads");
  });

  it("an event rule added, another as-of instant: each side keeps its own event facts", () => {
    const ctes = headCtes(withEventRule, AS_OF - 86_400_000);
    expect(ctes).toContain("h_ls_events");
    expect(ctes).toContain("h_ls_event_flags");
    expect(ctes).toContain("h_ls_facts");
  });

  it("another as-of instant: event facts are the head's own", () => {
    const ctes = headCtes(reference(), AS_OF - 86_400_000);
    expect(ctes).toContain("h_ls_facts");
    expect(ctes).not.toContain("h_ls_leads");
  });

  it("the same rules: only the head's result is left, read from the base's CTEs", () => {
    expect(headCtes(reference())).toEqual(["h_result", "h_pair"]);
  });
});

describe("pairQuery: a row keeps the points of the rules a change can be tied to, and which rules fired", () => {
  const head = reference((file, text) =>
    file === "enterprise.score"
      ? text.replace("when employees >= 5000 add 10", "when employees >= 5000 add 12")
      : text,
  );
  const base = reference();
  const kept = new Attribution(base, head, planChanges(base, head)).changedRules();
  const sql = pairQuery({
    dialect: dialectNamed("duckdb"),
    base,
    head,
    baseAsOf: AS_OF,
    headAsOf: AS_OF,
    parts: [{ leads: { kind: "table", path: ["leads"] }, events: { kind: "table", path: ["events"] } }],
    kept,
  });
  const groupBy = sql.slice(sql.lastIndexOf("\nGROUP BY "));
  const rules = decodedRules(base);
  const changed = rules.find(({ rule }) => rule.text === "when employees >= 5000 add 10")!;

  it("the changed rule is the one kept, on both sides (the same place in both rulesets)", () => {
    expect(kept).toEqual({ base: new Set([changed.rule.id]), head: new Set([changed.rule.id]) });
    expect([...groupBy.matchAll(/"p"\."([bh]_r\d+)"/g)].map((m) => m[1])).toEqual([
      `b_r${changed.index}`,
      `h_r${changed.index}`,
    ]);
  });

  it("every rule of both sides has its bit in a packed column, in the order pairColumns reads them", () => {
    const columns = pairColumns({ base, head }, kept);
    const names = [...sql.slice(sql.lastIndexOf("\nSELECT\n")).matchAll(/ AS "([a-z_0-9]+)"/g)].map(
      (m) => m[1]!,
    );
    // 36 rules a side: one packed integer each, bit k for the k-th rule.
    expect(columns.fired.base.map(({ id, at, bit }) => [id, names[at], bit])).toEqual(
      rules.map(({ rule }, k) => [rule.id, "b_fired0", k]),
    );
    expect(columns.fired.head.map(({ at, bit }) => [names[at], bit])).toEqual(
      decodedRules(head).map((_, k) => ["h_fired0", k]),
    );
    expect(columns.base.map(([name, at]) => [names[at], name])).toEqual(
      ["model", "excluded", "bucket", "score", "unclamped", `r${changed.index}`].map((name) => [
        `b_${name}`,
        name,
      ]),
    );
    expect(names[columns.outcome]).toBe("outcome");
    expect(names[columns.movedRow]).toBe("moved_row");
    expect(names[columns.leads]).toBe("leads");
    expect(sql).toContain(`BIT_OR("p"."b_fired0") AS "b_fired0"`);
    expect(sql).toContain(`CASE WHEN ("o"."r36" IS NOT NULL) THEN 34359738368 ELSE 0 END`);
  });
});

describe("pairQuery: both sides in one chain of steps when the head reads one step of the base", () => {
  const joinsSides = (sql: string) => sql.includes('JOIN "h_pair" AS "h"');

  it("a routing threshold changed: the head's steps read the base's scored leads beside its pair columns", () => {
    const head = reference((file, text) =>
      file === "routing.score" ? text.replace("bucket MQL >= 100", "bucket MQL >= 90") : text,
    );
    const sql = pairSql(head);
    expect(cteBody(sql, "h_ls_bucketed")).toContain('FROM "b_side" AS "s"');
    expect(cteBody(sql, "b_side")).toContain('FROM "b_ls_bucketed" AS "o"');
    expect(cteBody(sql, "b_side")).toContain('AS "b__bucket"');
    expect(sql).not.toContain('"b_result" AS (');
    expect(joinsSides(sql)).toBe(false);
    expect(cteBody(sql, "ls_pairs")).toContain('"h"."b__bucket" AS "b_bucket"');
  });

  it("a model's condition changed: the head reads the base's leads and facts, and the sides are joined", () => {
    const head = reference((file, text) =>
      file === "enterprise.score" ? text.replace("when employees >= 500 {", "when employees >= 400 {") : text,
    );
    const sql = pairSql(head);
    expect(cteBody(sql, "h_ls_chosen")).toContain('FROM "b_ls_leads" AS "l"');
    expect(sql).not.toContain('"b_side" AS (');
    expect(joinsSides(sql)).toBe(true);
  });
});
