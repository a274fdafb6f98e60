import { checkBuckets } from "./check-buckets.js";
import { checkConditions } from "./check-conditions.js";
import { checkGrades } from "./check-grades.js";
import { checkLists } from "./check-lists.js";
import { checkModels } from "./check-models.js";
import { checkRules } from "./check-rules.js";
import type { CheckPass } from "./program.js";
import { resolveNames } from "./resolve-names.js";

/**
 * The check passes, in the order they run. Each reports its own diagnostics. resolve-names runs first:
 * check-conditions reads the bindings it keeps on the program (and lowering reads them after a clean
 * check); check-lists reads the list uses that resolve-names and check-conditions record.
 */
export const checkPasses: readonly CheckPass[] = [
  resolveNames,
  checkConditions,
  checkRules,
  checkModels,
  checkGrades,
  checkBuckets,
  checkLists,
];
