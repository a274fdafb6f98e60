/**
 * Issue 9 item 21: a rule's `text` (what explanations quote) is printed from the compiled rule, and loading
 * an artifact prints it again and refuses one whose text differs. This proves the printed text says exactly
 * what the rule does: compiled again as a rule of its own, it gives the same rule — for every rule of the
 * reference ruleset, the `init` scaffold and 200 generated rulesets.
 */
import path from "node:path";
import { expect, test } from "vitest";
import type { Artifact, Rule, SourceLocation } from "../../src/compile/artifact.js";
import { compileSources, readDirectorySources } from "../../src/compile/compile-ruleset.js";
import { checkArtifact } from "../../src/compile/load-artifact.js";
import { describeRule } from "../../src/compile/print-artifact.js";
import { Random } from "../../scripts/fuzz/random.js";
import { generateRuleset } from "../../scripts/fuzz/rulesets.js";
import { PROJECT_ROOT, RULES_DIR } from "../support/paths.js";

type Sources = Array<{ path: string; text: string }>;

function compiled(sources: Sources): Artifact {
  const result = compileSources(sources);
  if (result.artifact === null) {
    throw new Error(result.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  }
  return result.artifact;
}

/** What a rule does, without where it is written. */
const meaning = ({ match, points, each, max, withinMs, within, text }: Rule) => ({
  match,
  points,
  each,
  max,
  withinMs,
  within,
  text,
});

/**
 * Every rule's text, written back as the rules of extra models beside the originals, compiles to the same
 * rules (match, points, caps, window and text). Returns how many rules were compared.
 */
function expectTextsRoundTrip(sources: Sources): number {
  const artifact = compiled(sources);
  expect(checkArtifact(structuredClone(artifact))).toEqual({ artifact });
  const extra = artifact.models.map((model, index) => {
    const section = (name: "fit" | "engagement") =>
      model.rules.filter((rule) => rule.section === name).map((rule) => `    ${rule.text}`);
    return [
      `model zz_text_${index} when id is missing {`,
      "  fit {",
      ...section("fit"),
      "  }",
      "  engagement {",
      ...section("engagement"),
      "  }",
      "}",
    ].join("\n");
  });
  const again = compiled([...sources, { path: "zz-text.score", text: `${extra.join("\n")}\n` }]);
  let compared = 0;
  artifact.models.forEach((model, index) => {
    const copy = again.models.find((m) => m.name === `zz_text_${index}`)!;
    const sorted = (rules: readonly Rule[]) =>
      ["fit", "engagement"].flatMap((section) => rules.filter((rule) => rule.section === section));
    expect(sorted(copy.rules).map(meaning)).toEqual(sorted(model.rules).map(meaning));
    for (const rule of model.rules) expect(rule.text).toBe(describeRule(rule));
    compared += model.rules.length;
  });
  return compared;
}

test("issue 9 item 21: every rule's text, compiled again, is the same rule (reference and scaffold)", async () => {
  const reference = await readDirectorySources(RULES_DIR);
  const scaffold = await readDirectorySources(path.join(PROJECT_ROOT, "src/init/files/rules"));
  expect(expectTextsRoundTrip(reference) + expectTextsRoundTrip(scaffold)).toBe(56);
});

/** The first `count` generated rulesets that compile (the generator refuses a quarter on purpose). */
function* generatedRulesets(count: number): Generator<Sources> {
  let rulesets = 0;
  for (let seed = 1; rulesets < count; seed++) {
    const sources = [{ path: "generated.score", text: generateRuleset(new Random(seed), 12_000) }];
    if (compileSources(sources).artifact === null) continue;
    yield sources;
    rulesets += 1;
  }
}

test("issue 9 item 21: every rule's text, compiled again, is the same rule (200 generated rulesets)", () => {
  let rules = 0;
  for (const sources of generatedRulesets(200)) rules += expectTextsRoundTrip(sources);
  expect(rules).toBeGreaterThan(2000);
}, 180_000);

type Located = { loc: SourceLocation; text: string };

/** Every bucket (global, then each model's) and exclusion of an artifact, with its place and text. */
function bucketsAndExclusions(artifact: Artifact): Located[] {
  return [...artifact.buckets, ...artifact.models.flatMap((m) => m.buckets ?? []), ...artifact.exclusions];
}

/** What buckets and exclusions do, without where they are written. */
function withoutPlaces(artifact: Artifact): unknown {
  const strip = ({ loc: _loc, ...rest }: { loc: SourceLocation }) => rest;
  return {
    buckets: artifact.buckets.map(strip),
    models: artifact.models.map((model) => model.buckets?.map(strip) ?? null),
    exclusions: artifact.exclusions.map(strip),
  };
}

/** A file's text with each construct's declaration (its half-open span) replaced by the construct's text. */
function replaceDeclarations(source: { path: string; text: string }, constructs: readonly Located[]): string {
  const lineStarts = [source.text.startsWith("\uFEFF") ? 1 : 0];
  for (let i = source.text.indexOf("\n"); i !== -1; i = source.text.indexOf("\n", i + 1))
    lineStarts.push(i + 1);
  const offset = (line: number, column: number) => lineStarts[line - 1]! + column - 1;
  const spans = constructs
    .filter(({ loc }) => loc.file === source.path)
    .map(({ loc, text }) => ({
      start: offset(loc.line, loc.column),
      end: offset(loc.endLine, loc.endColumn),
      text,
    }))
    .sort((a, b) => b.start - a.start);
  let text = source.text;
  for (const span of spans) text = text.slice(0, span.start) + span.text + text.slice(span.end);
  return text;
}

/**
 * Every bucket's and exclusion's text, written in place of its declaration, compiles to the same bucket or
 * exclusion (test, actions, reason, match, window and text). Returns how many were compared.
 */
function expectBucketAndExclusionTextsRoundTrip(sources: Sources): number {
  const artifact = compiled(sources);
  const constructs = bucketsAndExclusions(artifact);
  for (const construct of constructs) expect(sources.map((s) => s.path)).toContain(construct.loc.file);
  const again = compiled(
    sources.map((source) => ({ ...source, text: replaceDeclarations(source, constructs) })),
  );
  expect(withoutPlaces(again)).toEqual(withoutPlaces(artifact));
  return constructs.length;
}

test("issue 9 item 21: every bucket's and exclusion's text, compiled again, is the same (reference and scaffold)", async () => {
  const reference = await readDirectorySources(RULES_DIR);
  const scaffold = await readDirectorySources(path.join(PROJECT_ROOT, "src/init/files/rules"));
  expect(expectBucketAndExclusionTextsRoundTrip(reference)).toBe(10);
  expect(expectBucketAndExclusionTextsRoundTrip(scaffold)).toBeGreaterThan(0);
});

test("issue 9 item 21: every bucket's and exclusion's text, compiled again, is the same (200 generated rulesets)", () => {
  let constructs = 0;
  for (const sources of generatedRulesets(200)) constructs += expectBucketAndExclusionTextsRoundTrip(sources);
  expect(constructs).toBeGreaterThan(400);
}, 180_000);
