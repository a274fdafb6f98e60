/**
 * Words the parser's errors for people who are not programmers.
 *
 * Chevrotain asks `parseErrorMessages` to describe each error; the description is only the "expected …"
 * part ("a number", "`{`"), since the found token and the position are known when the error is turned
 * into a diagnostic (`toDiagnostic`): LS103 "expected X but found `Y`", LS104 at the end of the file, and
 * LS107 when a declaration was expected at the top level.
 */
import {
  EOF,
  tokenMatcher,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from "chevrotain";
import { Diagnostics } from "../diagnostics/codes.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import type { LineIndex } from "./positions.js";
import * as T from "./tokens.js";

/** The description used when the top level expected a declaration (reported as LS107). */
export const DECLARATION_EXPECTED = "a declaration";

/** What may come next inside a model's braces. */
export const MODEL_ITEM_EXPECTED = "`fit {`, `engagement {`, `bucket`, `clamp` or `}`";
/** What may come next inside a section's braces. */
export const SECTION_ITEM_EXPECTED = "a rule (`when …`), `decay` or `}`";
/** A bucket's action. */
export const ACTION_EXPECTED = "an action (`route`, `nurture` or `disqualify`)";
/** A rule's effect. */
export const EFFECT_EXPECTED = "`add` or `subtract`";

/** Better words for a missing token in a given rule, where the token alone says too little. */
const EXPECTED_IN_RULE: Record<string, Partial<Record<string, string>>> = {
  inlineList: { [T.RBracket.name]: "`,` or `]`" },
  eventTypeTest: { [T.RBracket.name]: "`,` or `]`" },
  fieldList: { [T.RBrace.name]: "a field like `name: string` or `}`" },
  leadDecl: { [T.RBrace.name]: "a field like `name: string` or `}`" },
  eventDecl: { [T.RBrace.name]: "a field like `name: string` or `}`" },
  sectionDecl: { [T.RBrace.name]: SECTION_ITEM_EXPECTED },
  modelDecl: {
    [T.RBrace.name]: MODEL_ITEM_EXPECTED,
    [T.LBrace.name]: "`{`",
  },
  typeExpr: { [T.ValueWord.name]: "a type (string, number, boolean or date) or values like `a | b`" },
  effect: { [T.NumberLiteral.name]: "the points (a number)" },
  gradeTier: { [T.NumberLiteral.name]: "a threshold (a number)" },
  bucketTest: { [T.NumberLiteral.name]: "a threshold (a number)" },
  decayDecl: { [T.NumberLiteral.name]: "a percentage like `50`" },
};

function describeToken(type: TokenType): string {
  return type.LABEL ?? type.name;
}

function describeExpected(expected: TokenType, ruleName: string): string {
  if (expected === EOF) return DECLARATION_EXPECTED;
  return EXPECTED_IN_RULE[ruleName]?.[expected.name] ?? describeToken(expected);
}

/** Lists the first tokens of the alternatives: "`a`, `b` or `c`". */
function describeAlternatives(paths: TokenType[][][]): string {
  const names = new Set<string>();
  for (const alternative of paths) {
    for (const path of alternative) {
      const first = path[0];
      if (first !== undefined) names.add(describeToken(first));
    }
  }
  return joinWithOr([...names]);
}

function joinWithOr(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "something else";
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

export const parseErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, ruleName }) => describeExpected(expected, ruleName),
  buildNotAllInputParsedMessage: () => DECLARATION_EXPECTED,
  buildNoViableAltMessage: ({ expectedPathsPerAlt, customUserDescription }) =>
    customUserDescription ?? describeAlternatives(expectedPathsPerAlt),
  buildEarlyExitMessage: ({ expectedIterationPaths, customUserDescription }) =>
    customUserDescription ?? describeAlternatives([expectedIterationPaths]),
};

/** How a found token is quoted in a message: `abc`, `"VP"`, shortened when long. */
export function quoteToken(token: IToken): string {
  const image = token.image.length > 40 ? `${token.image.slice(0, 39)}…` : token.image;
  return `\`${image}\``;
}

/** Tokens that start a line of their own: finding one where something else was expected means the line
 * before it is unfinished, so the error belongs at the end of that line. */
const LINE_STARTERS: ReadonlySet<TokenType> = new Set([
  ...T.DECLARATION_KEYWORDS,
  T.When,
  T.Decay,
  T.Fit,
  T.Engagement,
  T.RBrace,
]);

/**
 * A diagnostic for one parser error. `lastToken` is the last significant token of the file: an error at
 * the end of the file points just after it, where the missing piece belongs. Likewise, when the line
 * before is unfinished (`when title = CEO add` followed by the next rule), the error points at the end of
 * that line and says so, instead of blaming the next line's first word.
 */
