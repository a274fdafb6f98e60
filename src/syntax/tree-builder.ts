/**
 * Builds AST nodes from the tokens and sub-trees the parser hands over, one file at a time.
 *
 * After error recovery the parser may pass a token that recovery invented (`isInsertedInRecovery`, no
 * position) or undefined for a sub-tree it could not finish. Both read as "missing". A node whose content
 * is missing (a name, a number, a text, a sub-condition) is not built: undefined, and its parent usually
 * follows. A node that only misses punctuation or a keyword that recovery put back (`{`, `->`, `because`)
 * is kept, since what it says is clear, and leaving it out would only make later checks report more. The
 * syntax error itself is already reported by the parser either way.
 *
 * Diagnostics raised here are the ones only the tree can see: impossible dates (LS106), event tests
 * inside expressions (LS108 / LS417), unknown field types (LS307) and doubled commas in lists (LS103).
 *
 * Why one long file: it has one method per node the parser builds (parser.ts calls them from its rules),
 * and the methods share the file's line index and the missing-token rules above.
 */
import type { IToken, TokenType } from "chevrotain";
import type * as Ast from "./ast.js";
import { Diagnostics, type DiagnosticDefinition } from "../diagnostics/codes.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { closestName } from "../diagnostics/suggest.js";
import { misquotedTextValue } from "./lexer.js";
import { parseDuration } from "./durations.js";
import { decodeString, parseDate } from "./literals.js";
import type { LineIndex } from "./positions.js";
import * as T from "./tokens.js";

type Node = { span: Ast.Span };
/** Anything a span can stretch to: a token, a node, or nothing (a missing optional part). */
type Part = IToken | Node | null | undefined;

/** A token that is really in the text (not missing, not invented by recovery). */
export function isReal(token: IToken | undefined): token is IToken {
  return token !== undefined && token.isInsertedInRecovery !== true;
}

/**
 * The section a `fit` or `engagement` token names, by its type: a misspelt keyword repaired before parsing
 * (`engagment`) keeps the text that was written.
 */
function sectionName(keyword: IToken): Ast.SectionName {
  return keyword.tokenType === T.Engagement ? "engagement" : "fit";
}

/** The operators by token type: `=>`, repaired before parsing (see repair-tokens.ts), is read as `>=`. */
const COMPARE_OPERATORS: ReadonlyMap<TokenType, Ast.CompareOperator> = new Map([
  [T.Equal, "="],
  [T.NotEqual, "!="],
  [T.Less, "<"],
  [T.LessEqual, "<="],
  [T.Greater, ">"],
  [T.GreaterEqual, ">="],
]);

function compareOperator(token: IToken): Ast.CompareOperator {
  return COMPARE_OPERATORS.get(token.tokenType) ?? (token.image as Ast.CompareOperator);
}

function isToken(part: IToken | Node): part is IToken {
  return (part as IToken).image !== undefined;
}

const PRIMITIVE_TYPES: ReadonlySet<string> = new Set<Ast.PrimitiveTypeName>([
  "string",
  "number",
  "boolean",
  "date",
]);

/** Type names people bring from elsewhere, and the type they mean. */
const TYPE_SYNONYMS: Readonly<Record<string, Ast.PrimitiveTypeName>> = {
  text: "string",
  str: "string",
  int: "number",
  integer: "number",
  float: "number",
  decimal: "number",
  double: "number",
  num: "number",
  bool: "boolean",
  datetime: "date",
  timestamp: "date",
  time: "date",
};

export class TreeBuilder {
  readonly diagnostics: Diagnostic[] = [];
  /**
   * What an event test inside an expression is reported as: LS108 in rules and exclusions (where event
   * tests exist but cannot be combined), LS417 in model and bucket conditions (where they do not exist).
   */
  eventTestDiagnostic: DiagnosticDefinition = Diagnostics.EventTestInExpression;
  /** Words read as a section keyword that name no section (see repair-tokens.ts): left out of the tree. */
  unknownSections: ReadonlySet<IToken> = new Set();

