import type {
  Action as AstAction,
  BucketDecl,
  ClampDecl,
  DecayDecl,
  ExcludeDecl,
  GradeDecl,
  ModelDecl,
  RuleCondition,
  RuleDecl,
  SectionDecl,
  Span,
} from "../syntax/ast.js";
import {
  describeBucket,
  describeExclusion,
  describeRule,
  type BucketMeaning,
  type ExclusionMeaning,
} from "./print-artifact.js";
import type { Program } from "../check/program.js";
import type { FieldSymbol } from "../check/symbol-table.js";
import {
  ARTIFACT_FORMAT,
  ARTIFACT_FORMAT_VERSION,
  type Action,
  type Artifact,
  type Bucket,
  type Clamp,
  type Decay,
  type Exclusion,
  type FieldSchema,
  type GradeScale,
  type Match,
  type Model,
  type Rule,
  type SourceLocation,
} from "./artifact.js";
import { contentHashOf, sha256, sourceHashOf } from "./hash.js";
import { ExpressionLowering, literal } from "./lower-expression.js";

/** Where a construct was written, as the artifact records it (file as `pathOf` maps it). */
export function locationOf(span: Span, pathOf: (file: string) => string = (file) => file): SourceLocation {
  return {
    file: pathOf(span.file),
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
  };
}

function fieldSchema(field: FieldSymbol): FieldSchema {
  const schema: FieldSchema = { name: field.name, type: field.type, optional: field.optional };
  if (field.values) schema.values = [...field.values];
  return schema;
}

/**
 * Builds the artifact from a program that checked without errors. Pure: same program, same artifact.
 *
 * `artifactPath` maps a file's path as diagnostics show it to the path the artifact records. The two differ
 * when the CLI names files relative to the working directory: the artifact must not depend on where the
 * command ran, or the same rules would get a different content hash.
 */
