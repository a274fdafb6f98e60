import type { Artifact, Bucket } from "./artifact.js";

/**
 * Every bucket of a ruleset: the global buckets, then each model's own, in declaration order. One
 * spelling of that order for everything that lists buckets (summaries, transitions, routing, reviews).
 */
export function everyBucket(artifact: Artifact): Bucket[] {
  return [...artifact.buckets, ...artifact.models.flatMap((model) => model.buckets ?? [])];
}