  constructor(readonly lines: LineIndex) {}

  // ---------------------------------------------------------------------------------------------- spans

  tokenSpan(token: IToken): Ast.Span {
    return this.lines.span(token.startOffset, token.startOffset + token.image.length);
  }

  /** From the start of `first` to the furthest end among `parts` (missing parts are skipped). */
  span(first: IToken, ...parts: Part[]): Ast.Span {
    let end = first.startOffset + first.image.length;
    for (const part of parts) {
      if (part === null || part === undefined) continue;
      const partEnd = isToken(part)
        ? isReal(part)
          ? part.startOffset + part.image.length
          : -1
        : part.span.end.offset;
      if (partEnd > end) end = partEnd;
    }
    return this.lines.span(first.startOffset, end);
  }

  /** From the start of `first` to the end of `last`, sharing their positions. */
  join(first: Ast.Span, last: Ast.Span): Ast.Span {
    return { file: first.file, start: first.start, end: last.end };
  }

  private report(
    definition: DiagnosticDefinition,
    span: Ast.Span,
    args: readonly (string | number)[] = [],
    hint?: string,
  ): void {
    this.diagnostics.push(createDiagnostic(definition, span, args, hint));
  }

  // ---------------------------------------------------------------------------------------------- atoms

  identifier(token: IToken | undefined): Ast.Identifier | undefined {
    if (!isReal(token)) return undefined;
    return { kind: "Identifier", span: this.tokenSpan(token), name: token.image };
  }

  string(token: IToken | undefined): Ast.StringLiteral | undefined {
    if (!isReal(token)) return undefined;
    return { kind: "String", span: this.tokenSpan(token), value: decodeString(token.image).value };
  }

  number(token: IToken | undefined): Ast.NumberLiteral | undefined {
    if (!isReal(token)) return undefined;
    const span = this.tokenSpan(token);
    const value = Number(token.image);
    // Beyond this, sums and roundings lose their meaning (a 400-digit literal is Infinity, then NaN).
    if (!(Math.abs(value) <= MAX_NUMBER_LITERAL)) {
      this.report(Diagnostics.NumberOutOfRange, span, [shortImage(token.image)]);
      return undefined;
    }
    return { kind: "Number", span, value, raw: token.image };
  }

  date(token: IToken): Ast.DateLiteral {
    const span = this.tokenSpan(token);
    const epochMs = parseDate(token.image);
    if (Number.isNaN(epochMs)) this.report(Diagnostics.InvalidDate, span, [token.image]);
    return { kind: "Date", span, raw: token.image, epochMs };
  }

  /** A duration; undefined for a missing or malformed one (the lexer reported the malformed ones). */
  duration(token: IToken | undefined): Ast.Duration | undefined {
    if (!isReal(token) || token.tokenType !== T.Duration) return undefined;
    const duration = parseDuration(token.image);
    if (duration === undefined) return undefined;
    return { kind: "Duration", span: this.tokenSpan(token), raw: token.image, ...duration };
  }

  /** A `Value` token: a string, a number, a date, or a bare word. */
  value(token: IToken | undefined): Ast.Value | undefined {
    if (!isReal(token)) return undefined;
    switch (token.tokenType) {
      case T.StringLiteral:
      case T.UnterminatedString:
        return this.string(token);
      case T.NumberLiteral:
        return this.number(token);
      case T.DateLiteral:
        return this.date(token);
      case T.MisquotedText:
        return { kind: "String", span: this.tokenSpan(token), value: misquotedTextValue(token.image) };
      default:
        return { kind: "Word", span: this.tokenSpan(token), value: token.image };
    }
  }

  // ---------------------------------------------------------------------------------------------- lists

