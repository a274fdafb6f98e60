/**
 * The runtime's optional file loader (`leadscore/runtime/file`): the one part of the runtime that uses
 * Node's file system, kept apart so that the scoring entry point runs in browsers and edge workers.
 */
import { readRulesetText } from "../eval/read-ruleset-file.js";
import { createRuleset, type Ruleset } from "../eval/ruleset.js";

/** A ruleset from a compiled artifact file (`.json`). Rejects with RulesetLoadError, saying why. */
export async function loadRulesetFile(path: string): Promise<Ruleset> {
  return createRuleset(await readRulesetText(path));
}
