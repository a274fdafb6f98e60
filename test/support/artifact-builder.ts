/**
 * Small hand-built artifacts for evaluator tests: each test states exactly the rules it needs, and the
 * builder fills in the rest (ids, source locations, content hash) the way the compiler would.
 */
import {
  ARTIFACT_FORMAT,
  ARTIFACT_FORMAT_VERSION,
  type Action,
  type Artifact,
  type Bucket,
  type BucketTest,
  type Clamp,
  type EventSchema,
  type Exclusion,
  type Expr,
  type FieldSchema,
  type FieldType,
  type GradeScale,
  type Literal,
  type Match,
  type Model,
  type Ref,
  type Rule,
  type SourceLocation,
} from "../../src/compile/artifact.js";
import { contentHashOf } from "../../src/compile/hash.js";
import { describeRule } from "../../src/compile/print-artifact.js";

export const FILE = "rules/test.score";
export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export function loc(line: number, file = FILE): SourceLocation {
  return { file, line, column: 3, endLine: line, endColumn: 40 };
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: HOUR, d: DAY, w: 7 * DAY };

export function ms(duration: string): number {
  const match = /^(\d+)([mhdw])$/.exec(duration);
  if (!match) throw new Error(`bad duration ${duration}`);
  return Number(match[1]) * UNIT_MS[match[2]!]!;
}

export function field(
  name: string,
  type: FieldType = "string",
  optional = true,
  values?: string[],
): FieldSchema {
  const schema: FieldSchema = { name, type, optional };
  if (values) schema.values = values;
  return schema;
}

export const ref = {
  lead: (name: string, type: FieldType = "string"): Ref => ({ scope: "lead", name, type }),
  event: (name: string, type: FieldType = "string"): Ref => ({ scope: "event", name, type }),
  result: (name: string, type: FieldType = "number"): Ref => ({ scope: "result", name, type }),
};

type Cmp = "=" | "!=" | "<" | "<=" | ">" | ">=";

export const x = {
  cmp: (r: Ref, cmp: Cmp, value: Literal): Expr => ({ op: "compare", cmp, ref: r, value }),
  eq: (r: Ref, value: Literal): Expr => ({ op: "compare", cmp: "=", ref: r, value }),
  in: (r: Ref, values: Literal[]): Expr => ({ op: "in", ref: r, values }),
  notIn: (r: Ref, values: Literal[]): Expr => ({ op: "not", arg: { op: "in", ref: r, values } }),
  contains: (r: Ref, ...values: string[]): Expr => ({ op: "contains", ref: r, values }),
  startsWith: (r: Ref, ...values: string[]): Expr => ({ op: "starts_with", ref: r, values }),
  endsWith: (r: Ref, ...values: string[]): Expr => ({ op: "ends_with", ref: r, values }),
  between: (r: Ref, low: Literal, high: Literal): Expr => ({ op: "between", ref: r, low, high }),
  missing: (r: Ref): Expr => ({ op: "missing", ref: r }),
  present: (r: Ref): Expr => ({ op: "present", ref: r }),
  not: (arg: Expr): Expr => ({ op: "not", arg }),
  and: (...args: Expr[]): Expr => ({ op: "and", args }),
  or: (...args: Expr[]): Expr => ({ op: "or", args }),
};

/** A rule before its model gives it an id (and its text, printed from it as the compiler does). */
export interface RuleDraft {
  line: number;
  match: Match;
  points: number;
  each: boolean;
  max: number | null;
  within: string | null;
}

let nextLine = 100;

/** Rules and buckets get consecutive line numbers from here on (for stable golden files). */
export function resetLines(start = 100): void {
  nextLine = start;
}

export function profileRule(expr: Expr, points: number): RuleDraft {
  return {
    line: nextLine++,
    match: { kind: "profile", expr },
    points,
    each: false,
    max: null,
    within: null,
  };
}

export function eventRule(
  types: string | string[],
  points: number,
  options: { each?: boolean; max?: number; within?: string; where?: Expr } = {},
): RuleDraft {
  return {
    line: nextLine++,
    match: {
      kind: "event",
      types: typeof types === "string" ? [types] : types,
      where: options.where ?? null,
    },
    points,
    each: options.each ?? false,
    max: options.max ?? null,
    within: options.within ?? null,
  };
}

export function noEventRule(types: string[] | null, within: string, points: number): RuleDraft {
  return {
    line: nextLine++,
    match: { kind: "no_event", types, withinMs: ms(within) },
    points,
    each: false,
    max: null,
    within: null,
  };
}

export function action(text: string): Action {
  const [verb, ...rest] = text.split(" ");
  if (verb === "disqualify") return { disqualify: true };
  if (verb === "nurture") return { nurture: rest.join(" ") };
  const [team, , within, , ...say] = rest;
  return {
    route: team!,
    within: within ?? null,
    withinMs: within ? ms(within) : null,
    say: say.length > 0 ? say.join(" ") : null,
  };
}

export function bucket(name: string, test: BucketTest, actions: Action[] = [], line = nextLine++): Bucket {
  return { name, text: `bucket ${name}`, loc: loc(line), test, actions };
}

