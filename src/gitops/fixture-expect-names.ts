import type { Artifact, GradeScale } from "../compile/artifact.js";
import { closestName, editDistance } from "../diagnostics/suggest.js";
import type { ExpectKey, FixtureCase, FixtureProblem } from "./fixture-types.js";

/** The expectation keys whose value is a name the ruleset declares. */
type NamedKey = Extract<ExpectKey, "model" | "grade" | "bucket" | "excluded">;

/** Every name a result can hold under one ruleset, per key, in declaration order. */
export type ResultNames = Record<NamedKey, readonly string[]>;

interface NameKind {
  key: NamedKey;
  /** What one name is called in a message. */
  noun: string;
  /** The list shown when no name is close: `the rules' buckets: …`, or how it reads when there is none. */
  list: string;
  none: string;
}

const KINDS: readonly NameKind[] = [
  { key: "model", noun: "model", list: "the rules' models", none: "the rules have no models" },
  { key: "grade", noun: "grade", list: "the grades the rules give", none: "the rules give no grades" },
  { key: "bucket", noun: "bucket", list: "the rules' buckets", none: "the rules have no buckets" },
  {
    key: "excluded",
    noun: "exclusion reason",
    list: "the rules' exclusion reasons",
    none: "the rules exclude no leads",
  },
];

/**
 * The models, the grades the scales can give (every fit label with every engagement label, as results
 * spell them), the buckets (global and each model's own) and the exclusion reasons.
 */
export function resultNames(artifact: Artifact): ResultNames {
  const fitLabels = labelsOf(artifact.grades.fit);
  const engagementLabels = labelsOf(artifact.grades.engagement);
  return {
    model: artifact.models.map((model) => model.name),
    grade: fitLabels.flatMap((fit) => engagementLabels.map((engagement) => fit + engagement)),
    bucket: unique([
      ...artifact.buckets.map((bucket) => bucket.name),
      ...artifact.models.flatMap((model) => (model.buckets ?? []).map((bucket) => bucket.name)),
    ]),
    excluded: unique(artifact.exclusions.map((exclusion) => exclusion.reason)),
  };
}

/**
 * An expected name the ruleset does not have can never match: a typo (`Nurtrue`) would otherwise read as
 * the rules deciding something else. Such a value is a problem of the fixture, located at the value, with
 * the closest name or the list to choose from. Names compare exactly, as the results are compared.
 */
export function unknownNameProblems(fixture: FixtureCase, names: ResultNames): FixtureProblem[] {
  const problems: FixtureProblem[] = [];
  for (const kind of KINDS) {
    const value = fixture.expect[kind.key];
    const at = fixture.expectAt[kind.key];
    if (typeof value !== "string" || at === undefined) continue;
    const known = names[kind.key];
    if (known.includes(value)) continue;
    problems.push({ file: fixture.file, ...at, message: unknownNameMessage(kind, value, known) });
  }
  return problems;
}

function unknownNameMessage(kind: NameKind, value: string, known: readonly string[]): string {
  const head = `unknown ${kind.noun} \`${value}\` in \`expect.${kind.key}\``;
  if (known.length === 0) return `${head} (${kind.none})`;
  const suggestion = onlyClosest(value, known);
  if (suggestion !== undefined) return `${head}: did you mean \`${suggestion}\`?`;
  return `${head} (${kind.list}: ${known.join(", ")})`;
}

/** The closest name when no other is as close: `E1` is as near `A1` as `B1`, and suggesting one misleads. */
function onlyClosest(value: string, known: readonly string[]): string | undefined {
  const closest = closestName(value, known);
  if (closest === undefined) return undefined;
  const distance = (name: string) => editDistance(value.toLowerCase(), name.toLowerCase());
  const best = distance(closest);
  return known.filter((name) => distance(name) === best).length === 1 ? closest : undefined;
}

/** A scale's labels: its tiers, then its `else` label. */
function labelsOf(scale: GradeScale | null): string[] {
  if (scale === null) return [];
  const labels = scale.tiers.map((tier) => tier.label);
  return scale.fallback === null ? labels : [...labels, scale.fallback];
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}
