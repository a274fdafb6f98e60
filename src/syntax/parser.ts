/**
 * The grammar of `.score` files, as a Chevrotain parser that builds the AST as it goes.
 *
 * Design:
 *   - Embedded actions, not a CST: each rule hands its tokens and sub-trees to `TreeBuilder`, which makes
 *     the AST node. A CST would be a second, larger tree held in memory until the AST is built from it;
 *     for a 5,000-rule ruleset it tripled what the garbage collector had to carry, and parsing was mostly
 *     collecting garbage. Rules stay pure grammar plus one `ACTION` (skipped while Chevrotain records the
 *     grammar at start-up) that calls the builder, so the railroad diagrams in grammar/ remain an exact
 *     picture of the language.
 *   - One parser instance is built once (`scoreParser`) and reused for every file: building it analyses
 *     the whole grammar. `parser.input = tokens` resets it between files, `parser.tree` receives the
 *     file's TreeBuilder.
 *   - Errors are collected (recoveryEnabled), never thrown: single-token insertion/deletion repairs typos
 *     like a missing `{`, re-synchronisation skips to the next rule or declaration, so one mistake does not
 *     hide the next. A rule that had to give up returns undefined, and the builder leaves the node out.
 *     `parse-errors.ts` words the messages.
 *   - Speed: a ruleset is mostly conditions and lists, so those avoid rule calls where they can: a value
 *     is a single token category (`Value`), `primary` is folded into `notExpr`, and repetitions that are
 *     followed by an optional part sit at the end of their own rule, where Chevrotain does not work out
 *     recovery paths after each one.
 *
 * Each rule cites its line of the grammar, which docs/language.md documents in full.
 *
 * Why one long file: Chevrotain records a grammar from the rules of one parser class, built at start-up,
 * so every rule is a member of this class; read top to bottom, it is the grammar (declarations, then
 * rules and sections, then conditions, then values). The AST building is in tree-builder.ts, the error
 * messages in parse-errors.ts.
 */