export const test = {
  atLeast: (value: number): BucketTest => ({ kind: "threshold", cmp: ">=", value }),
  threshold: (cmp: Cmp, value: number): BucketTest => ({ kind: "threshold", cmp, value }),
  when: (expr: Expr): BucketTest => ({ kind: "when", expr }),
  otherwise: (): BucketTest => ({ kind: "otherwise" }),
};

export interface ModelDraft {
  when?: Expr | null;
  label?: string | null;
  fit?: RuleDraft[];
  engagement?: RuleDraft[];
  decay?: { percent: number; every: string };
  buckets?: Bucket[] | null;
  clamp?: { min: number; max: number } | null;
}

export function model(name: string, draft: ModelDraft = {}): Model {
  const rules: Rule[] = [];
  for (const section of ["fit", "engagement"] as const) {
    (draft[section] ?? []).forEach((rule, i) => {
      const meaning = {
        match: rule.match,
        points: rule.points,
        each: rule.each,
        max: rule.max,
        withinMs: rule.within === null ? null : ms(rule.within),
        within: rule.within,
      };
      rules.push({
        id: `${name}.${section}.${i + 1}`,
        section,
        text: describeRule(meaning),
        loc: loc(rule.line),
        ...meaning,
      });
    });
  }
  return {
    name,
    label: draft.label ?? null,
    when: draft.when ?? null,
    loc: loc(1),
    rules,
    decay: draft.decay
      ? {
          percent: draft.decay.percent,
          every: draft.decay.every,
          everyMs: ms(draft.decay.every),
          loc: loc(99),
        }
      : null,
    buckets: draft.buckets ?? null,
    clamp: draft.clamp ? clampOf(draft.clamp) : null,
  };
}

function clampOf(clamp: { min: number; max: number }): Clamp {
  return { ...clamp, loc: loc(98) };
}

export function exclusion(
  reason: string,
  match: Match,
  within: string | null = null,
  line = nextLine++,
): Exclusion {
  return {
    reason,
    text: `exclude because "${reason}"`,
    loc: loc(line),
    match,
    withinMs: within === null ? null : ms(within),
    within,
  };
}

export function grades(
  fit: string | null,
  engagement: string | null,
): { fit: GradeScale | null; engagement: GradeScale | null } {
  return {
    fit: fit === null ? null : scale(fit),
    engagement: engagement === null ? null : scale(engagement),
  };
}

/** `A >= 50, B > 30, else D` */
export function scale(text: string): GradeScale {
  const tiers: GradeScale["tiers"] = [];
  let fallback: string | null = null;
  for (const part of text.split(",").map((p) => p.trim())) {
    const elseMatch = /^else (\S+)$/.exec(part);
    if (elseMatch) {
      fallback = elseMatch[1]!;
      continue;
    }
    const [label, op, threshold] = part.split(" ");
    tiers.push({ label: label!, op: op as ">=" | ">", threshold: Number(threshold) });
  }
  return { tiers, fallback, loc: loc(97) };
}

export const DEFAULT_LEAD: FieldSchema[] = [
  field("id", "string", false),
  field("email", "string", true),
  field("title"),
  field("industry"),
  field("employees", "number"),
  field("country"),
  field("stage", "enum", true, ["subscriber", "lead", "customer"]),
  field("is_partner", "boolean"),
  field("signed_up", "date"),
];

export const DEFAULT_EVENTS: EventSchema[] = [
  { name: "email_open", properties: [] },
  { name: "email_click", properties: [field("campaign")] },
  { name: "page_view", properties: [field("url", "string", false), field("seconds", "number")] },
  { name: "demo_request", properties: [] },
  { name: "unsubscribe", properties: [] },
  { name: "job_application", properties: [] },
];

export interface ArtifactDraft {
  lead?: FieldSchema[];
  events?: EventSchema[];
  exclusions?: Exclusion[];
  grades?: { fit: GradeScale | null; engagement: GradeScale | null };
  buckets?: Bucket[];
  clamp?: { min: number; max: number } | null;
  models: Model[];
}

export function artifact(draft: ArtifactDraft): Artifact {
  const built: Artifact = {
    format: ARTIFACT_FORMAT,
    formatVersion: ARTIFACT_FORMAT_VERSION,
    name: "test",
    version: 1,
    contentHash: "",
    sourceHash: `sha256:${"0".repeat(64)}`,
    sources: [{ path: FILE, sha256: "0".repeat(64) }],
    schema: { lead: draft.lead ?? DEFAULT_LEAD, events: draft.events ?? DEFAULT_EVENTS },
    lists: [],
    exclusions: draft.exclusions ?? [],
    grades: draft.grades ?? { fit: null, engagement: null },
    buckets: draft.buckets ?? [],
    clamp: draft.clamp ? clampOf(draft.clamp) : null,
    models: draft.models,
    defaultModel: draft.models.find((m) => m.when === null)?.name ?? null,
  };
  built.contentHash = contentHashOf(built);
  return built;
}

/** The scoring instant used throughout the tests: 2026-11-01T00:00:00Z. */
export const T = Date.UTC(2026, 10, 1);

/** An ISO timestamp `ms` before T (negative: after T). */
export function before(msBefore: number): string {
  return new Date(T - msBefore).toISOString();
}
