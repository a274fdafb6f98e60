/**
 * Common mistakes repaired in the token stream before parsing. Left to the parser, a misspelt keyword is
 * a cascade: `engagment {` inside a model made it give up on the model, skip to some later word it could
 * start from, and report nonsense there (and the checker, missing the model, more nonsense). Here each
 * such mistake is reported once, with the fix ("did you mean `engagement`?"), and the parser is handed
 * the token that was meant, so it reads the rest of the file as written and reports nothing more there.
 *
 * The mistakes:
 *   - a block whose `}` never comes, seen where a line starts with a keyword that cannot stand in it,
 *   - a misspelt or capitalised keyword (`modle`, `engagment {`, `When`, `rout`, `Add`), and `if` for `when`,
 *   - a word that does not belong: `then` before `add`, `points` after the points,
 *   - `=>` and `=<` for `>=` and `<=`; `30 days` for `30d` (reported as the malformed duration it is).
 *
 * A repair is a guess, so it is made only where the context leaves no doubt:
 *   - where only a keyword may stand: at the start of a line, for the keywords that may start a line in the
 *     block it is in (a declaration at the top level; a section, `bucket` or `clamp` in a model; a rule or
 *     `decay` in a section), after `->` (an action), after a complete condition in a rule (`add`),
 *   - and when the next token is what that keyword must be followed by (`model` by a name, `fit` by `{`,
 *     `add` by a number).
 * Words in field lists are never touched: there a line starts with a field name.
 *
 * Why one long file: the repairs are one pass over the token stream and share what it tracks (the blocks
 * open, the declaration being read, where lines start); split apart, each would need that state passed in.
 */
import { tokenMatcher, type IToken, type TokenType } from "chevrotain";
import { Diagnostics, type DiagnosticDefinition } from "../diagnostics/codes.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { closestName } from "../diagnostics/suggest.js";
import { invalidDuration, UNIT_WORDS } from "./lexer.js";
import {
  ACTION_EXPECTED,
  EFFECT_EXPECTED,
  MODEL_ITEM_EXPECTED,
  SECTION_ITEM_EXPECTED,
} from "./parse-errors.js";
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
  /** Whether `next`, the token after the keyword (on a line of its own or not), may follow it. */
  fits: (next: IToken | undefined, nextStartsLine: boolean) => boolean;
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

/** What a section holds. */
const SECTION_ITEM_STARTERS: readonly LineStarter[] = [
  { type: T.When, fits: followedBy(T.Name, T.Event, T.No, T.Not, T.LParen) },
  { type: T.Decay, fits: followedBy(T.NumberLiteral) },
];

/** The actions, after `->` or a `,` between actions. */
const ACTION_STARTERS: readonly LineStarter[] = [
  { type: T.Route, fits: followedBy(T.Name) },
  { type: T.Nurture, fits: followedBy(T.StringToken) },
  {
    type: T.Disqualify,
    fits: (next, nextStartsLine) => next === undefined || nextStartsLine || next.tokenType === T.Comma,
  },
];

/** The effect of a rule, after its condition. */
const EFFECT_STARTERS: readonly LineStarter[] = [
  { type: T.Add, fits: followedBy(T.NumberLiteral) },
  { type: T.Subtract, fits: followedBy(T.NumberLiteral) },
];

/** Words that people write after the points, which are only a number. */
const POINT_WORDS: ReadonlySet<string> = new Set(["point", "points", "pt", "pts"]);

/** The word of a keyword token type: `Keyword_model` → `model`. */
function wordOf(type: TokenType): string {
  return type.PATTERN as string;
}

/** Every keyword, lowercase: a capitalised keyword is that keyword, never a typo of another. */
const KEYWORD_WORDS: ReadonlySet<string> = new Set(T.KEYWORDS.map((k) => k.word));

/** What a `{` opened: a model's body, a section of rules, a field list, or something the parser will reject. */
type BlockKind = "model" | "section" | "fields" | "other";

interface Block {
  kind: BlockKind;
  /** How the block is named in a message: `fit`, `model smb`, `lead`, `event page_view`. */
  label: string;
  /** The line of its `{`. */
  line: number;
}