export function toDiagnostic(
  error: IRecognitionException,
  lines: LineIndex,
  lastToken: IToken | undefined,
): Diagnostic {
  const token = error.token;
  const expected = error.message;
  const previous = (error as { previousToken?: IToken }).previousToken;
  const hint = hintFor(expected, token, previous, lines);
  if (token.tokenType === EOF || Number.isNaN(token.startOffset)) {
    const end = lastToken === undefined ? 0 : endOf(lastToken);
    return createDiagnostic(Diagnostics.UnexpectedEndOfInput, lines.span(end, end), [expected], hint);
  }
  if (expected === DECLARATION_EXPECTED) {
    return createDiagnostic(
      Diagnostics.ExpectedDeclaration,
      tokenSpan(token, lines),
      [quoteToken(token)],
      declarationHint(token),
    );
  }
  if (isRealToken(previous) && LINE_STARTERS.has(token.tokenType)) {
    const end = endOf(previous);
    if (lines.position(end).line < lines.position(token.startOffset).line) {
      return createDiagnostic(
        Diagnostics.UnexpectedToken,
        lines.span(end, end),
        [expected, "the end of the line"],
        hint,
      );
    }
  }
  return createDiagnostic(
    Diagnostics.UnexpectedToken,
    tokenSpan(token, lines),
    [expected, quoteToken(token)],
    hint,
  );
}

function isRealToken(token: IToken | undefined): token is IToken {
  return token !== undefined && token.tokenType !== EOF && !Number.isNaN(token.startOffset);
}

function endOf(token: IToken): number {
  return token.startOffset + token.image.length;
}

function tokenSpan(token: IToken, lines: LineIndex) {
  return lines.span(token.startOffset, endOf(token));
}

/** What is written unquoted after these keywords, and how it is named in the hint to quote it. */
const QUOTED_AFTER: ReadonlyMap<TokenType, string> = new Map([
  [T.Because, "the reason"],
  [T.Nurture, "the campaign"],
  [T.Say, "the message"],
  [T.Ruleset, "the name"],
]);

function hintFor(
  expected: string,
  found: IToken,
  previous: IToken | undefined,
  lines: LineIndex,
): string | undefined {
  if (found.tokenType === T.Identifier) {
    // `And` where `and` was expected; `Or` after a rule's condition, where `or` may follow too.
    const word = found.image.toLowerCase();
    const connects = expected === EFFECT_EXPECTED && (word === "and" || word === "or");
    if (connects || expected.includes(`\`${word}\``)) return `keywords are written in lowercase: \`${word}\``;
  }
  // `title = CEO add 10` in a section: a rule without its `when`.
  if (expected === SECTION_ITEM_EXPECTED && tokenMatcher(found, T.Name)) return "rules start with `when`";
  const quoted = previous === undefined ? undefined : QUOTED_AFTER.get(previous.tokenType);
  if (expected === T.StringToken.LABEL && quoted !== undefined && tokenMatcher(found, T.Word)) {
    return `quote ${quoted}: \`${previous!.image} "${restOfLine(found, lines)}"\``;
  }
  if (expected === T.DurationToken.LABEL && found.tokenType === T.NumberLiteral) {
    return `add a unit: \`${found.image}d\` (days), \`${found.image}h\` (hours), \`${found.image}m\` (minutes) or \`${found.image}w\` (weeks)`;
  }
  if (expected === EXPECTED_IN_RULE.effect![T.NumberLiteral.name]) {
    return `write the points after \`${previous?.image ?? "add"}\`, like \`${previous?.image ?? "add"} 10\``;
  }
  if (expected === T.Because.LABEL) return 'an exclusion says why it applies: `because "competitor"`';
  if (expected === T.Arrow.LABEL)
    return "write the bucket's actions after `->`, like `-> route sales within 4h`";
  if (found.tokenType === T.Equal && previous?.tokenType === T.Equal) return "compare with a single `=`";
  if (expected === T.Percent.LABEL) return "write the percentage with `%`, like `decay 50% every 30d`";
  return undefined;
}

/**
 * The words from `token` to the end of its line, without a comment: what was meant as one text. At most
 * REST_OF_LINE characters (then `…`): a hint quotes a name, not a line of 400,000 characters once per
 * error (1 MB of `ruleset ruleset …` on one line made 1,000 such hints, 1.2 GB).
 */
function restOfLine(token: IToken, lines: LineIndex): string {
  const ahead = lines.text.slice(token.startOffset, token.startOffset + REST_OF_LINE + 1);
  const lineEnd = ahead.indexOf("\n");
  const line = (lineEnd === -1 ? ahead : ahead.slice(0, lineEnd)).replace(/#.*$/, "").trim();
  return line.length > REST_OF_LINE ? `${line.slice(0, REST_OF_LINE - 1)}…` : line;
}
const REST_OF_LINE = 60;

/** The words that start a declaration. */
const DECLARATION_WORDS = T.DECLARATION_KEYWORDS.map((type) => type.PATTERN as string);

function declarationHint(found: IToken): string | undefined {
  if (found.tokenType === T.Identifier) {
    // A misspelt keyword that repair-tokens.ts could not read as meant (what follows does not fit it).
    const lowercase = found.image.toLowerCase();
    if (DECLARATION_WORDS.includes(lowercase)) return `keywords are written in lowercase: \`${lowercase}\``;
    return didYouMean(found.image, DECLARATION_WORDS);
  }
  if (found.tokenType === T.When)
    return "rules belong in a model's `fit { … }` or `engagement { … }` section";
  if (found.tokenType === T.Fit || found.tokenType === T.Engagement) {
    return "sections belong inside a model: `model name { fit { … } }`";
  }
  if (found.tokenType === T.RBrace || found.tokenType === T.RParen || found.tokenType === T.RBracket) {
    return `this \`${found.image}\` closes nothing: remove it, or look for a missing opening one above`;
  }
  return undefined;
}
