import { parseArtifact, serializeArtifact } from "../../src/compile/load-artifact.js";
import { compileSources } from "../../src/compile/compile-ruleset.js";
import { createRuleset } from "../../src/eval/ruleset.js";
import { formatText } from "../../src/syntax/format.js";
import type { Random } from "./random.js";

/**
 * Grammar-aware ruleset cases: rule files built from the language's own constructs (long and/or chains,
 * deep nesting, huge literals, every declaration), then often damaged (characters inserted, deleted or
 * repeated, Trojan Source characters, lone CRs). Each goes through check, compile, format and scoring.
 */

const FIELDS = ["n", "t", "d", "b", "s"] as const;

/** The longest chain a case may hold: 10,000 terms at full size, fewer when the case must stay small. */
let maxChainTerms = 10_000;
/**
 * Whether this ruleset may hold what is refused (literals beyond 10^15, nesting beyond 64 levels). Chosen
 * once per ruleset: chosen per literal or rule, every large ruleset would hold one, and no large ruleset
 * would ever get past the checker into compiling and scoring.
 */
let refusedParts = false;

function literal(random: Random): string {
  const roll = random.next();
  if (roll < 0.003) return refusedParts ? "9".repeat(random.int(16, 400)) : "999999999999999";
  if (roll < 0.006) return refusedParts ? "1000000000000001" : "1000000000000000";
  return String(random.int(1, 5000));
}

function comparison(random: Random): string {
  switch (random.int(0, 7)) {
    case 0:
      return `n ${random.pick([">", ">=", "<", "<=", "=", "!="])} ${literal(random)}`;
    case 1:
      return `t ${random.pick(["contains", "starts with", "ends with"])} "${random.pick(["VP", "ceo", "x\u202Ey", "é"])}"`;
    case 2:
      return `s in [${random.pick(["a", "a, b", "a, b, c"])}]`;
    case 3:
      return `n between ${random.int(-10, 10)} and ${literal(random)}`;
    case 4:
      return `${random.pick(FIELDS)} is ${random.pick(["missing", "present"])}`;
    case 5:
      return `b = ${random.pick(["true", "false"])}`;
    case 6:
      return `d ${random.pick([">", "<"])} 2026-0${random.int(1, 9)}-1${random.int(0, 9)}`;
    default:
      return `t in words`;
  }
}

function expression(random: Random, depth: number): string {
  const roll = random.next();
  if (depth <= 0 || roll < 0.4) return comparison(random);
  if (roll < 0.55) return `not ${expression(random, depth - 1)}`;
  if (roll < 0.7) return `(${expression(random, depth - 1)})`;
  const terms = random.chance(0.01) ? random.int(maxChainTerms / 10, maxChainTerms) : random.int(2, 6);
  const parts: string[] = [];
  for (let i = 0; i < terms; i++) {
    parts.push(
      i > 0 && random.chance(0.5) ? comparison(random) : expression(random, i === 0 ? depth - 1 : 0),
    );
  }
  return parts.join(
    random.chance(0.5) ? " and " : random.chance(0.5) ? " or " : random.pick([" and ", " or "]),
  );
}

function deepNesting(random: Random): string {
  const depth = random.int(50, 80);
  return `${"(not ".repeat(depth)}n > 1${")".repeat(depth)}`;
}

function rule(random: Random, engagement: boolean): string {
  const points = `${random.pick(["add", "subtract"])} ${literal(random)}`;
  if (engagement && random.chance(0.8)) {
    const terms = random.chance(0.01) ? random.int(maxChainTerms / 10, maxChainTerms) : random.int(1, 4);
    const where = Array.from({ length: terms }, () => `k ${random.pick([">", "<", "="])} ${literal(random)}`);
    const each = random.chance(0.5) ? ` each max ${random.int(1, 100)}` : "";
    const test = random.chance(0.5) ? ` where ${where.join(random.pick([" and ", " or "]))}` : "";
    return `when event = ${random.pick(["e1", "e2"])}${test} ${points}${each} within ${random.int(1, 90)}d`;
  }
  if (engagement) return `when no event within ${random.int(1, 90)}d ${points}`;
  const condition = refusedParts && random.chance(0.005) ? deepNesting(random) : expression(random, 3);
  return `when ${condition} ${points}`;
}

