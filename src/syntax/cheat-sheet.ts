/**
 * The one-page cheat sheet for rule authors: every construct with one example and what it means. The
 * language reference's cheat sheet (docs/cheatsheet.md, written by `npm run grammar`) and the editor's
 * hover on a keyword both read this table, so they say the same thing.
 */
export interface CheatSheetEntry {
  construct: string;
  /** The keywords a hover explains with this entry. */
  keywords: readonly string[];
  example: string;
  meaning: string;
}

export const CHEAT_SHEET: readonly CheatSheetEntry[] = [
  {
    construct: "Ruleset header",
    keywords: ["ruleset", "version"],
    example: 'ruleset "acme" version 1',
    meaning: "Names the ruleset and its version; both are recorded in the compiled artifact.",
  },
  {
    construct: "Lead schema",
    keywords: ["lead", "string", "number", "boolean", "date"],
    example: "lead { id: string  employees: number?  stage: lead | mql | customer }",
    meaning:
      "The lead's fields and their types (`string`, `number`, `boolean`, `date`, or an enumeration `a | b`). `?` marks a field that may be missing; `id` is required.",
  },
  {
    construct: "Event type",
    keywords: ["event"],
    example: "event page_view { url: string, seconds: number? }",
    meaning: "A kind of behaviour event and its properties, which `where` can test.",
  },
  {
    construct: "List",
    keywords: ["list"],
    example: "list target_countries = [US, CA, GB]",
    meaning:
      "A named list of values, used with `in`, `not in` and the text tests (`ends with competitor_domains`).",
  },
  {
    construct: "Model",
    keywords: ["model"],
    example: 'model enterprise "Enterprise" when employees >= 500 { fit { … } engagement { … } }',
    meaning:
      "Scores the leads its `when` holds for. Models are tried in file order, then declaration order; the first that holds wins. A model without `when` is the default, for every lead no other model takes.",
  },
  {
    construct: "Fit section",
    keywords: ["fit"],
    example: "fit { when title in [CEO, CTO] add 30 }",
    meaning: "Rules on the lead's profile; their points add up to the fit score.",
  },
  {
    construct: "Engagement section",
    keywords: ["engagement"],
    example: "engagement { when event = demo_request add 50 within 30d }",
    meaning:
      "Rules on behaviour (events, or activity carried as lead fields); their points add up to the engagement score.",
  },
  {
    construct: "Rule",
    keywords: ["when"],
    example: "when country = US add 5",
    meaning:
      "One rule per line: a condition, then what it adds. It applies only when the condition is true (never when unknown).",
  },
  {
    construct: "Points",
    keywords: ["add", "subtract"],
    example: "when event = email_bounce subtract 10",
    meaning: "What the rule adds to (or takes from) its section's score.",
  },
  {
    construct: "Every matching event",
    keywords: ["each"],
    example: "when event = email_open add 2 each max 10 within 30d",
    meaning:
      "`each` counts every matching event; without it the rule counts once when at least one event matches.",
  },
  {
    construct: "Cap",
    keywords: ["max"],
    example: "add 2 each max 10",
    meaning: "The rule's total never goes beyond `max` (by absolute value for `subtract`).",
  },
  {
    construct: "Time window",
    keywords: ["within"],
    example: "when event = demo_request add 50 within 30d",
    meaning:
      "Counts the events of the last 30 days before the as-of time T (T − 30d < at ≤ T). Durations: `m`, `h`, `d`, `w`.",
  },
  {
    construct: "Event test",
    keywords: ["where"],
    example: 'when event = page_view where url starts with "/pricing" add 10 each',
    meaning:
      "`event = t` or `event in [a, b]` matches events of those types; `where` narrows them by their properties.",
  },
  {
    construct: "Disengagement",
    keywords: ["no"],
    example: "when no event within 90d subtract 20",
    meaning: "Holds when the lead has no event (or none of the named types) in the window. Never decayed.",
  },
  {
    construct: "Decay",
    keywords: ["decay", "every"],
    example: "decay 50% every 30d",
    meaning:
      "In a section: each event's points are multiplied by (1 − 50%) for every full 30 days of age, before caps.",
  },
  {
    construct: "Exclusion",
    keywords: ["exclude", "because"],
    example: 'exclude when email ends with competitor_domains because "competitor"',
    meaning:
      "A lead it holds for is still scored, but gets `excluded: competitor`, no bucket and no actions. The first that holds gives the reason.",
  },
  {
    construct: "Grades",
    keywords: ["grade", "else"],
    example: "grade fit A >= 50, B >= 30, else D",
    meaning: "A letter for fit and a digit for engagement (A1 … D4); tiers are tried from the top.",
  },
  {
    construct: "Bucket",
    keywords: ["bucket", "otherwise"],
    example: 'bucket SQL when grade in [A1, A2] -> route sales within 4h say "Offer a demo"',
    meaning:
      "Buckets are tried in order and the first that matches wins: a threshold on the score (`>= 100`), a `when` condition (score, fit, engagement, grade and lead fields), or `otherwise`. A model's own buckets replace the global ones.",
  },
  {
    construct: "Route",
    keywords: ["route", "say"],
    example: 'route sales within 4h say "Offer a product demo"',
    meaning: "Hands the lead to a team within a time, with the conversation to have.",
  },
  {
    construct: "Nurture",
    keywords: ["nurture"],
    example: 'nurture "monthly-digest"',
    meaning: "Puts the lead in a campaign.",
  },
  {
    construct: "Disqualify",
    keywords: ["disqualify"],
    example: "bucket Dead otherwise -> disqualify",
    meaning: "Takes the lead out of follow-up.",
  },
  {
    construct: "Clamp",
    keywords: ["clamp"],
    example: "clamp score between 0 and 100",
    meaning:
      "Keeps the total score inside the range (for the whole ruleset, or inside a model for that model).",
  },
  {
    construct: "Comparison",
    keywords: [],
    example: "employees >= 500",
    meaning:
      "`=`, `!=`, `<`, `<=`, `>`, `>=`. Text compares case-insensitively; a bare word on the right is a value (`country = US`).",
  },
  {
    construct: "Membership",
    keywords: ["in"],
    example: "title in [CEO, CTO]    country not in target_countries",
    meaning: "Whether the value is one of the list's (written inline, or a named list).",
  },
  {
    construct: "Text tests",
    keywords: ["contains", "any", "starts", "ends", "with"],
    example: 'title contains "Director"    title contains any [student, intern]',
    meaning: "`contains`, `starts with`, `ends with` a text, or `any` of a list's texts; case-insensitive.",
  },
  {
    construct: "Range",
    keywords: ["between"],
    example: "employees between 10 and 499",
    meaning: "Inclusive at both ends.",
  },
  {
    construct: "Recent date",
    keywords: ["within"],
    example: "signed_up within 14d",
    meaning:
      "A date or timestamp field in the last 14 days up to the as-of time; never unknown (missing or future: false).",
  },
  {
    construct: "Presence",
    keywords: ["is", "missing", "present"],
    example: "industry is missing",
    meaning: "Tests for a missing value explicitly; never unknown.",
  },
  {
    construct: "Logic",
    keywords: ["and", "or", "not"],
    example: '(title contains "Head of" or title contains "Lead") and employees >= 50',
    meaning:
      "Three-valued, as in SQL: a comparison with a missing field is unknown; `unknown or true` is true, `unknown and false` is false, `not unknown` is unknown.",
  },
];

const BY_KEYWORD = new Map(CHEAT_SHEET.flatMap((entry) => entry.keywords.map((keyword) => [keyword, entry])));

/** A keyword's cheat-sheet entry as Markdown (the editor's hover), or undefined for other words. */
export function cheatSheetEntry(keyword: string): string | undefined {
  const entry = BY_KEYWORD.get(keyword);
  if (entry === undefined) return undefined;
  return `**${entry.construct}**\n\n\`\`\`leadscore\n${entry.example}\n\`\`\`\n\n${entry.meaning}`;
}

/** docs/cheatsheet.md. */
export function cheatSheetMarkdown(): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const rows = CHEAT_SHEET.map(
    (entry) =>
      `| ${entry.construct} | \`${cell(entry.example).replace(/`/g, "")}\` | ${cell(entry.meaning)} |`,
  );
  return [
    "<!-- Generated by `npm run grammar` from src/syntax/cheat-sheet.ts; do not edit. -->",
    "",
    "# leadscore cheat sheet",
    "",
    "Every construct of a `.score` file with one example and what it means. The full reference is",
    "[language.md](language.md); the editor shows these entries when the pointer rests on a keyword.",
    "",
    "| Construct | Example | Meaning |",
    "| --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}
