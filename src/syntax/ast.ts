/**
 * The typed syntax tree of a `.score` file. Every node carries the span of source it came from, so that
 * every later stage (checker, compiler, explanations) can point back at the exact characters.
 *
 * The tree is a faithful picture of what was written, in source order, including constructs that are
 * wrong in context (a `within` on a fit rule, a second default model): the parser accepts the general
 * shape and the checker explains what does not belong, which gives far better messages than a parse error.
 */

import type { Span } from "../diagnostics/span.js";

export type { Position, Span } from "../diagnostics/span.js";

interface NodeBase {
  span: Span;
}

// ---------------------------------------------------------------------------------------------- atoms

export interface Identifier extends NodeBase {
  kind: "Identifier";
  name: string;
}

export interface StringLiteral extends NodeBase {
  kind: "String";
  /** The unescaped value. */
  value: string;
}

export interface NumberLiteral extends NodeBase {
  kind: "Number";
  value: number;
  /** As written, so that the formatter keeps `10` vs `10.0` choices out of its business. */
  raw: string;
}

/** A bare word used as a value: `US`, `customer`, `true`, `A1`. Never a field name (see the brief). */
export interface WordLiteral extends NodeBase {
  kind: "Word";
  value: string;
}

/** A calendar date or instant written as `2026-01-31` or `2026-01-31T10:00:00Z`. */
export interface DateLiteral extends NodeBase {
  kind: "Date";
  /** As written. */
  raw: string;
  /** Milliseconds since the epoch (UTC); NaN when the text is not a real date (the parser reports it as LS106). */
  epochMs: number;
}

export type Value = StringLiteral | NumberLiteral | WordLiteral | DateLiteral;

export type DurationUnit = "m" | "h" | "d" | "w";

export interface Duration extends NodeBase {
  kind: "Duration";
  amount: number;
  unit: DurationUnit;
  /** `30d`, `4h`, … as written. */
  raw: string;
  /** The length in milliseconds. */
  ms: number;
}

export interface Comment extends NodeBase {
  kind: "Comment";
  /** The comment text including the leading `#`, without the line break. */
  text: string;
}

// ----------------------------------------------------------------------------------------- conditions

export type CompareOperator = "=" | "!=" | "<" | "<=" | ">" | ">=";

/** `[a, b, c]` */
export interface InlineList extends NodeBase {
  kind: "InlineList";
  items: Value[];
}

/** A named list used where a list is expected: `country in target_countries`. */
export interface ListReference extends NodeBase {
  kind: "ListReference";
  name: Identifier;
}

export interface CompareExpr extends NodeBase {
  kind: "Compare";
  operator: CompareOperator;
  subject: Identifier;
  value: Value;
}

/** `x in [..]`, `x not in list_name`. */
export interface InExpr extends NodeBase {
  kind: "In";
  negated: boolean;
  subject: Identifier;
  target: InlineList | ListReference;
}

export type TextOperator = "contains" | "starts_with" | "ends_with";

/**
 * `title contains "Director"`, `title contains any [student, intern]`, `email ends with competitor_domains`.
 * A bare word target of a text test may name a list (the checker decides, since only it knows the lists);
 * after `any` a bare word is always a list reference.
 */
export interface TextExpr extends NodeBase {
  kind: "Text";
  operator: TextOperator;
  /** `contains any [...]` was written (the `any` keyword). */
  any: boolean;
  subject: Identifier;
  target: Value | InlineList | ListReference;
}

/** `employees between 10 and 499`, inclusive at both ends. */
export interface BetweenExpr extends NodeBase {
  kind: "Between";
  subject: Identifier;
  low: Value;
  high: Value;
}

/** `signed_up within 14d`: as-of − 14d < value ≤ as-of. Never unknown: a missing or future date is false. */
export interface WithinExpr extends NodeBase {
  kind: "Within";
  subject: Identifier;
  duration: Duration;
}

/** `industry is missing` / `industry is present`. Never unknown. */
export interface PresenceExpr extends NodeBase {
  kind: "Presence";
  subject: Identifier;
  present: boolean;
}

/**
 * `a and b and c`: one node with every operand, in order. Chains are n-ary rather than nested pairs so that
 * nothing that walks a condition recurses once per term: a chain of 10,000 terms is as deep as one of two.
 */
export interface AndExpr extends NodeBase {
  kind: "And";
  /** Two or more. */
  operands: Expr[];
}

/** `a or b or c`, n-ary like `and`. */
export interface OrExpr extends NodeBase {
  kind: "Or";
  /** Two or more. */
  operands: Expr[];
}

export interface NotExpr extends NodeBase {
  kind: "Not";
  operand: Expr;
}

/** Parentheses as written; kept so the formatter can reproduce them. */
export interface GroupExpr extends NodeBase {
  kind: "Group";
  expr: Expr;
}

export type Expr =
  | CompareExpr
  | InExpr
  | TextExpr
  | BetweenExpr
  | WithinExpr
  | PresenceExpr
  | AndExpr
  | OrExpr
  | NotExpr
  | GroupExpr;

// ------------------------------------------------------------------------------------ rule conditions

/** `event = page_view` or `event in [email_open, email_click]`. */
export interface EventTypeTest extends NodeBase {
  kind: "EventTypeTest";
  operator: "=" | "in";
  types: Identifier[];
}

/** A condition on the lead's own fields. */
export interface ProfileCondition extends NodeBase {
  kind: "ProfileCondition";
  expr: Expr;
}

/** `event = page_view where url starts with "/pricing"`: holds for each matching event. */
export interface EventCondition extends NodeBase {
  kind: "EventCondition";
  test: EventTypeTest;
  where: Expr | null;
}

