import type { Artifact } from "../../src/compile/artifact.js";
import type { ScoreResult } from "../../src/eval/result.js";
import { Ruleset, type Lead } from "../../src/eval/ruleset.js";
import type { ScoringEvent } from "../../src/eval/event-index.js";
import { T } from "./artifact-builder.js";

/** Scores one lead with a hand-built artifact as of T (or `asOf`); artifact checks are tested elsewhere. */
export function scoreWith(
  artifact: Artifact,
  lead: Lead,
  events: ScoringEvent[] = [],
  asOf: number | string = T,
): ScoreResult {
  return new Ruleset(artifact).score(lead, events, { asOf });
}
