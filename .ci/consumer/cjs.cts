// A CommonJS service using the packed package (Node 20.19+ can require an ES module).
import { LeadValidationError, loadRuleset, type ScoreResult } from "leadscore";
import { createRuleset } from "leadscore/runtime";

const ARTIFACT = "rules-repo/ruleset.json";
const asOf = "2026-01-01T00:00:00Z";
const lead = { id: "smoke" };

void loadRuleset(ARTIFACT).then((library) => {
  const runtime = createRuleset(library.artifact);
  const fromLibrary: ScoreResult = library.score(lead, [], { asOf });
  const fromRuntime: ScoreResult = runtime.score(lead, [], { asOf });
  if (JSON.stringify(fromLibrary) !== JSON.stringify(fromRuntime)) {
    throw new Error("the library and the runtime scored the same lead differently");
  }
  let refused = false;
  try {
    runtime.score({ id: "bad", employees: "many" }, [], { asOf, validate: true });
  } catch (error) {
    if (!(error instanceof LeadValidationError)) throw error;
    refused = true;
  }
  if (!refused) throw new Error("the runtime scored a lead that does not match the schema");
  console.log(
    `CommonJS consumer: lead ${fromLibrary.id} scored ${fromLibrary.score}, bucket ${fromLibrary.bucket}`,
  );
});
