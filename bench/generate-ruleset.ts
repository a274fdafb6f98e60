/**
 * A large, seeded ruleset over the reference schema (`rules/schema.score`) for the language benchmark:
 * hundreds of models (one per segment of industry, country and company size, plus a default), each with
 * the kinds of fit and engagement rules the reference uses (titles, industries, sizes, countries, plans,
 * page views with `where`, capped `each` rules, once-only rules, `no event`, negatives, decay), grades,
 * exclusions, global and per-model buckets. Same seed, same text, byte for byte.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createRandom, type Random } from "../examples/population.js";
import { RULES } from "./dist.js";

export interface GeneratedSource {
  path: string;
  text: string;
}

export interface GeneratedRuleset {
  sources: GeneratedSource[];
  models: number;
  rules: number;
  lines: number;
  bytes: number;
}

export interface RulesetShape {
  seed: number;
  /** Total rules across all models (fit and engagement). */
  rules: number;
  /** Rules per model on average; the model count follows. */
  rulesPerModel?: number;
  modelsPerFile?: number;
}

const INDUSTRIES = [
  "software",
  "fintech",
  "healthcare",
  "retail",
  "manufacturing",
  "logistics",
  "media",
  "consulting",
  "education",
  "government",
] as const;
const COUNTRIES = ["US", "GB", "DE", "CA", "FR", "NL", "IN", "BR", "ES", "AU"] as const;
const SIZES: ReadonlyArray<readonly [number, number]> = [
  [1, 49],
  [50, 199],
  [200, 499],
  [500, 1999],
  [2000, 100000],
];
const TITLE_WORDS = ["CEO", "CTO", "CFO", "COO", "Founder", "Owner", "President", "CMO", "CIO"] as const;
const TITLE_PARTS = ["Director", "Manager", "Head of", "Lead", "Architect", "Analyst", "Engineer"] as const;
const PAGES = ["/pricing", "/enterprise", "/product", "/docs", "/customers", "/blog", "/security"] as const;
const CAMPAIGNS = [
  "fall-launch",
  "webinar-invite",
  "newsletter-oct",
  "pricing-update",
  "case-study",
] as const;
const ASSETS = ["roi-guide", "playbook", "benchmark-report", "security-whitepaper"] as const;
const TEAMS = ["sales", "enterprise_sales", "inside_sales", "partners", "account_management"] as const;

/** Generates the ruleset; the schema file is the reference one, read as is. */
export function generateRuleset(shape: RulesetShape): GeneratedRuleset {
  const random = createRandom(shape.seed);
  const perModel = shape.rulesPerModel ?? 25;
  const modelCount = Math.max(1, Math.round(shape.rules / perModel));
  const perFile = shape.modelsPerFile ?? 10;
  const schema = readFileSync(path.join(RULES, "schema.score"), "utf8");

  const sources: GeneratedSource[] = [
    { path: "rules/schema.score", text: schema },
    { path: "rules/lists.score", text: listsFile() },
    { path: "rules/routing.score", text: routingFile() },
  ];

  // Rule counts per model: around the average, adding up to exactly the total asked for.
  const counts = Array.from({ length: modelCount }, () => perModel);
  let remaining = shape.rules - perModel * modelCount;
  for (let i = 0; remaining !== 0; i = (i + 1) % modelCount) {
    counts[i]! += Math.sign(remaining);
    remaining -= Math.sign(remaining);
  }
  for (let i = 0; i + 1 < modelCount; i += 2) {
    const shift = random.int(0, Math.min(8, counts[i]! - 4));
    counts[i]! -= shift;
    counts[i + 1]! += shift;
  }

  const segments = shuffledSegments(random);
  const models: string[] = [];
  for (let m = 0; m < modelCount; m++) {
    // The last model is the default: no `when`.
    const segment = m === modelCount - 1 ? null : segments[m % segments.length]!;
    models.push(modelText(random, m, segment, counts[m]!, Math.floor(m / segments.length)));
  }
  for (let start = 0, file = 1; start < models.length; start += perFile, file++) {
    sources.push({
      path: `rules/models/segment-${String(file).padStart(3, "0")}.score`,
      text: models.slice(start, start + perFile).join("\n"),
    });
  }

  const text = sources.map((source) => source.text).join("");
  return {
    sources,
    models: modelCount,
    rules: counts.reduce((sum, count) => sum + count, 0),
    lines: text.split("\n").length - 1,
    bytes: Buffer.byteLength(text),
  };
}

