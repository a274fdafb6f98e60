import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Artifact } from "../../src/compile/artifact.js";
import { compileSources } from "../../src/compile/compile-ruleset.js";
import { RULES_DIR } from "../support/paths.js";

/** A small ruleset with one of everything the semantic diff compares. */
export const BASE_RULES = `ruleset "t" version 1

lead {
  id: string
  email: string
  title: string
  employees: number?
  country: string?
  stage: lead | customer
}

event email_open
event page_view { url: string }
event demo_request

list target_countries = [US, CA]

exclude when email ends with "@rival.com" because "competitor"

grade fit A >= 50, B >= 30, else C
grade engagement 1 >= 40, 2 >= 10, else 3

bucket Hot >= 100 -> route sales within 4h
bucket Warm >= 40 -> route sales within 48h say "Send an email"
bucket Cold otherwise -> nurture "digest"

model customer when stage = customer {
  fit {
    when employees >= 200 add 10
  }
  engagement {
    when event = page_view where url starts with "/pricing" add 15 each max 30 within 30d
  }
  bucket Expansion >= 30 -> route account_management within 24h
  bucket Healthy otherwise -> nurture "newsletter"
}

model main {
  fit {
    when title in [CEO, CTO] add 30
    when country in target_countries add 5
    when employees >= 500 add 10
  }
  engagement {
    when event = email_open add 2 each max 10 within 30d
    when event = demo_request add 50 within 30d
    when no event within 90d subtract 20
    decay 50% every 30d
  }
}
`;

/** Compiles rule text as `rules/main.score`; fails the test on any error. */
export function compileRules(text: string, file = "rules/main.score"): Artifact {
  const result = compileSources([{ path: file, text }]);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (result.artifact === null || errors.length > 0) {
    throw new Error(
      `rules do not compile: ${errors.map((d) => `${d.span.start.line}: ${d.message}`).join("; ")}`,
    );
  }
  return result.artifact;
}

/** The base rules with text replaced; fails when the text to replace is not there exactly once. */
export function edit(text: string, ...replacements: Array<[string, string]>): string {
  let edited = text;
  for (const [from, to] of replacements) {
    const count = edited.split(from).length - 1;
    if (count !== 1) throw new Error(`expected one \`${from}\`, found ${count}`);
    edited = edited.replace(from, to);
  }
  return edited;
}

/**
 * Writes the reference rules into `project` as a diff's two sides: `base/` as they are (but
 * schema.score, which both sides share as changed) and `rules/` with `changes` (per file) applied.
 */
export function writeReferenceSides(project: string, changes: Record<string, Array<[string, string]>>): void {
  mkdirSync(path.join(project, "base"), { recursive: true });
  mkdirSync(path.join(project, "rules"), { recursive: true });
  for (const name of readdirSync(RULES_DIR).filter((file) => file.endsWith(".score"))) {
    const text = readFileSync(path.join(RULES_DIR, name), "utf8");
    let head = text;
    for (const [from, to] of changes[name] ?? []) {
      if (!head.includes(from)) throw new Error(`${name}: no \`${from}\``);
      head = head.replace(from, to);
    }
    writeFileSync(path.join(project, "base", name), name === "schema.score" ? head : text);
    writeFileSync(path.join(project, "rules", name), head);
  }
}
