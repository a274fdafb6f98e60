/**
 * Common mistakes repaired in the token stream before parsing. Left to the parser, a misspelt keyword is
 * a cascade: `engagment {` inside a model made it give up on the model, skip to some later word it could
 * start from, and report nonsense there (and the checker, missing the model, more nonsense). Here each
 * such mistake is reported once, with the fix ("did you mean `engagement`?"), and the parser is handed
 * the token that was meant, so it reads the rest of the file as written and reports nothing more there.
 *
 * A repair is a guess, so it is made only where the context leaves no doubt:
 *   - where only a keyword may stand: at the start of a line, for the keywords that may start a line in the
 *     block it is in (a declaration at the top level; a section, `bucket` or `clamp` in a model),
 *   - and when the next token is what that keyword must be followed by (`model` by a name, `fit` by `{`).
 * Words in field lists are never touched: there a line starts with a field name.
 */
import { tokenMatcher, type IToken, type TokenType } from "chevrotain";
import { Diagnostics, type DiagnosticDefinition } from "../diagnostics/codes.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { closestName } from "../diagnostics/suggest.js";
import { MODEL_ITEM_EXPECTED } from "./parse-errors.js";
import type { LineIndex } from "./positions.js";
import * as T from "./tokens.js";

export interface RepairResult {
  tokens: IToken[];
  diagnostics: Diagnostic[];
  /**
   * Words read as a section keyword although they name no section (`scoring {` in a model): the block is
   * parsed as a section, so that its rules cause no further errors, and then left out of the tree.
   */
  unknownSections: Set<IToken>;
}

/** A keyword that may start a line, and what must follow it there. */
interface LineStarter {
  type: TokenType;
  fits: (next: IToken | undefined) => boolean;
}

const followedBy =
  (...types: TokenType[]) =>
  (next: IToken | undefined): boolean =>
    next !== undefined && types.some((type) => tokenMatcher(next, type));

/** The declarations, each with the token that must come second. */
const DECLARATION_STARTERS: readonly LineStarter[] = [
  { type: T.Ruleset, fits: followedBy(T.StringToken) },
  { type: T.Lead, fits: followedBy(T.LBrace) },
  { type: T.Event, fits: followedBy(T.Name) },
  { type: T.List, fits: followedBy(T.Name) },
  { type: T.Exclude, fits: followedBy(T.When) },
  { type: T.Grade, fits: followedBy(T.Fit, T.Engagement) },
  { type: T.Bucket, fits: followedBy(T.Name) },
  { type: T.Clamp, fits: followedBy(T.Score) },
  { type: T.Model, fits: followedBy(T.Name) },
];

/** What a model holds. */
const MODEL_ITEM_STARTERS: readonly LineStarter[] = [
  { type: T.Fit, fits: followedBy(T.LBrace) },
  { type: T.Engagement, fits: followedBy(T.LBrace) },
  { type: T.Bucket, fits: followedBy(T.Name) },
  { type: T.Clamp, fits: followedBy(T.Score) },
];

/** The word of a keyword token type: `Keyword_model` → `model`. */
function wordOf(type: TokenType): string {
  return (type.PATTERN as string).toString();
}

/** What a `{` opened: a model's body, a section of rules, a field list, or something the parser will reject. */
type BlockKind = "model" | "section" | "fields" | "other";

interface Block {
  kind: BlockKind;
}

/** Changes a token's type in place (the token keeps its text and position). */
function retype(token: IToken, type: TokenType): void {
  token.tokenType = type;
  token.tokenTypeIdx = type.tokenTypeIdx!;
}

export function repairTokens(tokens: readonly IToken[], lines: LineIndex): RepairResult {
  return new TokenRepairer(tokens, lines).run();
}

