/**
 * `.score` text → SourceFile + syntax diagnostics. The one entry point of the syntax stage.
 *
 *   lexSource    → tokens, comments, token diagnostics (LS101, LS102, LS105, LS109)
 *   repairTokens → common mistakes reported once and replaced by what was meant (LS103, LS105, LS107),
 *                  blocks whose `}` is missing closed where the next block starts (LS113)
 *   scoreParser  → declarations + recognition errors (LS103, LS104, LS107)
 *   TreeBuilder  → the nodes, and what only they show (LS103 doubled comma, LS106, LS108, LS307, LS417)
 *
 * Whatever the input, parseSource returns a SourceFile (with fewer declarations than written when some are
 * broken: those are left out) and never throws. A file with a NUL character is not read at all (LS111), and
 * at most MAX_ERRORS_PER_FILE errors are listed (LS112 counts the rest).
 */
import type { IRecognitionException, IToken } from "chevrotain";
import type { Declaration, SourceFile } from "./ast.js";
import { Diagnostics } from "../diagnostics/codes.js";
import { createDiagnostic, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { lexSource } from "./lexer.js";
import { toDiagnostic } from "./parse-errors.js";
import { MAX_RECOGNITION_ERRORS, ParsingAbandoned, scoreParser } from "./parser.js";
import { LineIndex } from "./positions.js";
import { repairTokens } from "./repair-tokens.js";
import { TreeBuilder } from "./tree-builder.js";
import { DECLARATION_KEYWORDS, LParen, Not, RParen, UnterminatedString } from "./tokens.js";

export interface ParseResult {
  file: SourceFile;
  diagnostics: Diagnostic[];
}

/**
 * Conditions nested deeper than this (parentheses and `not`s) are refused (LS110) before they can exhaust
 * the call stack. Nobody writes 64 levels; generated or corrupted files might.
 */
export const MAX_NESTING = 64;

/**
 * More errors than this in one file are not listed: past a few dozen they are consequences of the first
 * ones, or the file is not a rule file at all. The rest is counted in one last diagnostic (LS112).
 */
export const MAX_ERRORS_PER_FILE = 50;

/**
 * The most characters one rule file may hold (1 MiB of ASCII). A larger file is one LS118, located where
 * the limit is passed, and is not read: text that is no rule file costs far more per character to
 * recover from than a rule file does to read (5 MB of `{` took 1.2 GB), and a ruleset that size is
 * written as several files anyway. The largest real rule files are tens of kilobytes.
 */
export const MAX_FILE_CHARS = 1_048_576;

export function parseSource(path: string, text: string): ParseResult {
  const lines = new LineIndex(path, text);
  const file: SourceFile = {
    kind: "SourceFile",
    span: lines.span(0, text.length),
    path,
    text,
    declarations: [],
    comments: [],
  };
  // No text file holds a NUL character; a binary file (or one saved as UTF-16) is one error, not hundreds.
  const nul = text.indexOf("\0");
  if (nul !== -1) {
    return { file, diagnostics: [createDiagnostic(Diagnostics.NotTextFile, lines.span(nul, nul + 1))] };
  }
  if (text.length > MAX_FILE_CHARS) {
    const span = lines.span(MAX_FILE_CHARS, MAX_FILE_CHARS + 1);
    return {
      file,
      diagnostics: [
        createDiagnostic(Diagnostics.FileTooLarge, span, [MAX_FILE_CHARS.toLocaleString("en-US")]),
      ],
    };
  }

  const lexed = lexSource(lines);
  file.comments = lexed.comments;
  const repaired = repairTokens(lexed.tokens, lines);
  const tokens = repaired.tokens;
  /** What was reported before the parser ran: a parser error on the same line is a consequence. */
  const tokenDiagnostics = sortDiagnostics([...lexed.diagnostics, ...repaired.diagnostics]);
  const tooDeep = (at: IToken | undefined): ParseResult => {
    const span =
      at === undefined ? lines.span(0, 0) : lines.span(at.startOffset, at.startOffset + at.image.length);
    file.declarations = [];
    return {
      file,
      diagnostics: capErrors(
        sortDiagnostics([
          ...tokenDiagnostics,
          createDiagnostic(Diagnostics.NestingTooDeep, span, [MAX_NESTING]),
        ]),
      ),
    };
  };

  const nesting = measureNesting(tokens);
  if (nesting.beyondLimit !== undefined) return tooDeep(nesting.beyondLimit);

  const tree = new TreeBuilder(lines);
  tree.unknownSections = repaired.unknownSections;
  let parsed: ReturnType<typeof parseDeclarations>;
  // Chevrotain signals every recognition error with an exception; their stack traces are never read
  // and were a third of the time of recovering from a long broken stretch.
  const stackTraceLimit = Error.stackTraceLimit;
  try {
    scoreParser.tree = tree;
    Error.stackTraceLimit = 0;
    parsed = parseDeclarations(tokens, text, file.declarations);
  } catch (error) {
    // Only a stack overflow gets here (a caller already deep in its own stack); anything else is a bug.
    if (error instanceof RangeError) return tooDeep(nesting.deepest);
    throw error;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
    // The shared parser must not keep this file's tokens and tree alive until the next file comes.
    scoreParser.release();
  }
  const parseErrors = parsed.errors;

  const lastToken = tokens[tokens.length - 1];
  const syntaxErrors = parseErrors.map((error) => ({
    error,
    diagnostic: toDiagnostic(error, lines, lastToken),
  }));
  const diagnostics = capErrors(
    sortDiagnostics([
      ...tokenDiagnostics,
      ...withoutCascades(syntaxErrors, tokenDiagnostics),
      ...tree.diagnostics,
    ]),
  );
  if (parsed.abandonedAt !== undefined) {
    // Always shown, after whatever the cap kept: the reader must know the rest was not checked.
    const at = parsed.abandonedAt;
    const span = lines.span(at.startOffset, at.startOffset + at.image.length);
    diagnostics.push(createDiagnostic(Diagnostics.ParsingAbandoned, span, [MAX_RECOGNITION_ERRORS]));
  }
  return { file, diagnostics };
}

/**
 * The first MAX_ERRORS_PER_FILE errors and the first MAX_ERRORS_PER_FILE warnings (in reading order), then
 * one LS112 where the next hidden error would be and one LS512 for hidden warnings. Errors and warnings are
 * counted apart: 51 harmless warnings must neither fail a ruleset (LS112 is an error) nor hide its errors.
 */
export function capErrors(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_ERRORS_PER_FILE) return diagnostics;
  const kept: Diagnostic[] = [];
  const hidden = { error: 0, warning: 0 };
  const firstHidden: { error?: Diagnostic; warning?: Diagnostic } = {};
  const shown = { error: 0, warning: 0 };
  for (const diagnostic of diagnostics) {
    const severity = diagnostic.severity;
    if (shown[severity] < MAX_ERRORS_PER_FILE) {
      shown[severity] += 1;
      kept.push(diagnostic);
    } else {
      hidden[severity] += 1;
      firstHidden[severity] ??= diagnostic;
    }
  }
  if (firstHidden.error !== undefined)
    kept.push(createDiagnostic(Diagnostics.TooManyErrors, firstHidden.error.span, [hidden.error]));
  if (firstHidden.warning !== undefined)
    kept.push(createDiagnostic(Diagnostics.TooManyWarnings, firstHidden.warning.span, [hidden.warning]));
  return kept;
}