import {
  EmbeddedActionsParser,
  EOF,
  tokenMatcher,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from "chevrotain";
import type * as Ast from "./ast.js";
import { Diagnostics } from "../diagnostics/codes.js";
import { ACTION_EXPECTED, EFFECT_EXPECTED, parseErrorMessages } from "./parse-errors.js";
import { LineIndex } from "./positions.js";
import { TreeBuilder } from "./tree-builder.js";
import * as T from "./tokens.js";

type ModelItem = Ast.SectionDecl | Ast.BucketDecl | Ast.ClampDecl;

/**
 * Recognition errors one file may cause before the parser gives up on it. Recovering from text that is
 * no rule file records about one error per token, and each costs far more than parsing a token (5 MB of
 * `model model …` took minutes): past this many, the rest of the file is not a rule file anyone will fix
 * line by line. Generous: a file shows at most 50 errors (parse.ts), after merging those on one line.
 */
export const MAX_RECOGNITION_ERRORS = 1000;

/** Thrown out of the parser (Chevrotain passes on what is no recognition exception) to stop a file. */
export class ParsingAbandoned extends Error {
  override readonly name = "ParsingAbandoned";
  constructor(readonly token: IToken) {
    super("too many syntax errors");
  }
}

/** Chevrotain's own recording of an error: its parser calls `this.SAVE_ERROR`, not in its typings. */
const saveError = (
  EmbeddedActionsParser.prototype as unknown as {
    SAVE_ERROR(this: EmbeddedActionsParser, error: IRecognitionException): IRecognitionException;
  }
).SAVE_ERROR;

/** The builder the parser holds between files. */
const EMPTY_TREE = new TreeBuilder(new LineIndex("", ""));
type SectionItem = Ast.RuleDecl | Ast.DecayDecl;

export class ScoreParser extends EmbeddedActionsParser {
  /** Builds the nodes of the file being parsed; replaced for every file. */
  tree = EMPTY_TREE;
  /**
   * The declarations parsed so far. A field rather than the value of `file`, because a rule that cannot
   * recover returns nothing: an error in the last declaration must not lose the ones before it.
   */
  declarations: Ast.Declaration[] = [];
  /** The last token of the last declaration read (or the start of the input): see `file`. */
  private endOfLastDeclaration: IToken | undefined;

  constructor() {
    super(T.ALL_TOKENS as TokenType[], {
      recoveryEnabled: true,
      errorMessageProvider: parseErrorMessages,
      maxLookahead: 3,
      // Building the parser also checks the grammar (ambiguities, left recursion, …): about 15 ms of every
      // start. The grammar changes only in the TypeScript sources, which the tests and `npm run grammar`
      // run with the checks on; the built JavaScript that users run (dist/) skips them.
      skipValidations: !import.meta.url.endsWith(".ts"),
    });
    this.performSelfAnalysis();
  }

  /** Recognition errors recorded for the current file (see MAX_RECOGNITION_ERRORS). */
  private recognitionErrors = 0;

  /** Lets go of the last file's tokens, tree and declarations (the parser lives as long as the process). */
  release(): void {
    this.input = [];
    this.tree = EMPTY_TREE;
    this.declarations = [];
    this.recognitionErrors = 0;
  }

  /**
   * Every error Chevrotain records passes here (it is not in Chevrotain's typings, hence no `override`):
   * past MAX_RECOGNITION_ERRORS for one file, parsing stops with ParsingAbandoned.
   */
  SAVE_ERROR(error: IRecognitionException): IRecognitionException {
    this.recognitionErrors++;
    if (this.recognitionErrors > MAX_RECOGNITION_ERRORS) throw new ParsingAbandoned(error.token);
    return saveError.call(this, error);
  }

  /**
   * Reads `tokens` from `index` on, by setting Chevrotain's own position (`currIdx`, not in its typings):
   * restarting on a slice of the rest instead copied the rest of the file at every restart, up to
   * MAX_RECOGNITION_ERRORS times per file.
   */
  readFrom(tokens: IToken[], index: number): void {
    this.input = tokens;
    (this as unknown as { currIdx: number }).currIdx = index - 1;
  }

  /**
   * Chevrotain keeps every token a recovery skipped on the error it records (`resyncedTokens`); nothing
   * here reads them, and skipping to a far re-synchronisation point (the end of a file that is no rule
   * file) would keep the rest of the file's tokens once per error. Overrides Chevrotain's method (not in
   * its typings).
   */
  addToResyncTokens(_token: IToken, resyncTokens: IToken[]): IToken[] {
    return resyncTokens;
  }

  /** Whether the next token is the first of its line. */
  private startsLine(): boolean {
    const previous = this.LA(0);
    if (previous.tokenType === EOF) return true;
    const text = this.tree.lines.text;
    return text.slice(previous.startOffset + previous.image.length, this.LA(1).startOffset).includes("\n");
  }

  /**
   * Chevrotain repairs a missing token by pretending it is there when the next token could follow it. At
   * the end of the file we always pretend so: a model whose `}` never came is still a model (the missing
   * `}` is reported), rather than being lost with everything in it. Overrides Chevrotain's recovery check.
   */
  canRecoverWithSingleTokenInsertion(_expected: TokenType, follows: TokenType[]): boolean {
    const next = this.LA(1);
    return next.tokenType === EOF || follows.some((follow) => tokenMatcher(next, follow));
  }

  // file := declaration*
  file = this.RULE("file", () => {
    this.ACTION(() => (this.endOfLastDeclaration = this.LA(0)));
    this.MANY({
      // A declaration may follow the previous one anywhere, even on the same line. But when the parser
      // skips text that is no declaration, it resumes only at a declaration keyword that starts a line: a
      // keyword inside the skipped text (`when event = …`) belongs to it.
      GATE: () => this.LA(0) === this.endOfLastDeclaration || this.startsLine(),
      DEF: () => {
        const declaration = this.SUBRULE(this.declaration);
        this.ACTION(() => {
          if (declaration !== undefined) this.declarations.push(declaration);
          this.endOfLastDeclaration = this.LA(0);
        });
      },
    });
  });

  declaration = this.RULE("declaration", (): Ast.Declaration | undefined =>
    this.OR([
      { ALT: () => this.SUBRULE(this.rulesetHeader) },
      { ALT: () => this.SUBRULE(this.leadDecl) },
      { ALT: () => this.SUBRULE(this.eventDecl) },
      { ALT: () => this.SUBRULE(this.listDecl) },
      { ALT: () => this.SUBRULE(this.excludeDecl) },
      { ALT: () => this.SUBRULE(this.gradeDecl) },
      { ALT: () => this.SUBRULE(this.bucketDecl) },
      { ALT: () => this.SUBRULE(this.clampDecl) },
      { ALT: () => this.SUBRULE(this.modelDecl) },
    ]),
  );

  // rulesetHeader := "ruleset" STRING ["version" NUMBER]
  rulesetHeader = this.RULE("rulesetHeader", () => {
    const keyword = this.CONSUME(T.Ruleset);
    const name = this.CONSUME(T.StringToken);
    const version = this.OPTION(() => {
      this.CONSUME(T.Version);
      return this.CONSUME(T.NumberLiteral);
    });
    return this.ACTION(() => this.tree.rulesetHeader(keyword, name, version));
  });

  // leadDecl := "lead" "{" (fieldDecl [","])* "}"
  leadDecl = this.RULE("leadDecl", () => {
    const keyword = this.CONSUME(T.Lead);
    this.CONSUME(T.LBrace);
    const fields = this.SUBRULE(this.fieldList);
    const close = this.CONSUME(T.RBrace);
    return this.ACTION(() => this.tree.lead(keyword, fields ?? [], close));
  });

  // eventDecl := "event" name ["{" (fieldDecl [","])* "}"]
  eventDecl = this.RULE("eventDecl", () => {
    const keyword = this.CONSUME(T.Event);
    const name = this.CONSUME(T.Name);
    let properties: Ast.FieldDecl[] | undefined;
    let close: IToken | undefined;
    this.OPTION(() => {
      this.CONSUME(T.LBrace);
      properties = this.SUBRULE(this.fieldList);
      close = this.CONSUME(T.RBrace);
    });
    return this.ACTION(() => this.tree.event(keyword, name, properties ?? [], close));
  });

  // (fieldDecl [","])*
  fieldList = this.RULE("fieldList", () => {
    const fields: Ast.FieldDecl[] = [];
    this.MANY({
      // A keyword starts a field only when a `:` follows: `event: string` is a field (that the checker
      // rejects as reserved), but `event page_view` after a forgotten `}` is the next declaration.
      GATE: () => this.LA(1).tokenType === T.Identifier || this.LA(2).tokenType === T.Colon,
      DEF: () => {
        const field = this.SUBRULE(this.fieldDecl);
        if (field !== undefined) fields.push(field);
        this.OPTION(() => this.CONSUME(T.Comma));
      },
    });
    return fields;
  });

  // fieldDecl := name ":" typeExpr ["?"]
  fieldDecl = this.RULE("fieldDecl", () => {
    const name = this.OR([
      { ALT: () => this.CONSUME(T.Name) },
      { ALT: () => this.CONSUME(T.Event) },
      { ALT: () => this.CONSUME(T.Model) },
    ]);
    this.CONSUME(T.Colon);
    const type = this.SUBRULE(this.typeExpr);
    const question = this.OPTION(() => this.CONSUME(T.Question));
    return this.ACTION(() => this.tree.field(name, type, question));
  });

  // typeExpr := typeWord ("|" typeWord)*      typeWord := word | string
  // A quoted word is an enumeration value with spaces or capitals as the data writes it: "Lead Add Form".
  typeExpr = this.RULE("typeExpr", () => {
    const words = [this.SUBRULE(this.typeWord)];
    this.MANY(() => {
      this.CONSUME(T.Pipe);
      words.push(this.SUBRULE2(this.typeWord));
    });
    return this.ACTION(() => this.tree.type(words));
  });

  typeWord = this.RULE("typeWord", () =>
    this.OR([{ ALT: () => this.CONSUME(T.ValueWord) }, { ALT: () => this.CONSUME(T.StringLiteral) }]),
  );

  // listDecl := "list" name "=" inlineList
  listDecl = this.RULE("listDecl", () => {
    const keyword = this.CONSUME(T.List);
    const name = this.CONSUME(T.Name);
    this.CONSUME(T.Equal);
    const items = this.SUBRULE(this.inlineList);
    return this.ACTION(() => this.tree.list(keyword, name, items));
  });

  // inlineList := "[" [value ("," value)* [","]] "]"
  inlineList = this.RULE("inlineList", () => {
    const open = this.CONSUME(T.LBracket);
    const parts = this.OPTION(() => this.SUBRULE(this.listItems));
    const close = this.CONSUME(T.RBracket);
    return this.ACTION(() => this.tree.inlineList(open, parts ?? [], close));
  });

  // value ("," [value])*, as tokens in source order. A trailing comma is allowed; a doubled comma is
  // reported by the builder. (The repetition ends its rule, see "Speed" above.)
  listItems = this.RULE("listItems", () => {
    const parts = [this.CONSUME(T.Value)];
    this.MANY(() => {
      parts.push(this.CONSUME(T.Comma));
      this.OPTION(() => parts.push(this.CONSUME2(T.Value)));
    });
    return parts;
  });

  // excludeDecl := "exclude" "when" ruleCondition ["within" DURATION] "because" STRING
  excludeDecl = this.RULE("excludeDecl", () => {
    const keyword = this.CONSUME(T.Exclude);
    this.CONSUME(T.When);
    const condition = this.SUBRULE(this.ruleCondition);
    let within: IToken | undefined;
    let duration: IToken | undefined;
    this.OPTION(() => {
      within = this.CONSUME(T.Within);
      duration = this.CONSUME(T.DurationToken);
    });
    this.CONSUME(T.Because);
    const reason = this.CONSUME(T.StringToken);
    return this.ACTION(() => this.tree.exclude(keyword, condition, within, duration, reason));
  });

  // gradeDecl := "grade" ("fit"|"engagement") gradeTier ("," gradeTier)* ["," "else" gradeLabel]
  gradeDecl = this.RULE("gradeDecl", () => {
    const keyword = this.CONSUME(T.Grade);
    const dimension = this.OR({
      DEF: [{ ALT: () => this.CONSUME(T.Fit) }, { ALT: () => this.CONSUME(T.Engagement) }],
      ERR_MSG: "`fit` or `engagement`",
    });
    const tiers = [this.SUBRULE(this.gradeTier)];
    this.MANY(() => {
      this.CONSUME(T.Comma);
      tiers.push(this.SUBRULE2(this.gradeTier));
    });
    let hasFallback = false;
    const fallback = this.OPTION(() => {
      this.CONSUME2(T.Comma);
      this.CONSUME(T.Else);
      hasFallback = true;
      return this.SUBRULE(this.gradeLabel);
    });
    return this.ACTION(() => this.tree.grade(keyword, dimension, tiers, hasFallback, fallback));
  });

  // gradeTier := gradeLabel (">=" | ">") NUMBER
  gradeTier = this.RULE("gradeTier", () => {
    const label = this.SUBRULE(this.gradeLabel);
    const operator = this.OR({
      DEF: [{ ALT: () => this.CONSUME(T.GreaterEqual) }, { ALT: () => this.CONSUME(T.Greater) }],
      ERR_MSG: "`>=` or `>`",
    });
    const threshold = this.CONSUME(T.NumberLiteral);
    return this.ACTION(() => this.tree.gradeTier(label, operator, threshold));
  });

  // gradeLabel := word | integer NUMBER
  gradeLabel = this.RULE("gradeLabel", () => {
    const token = this.OR({
      DEF: [{ ALT: () => this.CONSUME(T.Name) }, { ALT: () => this.CONSUME(T.NumberLiteral) }],
      ERR_MSG: "a grade label like `A` or `1`",
    });
    return this.ACTION(() => this.tree.gradeLabel(token));
  });

  // bucketDecl := "bucket" name bucketTest "->" action ("," action)*
  bucketDecl = this.RULE("bucketDecl", () => {
    const keyword = this.CONSUME(T.Bucket);
    const name = this.CONSUME(T.Name);
    const test = this.SUBRULE(this.bucketTest);
    this.CONSUME(T.Arrow);
    const actions = [this.SUBRULE(this.action)];
    this.MANY(() => {
      this.CONSUME(T.Comma);
      actions.push(this.SUBRULE2(this.action));
    });
    return this.ACTION(() => this.tree.bucket(keyword, name, test, actions));
  });

  // bucketTest := compareOp NUMBER | "when" expr | "otherwise"
  bucketTest = this.RULE("bucketTest", (): Ast.BucketTest | undefined =>
    this.OR({
      DEF: [
        {
          ALT: () => {
            const operator = this.CONSUME(T.CompareOperator);
            const value = this.CONSUME(T.NumberLiteral);
            return this.ACTION(() => this.tree.threshold(operator, value));
          },
        },
        {
          ALT: () => {
            const keyword = this.CONSUME(T.When);
            this.ACTION(() => (this.tree.eventTestDiagnostic = Diagnostics.EventTestOutsideRules));
            const expr = this.SUBRULE(this.expr);
            return this.ACTION(() => this.tree.whenTest(keyword, expr));
          },
        },
        {
          ALT: () => {
            const keyword = this.CONSUME(T.Otherwise);
            return this.ACTION(() => this.tree.otherwise(keyword));
          },
        },
      ],
      ERR_MSG: "a threshold like `>= 50`, `when …` or `otherwise`",
    }),
  );

  // action := "route" name ["within" DURATION] ["say" STRING] | "nurture" STRING | "disqualify"
  action = this.RULE("action", (): Ast.Action | undefined =>
    this.OR({
      DEF: [
        { ALT: () => this.SUBRULE(this.routeAction) },
        { ALT: () => this.SUBRULE(this.nurtureAction) },
        {
          ALT: () => {
            const keyword = this.CONSUME(T.Disqualify);
            return this.ACTION(() => this.tree.disqualify(keyword));
          },
        },
      ],
      ERR_MSG: ACTION_EXPECTED,
    }),
  );

  routeAction = this.RULE("routeAction", () => {
    const keyword = this.CONSUME(T.Route);
    const team = this.CONSUME(T.Name);
    let within: IToken | undefined;
    let duration: IToken | undefined;
    this.OPTION(() => {
      within = this.CONSUME(T.Within);
      duration = this.CONSUME(T.DurationToken);
    });
    let say: IToken | undefined;
    let message: IToken | undefined;
    this.OPTION2(() => {
      say = this.CONSUME(T.Say);
      message = this.CONSUME(T.StringToken);
    });
    return this.ACTION(() => this.tree.route(keyword, team, within, duration, say, message));
  });

  nurtureAction = this.RULE("nurtureAction", () => {
    const keyword = this.CONSUME(T.Nurture);
    const campaign = this.CONSUME(T.StringToken);
    return this.ACTION(() => this.tree.nurture(keyword, campaign));
  });

  // clampDecl := "clamp" "score" "between" NUMBER "and" NUMBER
  clampDecl = this.RULE("clampDecl", () => {
    const keyword = this.CONSUME(T.Clamp);
    this.CONSUME(T.Score);
    this.CONSUME(T.Between);
    const min = this.CONSUME(T.NumberLiteral);
    this.CONSUME(T.And);
    const max = this.CONSUME2(T.NumberLiteral);
    return this.ACTION(() => this.tree.clamp(keyword, min, max));
  });

  // modelDecl := "model" name [STRING] ["when" expr] "{" (sectionDecl | bucketDecl | clampDecl)* "}"
  modelDecl = this.RULE("modelDecl", () => {
    const keyword = this.CONSUME(T.Model);
    const name = this.CONSUME(T.Name);
    const label = this.OPTION(() => this.CONSUME(T.StringToken));
    let hasWhen = false;
    const when = this.OPTION2(() => {
      this.CONSUME(T.When);
      hasWhen = true;
      this.ACTION(() => (this.tree.eventTestDiagnostic = Diagnostics.EventTestOutsideRules));
      return this.SUBRULE(this.expr);
    });
    this.CONSUME(T.LBrace);
    const items: ModelItem[] = [];
    this.MANY(() => {
      const item = this.OR2([
        { ALT: () => this.SUBRULE(this.sectionDecl) },
        { ALT: () => this.SUBRULE(this.bucketDecl) },
        { ALT: () => this.SUBRULE(this.clampDecl) },
      ]);
      if (item !== undefined) items.push(item);
    });
    const close = this.CONSUME(T.RBrace);
    return this.ACTION(() => this.tree.model(keyword, name, label, hasWhen, when, items, close));
  });

  // sectionDecl := ("fit" | "engagement") "{" (ruleDecl | decayDecl)* "}"
  sectionDecl = this.RULE("sectionDecl", () => {
    const keyword = this.OR([{ ALT: () => this.CONSUME(T.Fit) }, { ALT: () => this.CONSUME(T.Engagement) }]);
    this.CONSUME(T.LBrace);
    const items: SectionItem[] = [];
    this.MANY(() => {
      const item = this.OR2([
        { ALT: () => this.SUBRULE(this.ruleDecl) },
        { ALT: () => this.SUBRULE(this.decayDecl) },
      ]);
      if (item !== undefined) items.push(item);
    });
    const close = this.CONSUME(T.RBrace);
    return this.ACTION(() => this.tree.section(keyword, items, close));
  });

  // ruleDecl := "when" ruleCondition effect
  ruleDecl = this.RULE("ruleDecl", () => {
    const keyword = this.CONSUME(T.When);
    const condition = this.SUBRULE(this.ruleCondition);
    const effect = this.SUBRULE(this.effect);
    return this.ACTION(() => this.tree.rule(keyword, condition, effect));
  });

  // effect := ("add" | "subtract") NUMBER ["each"] ["max" NUMBER] ["within" DURATION]
  effect = this.RULE("effect", () => {
    const verb = this.OR({
      DEF: [{ ALT: () => this.CONSUME(T.Add) }, { ALT: () => this.CONSUME(T.Subtract) }],
      ERR_MSG: EFFECT_EXPECTED,
    });
    const points = this.CONSUME(T.NumberLiteral);
    const each = this.OPTION(() => this.CONSUME(T.Each));
    let max: IToken | undefined;
    let maxValue: IToken | undefined;
    this.OPTION2(() => {
      max = this.CONSUME(T.Max);
      maxValue = this.CONSUME2(T.NumberLiteral);
    });
    let within: IToken | undefined;
    let duration: IToken | undefined;
    this.OPTION3(() => {
      within = this.CONSUME(T.Within);
      duration = this.CONSUME(T.DurationToken);
    });
    return this.ACTION(() => this.tree.effect(verb, points, each, max, maxValue, within, duration));
  });

  // decayDecl := "decay" NUMBER "%" "every" DURATION
  decayDecl = this.RULE("decayDecl", () => {
    const keyword = this.CONSUME(T.Decay);
    const percent = this.CONSUME(T.NumberLiteral);
    this.CONSUME(T.Percent);
    this.CONSUME(T.Every);
    const duration = this.CONSUME(T.DurationToken);
    return this.ACTION(() => this.tree.decay(keyword, percent, duration));
  });

  // ruleCondition := eventCondition | noEventCondition | expr
  ruleCondition = this.RULE("ruleCondition", (): Ast.RuleCondition | undefined => {
    this.ACTION(() => (this.tree.eventTestDiagnostic = Diagnostics.EventTestInExpression));
    return this.OR({
      // `event` also starts an expression (to report LS108 inside one); here it is an event condition.
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.SUBRULE(this.eventCondition) },
        { ALT: () => this.SUBRULE(this.noEventCondition) },
        {
          ALT: () => {
            const expr = this.SUBRULE(this.expr);
            return this.ACTION(() => this.tree.profileCondition(expr));
          },
        },
      ],
      ERR_MSG: "a condition",
    });
  });

  // eventCondition := "event" eventTypeTest ["where" expr]
  eventCondition = this.RULE("eventCondition", () => {
    const keyword = this.CONSUME(T.Event);
    const test = this.SUBRULE(this.eventTypeTest, { ARGS: [keyword] });
    let where: IToken | undefined;
    let whereExpr: Ast.Expr | undefined;
    this.OPTION(() => {
      where = this.CONSUME(T.Where);
      whereExpr = this.SUBRULE(this.expr);
    });
    const combined = this.OPTION2(() => this.SUBRULE(this.combinedWithEvent));
    if (combined !== undefined) return undefined;
    return this.ACTION(() => this.tree.eventCondition(keyword, test, where, whereExpr));
  });

  // noEventCondition := "no" "event" [eventTypeTest] "within" DURATION
  noEventCondition = this.RULE("noEventCondition", () => {
    const keyword = this.CONSUME(T.No);
    const event = this.CONSUME(T.Event);
    let hasTest = false;
    const test = this.OPTION(() => {
      hasTest = true;
      return this.SUBRULE(this.eventTypeTest, { ARGS: [event] });
    });
    this.CONSUME(T.Within);
    const duration = this.CONSUME(T.DurationToken);
    const combined = this.OPTION2(() => this.SUBRULE(this.combinedWithEvent));
    if (combined !== undefined) return undefined;
    return this.ACTION(() => this.tree.noEventCondition(keyword, hasTest, test, duration));
  });

  /** Not part of the language: `event = x and …`, parsed only to report LS108 at the `and`. */
  combinedWithEvent = this.RULE("combinedWithEvent", () => {
    const connective = this.OR([{ ALT: () => this.CONSUME(T.And) }, { ALT: () => this.CONSUME(T.Or) }]);
    this.SUBRULE(this.expr);
    return this.ACTION(() => this.tree.combinedWithEvent(connective));
  });

  // eventTypeTest := "=" name | "in" "[" name ("," name)* "]"
  // (`event`, consumed by the caller, is handed over: the test's span starts there.)
  eventTypeTest = this.RULE("eventTypeTest", (event: IToken): Ast.EventTypeTest | undefined =>
    this.OR({
      DEF: [
        {
          ALT: () => {
            const operator = this.CONSUME(T.Equal);
            const name = this.CONSUME(T.Name);
            return this.ACTION(() => this.tree.eventTypeTest(event, operator, [name], undefined));
          },
        },
        {
          ALT: () => {
            const operator = this.CONSUME(T.In);
            this.CONSUME(T.LBracket);
            const names = [this.CONSUME2(T.Name)];
            this.MANY(() => {
              this.CONSUME(T.Comma);
              names.push(this.CONSUME3(T.Name));
            });
            const close = this.CONSUME(T.RBracket);
            return this.ACTION(() => this.tree.eventTypeTest(event, operator, names, close));
          },
        },
      ],
      ERR_MSG: "`=` or `in` after `event`",
    }),
  );

  // expr := andExpr ("or" andExpr)*
  expr = this.RULE("expr", () => {
    const operands = [this.SUBRULE(this.andExpr)];
    this.MANY(() => {
      this.CONSUME(T.Or);
      operands.push(this.SUBRULE2(this.andExpr));
    });
    return this.ACTION(() => this.tree.chain("Or", operands));
  });

  // andExpr := notExpr ("and" notExpr)*
  andExpr = this.RULE("andExpr", () => {
    const operands = [this.SUBRULE(this.notExpr)];
    this.MANY(() => {
      this.CONSUME(T.And);
      operands.push(this.SUBRULE2(this.notExpr));
    });
    return this.ACTION(() => this.tree.chain("And", operands));
  });

  // notExpr := "not" notExpr | primary
  // primary := "(" expr ")" | predicate          (one rule here: a condition is mostly predicates)
  notExpr = this.RULE("notExpr", (): Ast.Expr | undefined =>
    this.OR({
      DEF: [
        {
          ALT: () => {
            const keyword = this.CONSUME(T.Not);
            const operand = this.SUBRULE(this.notExpr);
            return this.ACTION(() => this.tree.not(keyword, operand));
          },
        },
        {
          ALT: () => {
            const open = this.CONSUME(T.LParen);
            const expr = this.SUBRULE(this.expr);
            const close = this.CONSUME(T.RParen);
            return this.ACTION(() => this.tree.group(open, expr, close));
          },
        },
        { ALT: () => this.SUBRULE(this.misplacedEventTest) },
        { ALT: () => this.SUBRULE(this.predicate) },
      ],
      ERR_MSG: "a condition",
    }),
  );

  /** Not part of the language: an event test inside an expression, parsed only to report it (LS108). */
  misplacedEventTest = this.RULE("misplacedEventTest", (): undefined => {
    const keyword = this.CONSUME(T.Event);
    const test = this.SUBRULE(this.eventTypeTest, { ARGS: [keyword] });
    return this.ACTION(() => this.tree.misplacedEventTest(keyword, test));
  });

  // predicate := subject ( compareOp value | ["not"] "in" (inlineList | name) | "contains" ["any"] textTarget
  //            | "starts" "with" textTarget | "ends" "with" textTarget | "between" value "and" value
  //            | "within" DURATION | "is" ("missing" | "present") )
  predicate = this.RULE("predicate", (): Ast.Expr | undefined => {
    const subject = this.CONSUME(T.Name);
    return this.OR({
      DEF: [
        {
          ALT: () => {
            const operator = this.CONSUME(T.CompareOperator);
            const value = this.CONSUME(T.Value);
            return this.ACTION(() => this.tree.compare(subject, operator, value));
          },
        },
        {
          ALT: () => {
            const not = this.OPTION(() => this.CONSUME(T.Not));
            this.CONSUME(T.In);
            const target = this.SUBRULE(this.listTarget);
            return this.ACTION(() => this.tree.in(subject, not, target));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Contains);
            let any: IToken | undefined;
            const target = this.OR2({
              DEF: [
                {
                  ALT: () => {
                    any = this.CONSUME(T.Any);
                    return this.SUBRULE2(this.listTarget);
                  },
                },
                { ALT: () => this.SUBRULE(this.textTarget) },
              ],
              ERR_MSG: "a text, a list `[…]` or `any`",
            });
            return this.ACTION(() => this.tree.text(subject, "contains", any, target));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Starts);
            this.CONSUME(T.With);
            const target = this.SUBRULE2(this.textTarget);
            return this.ACTION(() => this.tree.text(subject, "starts_with", undefined, target));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Ends);
            this.CONSUME2(T.With);
            const target = this.SUBRULE3(this.textTarget);
            return this.ACTION(() => this.tree.text(subject, "ends_with", undefined, target));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Between);
            const low = this.CONSUME2(T.Value);
            this.CONSUME(T.And);
            const high = this.CONSUME3(T.Value);
            return this.ACTION(() => this.tree.between(subject, low, high));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Within);
            const duration = this.CONSUME(T.DurationToken);
            return this.ACTION(() => this.tree.within(subject, duration));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Is);
            const state = this.OR3({
              DEF: [{ ALT: () => this.CONSUME(T.Missing) }, { ALT: () => this.CONSUME(T.Present) }],
              ERR_MSG: "`missing` or `present`",
            });
            return this.ACTION(() => this.tree.presence(subject, state));
          },
        },
      ],
      ERR_MSG:
        "a comparison (`=`, `!=`, `<`, `>`, …), `in`, `contains`, `starts with`, `ends with`, `between`, `within` or `is`",
    });
  });

  // after "in" and "contains any": inlineList | name (the name of a list)
  listTarget = this.RULE("listTarget", (): Ast.InlineList | Ast.ListReference | undefined =>
    this.OR({
      DEF: [
        { ALT: () => this.SUBRULE(this.inlineList) },
        {
          ALT: () => {
            const name = this.CONSUME(T.Name);
            return this.ACTION(() => this.tree.listReference(name));
          },
        },
      ],
      ERR_MSG: "a list `[…]` or the name of a list",
    }),
  );

  // textTarget := value | inlineList
  textTarget = this.RULE("textTarget", (): Ast.Value | Ast.InlineList | undefined =>
    this.OR({
      DEF: [
        { ALT: () => this.SUBRULE(this.inlineList) },
        {
          ALT: () => {
            const value = this.CONSUME(T.Value);
            return this.ACTION(() => this.tree.value(value));
          },
        },
      ],
      ERR_MSG: "a text or a list `[…]`",
    }),
  );
}

/** The one parser of the process (see the design note above). */
export const scoreParser = new ScoreParser();