/** The keywords that start a declaration or a model item, each where it fits (see `closeUnclosedBlocks`). */
const STRUCTURE_STARTERS: readonly LineStarter[] = [...DECLARATION_STARTERS, ...MODEL_ITEM_STARTERS];

/** The keywords that may start a line in a block; anything structural that is not, closes it. */
function allows(kind: BlockKind, keyword: TokenType): boolean {
  return kind === "model" && MODEL_ITEM_STARTERS.some((s) => s.type === keyword);
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
  /** The name of that declaration, when it has one (`model smb`). */
  private declarationName: string | undefined;
  /** The index of the token being read, in the input. */
  private index = 0;
  /** Between a bucket's `->` and the end of its line: the actions. */
  private inActions = false;

  constructor(
    private readonly tokens: readonly IToken[],
    private readonly lines: LineIndex,
  ) {}

  run(): RepairResult {
    const tokens = this.tokens;
    for (let i = 0; i < tokens.length; i++) {
      this.index = i;
      let token = tokens[i]!;
      let next = tokens[i + 1];
      const startsLine = this.startsLine(i);
      if (startsLine) this.inActions = false;
      const merged = next === undefined ? undefined : this.mergeWithNext(token, next);
      if (merged !== undefined) {
        token = merged;
        next = tokens[++i + 1];
      } else if (this.isStrayWord(token, next)) {
        continue;
      } else if (token.tokenType === T.Identifier) {
        if (startsLine) this.repairLineStart(token, next);
        else this.repairInLine(token, next);
      }
      if (startsLine) this.closeUnclosedBlocks(token, next);
      this.track(token, next);
      this.out.push(token);
    }
    return { tokens: this.out, diagnostics: this.diagnostics, unknownSections: this.unknownSections };
  }

  /** Whether token `i` is the first of its line (the end of the input counts as a new line). */
  private startsLine(i: number): boolean {
    if (i === 0 || i >= this.tokens.length) return true;
    const previous = this.tokens[i - 1]!;
    const { text } = this.lines;
    // Only white space and comments lie between two tokens: usually one space.
    for (let at = previous.startOffset + previous.image.length; at < this.tokens[i]!.startOffset; at++) {
      if (text.charCodeAt(at) === 10) return true;
    }
    return false;
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
    } else if (block.kind === "section") {
      if (token.image.toLowerCase() === "if" && SECTION_ITEM_STARTERS[0]!.fits(next, false)) {
        this.report(
          Diagnostics.UnexpectedToken,
          token,
          [SECTION_ITEM_EXPECTED, quote(token)],
          "rules start with `when`",
        );
        retype(token, T.When);
        return;
      }
      this.repairKeyword(token, next, SECTION_ITEM_STARTERS, Diagnostics.UnexpectedToken, [
        SECTION_ITEM_EXPECTED,
      ]);
    }
  }

  /** A word inside a line: an action after `->`, or a rule's `add` after its condition. */
  private repairInLine(token: IToken, next: IToken | undefined): void {
    const previous = this.out[this.out.length - 1];
    if (previous?.tokenType === T.Arrow || (this.inActions && previous?.tokenType === T.Comma)) {
      this.repairKeyword(token, next, ACTION_STARTERS, Diagnostics.UnexpectedToken, [ACTION_EXPECTED]);
    } else if (this.inSection() && endsValue(previous)) {
      this.repairKeyword(token, next, EFFECT_STARTERS, Diagnostics.UnexpectedToken, [EFFECT_EXPECTED]);
    }
  }

  /**
   * A word that only has to go: `then` between a rule's condition and its `add`, `points` after the
   * points. Reported; the caller leaves it out.
   */
  private isStrayWord(token: IToken, next: IToken | undefined): boolean {
    if (token.tokenType !== T.Identifier || !this.inSection()) return false;
    const word = token.image.toLowerCase();
    const previous = this.out[this.out.length - 1];
    if (word === "then" && endsValue(previous) && next !== undefined && isEffectWord(next)) {
      this.report(
        Diagnostics.UnexpectedToken,
        token,
        [EFFECT_EXPECTED, quote(token)],
        `remove ${quote(token)}`,
      );
      return true;
    }
    const beforePrevious = this.out[this.out.length - 2];
    const afterPoints =
      previous?.tokenType === T.NumberLiteral &&
      (beforePrevious?.tokenType === T.Add ||
        beforePrevious?.tokenType === T.Subtract ||
        beforePrevious?.tokenType === T.Max);
    if (POINT_WORDS.has(word) && afterPoints) {
      this.report(
        Diagnostics.UnexpectedToken,
        token,
        ["`each`, `max`, `within` or the end of the rule", quote(token)],
        `remove \`${token.image}\`: the number is the points`,
      );
      return true;
    }
    return false;
  }

  /**
   * Two tokens that were meant as one, reported and merged: `=>` and `=<` (`>=`, `<=`), and a duration
   * written with a space and a unit word (`within 30 days`), which becomes a malformed duration: LS105,
   * as for `30days`.
   */
  private mergeWithNext(token: IToken, next: IToken): IToken | undefined {
    const type = token.tokenType;
    if (type === T.Equal && next.startOffset === token.startOffset + 1) {
      const meant = next.tokenType === T.Greater ? ">=" : next.tokenType === T.Less ? "<=" : undefined;
      if (meant === undefined) return undefined;
      const merged = makeToken(
        meant === ">=" ? T.GreaterEqual : T.LessEqual,
        `=${next.image}`,
        token.startOffset,
      );
      this.report(
        Diagnostics.UnexpectedToken,
        merged,
        [T.CompareOperator.LABEL!, quote(merged)],
        `did you mean \`${meant}\`?`,
      );
      return merged;
    }
    const previous = this.out[this.out.length - 1];
    const afterDurationWord = previous?.tokenType === T.Within || previous?.tokenType === T.Every;
    if (
      type === T.NumberLiteral &&
      afterDurationWord &&
      next.tokenType === T.Identifier &&
      UNIT_WORDS[next.image.toLowerCase()] !== undefined
    ) {
      const text = this.lines.text.slice(token.startOffset, next.startOffset + next.image.length);
      if (text.includes("\n")) return undefined;
      const merged = makeToken(T.InvalidDuration, text, token.startOffset);
      this.diagnostics.push(invalidDuration(merged, this.lines));
      return merged;
    }
    return undefined;
  }

  private inSection(): boolean {
    return this.blocks[this.blocks.length - 1]?.kind === "section";
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
    if (meant === undefined || !meant.fits(next, this.startsLine(this.index + 1))) return false;
    this.report(definition, token, [...args, quote(token)], keywordHint(token.image, wordOf(meant.type)));
    retype(token, meant.type);
    return true;
  }

  // --------------------------------------------------------------------------------------------- blocks

  /** Follows the blocks the tokens open and close, and the declaration being read. */
  private track(token: IToken, next: IToken | undefined): void {
    const type = token.tokenType;
    if (type === T.Arrow) this.inActions = true;
    if (type === T.LBrace) {
      this.blocks.push(this.blockOpenedBy(token));
    } else if (type === T.RBrace) {
      this.blocks.pop();
      if (this.blocks.length === 0) this.declaration = undefined;
    } else if (this.blocks.length === 0) {
      const starter = DECLARATION_STARTERS.find((s) => s.type === type);
      if (starter?.fits(next, false)) {
        this.declaration = type;
        this.declarationName = next !== undefined && tokenMatcher(next, T.Name) ? next.image : undefined;
      }
    }
  }

  /** What the `{` about to be pushed opens. */
  private blockOpenedBy(brace: IToken): Block {
    const line = this.lines.position(brace.startOffset).line;
    const previous = this.out[this.out.length - 1];
    const enclosing = this.blocks[this.blocks.length - 1];
    const named = (keyword: TokenType) =>
      this.declarationName === undefined ? wordOf(keyword) : `${wordOf(keyword)} ${this.declarationName}`;
    if (enclosing === undefined) {
      if (this.declaration === T.Model) return { kind: "model", label: named(T.Model), line };
      if (this.declaration === T.Lead) return { kind: "fields", label: "lead", line };
      if (this.declaration === T.Event) return { kind: "fields", label: named(T.Event), line };
      return { kind: "other", label: "", line };
    }
    const opensSection =
      previous !== undefined && (previous.tokenType === T.Fit || previous.tokenType === T.Engagement);
    if (enclosing.kind === "model" && opensSection) {
      return { kind: "section", label: wordOf(previous.tokenType), line };
    }
    return { kind: "other", label: "", line };
  }

  /**
   * A keyword that starts a line but cannot stand in the block it is in (`engagement {` inside `fit { … }`,
   * `model` inside a model) means that block was never closed: each block it leaves is reported there
   * (LS113), where the reader sees that the `}` is missing, and closed, so that the parser reads on as if
   * the `}` were there. Blocks the parser will reject anyway (`other`) are left to it.
   */
  private closeUnclosedBlocks(token: IToken, next: IToken | undefined): void {
    const type = token.tokenType;
    const starter = STRUCTURE_STARTERS.find((s) => s.type === type);
    if (starter === undefined || !starter.fits(next, this.startsLine(this.index + 1))) return;
    let keep = this.blocks.length;
    while (keep > 0 && !allows(this.blocks[keep - 1]!.kind, type)) {
      if (this.blocks[keep - 1]!.kind === "other") return;
      keep--;
    }
    const isDeclaration = DECLARATION_STARTERS.some((s) => s.type === type);
    if (keep === this.blocks.length || (keep === 0 && !isDeclaration)) return;
    const previous = this.out[this.out.length - 1];
    const end = previous === undefined ? token.startOffset : previous.startOffset + previous.image.length;
    while (this.blocks.length > keep) {
      const block = this.blocks.pop()!;
      this.report(Diagnostics.UnclosedBlock, token, [block.label, String(block.line)]);
      this.out.push({ ...makeToken(T.RBrace, "", end), isInsertedInRecovery: true });
    }
    if (keep === 0) this.declaration = undefined;
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
  const exact = starters.find((s) => wordOf(s.type) === lowercase);
  // A word that is another keyword in capitals (`And`) is not a typo of one of these.
  if (exact !== undefined || KEYWORD_WORDS.has(lowercase)) return exact;
  const closest = closestName(
    word,
    starters.map((s) => wordOf(s.type)),
  );
  return starters.find((s) => wordOf(s.type) === closest);
}

