/**
 * A synthetic, seeded population of leads and their events for the reference ruleset (`rules/`): the same
 * seed always gives the same leads, byte for byte. Each lead is drawn from its own stream (seed and lead
 * number), so the first 1,000 leads of a 1,000,000-lead population are the 1,000-lead population.
 *
 * The mix: enterprise decision makers and staff, small and mid-size teams, customers, students,
 * competitors, job seekers and leads we know little about, with plausible event histories over the 120
 * days before the as-of time.
 */

/** The instant the histories lead up to (the fixtures' as-of time). */
export const POPULATION_AS_OF = "2026-11-01T00:00:00Z";
const AS_OF_MS = Date.parse(POPULATION_AS_OF);
const HISTORY_DAYS = 120;

/** A lead as the rules' `lead` block declares it; optional fields are absent when unknown. */
export interface PopulationLead {
  id: string;
  email: string;
  title: string;
  industry?: string;
  employees?: number;
  country?: string;
  stage: "subscriber" | "lead" | "mql" | "sql" | "customer";
  plan?: string;
  /** Whether the lead went on to buy (or, for customers, to upgrade): 1 or 0. See `conversionChance`. */
  converted: 0 | 1;
}

/** An event with its lead: `type`, `at` (ISO-8601, UTC) and the properties its type declares. */
export interface PopulationEvent {
  lead_id: string;
  type: string;
  at: string;
  [property: string]: string | number;
}

export interface PopulationOptions {
  seed: number;
  leads: number;
  /** Scales every lead's number of events (default 1: about 6 events per lead on average). */
  eventsPerLead?: number;
}

export interface Population {
  leads: PopulationLead[];
  /** Every lead's events, grouped by lead in lead order, each lead's in time order. */
  events: PopulationEvent[];
}

/** The whole population in memory. For very large populations prefer `populationLeads`, one lead at a time. */
export function generatePopulation(options: PopulationOptions): Population {
  const leads: PopulationLead[] = [];
  const events: PopulationEvent[] = [];
  for (const entry of populationLeads(options)) {
    leads.push(entry.lead);
    for (const event of entry.events) events.push(event);
  }
  return { leads, events };
}

/** The population as a stream: memory stays flat however many leads are drawn. */
export function* populationLeads(
  options: PopulationOptions,
): Generator<{ lead: PopulationLead; events: PopulationEvent[] }> {
  const scale = options.eventsPerLead ?? 1;
  for (let index = 0; index < options.leads; index++) {
    const random = createRandom(mix(options.seed, index));
    yield drawLead(random, index, scale);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Randomness: mulberry32, seeded per lead through a 32-bit mix of (seed, index).

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    weighted(items) {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      return (items[items.length - 1] as readonly [(typeof items)[number][0], number])[0];
    },
  };
}

