import { checkBuckets } from "./check-buckets.js";
import { checkConditions } from "./check-conditions.js";
import { checkGrades } from "./check-grades.js";
import { checkLists } from "./check-lists.js";
import { checkModels } from "./check-models.js";
import { checkRules } from "./check-rules.js";
import type { CheckPass } from "./program.js";

/**
 * The check passes, in the order they run. Each reports its own diagnostics and none depends on another's
 * results, except check-lists, which reads the list uses that check-conditions records.
 */
export const checkPasses: readonly CheckPass[] = [
  checkConditions,
  checkRules,
  checkModels,
  checkGrades,
  checkBuckets,
  checkLists,
];
