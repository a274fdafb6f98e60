import { parseDuration } from "../syntax/durations.js";
import type { Artifact, Expr, FieldSchema, Match, Ref } from "./artifact.js";
import { describeBucket, describeExclusion, describeRule } from "./print-artifact.js";
import { everyBucket } from "./every-bucket.js";

/**
 * What the schema cannot say about an artifact: that its parts refer to each other correctly. An artifact
 * edited by hand (its hash recomputed) could otherwise load with a default model that does not exist, a lead
 * schema without `id`, two models of one name, or a condition reading a field the schema does not declare,
 * and score every lead quietly wrong. Runs after the schema and depth checks, so every expression here is
 * well formed and shallow.
 */
export function artifactConsistencyError(artifact: Artifact): string | null {
  const problems: string[] = [];
  const leadFields = new Map(artifact.schema.lead.map((field) => [field.name, field]));
  const id = leadFields.get("id");
  if (id === undefined || id.optional) problems.push("the lead schema has no required `id` field");
  const eventTypes = new Map(artifact.schema.events.map((event) => [event.name, event.properties]));

  const modelNames = new Set<string>();
  const defaults: string[] = [];
  for (const model of artifact.models) {
    if (modelNames.has(model.name)) problems.push(`model \`${model.name}\` appears twice`);
    modelNames.add(model.name);
    if (model.when === null) defaults.push(model.name);
  }
  const expectedDefault = defaults[0] ?? null;
  if (defaults.length > 1)
    problems.push(`models ${defaults.map((n) => `\`${n}\``).join(", ")} are all defaults`);
  if (artifact.defaultModel !== expectedDefault) {
    problems.push(
      artifact.defaultModel !== null && !modelNames.has(artifact.defaultModel)
        ? `defaultModel \`${artifact.defaultModel}\` names no model`
        : `defaultModel is ${JSON.stringify(artifact.defaultModel)}, but the model without \`when\` is ${JSON.stringify(expectedDefault)}`,
    );
  }

  const ruleIds = new Set<string>();
  const refs = new RefChecker(leadFields, eventTypes, problems);
  for (const model of artifact.models) {
    if (model.when !== null) refs.expr(model.when, `model \`${model.name}\``, null);
    for (const rule of model.rules) {
      if (ruleIds.has(rule.id)) problems.push(`rule id \`${rule.id}\` appears twice`);
      ruleIds.add(rule.id);
      refs.match(rule.match, `rule \`${rule.id}\``);
      if (!durationMatches(rule.within, rule.withinMs))
        problems.push(`rule \`${rule.id}\` says \`within ${rule.within}\` but counts ${rule.withinMs} ms`);
    }
  }
  for (const exclusion of artifact.exclusions) {
    const where = `exclusion ${JSON.stringify(exclusion.reason)}`;
    refs.match(exclusion.match, where);
    if (!durationMatches(exclusion.within, exclusion.withinMs))
      problems.push(`${where} says \`within ${exclusion.within}\` but counts ${exclusion.withinMs} ms`);
  }
  for (const bucket of everyBucket(artifact)) {
    const where = `bucket \`${bucket.name}\``;
    if (bucket.test.kind === "when") refs.expr(bucket.test.expr, where, null);
    for (const action of bucket.actions) {
      if ("route" in action && !durationMatches(action.within, action.withinMs))
        problems.push(`${where} routes \`within ${action.within}\` but counts ${action.withinMs} ms`);
    }
  }
  // One problem is enough to refuse the artifact; a few help whoever edited it.
  return problems.length === 0 ? null : problems.slice(0, 5).join("; ");
}

const RESULT_NAMES = new Set(["score", "fit", "engagement", "grade"]);

class RefChecker {
  constructor(
    private readonly lead: ReadonlyMap<string, FieldSchema>,
    private readonly events: ReadonlyMap<string, readonly FieldSchema[]>,
    private readonly problems: string[],
  ) {}