function mix(seed: number, index: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------------------
// Who the leads are.

type Persona =
  | "enterprise"
  | "enterprise-staff"
  | "smb"
  | "customer"
  | "student"
  | "competitor"
  | "job-seeker"
  | "unknown";

const PERSONAS: ReadonlyArray<readonly [Persona, number]> = [
  ["enterprise", 16],
  ["enterprise-staff", 10],
  ["smb", 30],
  ["customer", 12],
  ["student", 8],
  ["competitor", 3],
  ["job-seeker", 5],
  ["unknown", 16],
];

const FIRST_NAMES = [
  "Ana",
  "Ben",
  "Chloé",
  "David",
  "Elif",
  "Femi",
  "Grace",
  "Hiro",
  "Ines",
  "Jonas",
  "Kavya",
  "Liam",
  "Maya",
  "Noah",
  "Olga",
  "Pedro",
  "Quinn",
  "Rosa",
  "Sam",
  "Tariq",
  "Uma",
  "Viktor",
  "Wen",
  "Yara",
  "Zoë",
  "Jürgen",
  "Priya",
  "Marco",
  "Aisha",
  "Tom",
] as const;
const LAST_NAMES = [
  "Smith",
  "Müller",
  "Garcia",
  "Chen",
  "Okafor",
  "Novak",
  "Dubois",
  "Rossi",
  "Kim",
  "Jansen",
  "Silva",
  "Patel",
  "Nguyen",
  "Johansson",
  "O'Brien",
  "Kowalski",
  "Haddad",
  "Tanaka",
  "Fischer",
  "Martin",
] as const;
const NAME_PARTS = [
  "nova",
  "blue",
  "peak",
  "data",
  "cloud",
  "north",
  "bright",
  "iron",
  "swift",
  "green",
  "terra",
  "pixel",
  "orbit",
  "lumen",
  "atlas",
  "vector",
] as const;
const NAME_ENDS = [
  "corp",
  "works",
  "labs",
  "soft",
  "logic",
  "systems",
  "health",
  "pay",
  "ware",
  "hub",
  "line",
  "forge",
] as const;

const COUNTRIES: ReadonlyArray<readonly [string | undefined, number]> = [
  ["US", 38],
  ["GB", 10],
  ["DE", 8],
  ["CA", 6],
  ["FR", 6],
  ["NL", 4],
  ["IN", 8],
  ["BR", 5],
  ["ES", 4],
  ["AU", 4],
  ["SG", 2],
  [undefined, 5],
];
const DOMAIN_ENDINGS: Readonly<Record<string, string>> = {
  US: ".com",
  GB: ".co.uk",
  DE: ".de",
  CA: ".ca",
  FR: ".fr",
  NL: ".nl",
  IN: ".in",
  BR: ".com.br",
  ES: ".es",
  AU: ".com.au",
  SG: ".sg",
};
const INDUSTRIES: ReadonlyArray<readonly [string | undefined, number]> = [
  ["software", 24],
  ["fintech", 10],
  ["healthcare", 10],
  ["retail", 10],
  ["manufacturing", 8],
  ["logistics", 6],
  ["media", 6],
  ["consulting", 6],
  ["education", 5],
  ["government", 3],
  [undefined, 12],
];

const EXECUTIVE_TITLES = ["CEO", "CTO", "CFO", "COO"] as const;
const VP_TITLES = [
  "VP Sales",
  "VP Marketing",
  "VP Engineering",
  "VP, Sales",
  "VP Data",
  "VP Operations",
] as const;
const DIRECTOR_TITLES = [
  "Director of IT",
  "Director of Marketing",
  "Sales Director",
  "Director, Data Platform",
] as const;
const STAFF_TITLES = [
  "Software Engineer",
  "Data Analyst",
  "Marketing Specialist",
  "Account Executive",
  "Product Designer",
  "IT Administrator",
] as const;
const SMB_TITLES: ReadonlyArray<readonly [string, number]> = [
  ["Founder", 10],
  ["CEO", 8],
  ["Owner", 6],
  ["Marketing Manager", 12],
  ["Sales Manager", 8],
  ["Head of Growth", 6],
  ["Head of Data", 4],
  ["Team Lead", 6],
  ["Operations Manager", 6],
  ["Consultant", 6],
  ["Developer", 8],
];
const STUDENT_TITLES = [
  "Student",
  "PhD student",
  "MBA Student",
  "Marketing Intern",
  "Research Intern",
] as const;
const UNKNOWN_TITLES = ["Other", "Analyst", "Manager", "Coordinator", "Specialist", "n/a"] as const;
const PLANS: ReadonlyArray<readonly [string, number]> = [
  ["starter", 4],
  ["team", 5],
  ["business", 2],
  ["enterprise", 1],
];

function drawLead(
  random: Random,
  index: number,
  scale: number,
): { lead: PopulationLead; events: PopulationEvent[] } {
  const persona = random.weighted(PERSONAS);
  const country = random.weighted(COUNTRIES);
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const company = `${random.pick(NAME_PARTS)}${random.pick(NAME_ENDS)}`;
  const domain = `${company}${DOMAIN_ENDINGS[country ?? "US"] ?? ".com"}`;
  const local = `${ascii(first)}.${ascii(last)}`;
  const id = `L${index + 1}`;

  const lead: PopulationLead = { id, email: `${local}@${domain}`, title: "", stage: "lead", converted: 0 };
  switch (persona) {
    case "enterprise":
      lead.title = random.weighted([
        [random.pick(EXECUTIVE_TITLES), 3],
        [random.pick(VP_TITLES), 4],
        [random.pick(DIRECTOR_TITLES), 4],
      ]);
      lead.employees = random.weighted([
        [random.int(500, 1999), 5],
        [random.int(2000, 4999), 3],
        [random.int(5000, 60000), 2],
      ]);
      lead.stage = random.weighted([
        ["lead", 5],
        ["mql", 3],
        ["sql", 2],
        ["subscriber", 1],
      ]);
      break;
    case "enterprise-staff":
      lead.title = random.pick(STAFF_TITLES);
      lead.employees = random.int(500, 20000);
      lead.stage = random.weighted([
        ["subscriber", 3],
        ["lead", 4],
      ]);
      break;
    case "smb":
      lead.title = random.weighted(SMB_TITLES);
      lead.employees = random.weighted([
        [random.int(1, 9), 2],
        [random.int(10, 99), 5],
        [random.int(100, 499), 3],
      ]);
      lead.stage = random.weighted([
        ["subscriber", 2],
        ["lead", 5],
        ["mql", 2],
        ["sql", 1],
      ]);
      break;
    case "customer":
      lead.title = random.weighted([
        [random.weighted(SMB_TITLES), 3],
        [random.pick(DIRECTOR_TITLES), 1],
        [random.pick(STAFF_TITLES), 1],
      ]);
      lead.employees = random.int(20, 3000);
      lead.stage = "customer";
      lead.plan = random.weighted(PLANS);
      break;
    case "student":
      lead.title = random.pick(STUDENT_TITLES);
      lead.email = `${local}@${random.pick(["uni.edu", "student.ac.uk", "tum.de", "usp.br", "iitb.ac.in"])}`;
      lead.stage = "subscriber";
      break;
    case "competitor":
      lead.title = random.pick([...VP_TITLES, "Product Manager", "Growth Analyst"]);
      lead.email = `${local}@${random.pick(["rivalytics.com", "datacorp.io"])}`;
      lead.employees = random.int(150, 900);
      lead.stage = "lead";
      break;
    case "job-seeker":
      lead.title = random.pick(["Software Engineer", "Data Scientist", "Sales Development Rep", "Designer"]);
      lead.email = `${local}${random.int(1, 99)}@${random.pick(["gmail.com", "outlook.com", "proton.me"])}`;
      if (random.chance(0.5)) lead.employees = random.int(5, 300);
      lead.stage = "lead";
      break;
    case "unknown":
      lead.title = random.pick(UNKNOWN_TITLES);
      if (random.chance(0.4)) lead.employees = random.int(1, 5000);
      lead.stage = random.weighted([
        ["subscriber", 3],
        ["lead", 2],
      ]);
      break;
  }
  if (persona !== "student" && persona !== "job-seeker") {
    const industry = persona === "competitor" ? "software" : random.weighted(INDUSTRIES);
    if (industry !== undefined && !(persona === "unknown" && random.chance(0.5))) lead.industry = industry;
  }
  if (country !== undefined && !(persona === "unknown" && random.chance(0.3)))
    lead.country =
      persona === "student" && random.chance(0.5) ? random.pick(["IN", "BR", "DE", "GB"]) : country;
  const events = drawHistory(random, persona, id, scale);
  // Drawn last, from the lead's own stream: everything drawn before it is as it was without an outcome.
  lead.converted = random.chance(conversionChance(persona, lead, events)) ? 1 : 0;
  return { lead: ordered(lead), events };
}

// ---------------------------------------------------------------------------------------------------------
// What became of them: the known relationship the outcome follows, so that `leadscore report` has
// something true to find and `leadscore tune` something to learn. The log-odds of converting add up:

const OUTCOME_AS_OF_MS = AS_OF_MS;
const DAY_MS = 86_400_000;

/** Log-odds by persona: who the lead is matters most; competitors and job seekers never buy. */
const PERSONA_LOG_ODDS: Readonly<Record<Persona, number>> = {
  enterprise: -1.4,
  "enterprise-staff": -2.2,
  smb: -1.8,
  customer: -1.6,
  student: -4,
  competitor: -7,
  "job-seeker": -7,
  unknown: -2.8,
};

/**
 * The chance that a lead converts: persona, seniority, target country, company size and plan, then what
 * it did in the last 30 days. Webinars, downloads and pricing pages weigh most; a demo request less than
 * the reference rules think; email opens, long page views and industry nothing at all; the very largest
 * companies buy less often (the reference rules give them points). `leadscore tune` finds these.
 */
export function conversionChance(
  persona: Persona,
  lead: PopulationLead,
  events: readonly PopulationEvent[],
): number {
  let logOdds = PERSONA_LOG_ODDS[persona];
  if (/^(CEO|CTO|CFO|COO|Founder|Owner)$/.test(lead.title)) logOdds += 0.6;
  else if (/^VP/.test(lead.title)) logOdds += 0.3;
  else if (/Director/.test(lead.title)) logOdds += 0.6;
  if (lead.country !== undefined && ["US", "CA", "GB", "DE", "FR", "NL"].includes(lead.country))
    logOdds += 0.3;
  if (lead.employees !== undefined && lead.employees >= 5000) logOdds -= 0.6;
  if (lead.plan === "starter" || lead.plan === "team") logOdds += 0.4;
  let pricing = 0;
  let clicks = 0;
  let webinars = 0;
  let downloaded = false;
  for (const event of events) {
    const ageDays = (OUTCOME_AS_OF_MS - Date.parse(event.at)) / DAY_MS;
    if (ageDays > 30 && event.type !== "unsubscribe" && event.type !== "email_bounce") continue;
    if (event.type === "demo_request") logOdds += 0.8;
    else if (event.type === "page_view" && typeof event.url === "string" && event.url.startsWith("/pricing"))
      pricing += 1;
    else if (event.type === "email_click") clicks += 1;
    else if (event.type === "webinar_attended") webinars += 1;
    else if (event.type === "content_download") downloaded = true;
    else if (event.type === "unsubscribe") logOdds -= 0.5;
    else if (event.type === "email_bounce") logOdds -= 0.3;
  }
  logOdds += 1.6 * Math.min(webinars, 2) + (downloaded ? 1 : 0);
  logOdds += 0.5 * Math.min(pricing, 3) + 0.3 * Math.min(clicks, 4);
  return 1 / (1 + Math.exp(-logOdds));
}

/** The rules' `lead` block, then the outcome (a column no rule reads: `leadscore report --outcome converted`). */
export const LEAD_KEYS = [
  "id",
  "email",
  "title",
  "industry",
  "employees",
  "country",
  "stage",
  "plan",
  "converted",
] as const;

/** Keys in schema order, so that JSON output reads like the `lead` block. */
function ordered(lead: PopulationLead): PopulationLead {
  return Object.fromEntries(
    LEAD_KEYS.filter((key) => lead[key] !== undefined).map((key) => [key, lead[key]]),
  ) as unknown as PopulationLead;
}

function ascii(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------
// What the leads did.

type Engagement = "hot" | "warm" | "cold" | "dormant";

const ENGAGEMENT: Readonly<Record<Persona, ReadonlyArray<readonly [Engagement, number]>>> = {
  enterprise: [
    ["hot", 3],
    ["warm", 4],
    ["cold", 3],
    ["dormant", 2],
  ],
  "enterprise-staff": [
    ["hot", 1],
    ["warm", 4],
    ["cold", 4],
    ["dormant", 2],
  ],
  smb: [
    ["hot", 2],
    ["warm", 4],
    ["cold", 4],
    ["dormant", 2],
  ],
  customer: [
    ["hot", 2],
    ["warm", 5],
    ["cold", 3],
    ["dormant", 1],
  ],
  student: [
    ["hot", 1],
    ["warm", 5],
    ["cold", 3],
    ["dormant", 1],
  ],
  competitor: [
    ["hot", 5],
    ["warm", 3],
    ["cold", 1],
    ["dormant", 0],
  ],
  "job-seeker": [
    ["hot", 2],
    ["warm", 4],
    ["cold", 2],
    ["dormant", 0],
  ],
  unknown: [
    ["hot", 0],
    ["warm", 2],
    ["cold", 5],
    ["dormant", 4],
  ],
};

/** How many events, and how far back they reach (days). */
const ACTIVITY: Readonly<Record<Engagement, { min: number; max: number; days: number }>> = {
  hot: { min: 8, max: 24, days: 30 },
  warm: { min: 3, max: 10, days: 75 },
  cold: { min: 0, max: 3, days: HISTORY_DAYS },
  dormant: { min: 1, max: 3, days: HISTORY_DAYS },
};

type Kind =
  "email_open" | "email_click" | "page_view" | "content_download" | "webinar_attended" | "demo_request";

const BEHAVIOUR: Readonly<Record<Persona, ReadonlyArray<readonly [Kind, number]>>> = {
  enterprise: [
    ["email_open", 10],
    ["email_click", 5],
    ["page_view", 8],
    ["content_download", 2],
    ["webinar_attended", 1],
  ],
  "enterprise-staff": [
    ["email_open", 10],
    ["email_click", 4],
    ["page_view", 6],
    ["content_download", 2],
    ["webinar_attended", 1],
  ],
  smb: [
    ["email_open", 9],
    ["email_click", 5],
    ["page_view", 8],
    ["content_download", 2],
    ["webinar_attended", 1],
  ],
  customer: [
    ["email_open", 6],
    ["email_click", 3],
    ["page_view", 10],
    ["webinar_attended", 2],
  ],
  student: [
    ["email_open", 8],
    ["email_click", 3],
    ["page_view", 5],
    ["content_download", 5],
    ["webinar_attended", 2],
  ],
  competitor: [
    ["email_open", 2],
    ["email_click", 2],
    ["page_view", 14],
    ["content_download", 4],
    ["webinar_attended", 2],
  ],
  "job-seeker": [
    ["email_open", 3],
    ["email_click", 2],
    ["page_view", 10],
    ["content_download", 1],
  ],
  unknown: [
    ["email_open", 10],
    ["email_click", 2],
    ["page_view", 3],
  ],
};

const PAGES: Readonly<
  Record<"buyer" | "customer" | "reader" | "competitor" | "job", ReadonlyArray<readonly [string, number]>>
> = {
  buyer: [
    ["/pricing", 5],
    ["/pricing/teams", 2],
    ["/enterprise", 2],
    ["/product/scoring", 4],
    ["/blog/lead-scoring-101", 3],
    ["/docs/getting-started", 2],
    ["/customers", 2],
  ],
  customer: [
    ["/pricing", 4],
    ["/enterprise", 2],
    ["/enterprise/security", 2],
    ["/docs/api", 4],
    ["/changelog", 3],
    ["/blog/release-notes", 2],
  ],
  reader: [
    ["/blog/lead-scoring-101", 5],
    ["/blog/what-is-an-mql", 4],
    ["/resources/glossary", 3],
    ["/pricing", 1],
  ],
  competitor: [
    ["/pricing", 6],
    ["/pricing/teams", 3],
    ["/enterprise", 3],
    ["/docs/api", 3],
    ["/changelog", 2],
  ],
  job: [
    ["/careers", 8],
    ["/careers/engineering", 4],
    ["/about", 3],
    ["/blog/lead-scoring-101", 1],
  ],
};
const CAMPAIGNS = [
  "fall-launch",
  "webinar-invite",
  "newsletter-oct",
  "newsletter-sep",
  "pricing-update",
  "case-study",
] as const;
const ASSETS = [
  "roi-guide",
  "playbook",
  "benchmark-report",
  "security-whitepaper",
  "scoring-template",
] as const;

function drawHistory(random: Random, persona: Persona, leadId: string, scale: number): PopulationEvent[] {
  const engagement = random.weighted(ENGAGEMENT[persona]);
  const activity = ACTIVITY[engagement];
  const count = Math.round(random.int(activity.min, activity.max) * scale);
  const pages =
    persona === "customer"
      ? PAGES.customer
      : persona === "competitor"
        ? PAGES.competitor
        : persona === "job-seeker"
          ? PAGES.job
          : persona === "student" || persona === "unknown"
            ? PAGES.reader
            : PAGES.buyer;
  // Dormant leads were last active months ago; the others up to now.
  const newest = engagement === "dormant" ? 91 : 0;
  const oldest = engagement === "dormant" ? HISTORY_DAYS : activity.days;
  const at = () => timestamp(random, newest, oldest);

  const events: PopulationEvent[] = [];
  for (let i = 0; i < count; i++) {
    const type = random.weighted(BEHAVIOUR[persona]);
    const event: PopulationEvent = { lead_id: leadId, type, at: at() };
    if (type === "email_click" && random.chance(0.8)) event.campaign = random.pick(CAMPAIGNS);
    if (type === "page_view") {
      event.url = random.weighted(pages);
      if (random.chance(0.85))
        event.seconds = random.weighted([
          [random.int(3, 60), 6],
          [random.int(61, 240), 3],
          [random.int(241, 900), 1],
        ]);
    }
    if (type === "content_download" && random.chance(0.9)) event.asset = random.pick(ASSETS);
    events.push(event);
  }
  const buyer = persona === "enterprise" || persona === "smb" || persona === "customer";
  if (engagement === "hot" && buyer && random.chance(0.45))
    events.push({ lead_id: leadId, type: "demo_request", at: timestamp(random, 0, 25) });
  if (persona === "competitor" && random.chance(0.15))
    events.push({ lead_id: leadId, type: "demo_request", at: at() });
  if (persona === "job-seeker")
    events.push({ lead_id: leadId, type: "job_application", at: timestamp(random, 0, 85) });
  if (count > 0 && random.chance(0.05)) events.push({ lead_id: leadId, type: "unsubscribe", at: at() });
  if (random.chance(0.03))
    events.push({ lead_id: leadId, type: "email_bounce", at: timestamp(random, 0, HISTORY_DAYS) });
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** A whole-second UTC time between `newestDays` and `oldestDays` before the as-of time. */
function timestamp(random: Random, newestDays: number, oldestDays: number): string {
  const seconds = random.int(newestDays * 86_400 + 60, oldestDays * 86_400);
  return new Date(AS_OF_MS - seconds * 1000).toISOString().replace(".000Z", "Z");
}