export function generateRuleset(random: Random, maxBytes: number): string {
  maxChainTerms = Math.max(10, Math.min(10_000, Math.floor(maxBytes / 20)));
  refusedParts = random.chance(0.25);
  const target = random.size(maxBytes);
  const lines = [
    'ruleset "fuzz" version 1',
    "",
    "lead {",
    "  id: string",
    "  n: number?",
    "  t: string?",
    "  d: date?",
    "  b: boolean?",
    "  s: string?",
    "}",
    "",
    "event e1 { u: string?, k: number? }",
    "event e2 { k: number? }",
    "list words = [alpha, beta, gamma]",
    "",
  ];
  let size = lines.join("\n").length;
  let models = 0;
  while (size < target || models === 0) {
    const when = models === 0 ? "" : ` when ${expression(random, 2)}`;
    const model = [`model m${models}${when} {`, "  fit {"];
    for (let i = random.int(1, 5); i > 0; i--) model.push(`    ${rule(random, false)}`);
    model.push("  }", "  engagement {");
    for (let i = random.int(0, 4); i > 0; i--) model.push(`    ${rule(random, true)}`);
    if (random.chance(0.3)) model.push(`    decay ${random.int(1, 99)}% every ${random.int(1, 60)}d`);
    model.push("  }", "}", "");
    lines.push(...model);
    size += model.join("\n").length;
    models += 1;
    if (models > 2000) break;
  }
  if (random.chance(0.5)) lines.push(`exclude when ${expression(random, 2)} because "out"`);
  if (random.chance(0.5)) lines.push("grade fit A >= 50, B >= 20, else C");
  if (random.chance(0.3)) {
    const bounds = [literal(random), literal(random)].sort((a, b) => Number(a) - Number(b));
    // An empty range (low above high) is refused (LS413): only rulesets that may be refused get one.
    if (refusedParts && random.chance(0.5)) bounds.reverse();
    lines.push(`clamp score between ${bounds[0]} and ${bounds[1]}`);
  }
  lines.push(`bucket Hot >= ${literal(random)} -> route sales within 4h say "call"`);
  lines.push("bucket Rest otherwise -> disqualify", "");
  return lines.join("\n");
}

const DAMAGE = [
  "\u202E",
  "\u2066",
  "\u200B",
  "\r",
  "\r\n",
  '"',
  "(",
  ")",
  "{",
  "}",
  "model ",
  "and ",
  "or ",
  "not ",
  "#",
  "\\",
  "\uFEFF",
  "9".repeat(30),
];

/** Damage of the kinds people and attackers cause: insertions, deletions, repetitions. */
export function damage(random: Random, text: string): string {
  let result = text;
  for (let i = random.int(1, 4); i > 0; i--) {
    const at = random.int(0, result.length);
    switch (random.int(0, 3)) {
      case 0:
        result = result.slice(0, at) + random.pick(DAMAGE) + result.slice(at);
        break;
      case 1:
        result = result.slice(0, at) + result.slice(at + random.int(1, 20));
        break;
      case 2: {
        const piece = result.slice(at, at + random.int(1, 40));
        result =
          result.slice(0, at) +
          piece.repeat(random.chance(0.05) ? random.int(100, 20_000) : 2) +
          result.slice(at);
        break;
      }
      default:
        result =
          result.slice(0, at) +
          "model ".repeat(random.int(1, random.chance(0.02) ? 50_000 : 5)) +
          result.slice(at);
    }
  }
  return result;
}

const LEADS = [
  { id: "L1", n: 12, t: "VP Sales", d: "2026-03-01", b: true, s: "a" },
  { id: "L2", n: 5000, t: "x\u202Ey", s: "c" },
  { id: "L3" },
];
const EVENTS = [
  { type: "e1", at: "2026-10-30T10:00:00Z", u: "/p", k: 3 },
  { type: "e2", at: "2026-09-01T00:00:00Z" },
];

export interface RulesetOutcome {
  bytes: number;
  compiled: boolean;
}

/** Runs one ruleset through every stage; throws with a description when an invariant breaks. */
export function runRulesetCase(text: string): RulesetOutcome {
  const sources = [{ path: "fuzz.score", text }];
  const first = compileSources(sources);
  const formatted = formatText("fuzz.score", text);
  if (formatted.ok) {
    const again = formatText("fuzz.score", formatted.text);
    if (!again.ok || again.text !== formatted.text) throw new Error("formatting is not idempotent");
  }
  if (first.artifact === null) return { bytes: text.length, compiled: false };
  const bytes = serializeArtifact(first.artifact);
  const second = compileSources(sources);
  if (second.artifact === null || serializeArtifact(second.artifact) !== bytes) {
    throw new Error("compiling twice gave different artifacts");
  }
  const loaded = parseArtifact(bytes);
  if ("error" in loaded) throw new Error(`the compiled artifact does not load: ${loaded.error}`);
  const ruleset = createRuleset(loaded.artifact);
  for (const lead of LEADS) {
    const result = ruleset.score(lead, EVENTS, { asOf: "2026-11-01T00:00:00Z" });
    for (const value of [
      result.fit,
      result.engagement,
      result.score,
      ...result.contributions.map((c) => c.points),
    ]) {
      if (value !== null && !Number.isFinite(value)) throw new Error(`a result holds ${value}`);
    }
  }
  return { bytes: text.length, compiled: true };
}
