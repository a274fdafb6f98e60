// An ES module service using the packed package: the full library and the scoring runtime agree.
import { loadRuleset, RulesetLoadError, type ScoreResult } from "leadscore";
import { createRuleset } from "leadscore/runtime";
import { loadRulesetFile } from "leadscore/runtime/file";

const ARTIFACT = "rules-repo/ruleset.json";
const asOf = "2026-01-01T00:00:00Z";
const lead = { id: "smoke" };

const library = await loadRuleset(ARTIFACT);
const runtime = createRuleset((await loadRulesetFile(ARTIFACT)).artifact);
const fromLibrary: ScoreResult = library.score(lead, [], { asOf });
const fromRuntime: ScoreResult = runtime.score(lead, [], { asOf });
if (JSON.stringify(fromLibrary) !== JSON.stringify(fromRuntime)) {
  throw new Error("the library and the runtime scored the same lead differently");
}
try {
  createRuleset("{}");
  throw new Error("the runtime accepted an artifact that is not one");
} catch (error) {
  if (!(error instanceof RulesetLoadError)) throw error;
}
console.log(`ESM consumer: lead ${fromLibrary.id} scored ${fromLibrary.score}, bucket ${fromLibrary.bucket}`);