  /**
   * `[a, b, c]`, from its values and commas in source order. Kept when it opens, even if recovery had to
   * close it (that error is reported). The grammar lets `[a,,b]` through; the second comma is reported here.
   */
  inlineList(open: IToken, parts: IToken[], close: IToken | undefined): Ast.InlineList | undefined {
    if (!isReal(open)) return undefined;
    const items: Ast.Value[] = [];
    let previousWasComma = false;
    for (const part of parts) {
      if (!isReal(part)) continue;
      const isComma = part.tokenType === T.Comma;
      if (isComma && previousWasComma)
        this.report(Diagnostics.UnexpectedToken, this.tokenSpan(part), ["a value", "`,`"]);
      // A value that could not be read (a number beyond range, reported) is left out of the list.
      const value = isComma ? undefined : this.value(part);
      if (value !== undefined) items.push(value);
      previousWasComma = isComma;
    }
    return { kind: "InlineList", span: this.span(open, parts[parts.length - 1], close), items };
  }

  listReference(token: IToken | undefined): Ast.ListReference | undefined {
    const name = this.identifier(token);
    return name === undefined ? undefined : { kind: "ListReference", span: name.span, name };
  }

  // ---------------------------------------------------------------------------------------- expressions

  /** `a or b or c` → one n-ary node (a lone operand is itself); undefined as soon as one operand is broken. */
  chain(kind: "And" | "Or", operands: Array<Ast.Expr | undefined>): Ast.Expr | undefined {
    const present: Ast.Expr[] = [];
    for (const operand of operands) {
      if (operand === undefined) return undefined;
      present.push(operand);
    }
    const [first] = present;
    if (first === undefined || present.length === 1) return first;
    return { kind, span: this.join(first.span, present[present.length - 1]!.span), operands: present };
  }

  not(keyword: IToken, operand: Ast.Expr | undefined): Ast.NotExpr | undefined {
    if (!isReal(keyword) || operand === undefined) return undefined;
    return { kind: "Not", span: this.join(this.tokenSpan(keyword), operand.span), operand };
  }

  group(open: IToken, expr: Ast.Expr | undefined, close: IToken | undefined): Ast.GroupExpr | undefined {
    if (!isReal(open) || expr === undefined) return undefined;
    return { kind: "Group", span: this.span(open, expr, close), expr };
  }

  /** An event test inside an expression: reported, and the expression is dropped. */
  misplacedEventTest(keyword: IToken, test: Ast.EventTypeTest | undefined): undefined {
    if (isReal(keyword)) this.report(this.eventTestDiagnostic, this.span(keyword, test));
    return undefined;
  }

  compare(subject: IToken, operator: IToken, value: IToken): Ast.CompareExpr | undefined {
    const name = this.identifier(subject);
    const right = this.value(value);
    if (name === undefined || right === undefined) return undefined;
    return {
      kind: "Compare",
      span: this.join(name.span, right.span),
      operator: compareOperator(operator),
      subject: name,
      value: right,
    };
  }

  in(
    subject: IToken,
    not: IToken | undefined,
    target: Ast.InlineList | Ast.ListReference | undefined,
  ): Ast.InExpr | undefined {
    const name = this.identifier(subject);
    if (name === undefined || target === undefined) return undefined;
    return {
      kind: "In",
      span: this.join(name.span, target.span),
      negated: isReal(not),
      subject: name,
      target,
    };
  }

  text(
    subject: IToken,
    operator: Ast.TextOperator,
    any: IToken | undefined,
    target: Ast.TextExpr["target"] | undefined,
  ): Ast.TextExpr | undefined {
    const name = this.identifier(subject);
    if (name === undefined || target === undefined) return undefined;
    return {
      kind: "Text",
      span: this.join(name.span, target.span),
      operator,
      any: isReal(any),
      subject: name,
      target,
    };
  }

