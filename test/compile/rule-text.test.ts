/**
 * Issue 9 item 21: a rule's `text` (what explanations quote) is printed from the compiled rule, and loading
 * an artifact prints it again and refuses one whose text differs. This proves the printed text says exactly
 * what the rule does: compiled again as a rule of its own, it gives the same rule — for every rule of the
 * reference ruleset, the `init` scaffold and 200 generated rulesets.
 */
import path from "node:path";
import { expect, test } from "vitest";
import type { Artifact, Rule } from "../../src/compile/artifact.js";
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

test("issue 9 item 21: every rule's text, compiled again, is the same rule (200 generated rulesets)", () => {
  let rules = 0;
  let rulesets = 0;
  for (let seed = 1; rulesets < 200; seed++) {
    const text = generateRuleset(new Random(seed), 12_000);
    const sources = [{ path: "generated.score", text }];
    if (compileSources(sources).artifact === null) continue; // refused on purpose (a quarter of them)
    rules += expectTextsRoundTrip(sources);
    rulesets += 1;
  }
  expect(rules).toBeGreaterThan(2000);
});