interface Segment {
  industry: string;
  country: string;
  size: readonly [number, number];
}

function shuffledSegments(random: Random): Segment[] {
  const segments: Segment[] = [];
  for (const industry of INDUSTRIES)
    for (const country of COUNTRIES) for (const size of SIZES) segments.push({ industry, country, size });
  for (let i = segments.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [segments[i], segments[j]] = [segments[j]!, segments[i]!];
  }
  return segments;
}

function listsFile(): string {
  return [
    "# Lists shared by the generated models.",
    "list executive_titles = [CEO, CTO, CFO, COO, CMO, CIO, President]",
    'list founder_titles = [Founder, Owner, "Co-founder"]',
    "list tech_industries = [software, fintech, healthcare]",
    "list public_sector = [government, education]",
    "list student_words = [student, intern, trainee]",
    'list free_mail = ["@gmail.com", "@outlook.com", "@yahoo.com", "@proton.me"]',
    "",
  ].join("\n");
}

function routingFile(): string {
  return [
    "# Global routing for the generated models.",
    'exclude when email ends with competitor_domains because "competitor"',
    'exclude when event = job_application within 90d because "job seeker"',
    'exclude when email ends with free_mail and title contains any student_words because "student"',
    "",
    "grade fit A >= 50, B >= 30, C >= 15, else D",
    "grade engagement 1 >= 60, 2 >= 30, 3 >= 10, else 4",
    "",
    'bucket SQL when grade in [A1, A2, B1] -> route sales within 4h say "Offer a product demo"',
    "bucket MQL >= 100 -> route sales within 4h",
    'bucket Warm when grade in [A3, B2, B3, C1, C2, C3] -> route sales within 48h say "Send a personal email"',
    'bucket Nurture >= 20 -> nurture "monthly-digest"',
    'bucket Cold >= 5 -> nurture "re-engagement"',
    "bucket Dead otherwise -> disqualify",
    "",
  ].join("\n");
}

function modelText(
  random: Random,
  index: number,
  segment: Segment | null,
  rules: number,
  pass: number,
): string {
  const name = segment
    ? `${segment.industry}_${segment.country.toLowerCase()}_${segment.size[0]}${pass > 0 ? `_${pass}` : ""}`
    : "everyone_else";
  const label = segment
    ? `${segment.industry} in ${segment.country}, ${segment.size[0]} to ${segment.size[1]} people`
    : "Everyone else";
  const when = segment
    ? ` when industry = ${segment.industry} and country = ${segment.country} and employees between ${segment.size[0]} and ${segment.size[1]}${pass > 0 ? ` and stage in [lead, mql]` : ""}`
    : "";
  const fitCount = random.int(Math.max(1, Math.floor(rules * 0.35)), Math.max(1, Math.floor(rules * 0.55)));
  const engagementCount = rules - fitCount;

  const lines = [`# Model ${index + 1}: ${label}.`, `model ${name} "${label}"${when} {`, "  fit {"];
  for (let i = 0; i < fitCount; i++) lines.push(`    ${fitRule(random)}`);
  lines.push("  }");
  if (engagementCount > 0) {
    lines.push("  engagement {");
    for (let i = 0; i < engagementCount; i++) lines.push(`    ${engagementRule(random)}`);
    if (random.chance(0.6))
      lines.push(`    decay ${random.pick([10, 20, 25, 50])}% every ${random.pick([7, 14, 30])}d`);
    lines.push("  }");
  }
  if (random.chance(0.3)) {
    const high = random.int(60, 120);
    lines.push(
      `  bucket Hot >= ${high} -> route ${random.pick(TEAMS)} within ${random.pick([4, 8, 24])}h say "Call within the day"`,
      `  bucket Warm >= ${random.int(20, high - 10)} -> nurture "${random.pick(CAMPAIGNS)}"`,
      "  bucket Rest otherwise -> disqualify",
    );
  }
  lines.push("}", "");
  return lines.join("\n");
}

function points(random: Random, low = 2, high = 30): number {
  return random.int(low, high);
}