  between(subject: IToken, low: IToken, high: IToken): Ast.BetweenExpr | undefined {
    const name = this.identifier(subject);
    const lowValue = this.value(low);
    const highValue = this.value(high);
    if (name === undefined || lowValue === undefined || highValue === undefined) return undefined;
    return {
      kind: "Between",
      span: this.join(name.span, highValue.span),
      subject: name,
      low: lowValue,
      high: highValue,
    };
  }

  within(subject: IToken, duration: IToken): Ast.WithinExpr | undefined {
    const name = this.identifier(subject);
    const length = this.duration(duration);
    if (name === undefined || length === undefined) return undefined;
    return { kind: "Within", span: this.join(name.span, length.span), subject: name, duration: length };
  }

  presence(subject: IToken, state: IToken): Ast.PresenceExpr | undefined {
    const name = this.identifier(subject);
    if (name === undefined || !isReal(state)) return undefined;
    return {
      kind: "Presence",
      span: this.span(subject, state),
      subject: name,
      present: state.tokenType === T.Present,
    };
  }

  // ------------------------------------------------------------------------------------ rule conditions

  /** `event = x`, `event in [x, y]`: the span starts at `event`. */
  eventTypeTest(
    event: IToken,
    operator: IToken,
    names: IToken[],
    close: IToken | undefined,
  ): Ast.EventTypeTest | undefined {
    if (!isReal(operator) || names.length === 0 || !names.every(isReal)) return undefined;
    return {
      kind: "EventTypeTest",
      span: this.span(isReal(event) ? event : operator, names[names.length - 1], close),
      operator: operator.tokenType === T.Equal ? "=" : "in",
      types: names.map((name) => this.identifier(name)!),
    };
  }

  /** `event = x and …`: reported at the `and`/`or`; the condition is dropped. */
  combinedWithEvent(connective: IToken): true {
    if (isReal(connective)) this.report(Diagnostics.EventTestInExpression, this.tokenSpan(connective));
    return true;
  }

  eventCondition(
    keyword: IToken,
    test: Ast.EventTypeTest | undefined,
    where: IToken | undefined,
    whereExpr: Ast.Expr | undefined,
  ): Ast.EventCondition | undefined {
    if (!isReal(keyword) || test === undefined || (where !== undefined && whereExpr === undefined))
      return undefined;
    return {
      kind: "EventCondition",
      span: this.span(keyword, test, whereExpr),
      test,
      where: whereExpr ?? null,
    };
  }

  noEventCondition(
    keyword: IToken,
    hasTest: boolean,
    test: Ast.EventTypeTest | undefined,
    duration: IToken,
  ): Ast.NoEventCondition | undefined {
    const within = this.duration(duration);
    if (!isReal(keyword) || within === undefined || (hasTest && test === undefined)) return undefined;
    return { kind: "NoEventCondition", span: this.span(keyword, within), test: test ?? null, within };
  }

  profileCondition(expr: Ast.Expr | undefined): Ast.ProfileCondition | undefined {
    return expr === undefined ? undefined : { kind: "ProfileCondition", span: expr.span, expr };
  }

  // ------------------------------------------------------------------------------------ schema and lists

  rulesetHeader(keyword: IToken, name: IToken, version: IToken | undefined): Ast.RulesetHeader | undefined {
    const nameLiteral = this.string(name);
    if (!isReal(keyword) || nameLiteral === undefined) return undefined;
    const versionLiteral = this.number(version) ?? null;
    return {
      kind: "RulesetHeader",
      span: this.span(keyword, nameLiteral, versionLiteral),
      name: nameLiteral,
      version: versionLiteral,
    };
  }

  lead(keyword: IToken, fields: Ast.FieldDecl[], close: IToken | undefined): Ast.LeadDecl | undefined {
    if (!isReal(keyword)) return undefined;
    return { kind: "Lead", span: this.span(keyword, fields[fields.length - 1], close), fields };
  }