class TokenRepairer {
  private readonly out: IToken[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly unknownSections = new Set<IToken>();
  private readonly blocks: Block[] = [];
  /** The keyword of the top-level declaration being read: it says what its `{` opens. */
  private declaration: TokenType | undefined;

  constructor(
    private readonly tokens: readonly IToken[],
    private readonly lines: LineIndex,
  ) {}

  run(): RepairResult {
    for (let i = 0; i < this.tokens.length; i++) {
      const token = this.tokens[i]!;
      const next = this.tokens[i + 1];
      if (this.startsLine(i) && token.tokenType === T.Identifier) this.repairLineStart(token, next);
      this.track(token, next);
      this.out.push(token);
    }
    return { tokens: this.out, diagnostics: this.diagnostics, unknownSections: this.unknownSections };
  }

  /** Whether token `i` is the first of its line. */
  private startsLine(i: number): boolean {
    if (i === 0) return true;
    const previous = this.tokens[i - 1]!;
    const between = this.lines.text.slice(
      previous.startOffset + previous.image.length,
      this.tokens[i]!.startOffset,
    );
    return between.includes("\n");
  }

  // ------------------------------------------------------------------------------------------ keywords

  /** A word at the start of a line, where the block it is in allows only keywords. */
  private repairLineStart(token: IToken, next: IToken | undefined): void {
    const block = this.blocks[this.blocks.length - 1];
    if (block === undefined) {
      this.repairKeyword(token, next, DECLARATION_STARTERS, Diagnostics.ExpectedDeclaration, []);
    } else if (block.kind === "model") {
      const repaired = this.repairKeyword(token, next, MODEL_ITEM_STARTERS, Diagnostics.UnexpectedToken, [
        MODEL_ITEM_EXPECTED,
      ]);
      // `scoring {`: no section is meant, but the block is one; reading it as such keeps its rules from
      // being misread, and it is left out of the model.
      if (!repaired && followedBy(T.LBrace)(next)) {
        this.report(
          Diagnostics.UnexpectedToken,
          token,
          [MODEL_ITEM_EXPECTED, quote(token)],
          "a model's rules go in its `fit { … }` and `engagement { … }` sections",
        );
        retype(token, T.Fit);
        this.unknownSections.add(token);
      }
    }
  }

  /**
   * Retypes `token` as the keyword it is a typo of, among `starters`, when the next token fits that
   * keyword; reports it with `definition` (whose last argument is the word found). Returns whether it did.
   */
  private repairKeyword(
    token: IToken,
    next: IToken | undefined,
    starters: readonly LineStarter[],
    definition: DiagnosticDefinition,
    args: string[],
  ): boolean {
    const meant = meantKeyword(token.image, starters);
    if (meant === undefined || !meant.fits(next)) return false;
    this.report(definition, token, [...args, quote(token)], keywordHint(token.image, wordOf(meant.type)));
    retype(token, meant.type);
    return true;
  }

  // --------------------------------------------------------------------------------------------- blocks

  /** Follows the blocks the tokens open and close, and the declaration being read. */
  private track(token: IToken, next: IToken | undefined): void {
    const type = token.tokenType;
    if (type === T.LBrace) {
      this.blocks.push({ kind: this.kindOfBlock() });
    } else if (type === T.RBrace) {
      this.blocks.pop();
      if (this.blocks.length === 0) this.declaration = undefined;
    } else if (this.blocks.length === 0) {
      const starter = DECLARATION_STARTERS.find((s) => s.type === type);
      if (starter !== undefined && starter.fits(next)) this.declaration = type;
    }
  }

  /** What the `{` about to be pushed opens. */
  private kindOfBlock(): BlockKind {
    const previous = this.out[this.out.length - 1];
    const enclosing = this.blocks[this.blocks.length - 1];
    if (enclosing === undefined) {
      if (this.declaration === T.Model) return "model";
      if (this.declaration === T.Lead || this.declaration === T.Event) return "fields";
      return "other";
    }
    const opensSection =
      previous !== undefined && (previous.tokenType === T.Fit || previous.tokenType === T.Engagement);
    return enclosing.kind === "model" && opensSection ? "section" : "other";
  }

  private report(
    definition: DiagnosticDefinition,
    token: IToken,
    args: readonly string[],
    hint?: string,
  ): void {
    const span = this.lines.span(token.startOffset, token.startOffset + token.image.length);
    this.diagnostics.push(createDiagnostic(definition, span, args, hint));
  }
}

/** The keyword among `starters` that `word` is a typo of (or a capitalisation of). */
function meantKeyword(word: string, starters: readonly LineStarter[]): LineStarter | undefined {
  const lowercase = word.toLowerCase();
  // A word that is another keyword in capitals (`And`) is not a typo of this one.
  const isOtherKeyword = T.KEYWORDS.some((k) => k.word === lowercase);
  const exact = starters.find((s) => wordOf(s.type) === lowercase);
  if (exact !== undefined) return exact;
  if (isOtherKeyword) return undefined;
  const closest = closestName(
    word,
    starters.map((s) => wordOf(s.type)),
  );
  return starters.find((s) => wordOf(s.type) === closest);
}

function keywordHint(found: string, keyword: string): string {
  return found.toLowerCase() === keyword
    ? `keywords are written in lowercase: \`${keyword}\``
    : `did you mean \`${keyword}\`?`;
}

function quote(token: IToken): string {
  return `\`${token.image}\``;
}
