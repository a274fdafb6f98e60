import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { Artifact } from "../../src/compile/artifact.js";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import type { ScoringEvent } from "../../src/eval/event-index.js";
import { RULES_DIR } from "./paths.js";

/** One case of the reference fixtures (rules/tests/acme.test.yaml), as plain JSON data. */
export interface ReferenceCase {
  name: string;
  lead: Record<string, unknown>;
  events: ScoringEvent[];
  expect: Record<string, unknown>;
}

export interface ReferenceFixture {
  artifact: Artifact;
  asOf: string;
  cases: ReferenceCase[];
}

/** The reference rules compiled, and their fixture cases: what every engine must score alike. */
export async function loadReferenceFixture(): Promise<ReferenceFixture> {
  const compiled = await compileDirectory(RULES_DIR, { displayPrefix: "rules" });
  if (compiled.artifact === null) throw new Error("the reference rules do not compile");
  const fixture = parse(readFileSync(path.join(RULES_DIR, "tests/acme.test.yaml"), "utf8")) as {
    as_of: string;
    cases: ReferenceCase[];
  };
  return { artifact: compiled.artifact, asOf: fixture.as_of, cases: fixture.cases };
}