function fitRule(random: Random): string {
  switch (random.int(0, 15)) {
    case 0:
      return `when title in [${subset(random, TITLE_WORDS, 2, 4).join(", ")}] add ${points(random, 15, 35)}`;
    case 1:
      return `when title in executive_titles add ${points(random, 15, 35)}`;
    case 2:
      return `when title starts with "VP" add ${points(random, 10, 25)}`;
    case 3:
      return `when title contains "${random.pick(TITLE_PARTS)}" add ${points(random, 5, 15)}`;
    case 4:
      return `when title contains any student_words subtract ${points(random, 20, 40)}`;
    case 5:
      return `when industry in tech_industries add ${points(random, 5, 20)}`;
    case 6:
      return `when industry is missing subtract ${points(random, 2, 10)}`;
    case 7:
      return `when employees >= ${random.pick([100, 250, 500, 1000, 5000])} add ${points(random, 5, 15)}`;
    case 8: {
      const low = random.pick([10, 50, 100, 200]);
      return `when employees between ${low} and ${low * random.int(2, 10) - 1} add ${points(random, 5, 15)}`;
    }
    case 9:
      return `when country in target_countries add ${points(random, 2, 10)}`;
    case 10:
      return `when country not in target_countries subtract ${points(random, 5, 15)}`;
    case 11:
      return `when country = ${random.pick(COUNTRIES)} and employees >= ${random.pick([50, 100, 500])} add ${points(random, 2, 10)}`;
    case 12:
      return `when (title contains "Head of" or title contains "Lead") and employees >= ${random.pick([20, 50, 100])} add ${points(random, 5, 15)}`;
    case 13:
      return random.chance(0.5)
        ? `when stage in [mql, sql] add ${points(random, 5, 20)}`
        : `when title in founder_titles and employees < ${random.pick([50, 200])} add ${points(random, 10, 25)}`;
    case 14:
      return `when plan in [starter, team] and employees >= ${random.pick([50, 200])} add ${points(random, 5, 25)}`;
    default:
      return random.chance(0.5)
        ? `when email ends with free_mail subtract ${points(random, 5, 15)}`
        : `when not (industry in public_sector) and title contains "Director" add ${points(random, 5, 15)}`;
  }
}

function engagementRule(random: Random): string {
  const days = () => random.pick([7, 14, 30, 60, 90]);
  switch (random.int(0, 13)) {
    case 0:
      return `when event = email_open add ${points(random, 1, 3)} each max ${points(random, 6, 12)} within ${days()}d`;
    case 1:
      return `when event = email_click add ${points(random, 3, 6)} each max ${points(random, 12, 24)} within ${days()}d`;
    case 2:
      return `when event = email_click where campaign = "${random.pick(CAMPAIGNS)}" add ${points(random, 5, 15)} within ${days()}d`;
    case 3:
      return `when event = page_view where url starts with "${random.pick(PAGES)}" add ${points(random, 5, 15)} each max ${points(random, 20, 40)} within ${days()}d`;
    case 4:
      return `when event = page_view where seconds >= ${random.pick([60, 120, 300])} add ${points(random, 2, 5)} each max ${points(random, 10, 20)} within ${days()}d`;
    case 5:
      return `when event = page_view where url starts with "/enterprise" and seconds >= 30 add ${points(random, 10, 20)} within ${days()}d`;
    case 6:
      return `when event = content_download add ${points(random, 10, 20)} within ${days()}d`;
    case 7:
      return `when event = content_download where asset in [${subset(random, ASSETS, 1, 3)
        .map((asset) => `"${asset}"`)
        .join(", ")}] add ${points(random, 5, 15)} within ${days()}d`;
    case 8:
      return `when event = webinar_attended add ${points(random, 10, 25)} within ${days()}d`;
    case 9:
      return `when event = demo_request add ${points(random, 30, 60)} within ${days()}d`;
    case 10:
      return `when event in [email_open, email_click] add 1 each max ${points(random, 5, 10)} within ${days()}d`;
    case 11:
      return `when event = unsubscribe subtract ${points(random, 10, 20)}`;
    case 12:
      return `when event = email_bounce subtract ${points(random, 5, 15)}`;
    default:
      return `when no event within ${random.pick([60, 90, 120])}d subtract ${points(random, 10, 25)}`;
  }
}

function subset<T>(random: Random, items: readonly T[], min: number, max: number): T[] {
  const pool = [...items];
  const count = random.int(min, max);
  const chosen: T[] = [];
  for (let i = 0; i < count && pool.length > 0; i++)
    chosen.push(pool.splice(random.int(0, pool.length - 1), 1)[0]!);
  return chosen;
}
