export type Severity = "error" | "warning";

export interface DiagnosticDefinition {
  code: string;
  severity: Severity;
  /** Message template; `{0}`, `{1}` … are filled by the reporter. */
  message: string;
  /** A default hint, used when the reporter has no more specific one. */
  hint?: string;
  /**
   * Documented and kept, but nothing reports it yet: why. Every other code is produced by a case under
   * test/cases (test/diagnostics/codes.test.ts checks both, from this table).
   */
  reserved?: string;
}

/**
 * The one table of every diagnostic leadscore reports. Codes are stable: tools and people search for them,
 * so a code is never reused for a different problem. Ranges:
 *   LS1xx  syntax (lexer and parser)
 *   LS2xx  names (unknown, duplicated, reserved)
 *   LS3xx  types and values
 *   LS4xx  structure and meaning (what belongs where, thresholds, decay)
 *   LS5xx  warnings about rulesets that are valid but probably not what was meant
 *   LS6xx  files and projects
 */
export const Diagnostics = {
  // ----------------------------------------------------------------------------------------- syntax
  UnexpectedCharacter: { code: "LS101", severity: "error", message: "unexpected character `{0}`" },
  UnterminatedString: {
    code: "LS102",
    severity: "error",
    message: "unterminated string",
    hint: 'close the string with `"` on the same line',
  },
  UnexpectedToken: { code: "LS103", severity: "error", message: "expected {0} but found {1}" },
  UnexpectedEndOfInput: { code: "LS104", severity: "error", message: "the file ends early: expected {0}" },
  InvalidDuration: {
    code: "LS105",
    severity: "error",
    message: "`{0}` is not a duration",
    hint: "write a whole number followed by m (minutes), h (hours), d (days) or w (weeks), like `30d`",
  },
  InvalidDate: {
    code: "LS106",
    severity: "error",
    message: "`{0}` is not a valid date",
    hint: "write dates as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ",
  },
  ExpectedDeclaration: {
    code: "LS107",
    severity: "error",
    message:
      "expected a declaration (ruleset, lead, event, list, exclude, grade, bucket, clamp or model) but found {0}",
  },
  EventTestInExpression: {
    code: "LS108",
    severity: "error",
    message: "an event test cannot be combined with `and`, `or` or `not`",
    hint: "write one rule per event test; use `where` to narrow the events",
  },
  InvalidEscape: {
    code: "LS109",
    severity: "error",
    message: "unknown escape `{0}` in a string",
    hint: 'the escapes are \\" \\\\ \\n and \\t',
  },
  NestingTooDeep: {
    code: "LS110",
    severity: "error",
    message: "the condition is nested more than {0} levels deep",
    hint: "split it into several rules, or remove parentheses and `not`s that are not needed",
  },
  NotTextFile: {
    code: "LS111",
    severity: "error",
    message: "this is not a text file: it contains a NUL character",
    hint: "rule files are UTF-8 text; check that this is the file you meant (a file saved as UTF-16 has NUL characters too)",
  },
  TooManyErrors: {
    code: "LS112",
    severity: "error",
    message: "too many errors in this file ({0} more not shown); fix the ones above first",
  },
  UnclosedBlock: {
    code: "LS113",
    severity: "error",
    message: "the `{0} {` opened on line {1} is not closed",
    hint: "close it with `}` before this line",
  },
  NumberOutOfRange: {
    code: "LS114",
    severity: "error",
    message: "`{0}` is too large: numbers are at most 1000000000000000 (10^15) either way",
  },
  LoneCarriageReturn: {
    code: "LS115",
    severity: "error",
    message: "a carriage return without a line feed",
    hint: "save the file with LF or CRLF line endings: editors and reviews would show a line break here that leadscore would not read as one",
  },
  InvisibleCharacter: {
    code: "LS116",
    severity: "error",
    message: "invisible character {0} ({1}) outside a string",
    hint: "remove it: it can make the code shown in a review differ from the code that runs",
  },
  ParsingAbandoned: {
    code: "LS117",
    severity: "error",
    message: "reading stopped here: more than {0} syntax errors in this file, the rest of it is not checked",
    hint: "is this a rule file? Fix the first errors above, then check again",
  },
  FileTooLarge: {
    code: "LS118",
    severity: "error",
    message: "this file is longer than {0} characters, the most one rule file may hold: it is not read",
    hint: "split it into several `.score` files: declarations are shared by all the files of a ruleset",
  },

  // ------------------------------------------------------------------------------------------ names
  UnknownField: { code: "LS201", severity: "error", message: "unknown lead field `{0}`" },
  UnknownEvent: { code: "LS202", severity: "error", message: "unknown event type `{0}`" },
  UnknownProperty: { code: "LS203", severity: "error", message: "event `{1}` has no property `{0}`" },
  UnknownList: { code: "LS204", severity: "error", message: "unknown list `{0}`" },
  DuplicateField: { code: "LS205", severity: "error", message: "`{0}` is declared twice" },
  DuplicateEvent: { code: "LS206", severity: "error", message: "event `{0}` is declared twice" },
  DuplicateList: { code: "LS207", severity: "error", message: "list `{0}` is declared twice" },
  DuplicateModel: { code: "LS208", severity: "error", message: "model `{0}` is declared twice" },
  DuplicateBucket: {
    code: "LS209",
    severity: "error",
    message: "bucket `{0}` is declared twice in the same list",
  },
  DuplicateLead: {
    code: "LS210",
    severity: "error",
    message: "the lead schema is declared twice",
    hint: "keep one `lead { … }` block with every field",
  },
  DuplicateRulesetHeader: {
    code: "LS211",
    severity: "error",
    message: "the ruleset header is declared twice",
  },
  DuplicateGrade: { code: "LS212", severity: "error", message: "the `{0}` grade is declared twice" },
  DuplicateSection: { code: "LS213", severity: "error", message: "model `{1}` has two `{0}` sections" },
  DuplicateEnumMember: {
    code: "LS214",
    severity: "error",
    message: "`{0}` appears twice in the enumeration",
  },
  ReservedName: {
    code: "LS215",
    severity: "error",
    message: "`{0}` is reserved and cannot name a lead field",
    hint: "`score`, `fit`, `engagement`, `grade`, `event` and `model` name results; pick another name",
  },
  MissingLeadSchema: {
    code: "LS216",
    severity: "error",
    message: "the ruleset declares no lead schema",
    hint: "declare the lead's fields: `lead { id: string  email: string }`",
  },
  DuplicateDecay: { code: "LS217", severity: "error", message: "the section already has a `decay`" },
  DuplicateClamp: { code: "LS218", severity: "error", message: "`clamp` is declared twice here" },
  DuplicateGradeLabel: { code: "LS219", severity: "error", message: "grade label `{0}` is used twice" },
  ListNameTypo: {
    code: "LS221",
    severity: "error",
    message: '`{0}` is not a list, so it would be matched as the text "{0}"',
    hint: 'did you mean the list `{1}`? If you mean the text, quote it: "{0}"',
  },
  MissingIdField: {
    code: "LS220",
    severity: "error",
    message: "the lead schema has no `id` field",
    hint: "every lead needs an identifier: add `id: string`",
  },
  ReservedColumnName: {
    code: "LS222",
    severity: "error",
    message: "`{0}` is the name of one of leadscore's own columns",
    hint: "the SQL engines keep `__row`, `__n`, `__outcome`, `__seq` and `__segment` beside the fields; rename it (a CSV column of that name maps with --columns)",
  },

  // ------------------------------------------------------------------------------------------ types
  TypeMismatch: {
    code: "LS301",
    severity: "error",
    message: "`{0}` is {1}, so it cannot be compared with {2}",
  },
  OperatorNotForType: {
    code: "LS302",
    severity: "error",
    message: "`{0}` does not apply to `{1}`, which is {2}",
  },
  NotInEnumeration: { code: "LS303", severity: "error", message: "`{0}` is not one of the values of `{1}`" },
  MixedList: {
    code: "LS304",
    severity: "error",
    message: "a list must hold values of one type; it mixes {0} and {1}",
  },
  BetweenBoundsReversed: {
    code: "LS305",
    severity: "error",
    message: "`between {0} and {1}` matches nothing: the low bound is above the high bound",
  },
  ListElementType: { code: "LS306", severity: "error", message: "list `{0}` holds {1}, but `{2}` is {3}" },
  UnknownType: {
    code: "LS307",
    severity: "error",
    message: "unknown type `{0}`",
    hint: 'the types are string, number, boolean and date; for a fixed set of values write them with `|`, like `lead | mql | customer` (quote values with spaces: `"Lead Add Form" | API`)',
  },
  EnumMemberNotTrimmed: {
    code: "LS308",
    severity: "error",
    message:
      "the enumeration value {0} can never be matched: input text is trimmed of spaces at its ends, and blank text reads as missing",
    hint: "write the value without spaces at its ends (a field that may be blank is optional: `lead_origin: …?`)",
  },
  WithinNeedsDate: {
    code: "LS309",
    severity: "error",
    message: "`within` needs a date field, but `{0}` is {1}",
    hint: "`within 14d` tests a date for the last 14 days up to the as-of time; for numbers and text use a comparison",
  },

  // -------------------------------------------------------------------------------------- structure
  EachOutsideEngagement: {
    code: "LS401",
    severity: "error",
    message: "`each` counts events, so it only applies to event rules",
    hint: "profile rules count once; remove `each`",
  },
  WithinOnProfileRule: {
    code: "LS402",
    severity: "error",
    message: "`within` applies to events, not to a profile rule",
    hint: "remove `within`, or test an event: `when event = … add N within 30d`",
  },
  EventRuleInFit: {
    code: "LS403",
    severity: "error",
    message: "event rules belong in the `engagement` section",
    hint: "`fit` scores who the lead is; move this rule to `engagement`",
  },
  ProfileRuleInEngagement: {
    code: "LS404",
    severity: "error",
    message: "engagement rules must test events",
    hint: "move profile rules to `fit`, or write `when event = … add N`",
    reserved:
      "profile rules are allowed in `engagement` now: exports carry behaviour as lead fields (visit counts, last activity)",
  },
  MultipleDefaultModels: {
    code: "LS405",
    severity: "error",
    message: "model `{0}` has no `when`, but `{1}` is already the default model",
    hint: "only one model may leave out `when`; give this one a condition",
  },
  GradeNotDescending: {
    code: "LS406",
    severity: "error",
    message: "grade thresholds must go down: `{0} {1} {2}` follows a threshold of {3}",
    hint: "list the best grade first, with the highest threshold",
  },
  UnreachableBucket: {
    code: "LS407",
    severity: "error",
    message: "bucket `{0}` can never be reached: `{1}` above it takes every lead",
    hint: "`otherwise` must be the last bucket",
  },
  DecayOutOfRange: {
    code: "LS408",
    severity: "error",
    message: "decay of {0}% is out of range",
    hint: "decay takes a percentage above 0 and at most 100",
  },
  DecayZeroPeriod: {
    code: "LS409",
    severity: "error",
    message: "decay period `{0}` must be longer than zero",
  },
  DecayOutsideEngagement: {
    code: "LS410",
    severity: "error",
    message: "`decay` applies to events, so it only belongs in `engagement`",
  },
  NonPositivePoints: {
    code: "LS411",
    severity: "error",
    message: "points must be above zero",
    hint: "use `subtract` to take points away",
  },
  NonPositiveMax: { code: "LS412", severity: "error", message: "`max` must be above zero" },
  ClampBoundsReversed: {
    code: "LS413",
    severity: "error",
    message: "`clamp score between {0} and {1}` is empty: the low bound is above the high bound",
  },
  MetricOutsideBucket: {
    code: "LS414",
    severity: "error",
    message: "`{0}` is only known after scoring, so it can only be used in a bucket condition",
  },
  GradeWithoutGrades: {
    code: "LS415",
    severity: "error",
    message: "`grade` is used, but the ruleset declares no grades",
    hint: "declare them: `grade fit A >= 50, else B` and `grade engagement 1 >= 30, else 2`",
  },
  ExclusionWithinNeedsEvent: {
    code: "LS416",
    severity: "error",
    message: "`within` on an exclusion needs an event test",
    hint: 'write `exclude when event = … within 90d because "…"`',
  },
  EventTestOutsideRules: {
    code: "LS417",
    severity: "error",
    message: "events cannot be tested here; only rules and exclusions test events",
  },
  ZeroDuration: { code: "LS418", severity: "error", message: "`{0}` must be longer than zero" },
  EmptyEnumeration: {
    code: "LS419",
    severity: "error",
    message: "an enumeration needs at least one value",
    reserved: "the grammar cannot read an enumeration without values (a syntax error is reported instead)",
  },
  ImpossibleGrade: {
    code: "LS421",
    severity: "error",
    message: "grade `{0}` can never occur: the grades the rules give are {1}",
    hint: "a condition on it matches no lead",
  },
  DuplicateGradeThreshold: {
    code: "LS420",
    severity: "error",
    message: "grade `{0}` can never be given: its threshold is not above the next one's",
    reserved: "tiers out of order are not checked yet; the first tier met wins",
  },

  // ---------------------------------------------------------------------------------------- warnings
  NoOtherwiseBucket: {
    code: "LS501",
    severity: "warning",
    message: "no `otherwise` bucket: leads that meet no bucket's condition get no bucket",
    hint: 'end the list with `bucket Other otherwise -> nurture "…"`',
  },
  NoDefaultModel: {
    code: "LS502",
    severity: "warning",
    message: "every model has a `when`, so leads that match none are left unscored",
    hint: "leave out `when` on one model to make it the default",
  },
  NoRulesetHeader: {
    code: "LS503",
    severity: "warning",
    message: 'the ruleset has no `ruleset "name" version N` header',
    hint: "add one so that artifacts and reports say which rules they came from",
  },
  ComparedWithListName: {
    code: "LS504",
    severity: "warning",
    message: "`{0}` is compared with the word `{1}`, which is also the name of a list",
    hint: "to test membership write `{0} in {1}`",
  },
  ComparedWithListNameTypo: {
    code: "LS510",
    severity: "warning",
    message: "`{0}` is compared with the word `{1}`, which looks like the list `{2}`",
    hint: 'to test membership write `{0} in {2}`; to compare with the text, quote it: "{1}"',
  },
  UnusedList: { code: "LS505", severity: "warning", message: "list `{0}` is never used" },
  MaxOnOnceRule: {
    code: "LS506",
    severity: "warning",
    message: "`max` has no effect on a rule that counts once",
    hint: "add `each` to count every event, or remove `max`",
  },
  NoBuckets: {
    code: "LS507",
    severity: "warning",
    message: "model `{0}` has no buckets and there are no global buckets: its leads get no bucket",
  },
  UnreachableGrade: {
    code: "LS508",
    severity: "warning",
    message: "grade `{0}` can never be given by the grades declared",
    reserved:
      "a grade that can never occur is an error now (LS421): a condition on it silently matches no lead",
  },
  EmptyModel: { code: "LS509", severity: "warning", message: "model `{0}` has no rules" },
  InvisibleCharacterInString: {
    code: "LS511",
    severity: "warning",
    message: "invisible character {0} ({1}) in a string",
    hint: "write it as text only if it is really meant: it changes how the text around it is shown",
  },
  TooManyWarnings: {
    code: "LS512",
    severity: "warning",
    message: "{0} more warnings in this file not shown",
  },

  // ------------------------------------------------------------------------------------------- files
  NoRuleFiles: {
    code: "LS601",
    severity: "error",
    message: "no `.score` files found in `{0}`",
    hint: "point at the directory that holds the rule files",
  },
  UnreadableFile: {
    code: "LS602",
    severity: "error",
    message: "cannot read `{0}`: {1}",
    reserved: "an unreadable rule file is reported as bad input (exit 2) by the command that reads it",
  },
} as const satisfies Record<string, DiagnosticDefinition>;
