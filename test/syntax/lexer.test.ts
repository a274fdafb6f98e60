import { tokenMatcher, type TokenType } from "chevrotain";
import { describe, expect, test } from "vitest";
import { lexSource } from "../../src/syntax/lexer.js";
import { parseDuration } from "../../src/syntax/durations.js";
import { decodeString, parseDate } from "../../src/syntax/literals.js";
import { LineIndex } from "../../src/syntax/positions.js";
import * as T from "../../src/syntax/tokens.js";

function lex(text: string) {
  return lexSource(new LineIndex("t.score", text));
}

/** `TypeName:image` for every token. */
function tokens(text: string): string[] {
  return lex(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

/** `code line:column-line:column message` for every diagnostic. */
function problems(text: string): string[] {
  return lex(text).diagnostics.map(
    (d) =>
      `${d.code} ${d.span.start.line}:${d.span.start.column}-${d.span.end.line}:${d.span.end.column} ${d.message}`,
  );
}

function firstToken(text: string) {
  const token = lex(text).tokens[0];
  if (token === undefined) throw new Error(`no token in ${text}`);
  return token;
}

describe("words", () => {
  test("keywords are lowercase and whole words; anything longer is a name", () => {
    expect(tokens("when whenever Nurture nurture address add _x x_1")).toEqual([
      "Keyword_when:when",
      "Identifier:whenever",
      "Identifier:Nurture",
      "Keyword_nurture:nurture",
      "Identifier:address",
      "Keyword_add:add",
      "Identifier:_x",
      "Identifier:x_1",
    ]);
  });

  test("every keyword is a word; value words leave out the connecting words; some keywords are names", () => {
    const is = (text: string, category: TokenType) => tokenMatcher(firstToken(text), category);
    expect(is("lead", T.Word) && is("lead", T.ValueWord) && is("lead", T.Name) && is("lead", T.Value)).toBe(
      true,
    );
    expect(is("customer", T.Name) && is("customer", T.Value)).toBe(true);
    for (const connecting of ["and", "or", "when", "where", "within", "because", "add", "subtract"]) {
      expect(is(connecting, T.Word), connecting).toBe(true);
      expect(is(connecting, T.Value), connecting).toBe(false);
    }
    for (const name of [
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
    ]) {
      expect(is(name, T.Name), name).toBe(true);
    }
    for (const notName of ["event", "model", "no", "not", "list", "bucket", "when"]) {
      expect(is(notName, T.Name), notName).toBe(false);
    }
  });

  test("the keyword table lists every keyword once, with its role", () => {
    const words = T.KEYWORDS.map((k) => k.word);
    expect(new Set(words).size).toBe(words.length);
    expect(T.KEYWORDS.find((k) => k.word === "route")?.role).toBe("action");
    expect(T.KEYWORDS.find((k) => k.word === "fit")?.role).toBe("section");
    expect(T.DECLARATION_KEYWORDS.map((t) => t.name)).toEqual(
      ["ruleset", "lead", "event", "list", "exclude", "grade", "bucket", "clamp", "model"].map(
        (w) => `Keyword_${w}`,
      ),
    );
  });
});

describe("punctuation and operators", () => {
  test("two-character operators win over their one-character prefixes", () => {
    expect(tokens("a>=1 b<=2 c!=3 d->e f>g h<i j=k")).toEqual([
      "Identifier:a",
      "GreaterEqual:>=",
      "NumberLiteral:1",
      "Identifier:b",
      "LessEqual:<=",
      "NumberLiteral:2",
      "Identifier:c",
      "NotEqual:!=",
      "NumberLiteral:3",
      "Identifier:d",
      "Arrow:->",
      "Identifier:e",
      "Identifier:f",
      "Greater:>",
      "Identifier:g",
      "Identifier:h",
      "Less:<",
      "Identifier:i",
      "Identifier:j",
      "Equal:=",
      "Identifier:k",
    ]);
  });

  test("brackets, braces, parentheses and the small signs", () => {
    expect(tokens("{[(,:|?%)]}").map((t) => t.split(":")[0])).toEqual([
      "LBrace",
      "LBracket",
      "LParen",
      "Comma",
      "Colon",
      "Pipe",
      "Question",
      "Percent",
      "RParen",
      "RBracket",
      "RBrace",
    ]);
  });
});

describe("numbers, durations and dates", () => {
  test("numbers may be negative and have decimals", () => {
    expect(tokens("10 -5 2.75 0")).toEqual([
      "NumberLiteral:10",
      "NumberLiteral:-5",
      "NumberLiteral:2.75",
      "NumberLiteral:0",
    ]);
  });

  test("a whole number with m, h, d or w is a duration", () => {
    expect(tokens("15m 4h 30d 2w")).toEqual(["Duration:15m", "Duration:4h", "Duration:30d", "Duration:2w"]);
    expect(parseDuration("15m")).toEqual({ amount: 15, unit: "m", ms: 900_000 });
    expect(parseDuration("4h")).toEqual({ amount: 4, unit: "h", ms: 14_400_000 });
    expect(parseDuration("30d")).toEqual({ amount: 30, unit: "d", ms: 2_592_000_000 });
    expect(parseDuration("2w")).toEqual({ amount: 2, unit: "w", ms: 1_209_600_000 });
  });

  test("a number glued to other letters is a malformed duration (LS105), with the fix when it is plain", () => {
    expect(problems("30days 5x 1.5h -2d")).toEqual([
      "LS105 1:1-1:7 `30days` is not a duration",
      "LS105 1:8-1:10 `5x` is not a duration",
      "LS105 1:11-1:15 `1.5h` is not a duration",
      "LS105 1:16-1:19 `-2d` is not a duration",
    ]);
    const [days, x] = lex("30days 5x").diagnostics;
    expect(days?.hint).toBe("write `30d`");
    expect(x?.hint).toBe(
      "write a whole number followed by m (minutes), h (hours), d (days) or w (weeks), like `30d`",
    );
    expect(tokens("30days")).toEqual(["InvalidDuration:30days"]);
  });

  test("a duration too long to count in milliseconds exactly is malformed too", () => {
    expect(problems("99999999999999999w")).toEqual(["LS105 1:1-1:19 `99999999999999999w` is not a duration"]);
  });

  test("dates and instants are single tokens", () => {
    expect(
      tokens("2026-01-31 2026-01-31T10:00:00Z 2026-01-31T10:00+02:00 2026-01-31T10:00:00.250-05:30"),
    ).toEqual([
      "DateLiteral:2026-01-31",
      "DateLiteral:2026-01-31T10:00:00Z",
      "DateLiteral:2026-01-31T10:00+02:00",
      "DateLiteral:2026-01-31T10:00:00.250-05:30",
    ]);
  });

  test("parseDate reads days as UTC midnight, honours offsets and refuses days that do not exist", () => {
    expect(parseDate("2026-01-31")).toBe(Date.UTC(2026, 0, 31));
    expect(parseDate("2026-01-31T10:00:00Z")).toBe(Date.UTC(2026, 0, 31, 10));
    expect(parseDate("2026-01-31T10:00+02:00")).toBe(Date.UTC(2026, 0, 31, 8));
    expect(parseDate("2026-01-31T10:00:00.25-05:30")).toBe(Date.UTC(2026, 0, 31, 15, 30, 0, 250));
    expect(parseDate("2024-02-29")).toBe(Date.UTC(2024, 1, 29));
    expect(parseDate("0050-06-01")).toBe(new Date("0050-06-01T00:00:00Z").getTime());
    for (const bad of [
      "2026-02-29",
      "1900-02-29",
      "2026-13-01",
      "2026-04-31",
      "2026-00-10",
      "2026-1-5",
      "2026-01-31T24:00Z",
      "2026-01-31T10:00",
      "2026-01-31T10:61Z",
      "2026-01-31T10:00+02",
    ]) {
      expect(parseDate(bad), bad).toBeNaN();
    }
  });
});

describe("strings", () => {
  test("a string is one token; its value is unescaped", () => {
    expect(tokens('"Head of" "say \\"hi\\""')).toEqual([
      'StringLiteral:"Head of"',
      'StringLiteral:"say \\"hi\\""',
    ]);
    expect(decodeString('"a\\"b\\\\c\\nd\\te"')).toEqual({ value: 'a"b\\c\nd\te', invalidEscapes: [] });
    expect(decodeString('"plain"').value).toBe("plain");
    expect(decodeString('""').value).toBe("");
  });

  test("an unknown escape is reported where it is (LS109) and kept as written", () => {
    expect(problems('list x = ["a\\qb", "\\d"]')).toEqual([
      "LS109 1:13-1:15 unknown escape `\\q` in a string",
      "LS109 1:20-1:22 unknown escape `\\d` in a string",
    ]);
    expect(decodeString('"a\\qb"')).toEqual({ value: "a\\qb", invalidEscapes: [{ offset: 2, text: "\\q" }] });
  });

  test("a string still open at the end of its line is reported (LS102) and stops there", () => {
    expect(problems('say "hello\nnext')).toEqual(["LS102 1:5-1:11 unterminated string"]);
    expect(tokens('say "hello\nnext')).toEqual([
      "Keyword_say:say",
      'UnterminatedString:"hello',
      "Identifier:next",
    ]);
    expect(tokens('"ends with \\"')).toEqual(['UnterminatedString:"ends with \\"']);
    expect(decodeString('"hello').value).toBe("hello");
    expect(decodeString('"trailing \\').value).toBe("trailing ");
  });
});

describe("comments, white space and positions", () => {
  test("comments run to the end of the line and are kept apart from the tokens", () => {
    const result = lex("# first\nlead { # second\n}\n#last");
    expect(result.tokens.map((t) => t.image)).toEqual(["lead", "{", "}"]);
    expect(
      result.comments.map((c) => [c.text, c.span.start.line, c.span.start.column, c.span.end.column]),
    ).toEqual([
      ["# first", 1, 1, 8],
      ["# second", 2, 8, 16],
      ["#last", 4, 1, 6],
    ]);
  });

  test("positions are 1-based lines and columns, 0-based offsets, with \\r\\n counted as one line break", () => {
    const lines = new LineIndex("t.score", "ab\r\ncd\n\nef");
    expect(lines.position(0)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(lines.position(4)).toEqual({ line: 2, column: 1, offset: 4 });
    expect(lines.position(5)).toEqual({ line: 2, column: 2, offset: 5 });
    expect(lines.position(8)).toEqual({ line: 4, column: 1, offset: 8 });
    expect(lines.position(10)).toEqual({ line: 4, column: 3, offset: 10 });
    expect(lines.position(2)).toEqual({ line: 1, column: 3, offset: 2 });
    expect(lines.span(4, 6)).toEqual({
      file: "t.score",
      start: { line: 2, column: 1, offset: 4 },
      end: { line: 2, column: 3, offset: 6 },
    });
  });

  test("a byte order mark at the start is no token and no column; offsets still index the text as read", () => {
    const text = "\uFEFF# c\nlead {}";
    const result = lex(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.tokens.map((t) => [t.image, t.startOffset])).toEqual([
      ["lead", 5],
      ["{", 10],
      ["}", 11],
    ]);
    expect(result.comments.map((c) => [c.text, c.span.start])).toEqual([
      ["# c", { line: 1, column: 1, offset: 1 }],
    ]);
    const lines = new LineIndex("t.score", text);
    expect(lines.position(0)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(lines.position(3)).toEqual({ line: 1, column: 3, offset: 3 });
    expect(lines.position(5)).toEqual({ line: 2, column: 1, offset: 5 });
  });

  test("a byte order mark anywhere else is an invisible character (Trojan Source)", () => {
    expect(problems("lead {}\n\uFEFFevent a")).toEqual([
      "LS116 2:1-2:2 invisible character U+FEFF (ZERO WIDTH NO-BREAK SPACE) outside a string",
    ]);
  });
});

describe("characters the language does not know", () => {
  test("are reported (LS101) and lexing goes on after them", () => {
    expect(problems("when x = $CEO add 5;")).toEqual([
      "LS101 1:10-1:11 unexpected character `$`",
      "LS101 1:20-1:21 unexpected character `;`",
    ]);
    expect(tokens("when x = $CEO add 5;")).toEqual([
      "Keyword_when:when",
      "Identifier:x",
      "Equal:=",
      "Identifier:CEO",
      "Keyword_add:add",
      "NumberLiteral:5",
    ]);
  });

  test("a run of unknown characters is one diagnostic", () => {
    expect(problems("a $$$ b")).toEqual(["LS101 1:3-1:6 unexpected character `$$$`"]);
  });

  test("the usual suspects come with a hint", () => {
    const hint = (text: string) => lex(text).diagnostics[0]?.hint;
    expect(hint("x = 'VP'")).toBe('write "VP" between straight double quotes');
    expect(hint("x = 1;")).toBe("remove `;`: a declaration ends by itself");
    expect(hint("a && b")).toBe("write `and`");
    expect(hint("! a")).toBe("write `not`, or `!=` for “is not equal to”");
    expect(hint("x = Zürich")).toBe(
      'names use the letters A–Z, digits and `_`; write other text between double quotes, like "Zürich"',
    );
    expect(hint("x = @acme.com")).toBe('write "@acme.com" between double quotes');
    expect(hint("x = acme.com")).toBe('write text with dots between double quotes, like "example.com"');
  });

  test("text in the wrong quotes, or an unquoted @domain, is one token and one diagnostic", () => {
    expect(tokens("['VP', \u201CCEO\u201D, @acme.com, 'open]")).toEqual([
      "LBracket:[",
      "MisquotedText:'VP'",
      "Comma:,",
      "MisquotedText:\u201CCEO\u201D",
      "Comma:,",
      "MisquotedText:@acme.com",
      "Comma:,",
      "MisquotedText:'open]",
    ]);
    expect(problems("x = 'VP' or y = @acme.com")).toEqual([
      "LS101 1:5-1:9 unexpected character `'`",
      "LS101 1:17-1:26 unexpected character `@`",
    ]);
  });
});