  event(
    keyword: IToken,
    name: IToken,
    properties: Ast.FieldDecl[],
    close: IToken | undefined,
  ): Ast.EventDecl | undefined {
    const identifier = this.identifier(name);
    if (!isReal(keyword) || identifier === undefined) return undefined;
    return {
      kind: "Event",
      span: this.span(keyword, identifier, properties[properties.length - 1], close),
      name: identifier,
      properties,
    };
  }

  field(
    name: IToken,
    type: Ast.TypeExpr | undefined,
    question: IToken | undefined,
  ): Ast.FieldDecl | undefined {
    const identifier = this.identifier(name);
    if (identifier === undefined || type === undefined) return undefined;
    return {
      kind: "Field",
      span: this.span(name, type, question),
      name: identifier,
      type,
      optional: isReal(question),
    };
  }

  /**
   * `string` → PrimitiveType, `a | b` and `"Lead Add Form" | API` → EnumType (a single quoted value too). An unknown single word is reported (LS307) and the field
   * is kept, so that its uses do not each report an unknown field: as the type meant when that is clear (a
   * well-known synonym like `integer`, a typo like `strng`, `String`), otherwise as a string.
   */
  type(words: IToken[]): Ast.TypeExpr | undefined {
    const first = words[0];
    if (first === undefined || !words.every(isReal)) return undefined;
    const quoted = (token: IToken) => token.tokenType === T.StringLiteral;
    if (words.length > 1 || quoted(first)) {
      return {
        kind: "EnumType",
        span: this.span(first, words[words.length - 1]),
        members: words.map((w) => (quoted(w) ? this.string(w)! : this.identifier(w)!)),
      };
    }
    const span = this.tokenSpan(first);
    if (PRIMITIVE_TYPES.has(first.image))
      return { kind: "PrimitiveType", span, name: first.image as Ast.PrimitiveTypeName };
    const lowercase = first.image.toLowerCase();
    const synonym = TYPE_SYNONYMS[lowercase];
    const typo = closestName(first.image, PRIMITIVE_TYPES) as Ast.PrimitiveTypeName | undefined;
    let hint: string | undefined;
    if (PRIMITIVE_TYPES.has(lowercase)) hint = `types are written in lowercase: \`${lowercase}\``;
    else if (synonym !== undefined) hint = `write \`${synonym}\``;
    else if (typo !== undefined) hint = `did you mean \`${typo}\`?`;
    this.report(Diagnostics.UnknownType, span, [first.image], hint);
    return { kind: "PrimitiveType", span, name: synonym ?? typo ?? "string" };
  }

  list(keyword: IToken, name: IToken, items: Ast.InlineList | undefined): Ast.ListDecl | undefined {
    const identifier = this.identifier(name);
    if (!isReal(keyword) || identifier === undefined || items === undefined) return undefined;
    return { kind: "List", span: this.span(keyword, items), name: identifier, items };
  }

  // ------------------------------------------------------------------------------ exclusions and grades

  exclude(
    keyword: IToken,
    condition: Ast.RuleCondition | undefined,
    within: IToken | undefined,
    duration: IToken | undefined,
    reason: IToken,
  ): Ast.ExcludeDecl | undefined {
    const reasonLiteral = this.string(reason);
    if (!isReal(keyword) || condition === undefined || reasonLiteral === undefined) return undefined;
    return {
      kind: "Exclude",
      span: this.span(keyword, reasonLiteral),
      condition,
      within: within === undefined ? null : (this.duration(duration) ?? null),
      reason: reasonLiteral,
    };
  }

  /** `A` or `1`: a name or a whole number (`1.5` and `-1` are reported, LS103). */
  gradeLabel(token: IToken | undefined): Ast.GradeLabel | undefined {
    if (!isReal(token)) return undefined;
    const span = this.tokenSpan(token);
    if (token.tokenType === T.NumberLiteral && !/^\d+$/.test(token.image)) {
      this.report(Diagnostics.UnexpectedToken, span, ["a grade label like `A` or `1`", `\`${token.image}\``]);
      return undefined;
    }
    return { kind: "GradeLabel", span, text: token.image };
  }