/**
 * Runs the parser over the tokens. When the top level meets something that is no declaration, the error is
 * kept and parsing starts again at the next declaration keyword that begins a line, so that everything
 * after a stray line is still read and checked.
 */
function parseDeclarations(
  tokens: IToken[],
  text: string,
  declarations: Declaration[],
): { errors: IRecognitionException[]; abandonedAt?: IToken } {
  const errors: IRecognitionException[] = [];
  let start = 0;
  do {
    scoreParser.readFrom(tokens, start);
    scoreParser.declarations = declarations;
    try {
      scoreParser.file();
    } catch (error) {
      if (!(error instanceof ParsingAbandoned)) throw error;
      // The errors recorded so far (their count is kept across restarts) and where reading stopped.
      errors.push(...scoreParser.errors);
      return { errors, abandonedAt: error.token };
    }
    let stoppedAt: IToken | undefined;
    for (const error of scoreParser.errors) {
      errors.push(error);
      if (error.name === "NotAllInputParsedException") stoppedAt = error.token;
    }
    if (stoppedAt === undefined) break;
    start = nextDeclarationStart(tokens, tokens.indexOf(stoppedAt, start) + 1, text);
  } while (start < tokens.length);
  return { errors };
}

/** The index of the first declaration keyword at or after `from` that is the first token of its line. */
function nextDeclarationStart(tokens: IToken[], from: number, text: string): number {
  for (let i = Math.max(from, 1); i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!DECLARATION_KEYWORDS.includes(token.tokenType)) continue;
    const previous = tokens[i - 1]!;
    // Comments and white space lie between the two tokens; a line break among them starts a line.
    if (text.slice(previous.startOffset + previous.image.length, token.startOffset).includes("\n")) return i;
  }
  return tokens.length;
}

/**
 * One typo should give one error. A parser error is dropped when its line already has an error: a
 * character the lexer could not read (the parser then sees the line without it), a mistake repaired
 * before parsing (what the parser saw is a guess), or an earlier parser
 * error (recovery seldom reads the rest of a broken line right). It is also dropped right after an
 * unterminated string, which swallowed the rest of its line.
 */
function withoutCascades(
  errors: Array<{ error: IRecognitionException; diagnostic: Diagnostic }>,
  tokenDiagnostics: Diagnostic[],
): Diagnostic[] {
  const ordered = [...errors].sort((a, b) => a.diagnostic.span.start.offset - b.diagnostic.span.start.offset);
  const linesWithErrors = new Set(tokenDiagnostics.map((d) => d.span.start.line));
  const kept: Diagnostic[] = [];
  for (const { error, diagnostic } of ordered) {
    const line = diagnostic.span.start.line;
    const previous = (error as { previousToken?: IToken }).previousToken;
    if (linesWithErrors.has(line) || previous?.tokenType === UnterminatedString) continue;
    linesWithErrors.add(line);
    kept.push(diagnostic);
  }
  return kept;
}

/** Where the nesting of parentheses and `not`s is deepest, and where it first goes beyond MAX_NESTING. */
function measureNesting(tokens: IToken[]): { deepest: IToken | undefined; beyondLimit: IToken | undefined } {
  let parentheses = 0;
  let nots = 0;
  let depth = 0;
  let deepest: IToken | undefined;
  let beyondLimit: IToken | undefined;
  for (const token of tokens) {
    const type = token.tokenType;
    if (type === LParen) parentheses++;
    else if (type === RParen) parentheses = Math.max(0, parentheses - 1);
    // `not not x` nests like parentheses; the run ends at the first token that is neither.
    if (type === Not) nots++;
    else if (type !== LParen) nots = 0;
    if (parentheses + nots > depth) {
      depth = parentheses + nots;
      deepest = token;
      if (depth > MAX_NESTING && beyondLimit === undefined) beyondLimit = token;
    }
  }
  return { deepest, beyondLimit };
}
