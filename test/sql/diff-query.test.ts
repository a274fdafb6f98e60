import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Artifact } from "../../src/compile/artifact.js";
import { compileSources } from "../../src/compile/compile-ruleset.js";
import { dialectNamed } from "../../src/sql/dialect.js";
import { pairQuery } from "../../src/sql/diff-query.js";
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

/** The names of the CTEs `pairQuery` writes for the head, in order. */
function headCtes(head: Artifact, headAsOf = AS_OF): string[] {
  const sql = pairQuery({
    dialect: dialectNamed("duckdb"),
    base: reference(),
    head,
    baseAsOf: AS_OF,
    headAsOf,
    leads: { kind: "table", path: ["leads"] },
    events: { kind: "table", path: ["events"] },
  });
  return [...sql.matchAll(/^"(h_[a-z_]+)" AS \(/gm)].map((match) => match[1]!);
}

describe("pairQuery: what both sides compute alike is computed once", () => {
  it("a routing threshold changed: the head reads the base's leads, events and event facts", () => {
    const head = reference((file, text) =>
      file === "routing.score" ? text.replace("bucket MQL >= 100", "bucket MQL >= 90") : text,
    );
    const ctes = headCtes(head);
    expect(ctes).not.toContain("h_ls_leads");
    expect(ctes).not.toContain("h_ls_events");
    expect(ctes).not.toContain("h_ls_facts");
    expect(ctes.at(-1)).toBe("h_result");
  });

  it("an event rule added: the head aggregates the events itself, from the base's normalised events", () => {
    const head = reference((file, text) =>
      file === "enterprise.score"
        ? text.replace(
            "    decay 50% every 30d",
            "    when event = content_download add 7 within 10d\n    decay 50% every 30d",
          )
        : text,
    );
    const ctes = headCtes(head);
    expect(ctes).not.toContain("h_ls_leads");
    expect(ctes).not.toContain("h_ls_events");
    expect(ctes).toContain("h_ls_facts");
  });

  it("another as-of instant: event facts are the head's own", () => {
    const ctes = headCtes(reference(), AS_OF - 86_400_000);
    expect(ctes).toContain("h_ls_facts");
    expect(ctes).not.toContain("h_ls_leads");
  });

  it("the same rules: only the head's result is left, read from the base's CTEs", () => {
    expect(headCtes(reference())).toEqual(["h_result"]);
  });
});
