/**
 * Splits `.score` text into tokens and reports the problems that belong to single tokens: characters the
 * language does not know (LS101), strings left open (LS102), malformed durations (LS105) and unknown
 * escapes (LS109). Broken tokens are still handed to the parser (an open string is a string, `30days` is a
 * duration) so that one typo gives one diagnostic, not a second one from the parser.
 */
import type { IToken } from "chevrotain";
import type { Comment } from "./ast.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { Diagnostics } from "../diagnostics/codes.js";
import { parseDuration } from "./durations.js";
import { decodeString } from "./literals.js";
import { codePointName, INVISIBLE_CHARACTERS, SUSPICIOUS_CHARACTER } from "./invisible-characters.js";
import { BYTE_ORDER_MARK, type LineIndex } from "./positions.js";
import {
  Duration,
  InvalidDuration,
  MisquotedText,
  scoreLexer,
  StringLiteral,
  UnterminatedString,
} from "./tokens.js";

export interface LexResult {
  /** The significant tokens, in order (comments and white space removed). */
  tokens: IToken[];
  comments: Comment[];
  diagnostics: Diagnostic[];
}

export function lexSource(lines: LineIndex): LexResult {
  const { text } = lines;
  // A byte order mark is read as a space: no token, and every offset stays that of the text as read.
  const result = scoreLexer.tokenize(
    text.startsWith(BYTE_ORDER_MARK) ? ` ${text.slice(BYTE_ORDER_MARK.length)}` : text,
  );
  const diagnostics: Diagnostic[] = [];

  for (const error of result.errors) {
    const characters = text.slice(error.offset, error.offset + error.length);
    // Invisible characters get their own diagnostic below, one per character.
    if ([...characters].every((c) => INVISIBLE_CHARACTERS.has(c.charCodeAt(0)))) continue;
    diagnostics.push(
      createDiagnostic(
        Diagnostics.UnexpectedCharacter,
        lines.span(error.offset, error.offset + error.length),
        [characters],
        unexpectedCharacterHint(characters),
      ),
    );
  }

  for (const token of result.tokens) {
    const type = token.tokenType;
    if (type === StringLiteral || type === UnterminatedString) {
      checkString(token, lines, diagnostics);
    } else if (type === MisquotedText) {
      diagnostics.push(misquotedText(token, lines));
    } else if (type === InvalidDuration) {
      diagnostics.push(invalidDuration(token, lines));
    } else if (type === Duration && parseDuration(token.image) === undefined) {
      diagnostics.push(invalidDuration(token, lines));
    }
  }

  const comments: Comment[] = (result.groups.comments ?? []).map((token) => ({
    kind: "Comment",
    span: lines.span(token.startOffset, token.startOffset + token.image.length),
    text: token.image,
  }));

  checkSuspiciousCharacters(text, result.tokens, lines, diagnostics);

  // Lexer errors and token checks are found in several passes; report them in reading order.
  diagnostics.sort((a, b) => a.span.start.offset - b.span.start.offset);
  return { tokens: result.tokens, comments, diagnostics };
}

/**
 * Trojan Source: a lone carriage return (which a `#` comment would end at, while editors and reviews may
 * show the rest of the line as comment) is an error anywhere; an invisible character is an error outside
 * strings (comments included) and a warning inside them.
 */
function checkSuspiciousCharacters(
  text: string,
  tokens: readonly IToken[],
  lines: LineIndex,
  diagnostics: Diagnostic[],
): void {
  if (text.search(SUSPICIOUS_CHARACTER) === -1) return;
  const strings = tokens.filter((t) => t.tokenType === StringLiteral || t.tokenType === UnterminatedString);
  let next = 0;
  for (const match of text.matchAll(SUSPICIOUS_CHARACTER)) {
    const at = match.index;
    const span = lines.span(at, at + 1);
    const code = text.charCodeAt(at);
    if (code === 13) {
      diagnostics.push(createDiagnostic(Diagnostics.LoneCarriageReturn, span));
      continue;
    }
    if (at === 0 && code === 0xfeff) continue; // the byte order mark
    while (next < strings.length && strings[next]!.startOffset + strings[next]!.image.length <= at) next++;
    const inString = next < strings.length && strings[next]!.startOffset <= at;
    const args = [codePointName(code), INVISIBLE_CHARACTERS.get(code)!];
    diagnostics.push(
      createDiagnostic(
        inString ? Diagnostics.InvisibleCharacterInString : Diagnostics.InvisibleCharacter,
        span,
        args,
      ),
    );
  }
}

function checkString(token: IToken, lines: LineIndex, diagnostics: Diagnostic[]): void {
  const start = token.startOffset;
  if (token.tokenType === UnterminatedString) {
    diagnostics.push(
      createDiagnostic(Diagnostics.UnterminatedString, lines.span(start, start + token.image.length)),
    );
  }
  if (!token.image.includes("\\")) return;
  for (const invalid of decodeString(token.image).invalidEscapes) {
    const at = start + invalid.offset;
    diagnostics.push(
      createDiagnostic(Diagnostics.InvalidEscape, lines.span(at, at + invalid.text.length), [invalid.text]),
    );
  }
}

/** How people write duration units, and the letter the language uses for each. */
export const UNIT_WORDS: Readonly<Record<string, string>> = {
  m: "m",
  min: "m",
  mins: "m",
  minute: "m",
  minutes: "m",
  h: "h",
  hr: "h",
  hrs: "h",
  hour: "h",
  hours: "h",
  d: "d",
  day: "d",
  days: "d",
  w: "w",
  wk: "w",
  wks: "w",
  week: "w",
  weeks: "w",
};

/** LS105 for a malformed duration token: `30days`, or `30 days` (see repair-tokens.ts), with the fix. */
export function invalidDuration(token: IToken, lines: LineIndex): Diagnostic {
  const span = lines.span(token.startOffset, token.startOffset + token.image.length);
  const match = /^(\d+)\s*([A-Za-z]+)$/.exec(token.image);
  const unit = match === null ? undefined : UNIT_WORDS[match[2]!.toLowerCase()];
  const hint = unit === undefined ? undefined : `write \`${match![1]}${unit}\``;
  return createDiagnostic(Diagnostics.InvalidDuration, span, [token.image], hint);
}

/** `'VP'`, `“VP”` or `@acme.com`: one LS101 for the first character, the whole text underlined. */
function misquotedText(token: IToken, lines: LineIndex): Diagnostic {
  const span = lines.span(token.startOffset, token.startOffset + token.image.length);
  const first = token.image[0]!;
  const hint =
    first === "@"
      ? `write "${token.image}" between double quotes`
      : `write "${misquotedTextValue(token.image)}" between straight double quotes`;
  return createDiagnostic(Diagnostics.UnexpectedCharacter, span, [first], hint);
}

/** The text a misquoted token meant: without its quotes. */
export function misquotedTextValue(image: string): string {
  if (image.startsWith("@")) return image;
  const closed = image.length >= 2 && /['\u2018\u2019\u201C\u201D]$/.test(image);
  return image.slice(1, closed ? -1 : undefined);
}

function unexpectedCharacterHint(characters: string): string | undefined {
  const first = characters[0] ?? "";
  if (first === ";") return "remove `;`: a declaration ends by itself";
  if (first === ".") return 'write text with dots between double quotes, like "example.com"';
  if (first === "&") return "write `and`";
  if (first === "!") return "write `not`, or `!=` for “is not equal to”";
  if (/\p{L}/u.test(first))
    return 'names use the letters A–Z, digits and `_`; write other text between double quotes, like "Zürich"';
  return undefined;
}
