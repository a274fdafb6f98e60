/**
 * The token vocabulary of `.score` files and the lexer built from it.
 *
 * Keywords are lowercase and case-sensitive (`Nurture` is a name, `nurture` an action). Every keyword is
 * also a word, so that a bare word on the right of a comparison may be any keyword-looking word
 * (`stage = lead`). Three token categories say where a word may stand:
 *   - `Word`      every identifier and keyword (enumeration members),
 *   - `ValueWord` words usable as values: all of them except the connecting words (`and`, `or`, `add`, …),
 *                 so that a forgotten value is reported where it is missing, not one word later,
 *   - `Name`      identifiers plus the keywords that are legitimate names elsewhere (`fit`, `grade`, `date`…).
 * A fourth, `Value`, gathers everything that can stand as a value (strings, numbers, dates, value words), so
 * that a value is one token to the parser rather than a rule of its own: lists and conditions are most of a
 * ruleset, and this keeps them cheap to parse.
 *
 * The lists exported here are also the source of the TextMate grammar (see grammar-artifacts.ts), so the
 * editor colours exactly the words the parser knows.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";

// ------------------------------------------------------------------------------------------ categories

export const Word = createToken({ name: "Word", pattern: Lexer.NA, label: "a word" });
export const ValueWord = createToken({ name: "ValueWord", pattern: Lexer.NA, label: "a value" });
export const Name = createToken({ name: "Name", pattern: Lexer.NA, label: "a name" });
/** Every token that can be a value: strings, numbers, dates and value words. */
export const Value = createToken({ name: "Value", pattern: Lexer.NA, label: "a value" });
export const CompareOperator = createToken({
  name: "CompareOperator",
  pattern: Lexer.NA,
  label: "a comparison (`=`, `!=`, `<`, `<=`, `>` or `>=`)",
});
/** Every string token, closed or not: an unterminated string is reported by the lexer and parsed as text. */
export const StringToken = createToken({
  name: "StringToken",
  pattern: Lexer.NA,
  label: "a text in double quotes",
});
/** Every duration token, valid or not: a malformed duration is reported by the lexer, not twice. */
export const DurationToken = createToken({
  name: "DurationToken",
  pattern: Lexer.NA,
  label: "a duration like `30d`",
});

// --------------------------------------------------------------------------------- trivia and literals

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\f\v]+/,
  group: Lexer.SKIPPED,
});
export const Comment = createToken({ name: "Comment", pattern: /#[^\r\n]*/, group: "comments" });

export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/,
  categories: [StringToken, Value],
  label: "a text in double quotes",
});
/** A string that reaches the end of its line without a closing quote (LS102). */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/,
  categories: [StringToken, Value],
  label: "a text in double quotes",
});

/**
 * Text that was meant as a string but is not one: in single or typographic quotes (`'VP'`, `“VP”`) or an
 * unquoted `@domain.com`. Reported once by the lexer (LS101) and read as the text that was meant, so that
 * the rest of the line still parses.
 */
export const MisquotedText = createToken({
  name: "MisquotedText",
  pattern: /'[^'\r\n]*'?|[‘’“”][^‘’“”\r\n]*[‘’“”]?|@[A-Za-z0-9_.+-]*/,
  categories: [Value],
  label: "a text in double quotes",
});

/** A number glued to letters, like `30days`, `5x` or `1.5h` (LS105). Only reached as a longer alternative. */
export const InvalidDuration = createToken({
  name: "InvalidDuration",
  pattern: /-?\d+(?:\.\d+)?[A-Za-z_][A-Za-z0-9_]*/,
  categories: [DurationToken],
  label: "a duration like `30d`",
});
/** Anything shaped like a date; the calendar is checked when the tree is built (LS106). */
export const DateLiteral = createToken({
  name: "DateLiteral",
  pattern: /\d{4}-\d\d?-\d\d?(?:T[A-Za-z0-9_:.+-]*)?/,
  categories: [Value],
  label: "a date like `2026-01-31`",
});
export const Duration = createToken({
  name: "Duration",
  pattern: /\d+[mhdw]/,
  categories: [DurationToken],
  longer_alt: InvalidDuration,
  label: "a duration like `30d`",
});
export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern: /-?\d+(?:\.\d+)?/,
  categories: [Value],
  longer_alt: InvalidDuration,
  label: "a number",
});

export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  categories: [Word, ValueWord, Name, Value],
  label: "a name",
});

// ------------------------------------------------------------------------------------------ keywords

/** What a keyword is for: drives the TextMate scopes and the language reference. */
export type KeywordRole = "declaration" | "section" | "logic" | "condition" | "effect" | "action" | "type";

export interface KeywordInfo {
  word: string;
  role: KeywordRole;
  token: TokenType;
  /** Also a legitimate name (a field, an event, a subject in a bucket condition). */
  isName: boolean;
  /** May stand as a bare-word value (`stage = lead`). */
  isValue: boolean;
}

const keywordTable: KeywordInfo[] = [];

/** Words that connect the parts of a rule; they are never values, so a missing value is reported in place. */
const CONNECTING_WORDS = new Set(["and", "or", "when", "where", "within", "because", "add", "subtract"]);
/** Keywords that are also names: `grade` in a bucket condition, a field called `date`, … */
const NAME_WORDS = new Set([
  "fit",
  "engagement",
  "grade",
  "score",
  "lead",
  "version",
  "string",
  "number",
  "boolean",
  "date",
]);