  gradeTier(
    label: Ast.GradeLabel | undefined,
    operator: IToken | undefined,
    threshold: IToken,
  ): Ast.GradeTier | undefined {
    const number = this.number(threshold);
    if (label === undefined || number === undefined) return undefined;
    return {
      kind: "GradeTier",
      span: this.join(label.span, number.span),
      label,
      operator: isReal(operator) && operator.tokenType === T.Greater ? ">" : ">=",
      threshold: number,
    };
  }

  /** A grade with a broken tier is left out whole: without the tier every grade below it would shift. */
  grade(
    keyword: IToken,
    dimension: IToken,
    tiers: Array<Ast.GradeTier | undefined>,
    hasFallback: boolean,
    fallback: Ast.GradeLabel | undefined,
  ): Ast.GradeDecl | undefined {
    if (!isReal(keyword) || !isReal(dimension) || tiers.length === 0) return undefined;
    const complete: Ast.GradeTier[] = [];
    for (const tier of tiers) {
      if (tier === undefined) return undefined;
      complete.push(tier);
    }
    if (hasFallback && fallback === undefined) return undefined;
    return {
      kind: "Grade",
      span: this.span(keyword, complete[complete.length - 1], fallback),
      dimension: sectionName(dimension),
      tiers: complete,
      fallback: fallback ?? null,
    };
  }

  // --------------------------------------------------------------------------------- buckets and clamps

  bucket(
    keyword: IToken,
    name: IToken,
    test: Ast.BucketTest | undefined,
    actions: Array<Ast.Action | undefined>,
  ): Ast.BucketDecl | undefined {
    const identifier = this.identifier(name);
    if (!isReal(keyword) || identifier === undefined || test === undefined || actions.length === 0)
      return undefined;
    const complete: Ast.Action[] = [];
    for (const action of actions) {
      if (action === undefined) return undefined;
      complete.push(action);
    }
    return {
      kind: "Bucket",
      span: this.span(keyword, complete[complete.length - 1]),
      name: identifier,
      test,
      actions: complete,
    };
  }

  threshold(operator: IToken, value: IToken): Ast.ThresholdTest | undefined {
    // `operator` was chosen by the parser's lookahead, so it is always real.
    const number = this.number(value);
    if (!isReal(operator) || number === undefined) return undefined;
    return {
      kind: "Threshold",
      span: this.span(operator, number),
      operator: compareOperator(operator),
      value: number,
    };
  }

  whenTest(keyword: IToken, expr: Ast.Expr | undefined): Ast.WhenTest | undefined {
    if (!isReal(keyword) || expr === undefined) return undefined;
    return { kind: "When", span: this.span(keyword, expr), expr };
  }

  otherwise(keyword: IToken): Ast.OtherwiseTest | undefined {
    return isReal(keyword) ? { kind: "Otherwise", span: this.tokenSpan(keyword) } : undefined;
  }

  route(
    keyword: IToken,
    team: IToken,
    within: IToken | undefined,
    duration: IToken | undefined,
    say: IToken | undefined,
    message: IToken | undefined,
  ): Ast.RouteAction | undefined {
    const identifier = this.identifier(team);
    if (!isReal(keyword) || identifier === undefined) return undefined;
    const withinDuration = within === undefined ? null : (this.duration(duration) ?? null);
    const sayLiteral = say === undefined ? null : (this.string(message) ?? null);
    return {
      kind: "Route",
      span: this.span(keyword, identifier, within, duration, say, message),
      team: identifier,
      within: withinDuration,
      say: sayLiteral,
    };
  }

  nurture(keyword: IToken, campaign: IToken): Ast.NurtureAction | undefined {
    const literal = this.string(campaign);
    if (!isReal(keyword) || literal === undefined) return undefined;
    return { kind: "Nurture", span: this.span(keyword, literal), campaign: literal };
  }