export function buildArtifact(
  program: Program,
  fallbackName: string,
  artifactPath: (file: string) => string = (file) => file,
): Artifact {
  const at = (span: Span): SourceLocation => locationOf(span, artifactPath);
  const { symbols } = program;
  const lowering = new ExpressionLowering(symbols, program.bindings);

  const match = (condition: RuleCondition): Match => {
    switch (condition.kind) {
      case "ProfileCondition":
        return { kind: "profile", expr: lowering.lower(condition.expr) };
      case "EventCondition": {
        const types = condition.test.types.map((t) => t.name);
        return {
          kind: "event",
          types,
          where: condition.where ? lowering.lower(condition.where) : null,
        };
      }
      case "NoEventCondition":
        return {
          kind: "no_event",
          types: condition.test ? condition.test.types.map((t) => t.name) : null,
          withinMs: condition.within.ms,
        };
    }
  };

  const rule = (decl: RuleDecl, modelName: string, section: SectionDecl, index: number): Rule => {
    const { effect } = decl;
    const meaning = {
      match: match(decl.condition),
      points: effect.verb === "subtract" ? -effect.points.value : effect.points.value,
      each: effect.each !== null,
      max: effect.max ? effect.max.value : null,
      withinMs: effect.within ? effect.within.ms : null,
      within: effect.within ? effect.within.raw : null,
    };
    return {
      id: `${modelName}.${section.name}.${index}`,
      section: section.name,
      // Printed from the compiled rule, not from the source: loading prints it again and compares.
      text: describeRule(meaning),
      loc: at(decl.span),
      ...meaning,
    };
  };

  const action = (decl: AstAction): Action => {
    switch (decl.kind) {
      case "Route":
        return {
          route: decl.team.name,
          within: decl.within ? decl.within.raw : null,
          withinMs: decl.within ? decl.within.ms : null,
          say: decl.say ? decl.say.value : null,
        };
      case "Nurture":
        return { nurture: decl.campaign.value };
      case "Disqualify":
        return { disqualify: true };
    }
  };

  const bucket = (decl: BucketDecl): Bucket => {
    const meaning: BucketMeaning = {
      name: decl.name.name,
      test:
        decl.test.kind === "Threshold"
          ? { kind: "threshold", cmp: decl.test.operator, value: decl.test.value.value }
          : decl.test.kind === "When"
            ? { kind: "when", expr: lowering.lower(decl.test.expr) }
            : { kind: "otherwise" },
      actions: decl.actions.map(action),
    };
    // Printed from the compiled bucket, as a rule's text is: loading prints it again and compares.
    return {
      name: meaning.name,
      text: describeBucket(meaning),
      loc: at(decl.span),
      test: meaning.test,
      actions: meaning.actions,
    };
  };

  const clamp = (decl: ClampDecl | null | undefined): Clamp | null =>
    decl ? { min: decl.min.value, max: decl.max.value, loc: at(decl.span) } : null;

  const decay = (decl: DecayDecl | undefined): Decay | null =>
    decl
      ? {
          percent: decl.percent.value,
          everyMs: decl.every.ms,
          every: decl.every.raw,
          loc: at(decl.span),
        }
      : null;

  const grade = (decl: GradeDecl | null): GradeScale | null =>
    decl
      ? {
          tiers: decl.tiers.map((tier) => ({
            label: tier.label.text,
            op: tier.operator,
            threshold: tier.threshold.value,
          })),
          fallback: decl.fallback ? decl.fallback.text : null,
          loc: at(decl.span),
        }
      : null;

  const exclusion = (decl: ExcludeDecl): Exclusion => {
    const meaning: ExclusionMeaning = {
      reason: decl.reason.value,
      match: match(decl.condition),
      within: decl.within ? decl.within.raw : null,
    };
    return {
      reason: meaning.reason,
      // Printed from the compiled exclusion, as a rule's text is: loading prints it again and compares.
      text: describeExclusion(meaning),
      loc: at(decl.span),
      match: meaning.match,
      withinMs: decl.within ? decl.within.ms : null,
      within: meaning.within,
    };
  };

  const model = (decl: ModelDecl): Model => {
    const sections = decl.items.filter((item): item is SectionDecl => item.kind === "Section");
    const rules: Rule[] = [];
    for (const sectionName of ["fit", "engagement"] as const) {
      let index = 0;
      for (const section of sections.filter((s) => s.name === sectionName)) {
        for (const item of section.items) {
          if (item.kind === "Rule") rules.push(rule(item, decl.name.name, section, ++index));
        }
      }
    }
    const engagementDecay = sections
      .filter((s) => s.name === "engagement")
      .flatMap((s) => s.items)
      .find((item): item is DecayDecl => item.kind === "Decay");
    const buckets = decl.items.filter((item): item is BucketDecl => item.kind === "Bucket");
    return {
      name: decl.name.name,
      label: decl.label ? decl.label.value : null,
      when: decl.when ? lowering.lower(decl.when) : null,
      loc: at(decl.name.span),
      rules,
      decay: decay(engagementDecay),
      buckets: buckets.length > 0 ? buckets.map(bucket) : null,
      clamp: clamp(decl.items.find((item): item is ClampDecl => item.kind === "Clamp")),
    };
  };

  const sources = program.files.map((file) => ({ path: artifactPath(file.path), text: file.text }));
  const artifact: Artifact = {
    format: ARTIFACT_FORMAT,
    formatVersion: ARTIFACT_FORMAT_VERSION,
    name: symbols.header ? symbols.header.name.value : fallbackName,
    version: symbols.header?.version ? symbols.header.version.value : null,
    contentHash: "",
    sourceHash: sourceHashOf(sources),
    sources: sources.map((source) => ({ path: source.path, sha256: sha256(source.text) })),
    schema: {
      lead: [...symbols.lead.values()].map(fieldSchema),
      events: [...symbols.events.values()].map((event) => ({
        name: event.name,
        properties: [...event.properties.values()].map(fieldSchema),
      })),
    },
    lists: [...symbols.lists.values()].map((list) => {
      const kind = list.decl.items.items[0]?.kind;
      return {
        name: list.name,
        values: list.decl.items.items.map((item) => literal(item, kind === "Number" ? "number" : "string")),
      };
    }),
    exclusions: symbols.exclusions.map(exclusion),
    grades: { fit: grade(symbols.grades.fit), engagement: grade(symbols.grades.engagement) },
    buckets: symbols.buckets.map(bucket),
    clamp: clamp(symbols.clamp),
    models: symbols.models.map(model),
    defaultModel: symbols.models.find((m) => m.when === null)?.name.name ?? null,
  };
  artifact.contentHash = contentHashOf(artifact);
  return artifact;
}