/** `no event within 90d` or `no event = email_open within 30d`. */
export interface NoEventCondition extends NodeBase {
  kind: "NoEventCondition";
  test: EventTypeTest | null;
  within: Duration;
}

export type RuleCondition = ProfileCondition | EventCondition | NoEventCondition;

// -------------------------------------------------------------------------------------- declarations

/** `ruleset "acme" version 1` */
export interface RulesetHeader extends NodeBase {
  kind: "RulesetHeader";
  name: StringLiteral;
  version: NumberLiteral | null;
}

export type PrimitiveTypeName = "string" | "number" | "boolean" | "date";

export interface PrimitiveType extends NodeBase {
  kind: "PrimitiveType";
  name: PrimitiveTypeName;
}

/** `subscriber | lead | mql`, or with quoted values: `"Lead Add Form" | API`. */
export interface EnumType extends NodeBase {
  kind: "EnumType";
  /** A word, or a quoted string for a value a word cannot write (spaces, punctuation). */
  members: Array<Identifier | StringLiteral>;
}

export type TypeExpr = PrimitiveType | EnumType;

/** `employees: number?` in a `lead` block or an event's property block. */
export interface FieldDecl extends NodeBase {
  kind: "Field";
  name: Identifier;
  type: TypeExpr;
  optional: boolean;
}

export interface LeadDecl extends NodeBase {
  kind: "Lead";
  fields: FieldDecl[];
}

export interface EventDecl extends NodeBase {
  kind: "Event";
  name: Identifier;
  properties: FieldDecl[];
}

export interface ListDecl extends NodeBase {
  kind: "List";
  name: Identifier;
  items: InlineList;
}

/** `add 15 each max 30 within 30d` */
export interface Effect extends NodeBase {
  kind: "Effect";
  verb: "add" | "subtract";
  points: NumberLiteral;
  /** Span of the `each` keyword, or null when the rule counts once. */
  each: Span | null;
  max: NumberLiteral | null;
  within: Duration | null;
}

export interface RuleDecl extends NodeBase {
  kind: "Rule";
  condition: RuleCondition;
  effect: Effect;
}

/** `decay 50% every 30d` */
export interface DecayDecl extends NodeBase {
  kind: "Decay";
  percent: NumberLiteral;
  every: Duration;
}

export type SectionName = "fit" | "engagement";

export interface SectionDecl extends NodeBase {
  kind: "Section";
  name: SectionName;
  /** Span of the section keyword, for diagnostics about the section itself. */
  keyword: Span;
  items: Array<RuleDecl | DecayDecl>;
}

/** `exclude when <condition> [within D] because "reason"` */
export interface ExcludeDecl extends NodeBase {
  kind: "Exclude";
  condition: ProfileCondition | EventCondition | NoEventCondition;
  within: Duration | null;
  reason: StringLiteral;
}

/** A grade label: a letter (`A`) or a digit (`1`), kept as text. */
export interface GradeLabel extends NodeBase {
  kind: "GradeLabel";
  text: string;
}

export interface GradeTier extends NodeBase {
  kind: "GradeTier";
  label: GradeLabel;
  operator: ">=" | ">";
  threshold: NumberLiteral;
}

/** `grade fit A >= 50, B >= 30, C >= 15, else D` */
export interface GradeDecl extends NodeBase {
  kind: "Grade";
  dimension: SectionName;
  tiers: GradeTier[];
  fallback: GradeLabel | null;
}

export interface RouteAction extends NodeBase {
  kind: "Route";
  team: Identifier;
  within: Duration | null;
  say: StringLiteral | null;
}

export interface NurtureAction extends NodeBase {
  kind: "Nurture";
  campaign: StringLiteral;
}

export interface DisqualifyAction extends NodeBase {
  kind: "Disqualify";
}

export type Action = RouteAction | NurtureAction | DisqualifyAction;

/** `>= 100` after a bucket name: a threshold on the total score. */
export interface ThresholdTest extends NodeBase {
  kind: "Threshold";
  operator: CompareOperator;
  value: NumberLiteral;
}

/** `when grade in [A1, A2]`: `score`, `fit`, `engagement`, `grade` and lead fields may be used. */
export interface WhenTest extends NodeBase {
  kind: "When";
  expr: Expr;
}

export interface OtherwiseTest extends NodeBase {
  kind: "Otherwise";
}

export type BucketTest = ThresholdTest | WhenTest | OtherwiseTest;

/** `bucket MQL >= 100 -> route sales within 4h` */
export interface BucketDecl extends NodeBase {
  kind: "Bucket";
  name: Identifier;
  test: BucketTest;
  actions: Action[];
}

/** `clamp score between 0 and 100`: keeps the total inside a range (globally or for one model). */
export interface ClampDecl extends NodeBase {
  kind: "Clamp";
  min: NumberLiteral;
  max: NumberLiteral;
}

export interface ModelDecl extends NodeBase {
  kind: "Model";
  name: Identifier;
  label: StringLiteral | null;
  when: Expr | null;
  /** Source order; the checker reports duplicated sections. */
  items: Array<SectionDecl | BucketDecl | ClampDecl>;
}

export type Declaration =
  | RulesetHeader
  | LeadDecl
  | EventDecl
  | ListDecl
  | ExcludeDecl
  | GradeDecl
  | BucketDecl
  | ClampDecl
  | ModelDecl;

/** One parsed `.score` file. */
export interface SourceFile extends NodeBase {
  kind: "SourceFile";
  /** The path as given to the parser (relative to the ruleset root when read from a directory). */
  path: string;
  text: string;
  declarations: Declaration[];
  comments: Comment[];
}