  match(match: Match, where: string): void {
    if (match.kind === "profile") {
      this.expr(match.expr, where, null);
      return;
    }
    const types = match.types ?? [];
    for (const type of types) {
      if (!this.events.has(type))
        this.problems.push(`${where} tests event type \`${type}\`, which is not declared`);
    }
    if (match.kind === "event" && match.where !== null) this.expr(match.where, where, types);
  }

  /** `eventTypes`: the event types whose properties `event` refs may read (null outside `where`). */
  expr(expr: Expr, where: string, eventTypes: readonly string[] | null): void {
    switch (expr.op) {
      case "and":
      case "or":
        for (const arg of expr.args) this.expr(arg, where, eventTypes);
        return;
      case "not":
        this.expr(expr.arg, where, eventTypes);
        return;
      case "within":
        if (!durationMatches(expr.duration, expr.ms))
          this.problems.push(`${where} says \`within ${expr.duration}\` but tests ${expr.ms} ms`);
        this.ref(expr.ref, where, eventTypes);
        return;
      default:
        this.ref(expr.ref, where, eventTypes);
    }
  }

  private ref(ref: Ref, where: string, eventTypes: readonly string[] | null): void {
    if (ref.scope === "result" && RESULT_NAMES.has(ref.name)) return;
    let candidates: readonly FieldSchema[];
    if (ref.scope === "lead") candidates = this.lead.has(ref.name) ? [this.lead.get(ref.name)!] : [];
    else if (ref.scope === "event") candidates = this.eventProperties(ref.name, eventTypes ?? []);
    else candidates = [];
    if (candidates.length === 0) {
      this.problems.push(`${where} reads ${ref.scope} field \`${ref.name}\`, which is not declared`);
    } else if (!candidates.some((field) => field.type === ref.type)) {
      this.problems.push(
        `${where} reads \`${ref.name}\` as ${ref.type}, but it is declared ${candidates[0]!.type}`,
      );
    }
  }

  /** The declarations of an event property in the given types (every type when none is given). */
  private eventProperties(name: string, types: readonly string[]): FieldSchema[] {
    if (name === "at") return [EVENT_TIME];
    const declared =
      types.length === 0 ? [...this.events.values()] : types.map((type) => this.events.get(type) ?? []);
    return declared.flatMap((properties) => properties.filter((property) => property.name === name));
  }
}

const EVENT_TIME: FieldSchema = { name: "at", type: "date", optional: false };

/** Whether a duration as written (`30d`) is the milliseconds the artifact counts (both absent, or equal). */
function durationMatches(written: string | null, ms: number | null): boolean {
  if (written === null || ms === null) return written === ms;
  return parseDuration(written)?.ms === ms;
}

/**
 * The first rule, bucket or exclusion whose text (what explanations, coverage and reviews quote) does not
 * say what it does, as a problem; null when every text does. The compiler prints each text from the compiled
 * construct (describeRule, describeBucket, describeExclusion), so it is printed again and compared: a
 * construct edited by hand, its hash recomputed, cannot be shown as another.
 */
export function textError(artifact: Artifact): string | null {
  for (const model of artifact.models) {
    for (const rule of model.rules) {
      const text = describeRule(rule);
      if (rule.text !== text) return `rule \`${rule.id}\`'s text does not say what it does (\`${text}\`)`;
    }
  }
  for (const bucket of everyBucket(artifact)) {
    const text = describeBucket(bucket);
    if (bucket.text !== text)
      return `bucket \`${bucket.name}\`'s text does not say what it does (\`${text}\`)`;
  }
  for (const exclusion of artifact.exclusions) {
    const text = describeExclusion(exclusion);
    if (exclusion.text !== text)
      return `exclusion ${JSON.stringify(exclusion.reason)}'s text does not say what it does (\`${text}\`)`;
  }
  return null;
}