function keyword(word: string, role: KeywordRole): TokenType {
  const isName = NAME_WORDS.has(word);
  const isValue = !CONNECTING_WORDS.has(word);
  const categories = [Word];
  if (isValue) categories.push(ValueWord, Value);
  if (isName) categories.push(Name);
  const token = createToken({
    name: `Keyword_${word}`,
    pattern: word,
    longer_alt: Identifier,
    categories,
    label: `\`${word}\``,
  });
  keywordTable.push({ word, role, token, isName, isValue });
  return token;
}

// declarations
export const Ruleset = keyword("ruleset", "declaration");
export const Version = keyword("version", "declaration");
export const Lead = keyword("lead", "declaration");
export const Event = keyword("event", "declaration");
export const List = keyword("list", "declaration");
export const Exclude = keyword("exclude", "declaration");
export const Grade = keyword("grade", "declaration");
export const Bucket = keyword("bucket", "declaration");
export const Clamp = keyword("clamp", "declaration");
export const Model = keyword("model", "declaration");
// sections
export const Fit = keyword("fit", "section");
export const Engagement = keyword("engagement", "section");
// logic
export const And = keyword("and", "logic");
export const Or = keyword("or", "logic");
export const Not = keyword("not", "logic");
// conditions
export const When = keyword("when", "condition");
export const Where = keyword("where", "condition");
export const Within = keyword("within", "condition");
export const Because = keyword("because", "condition");
export const No = keyword("no", "condition");
export const In = keyword("in", "condition");
export const Contains = keyword("contains", "condition");
export const Any = keyword("any", "condition");
export const Starts = keyword("starts", "condition");
export const Ends = keyword("ends", "condition");
export const With = keyword("with", "condition");
export const Between = keyword("between", "condition");
export const Is = keyword("is", "condition");
export const Missing = keyword("missing", "condition");
export const Present = keyword("present", "condition");
export const Otherwise = keyword("otherwise", "condition");
export const Else = keyword("else", "condition");
export const Every = keyword("every", "condition");
export const Score = keyword("score", "condition");
// effects
export const Add = keyword("add", "effect");
export const Subtract = keyword("subtract", "effect");
export const Each = keyword("each", "effect");
export const Max = keyword("max", "effect");
export const Decay = keyword("decay", "effect");
// actions
export const Route = keyword("route", "action");
export const Nurture = keyword("nurture", "action");
export const Disqualify = keyword("disqualify", "action");
export const Say = keyword("say", "action");
// types: a type is read as a name (a field may be called `date`), so no parser rule names these alone
keyword("string", "type");
keyword("number", "type");
keyword("boolean", "type");
keyword("date", "type");

export const KEYWORDS: readonly KeywordInfo[] = keywordTable;

/** The keywords that start a top-level declaration. */
export const DECLARATION_KEYWORDS: readonly TokenType[] = [
  Ruleset,
  Lead,
  Event,
  List,
  Exclude,
  Grade,
  Bucket,
  Clamp,
  Model,
];

// ------------------------------------------------------------------------------------ punctuation

function punctuation(name: string, text: string, categories: TokenType[] = []): TokenType {
  return createToken({ name, pattern: text, categories, label: `\`${text}\`` });
}

export const Arrow = punctuation("Arrow", "->");
export const NotEqual = punctuation("NotEqual", "!=", [CompareOperator]);
export const LessEqual = punctuation("LessEqual", "<=", [CompareOperator]);
export const GreaterEqual = punctuation("GreaterEqual", ">=", [CompareOperator]);
export const Less = punctuation("Less", "<", [CompareOperator]);
export const Greater = punctuation("Greater", ">", [CompareOperator]);
export const Equal = punctuation("Equal", "=", [CompareOperator]);
export const LBrace = punctuation("LBrace", "{");
export const RBrace = punctuation("RBrace", "}");
export const LBracket = punctuation("LBracket", "[");
export const RBracket = punctuation("RBracket", "]");
export const LParen = punctuation("LParen", "(");
export const RParen = punctuation("RParen", ")");
export const Comma = punctuation("Comma", ",");
export const Colon = punctuation("Colon", ":");
export const Pipe = punctuation("Pipe", "|");
export const Question = punctuation("Question", "?");
export const Percent = punctuation("Percent", "%");

/** Operators and punctuation as written, for the TextMate grammar and the language reference. */
export const OPERATORS = ["->", "!=", "<=", ">=", "<", ">", "="] as const;

// ----------------------------------------------------------------------------------------- the lexer

/** Order matters: the first pattern that matches wins (keywords are saved from `address` by `longer_alt`). */
export const ALL_TOKENS: readonly TokenType[] = [
  WhiteSpace,
  Comment,
  StringLiteral,
  UnterminatedString,
  MisquotedText,
  DateLiteral,
  Duration,
  NumberLiteral,
  InvalidDuration,
  Arrow,
  NotEqual,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  Equal,
  LBrace,
  RBrace,
  LBracket,
  RBracket,
  LParen,
  RParen,
  Comma,
  Colon,
  Pipe,
  Question,
  Percent,
  ...KEYWORDS.map((k) => k.token),
  Identifier,
  // categories come last: they match nothing themselves
  Word,
  ValueWord,
  Name,
  Value,
  CompareOperator,
  StringToken,
  DurationToken,
];

/** One lexer for the whole process: building it analyses every pattern, so it is never rebuilt. */
export const scoreLexer = new Lexer(ALL_TOKENS as TokenType[], {
  positionTracking: "onlyOffset",
  ensureOptimizations: true,
});
