/**
 * Canonical text of AST nodes, one line each. The formatter lays these lines out with indentation and
 * comments. (The texts of rules, buckets and exclusions in the artifact are printed from the compiled
 * constructs instead, by compile/print-artifact.ts, so that loading can check them.)
 */
import type {
  Action,
  BucketDecl,
  BucketTest,
  ClampDecl,
  DecayDecl,
  EventTypeTest,
  ExcludeDecl,
  Expr,
  FieldDecl,
  GradeDecl,
  InlineList,
  ListReference,
  RuleCondition,
  RuleDecl,
  RulesetHeader,
  TypeExpr,
  Value,
} from "./ast.js";
import { printString } from "./literals.js";

/** A value as a rule writes it: bare when it is a word (`customer`), quoted otherwise (`"Lead Add Form"`). */
export function printWordOrString(text: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) ? text : printString(text);
}

export function printValue(value: Value): string {
  switch (value.kind) {
    case "String":
      return printString(value.value);
    case "Number":
      return value.raw;
    case "Word":
      return value.value;
    case "Date":
      return value.raw;
  }
}

export function printList(list: InlineList | ListReference): string {
  return list.kind === "ListReference" ? list.name.name : `[${list.items.map(printValue).join(", ")}]`;
}

const TEXT_OPERATORS = { contains: "contains", starts_with: "starts with", ends_with: "ends with" } as const;

export function printExpr(expr: Expr): string {
  switch (expr.kind) {
    case "Compare":
      return `${expr.subject.name} ${expr.operator} ${printValue(expr.value)}`;
    case "In":
      return `${expr.subject.name} ${expr.negated ? "not in" : "in"} ${printList(expr.target)}`;
    case "Text": {
      const target =
        expr.target.kind === "InlineList" || expr.target.kind === "ListReference"
          ? printList(expr.target)
          : printValue(expr.target);
      return `${expr.subject.name} ${TEXT_OPERATORS[expr.operator]}${expr.any ? " any" : ""} ${target}`;
    }
    case "Between":
      return `${expr.subject.name} between ${printValue(expr.low)} and ${printValue(expr.high)}`;
    case "Within":
      return `${expr.subject.name} within ${expr.duration.raw}`;
    case "Presence":
      return `${expr.subject.name} is ${expr.present ? "present" : "missing"}`;
    case "And":
      return expr.operands.map(printExpr).join(" and ");
    case "Or":
      return expr.operands.map(printExpr).join(" or ");
    case "Not":
      return `not ${printExpr(expr.operand)}`;
    case "Group":
      return `(${printExpr(expr.expr)})`;
  }
}

export function printEventTypeTest(test: EventTypeTest): string {
  return test.operator === "="
    ? `= ${test.types[0]?.name ?? ""}`
    : `in [${test.types.map((t) => t.name).join(", ")}]`;
}

export function printCondition(condition: RuleCondition): string {
  switch (condition.kind) {
    case "ProfileCondition":
      return printExpr(condition.expr);
    case "EventCondition":
      return `event ${printEventTypeTest(condition.test)}${condition.where ? ` where ${printExpr(condition.where)}` : ""}`;
    case "NoEventCondition":
      return `no event${condition.test ? ` ${printEventTypeTest(condition.test)}` : ""} within ${condition.within.raw}`;
  }
}

export function printRule(rule: RuleDecl): string {
  const { effect } = rule;
  const parts = [`when ${printCondition(rule.condition)}`, `${effect.verb} ${effect.points.raw}`];
  if (effect.each) parts.push("each");
  if (effect.max) parts.push(`max ${effect.max.raw}`);
  if (effect.within) parts.push(`within ${effect.within.raw}`);
  return parts.join(" ");
}

export function printDecay(decay: DecayDecl): string {
  return `decay ${decay.percent.raw}% every ${decay.every.raw}`;
}

export function printExclude(exclude: ExcludeDecl): string {
  const within = exclude.within ? ` within ${exclude.within.raw}` : "";
  return `exclude when ${printCondition(exclude.condition)}${within} because ${printString(exclude.reason.value)}`;
}

export function printGrade(grade: GradeDecl): string {
  const tiers = grade.tiers.map((t) => `${t.label.text} ${t.operator} ${t.threshold.raw}`);
  if (grade.fallback) tiers.push(`else ${grade.fallback.text}`);
  return `grade ${grade.dimension} ${tiers.join(", ")}`;
}

export function printAction(action: Action): string {
  switch (action.kind) {
    case "Route":
      return [
        `route ${action.team.name}`,
        action.within ? `within ${action.within.raw}` : "",
        action.say ? `say ${printString(action.say.value)}` : "",
      ]
        .filter(Boolean)
        .join(" ");
    case "Nurture":
      return `nurture ${printString(action.campaign.value)}`;
    case "Disqualify":
      return "disqualify";
  }
}

export function printBucketTest(test: BucketTest): string {
  switch (test.kind) {
    case "Threshold":
      return `${test.operator} ${test.value.raw}`;
    case "When":
      return `when ${printExpr(test.expr)}`;
    case "Otherwise":
      return "otherwise";
  }
}

export function printBucket(bucket: BucketDecl): string {
  return `bucket ${bucket.name.name} ${printBucketTest(bucket.test)} -> ${bucket.actions.map(printAction).join(", ")}`;
}

export function printClamp(clamp: ClampDecl): string {
  return `clamp score between ${clamp.min.raw} and ${clamp.max.raw}`;
}

export function printHeader(header: RulesetHeader): string {
  return `ruleset ${printString(header.name.value)}${header.version ? ` version ${header.version.raw}` : ""}`;
}

export function printType(type: TypeExpr): string {
  if (type.kind === "PrimitiveType") return type.name;
  return type.members.map((m) => (m.kind === "Identifier" ? m.name : printString(m.value))).join(" | ");
}

export function printField(field: FieldDecl): string {
  return `${field.name.name}: ${printType(field.type)}${field.optional ? "?" : ""}`;
}