  disqualify(keyword: IToken): Ast.DisqualifyAction | undefined {
    return isReal(keyword) ? { kind: "Disqualify", span: this.tokenSpan(keyword) } : undefined;
  }

  clamp(keyword: IToken, min: IToken, max: IToken): Ast.ClampDecl | undefined {
    const low = this.number(min);
    const high = this.number(max);
    if (!isReal(keyword) || low === undefined || high === undefined) return undefined;
    return { kind: "Clamp", span: this.span(keyword, high), min: low, max: high };
  }

  // ------------------------------------------------------------------------------------ models and rules

  model(
    keyword: IToken,
    name: IToken,
    label: IToken | undefined,
    hasWhen: boolean,
    when: Ast.Expr | undefined,
    items: Array<Ast.SectionDecl | Ast.BucketDecl | Ast.ClampDecl>,
    close: IToken | undefined,
  ): Ast.ModelDecl | undefined {
    const identifier = this.identifier(name);
    // Without its condition the model would become the default model: leave it out instead.
    if (!isReal(keyword) || identifier === undefined || (hasWhen && when === undefined)) return undefined;
    const labelLiteral = this.string(label) ?? null;
    return {
      kind: "Model",
      span: this.span(keyword, identifier, labelLiteral, when, items[items.length - 1], close),
      name: identifier,
      label: labelLiteral,
      when: when ?? null,
      items,
    };
  }

  section(
    keyword: IToken,
    items: Array<Ast.RuleDecl | Ast.DecayDecl>,
    close: IToken | undefined,
  ): Ast.SectionDecl | undefined {
    if (!isReal(keyword) || this.unknownSections.has(keyword)) return undefined;
    const keywordSpan = this.tokenSpan(keyword);
    return {
      kind: "Section",
      span: this.span(keyword, items[items.length - 1], close),
      name: sectionName(keyword),
      keyword: keywordSpan,
      items,
    };
  }

  rule(
    keyword: IToken,
    condition: Ast.RuleCondition | undefined,
    effect: Ast.Effect | undefined,
  ): Ast.RuleDecl | undefined {
    if (!isReal(keyword) || condition === undefined || effect === undefined) return undefined;
    return { kind: "Rule", span: this.span(keyword, effect), condition, effect };
  }

  effect(
    verb: IToken,
    points: IToken,
    each: IToken | undefined,
    max: IToken | undefined,
    maxValue: IToken | undefined,
    within: IToken | undefined,
    duration: IToken | undefined,
  ): Ast.Effect | undefined {
    const pointsLiteral = this.number(points);
    if (!isReal(verb) || pointsLiteral === undefined) return undefined;
    const maxLiteral = max === undefined ? null : (this.number(maxValue) ?? null);
    const withinDuration = within === undefined ? null : (this.duration(duration) ?? null);
    const eachSpan = isReal(each) ? this.tokenSpan(each) : null;
    return {
      kind: "Effect",
      span: this.span(verb, pointsLiteral, each, max, maxValue, within, duration),
      verb: verb.tokenType === T.Subtract ? "subtract" : "add",
      points: pointsLiteral,
      each: eachSpan,
      max: maxLiteral,
      within: withinDuration,
    };
  }

  decay(keyword: IToken, percent: IToken, duration: IToken): Ast.DecayDecl | undefined {
    const percentLiteral = this.number(percent);
    const period = this.duration(duration);
    if (!isReal(keyword) || percentLiteral === undefined || period === undefined) return undefined;
    return { kind: "Decay", span: this.span(keyword, period), percent: percentLiteral, every: period };
  }
}

/** The largest number a rule file may write (either sign): points, thresholds, values, bounds. */
export const MAX_NUMBER_LITERAL = 1e15;

function shortImage(image: string): string {
  return image.length <= 24 ? image : `${image.slice(0, 20)}…`;
}