/**
 * Whether `token` ends a condition, so that the rule's effect may follow it: a value, a list, a group,
 * a window, `missing` or `present`. (Keywords used as bare values are left out: `in`, `contains` or `is`
 * are far more often the operator before a value than a value.)
 */
function endsValue(token: IToken | undefined): boolean {
  if (token === undefined) return false;
  return VALUE_ENDS.has(token.tokenType);
}

const VALUE_ENDS: ReadonlySet<TokenType> = new Set([
  T.Identifier,
  T.StringLiteral,
  T.UnterminatedString,
  T.MisquotedText,
  T.NumberLiteral,
  T.DateLiteral,
  T.Duration,
  T.InvalidDuration,
  T.RBracket,
  T.RParen,
  T.Missing,
  T.Present,
]);

/** `add` or `subtract`, in whatever case. */
function isEffectWord(token: IToken): boolean {
  const word = token.image.toLowerCase();
  return word === "add" || word === "subtract";
}

/** A token made here (merged from two): it has the text and position of what it covers. */
function makeToken(type: TokenType, image: string, startOffset: number): IToken {
  return {
    image,
    startOffset,
    endOffset: startOffset + image.length - 1,
    tokenType: type,
    tokenTypeIdx: type.tokenTypeIdx!,
  };
}

function keywordHint(found: string, keyword: string): string {
  return found.toLowerCase() === keyword
    ? `keywords are written in lowercase: \`${keyword}\``
    : `did you mean \`${keyword}\`?`;
}

function quote(token: IToken): string {
  return `\`${token.image}\``;
}
