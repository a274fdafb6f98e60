/**
 * The reference ruleset (`rules/*.score`) written by hand as plain TypeScript: the ceiling the evaluator is
 * measured against. It is complete and honest: the same model choice, every fit and engagement rule with
 * its window, `each`, cap and decay, `no event`, both exclusions, rounding, grades, global and per-model
 * buckets and actions, with the same missing-value and case-insensitive semantics, and it produces the
 * same numbers (the benchmark checks that on generated leads before timing anything).
 *
 * What it does not do is what only a general evaluator needs: no contributions (explanations), and it
 * trusts its input to be valid for the schema (strings are strings, numbers are numbers), as a function
 * written for one data source would. Each model reads the lead's events in one pass.
 */

export interface HandLead {
  readonly [field: string]: unknown;
}

export interface HandEvent {
  readonly type: string;
  readonly at: string | number;
  readonly [property: string]: unknown;
}

export type HandAction =
  { route: string; within?: string; say?: string } | { nurture: string } | { disqualify: true };

export interface HandResult {
  id: string | null;
  model: string;
  fit: number;
  engagement: number;
  score: number;
  grade: string;
  bucket: string | null;
  excluded: string | null;
  actions: readonly HandAction[];
}

const DAY = 86_400_000;
const NONE: readonly HandAction[] = Object.freeze([]);
const TARGET_COUNTRIES = new Set(["us", "ca", "gb", "de", "fr", "nl"]);

// Buckets: global (enterprise, smb) and the customer model's own.
const SQL = { name: "SQL", actions: [{ route: "sales", within: "4h", say: "Offer a product demo" }] };
const MQL = { name: "MQL", actions: [{ route: "sales", within: "4h" }] };
const WARM = {
  name: "Warm",
  actions: [{ route: "sales", within: "48h", say: "Send a personal email with a webinar invite" }],
};
const NURTURE = { name: "Nurture", actions: [{ nurture: "monthly-digest" }] };
const COLD = { name: "Cold", actions: [{ nurture: "re-engagement" }] };
const DEAD = { name: "Dead", actions: [{ disqualify: true as const }] };
const EXPANSION = {
  name: "Expansion",
  actions: [{ route: "account_management", within: "24h", say: "Discuss the Enterprise plan" }],
};
const HEALTHY = { name: "Healthy", actions: [{ nurture: "customer-newsletter" }] };

// Grades: fit A ≥ 50, B ≥ 30, C ≥ 15, else D; engagement 1 ≥ 60, 2 ≥ 30, 3 ≥ 10, else 4.
const GRADES = ["A", "B", "C", "D"].map((fit) => ["1", "2", "3", "4"].map((engagement) => fit + engagement));

function fitTier(fit: number): number {
  return fit >= 50 ? 0 : fit >= 30 ? 1 : fit >= 15 ? 2 : 3;
}

function engagementTier(engagement: number): number {
  return engagement >= 60 ? 0 : engagement >= 30 ? 1 : engagement >= 10 ? 2 : 3;
}

/** Decay tables: (1 − P/100)^k for k whole periods. */
function decayTable(percent: number): Float64Array {
  const table = new Float64Array(64);
  for (let k = 0; k < table.length; k++) table[k] = (1 - percent / 100) ** k;
  return table;
}
const ENTERPRISE_DECAY = decayTable(50);
const ENTERPRISE_PERIOD = 30 * DAY;
const SMB_DECAY = decayTable(25);
const SMB_PERIOD = 14 * DAY;

function decayed(table: Float64Array, period: number, age: number): number {
  const k = Math.floor(age / period);
  return k < table.length ? table[k]! : table[1]! ** k;
}

/** Half away from zero, to 2 decimals. */
function round2(value: number): number {
  const scaled = Math.abs(value) * 100;
  const rounded = Math.floor(scaled + 0.5 + 1e-9) / 100;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

function text(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed.toLowerCase();
}

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function digit(text: string, index: number): number {
  return text.charCodeAt(index) - 48;
}

/**
 * `2026-10-30T10:00:00Z` read by hand (the form the data has); anything else through Date.parse, which
 * is enough for input whose timestamps all carry a zone.
 */
function instant(at: string | number): number {
  if (typeof at === "number") return at;
  if (at.length === 20 && at.charCodeAt(19) === 90 /* Z */ && at.charCodeAt(10) === 84 /* T */) {
    return Date.UTC(
      digit(at, 0) * 1000 + digit(at, 1) * 100 + digit(at, 2) * 10 + digit(at, 3),
      digit(at, 5) * 10 + digit(at, 6) - 1,
      digit(at, 8) * 10 + digit(at, 9),
      digit(at, 11) * 10 + digit(at, 12),
      digit(at, 14) * 10 + digit(at, 15),
      digit(at, 17) * 10 + digit(at, 18),
    );
  }
  return Date.parse(at);
}

/** A once-only rule: its points, decayed by the age of the most recent matching event; 0 when none. */
function once(table: Float64Array, period: number, latest: number, points: number, asOf: number): number {
  return latest === -Infinity ? 0 : round2(points * decayed(table, period, asOf - latest));
}

/** What a model's pass over the lead's events found for the exclusions. */
interface Common {
  jobSeeker: boolean;
}

function scoreCustomer(
  plan: string | undefined,
  employees: number | undefined,
  events: readonly HandEvent[],
  asOf: number,
  common: Common,
) {
  let fit = 0;
  if (plan === "starter" || plan === "team") fit += 20;
  if (employees !== undefined && employees >= 200) fit += 10;

  let pricing = 0;
  let enterprisePage = false;
  let webinar = false;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const at = instant(event.at);
    if (!(at <= asOf)) continue;
    const age = asOf - at;
    switch (event.type) {
      case "page_view": {
        if (age < 30 * DAY) {
          const url = text(event.url);
          if (url !== undefined) {
            if (url.startsWith("/pricing")) pricing++;
            if (url.startsWith("/enterprise")) enterprisePage = true;
          }
        }
        break;
      }
      case "webinar_attended":
        if (age < 60 * DAY) webinar = true;
        break;
      case "job_application":
        if (age < 90 * DAY) common.jobSeeker = true;
        break;
      case "email_open":
      case "email_click":
      case "content_download":
      case "demo_request":
      case "unsubscribe":
      case "email_bounce":
        break;
      default:
        continue;
    }
  }
  let engagement = 0;
  if (pricing > 0) engagement += Math.min(15 * pricing, 30);
  if (enterprisePage) engagement += 20;
  if (webinar) engagement += 10;
  return { fit, engagement };
}

function scoreEnterprise(
  title: string | undefined,
  industry: string | undefined,
  employees: number | undefined,
  country: string | undefined,
  events: readonly HandEvent[],
  asOf: number,
  common: Common,
) {
  let fit = 0;
  if (title !== undefined) {
    if (title === "ceo" || title === "cto" || title === "cfo" || title === "coo") fit += 30;
    if (title.startsWith("vp")) fit += 20;
    if (title.includes("director")) fit += 10;
    if (title.includes("student") || title.includes("intern")) fit -= 30;
  }
  if (industry === "software" || industry === "fintech" || industry === "healthcare") fit += 15;
  if (industry === undefined) fit -= 5;
  if (employees !== undefined && employees >= 5000) fit += 10;
  if (country !== undefined && !TARGET_COUNTRIES.has(country)) fit -= 10;

  let opens = 0;
  let clicks = 0;
  let pricing = 0;
  let longViews = 0;
  let download = -Infinity;
  let webinar = -Infinity;
  let demo = -Infinity;
  let unsubscribe = -Infinity;
  let bounce = -Infinity;
  let latestAny = -Infinity;
  let anyOpen = false;
  let anyClick = false;
  let anyPricing = false;
  let anyLong = false;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const at = instant(event.at);
    if (!(at <= asOf)) continue;
    const age = asOf - at;
    switch (event.type) {
      case "email_open":
        if (age < 30 * DAY) {
          opens += 2 * decayed(ENTERPRISE_DECAY, ENTERPRISE_PERIOD, age);
          anyOpen = true;
        }
        break;
      case "email_click":
        if (age < 30 * DAY) {
          clicks += 5 * decayed(ENTERPRISE_DECAY, ENTERPRISE_PERIOD, age);
          anyClick = true;
        }
        break;
      case "page_view": {
        if (age < 30 * DAY) {
          const factor = decayed(ENTERPRISE_DECAY, ENTERPRISE_PERIOD, age);
          if (age < 14 * DAY) {
            const url = text(event.url);
            if (url?.startsWith("/pricing")) {
              pricing += 10 * factor;
              anyPricing = true;
            }
          }
          const seconds = num(event.seconds);
          if (seconds !== undefined && seconds >= 120) {
            longViews += 3 * factor;
            anyLong = true;
          }
        }
        break;
      }
      case "content_download":
        if (age < 60 * DAY && at > download) download = at;
        break;
      case "webinar_attended":
        if (age < 90 * DAY && at > webinar) webinar = at;
        break;
      case "demo_request":
        if (age < 30 * DAY && at > demo) demo = at;
        break;
      case "unsubscribe":
        if (at > unsubscribe) unsubscribe = at;
        break;
      case "email_bounce":
        if (at > bounce) bounce = at;
        break;
      case "job_application":
        if (age < 90 * DAY) common.jobSeeker = true;
        break;
      default:
        continue;
    }
    if (at > latestAny) latestAny = at;
  }

  // Each rule is rounded on its own, then the section, as the language defines.
  let engagement = 0;
  if (anyOpen) engagement += round2(Math.min(opens, 10));
  if (anyClick) engagement += round2(Math.min(clicks, 20));
  if (anyPricing) engagement += round2(Math.min(pricing, 30));
  if (anyLong) engagement += round2(Math.min(longViews, 15));
  engagement += once(ENTERPRISE_DECAY, ENTERPRISE_PERIOD, download, 15, asOf);
  engagement += once(ENTERPRISE_DECAY, ENTERPRISE_PERIOD, webinar, 20, asOf);
  engagement += once(ENTERPRISE_DECAY, ENTERPRISE_PERIOD, demo, 50, asOf);
  engagement += once(ENTERPRISE_DECAY, ENTERPRISE_PERIOD, unsubscribe, -15, asOf);
  engagement += once(ENTERPRISE_DECAY, ENTERPRISE_PERIOD, bounce, -10, asOf);
  if (!(latestAny > asOf - 90 * DAY)) engagement -= 20;
  return { fit, engagement };
}

function scoreSmb(
  title: string | undefined,
  employees: number | undefined,
  country: string | undefined,
  events: readonly HandEvent[],
  asOf: number,
  common: Common,
) {
  let fit = 0;
  if (title !== undefined) {
    if (title === "founder" || title === "ceo" || title === "owner") fit += 25;
    if (title.includes("manager")) fit += 10;
    if ((title.includes("head of") || title.includes("lead")) && employees !== undefined && employees >= 50)
      fit += 10;
    if (title.includes("student") || title.includes("intern")) fit -= 30;
  }
  if (employees !== undefined && employees >= 10 && employees <= 499) fit += 10;
  if (country !== undefined && TARGET_COUNTRIES.has(country)) fit += 5;
  if (country === "us" && employees !== undefined && employees >= 100) fit += 5;

  let clicks = 0;
  let pricing = 0;
  let anyClick = false;
  let anyPricing = false;
  let download = -Infinity;
  let demo = -Infinity;
  let unsubscribe = -Infinity;
  let bounce = -Infinity;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const at = instant(event.at);
    if (!(at <= asOf)) continue;
    const age = asOf - at;
    switch (event.type) {
      case "email_click":
        if (age < 30 * DAY) {
          clicks += 3 * decayed(SMB_DECAY, SMB_PERIOD, age);
          anyClick = true;
        }
        break;
      case "page_view":
        if (age < 14 * DAY) {
          const url = text(event.url);
          if (url?.startsWith("/pricing")) {
            pricing += 8 * decayed(SMB_DECAY, SMB_PERIOD, age);
            anyPricing = true;
          }
        }
        break;
      case "content_download":
        if (age < 60 * DAY && at > download) download = at;
        break;
      case "demo_request":
        if (age < 30 * DAY && at > demo) demo = at;
        break;
      case "unsubscribe":
        if (at > unsubscribe) unsubscribe = at;
        break;
      case "email_bounce":
        if (at > bounce) bounce = at;
        break;
      case "job_application":
        if (age < 90 * DAY) common.jobSeeker = true;
        break;
    }
  }
  let engagement = 0;
  if (anyClick) engagement += round2(Math.min(clicks, 15));
  if (anyPricing) engagement += round2(Math.min(pricing, 24));
  engagement += once(SMB_DECAY, SMB_PERIOD, download, 10, asOf);
  engagement += once(SMB_DECAY, SMB_PERIOD, demo, 40, asOf);
  engagement += once(SMB_DECAY, SMB_PERIOD, unsubscribe, -15, asOf);
  engagement += once(SMB_DECAY, SMB_PERIOD, bounce, -10, asOf);
  return { fit, engagement };
}

function idOf(value: unknown): string | null {
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? null : trimmed;
  }
  return typeof value === "number" && Number.isFinite(value) ? String(value) : null;
}

/** Scores one lead of the reference ruleset as of `asOf` (epoch ms). */
export function scoreAcme(lead: HandLead, events: readonly HandEvent[], asOf: number): HandResult {
  const title = text(lead.title);
  const stage = text(lead.stage);
  const employees = num(lead.employees);
  const email = text(lead.email);
  const common: Common = { jobSeeker: false };

  // Model choice: customers first (customers.score), then enterprise; smb is the default.
  let model: string;
  let sections: { fit: number; engagement: number };
  if (stage === "customer") {
    model = "customer";
    sections = scoreCustomer(text(lead.plan), employees, events, asOf, common);
  } else if (employees !== undefined && employees >= 500) {
    model = "enterprise";
    sections = scoreEnterprise(
      title,
      text(lead.industry),
      employees,
      text(lead.country),
      events,
      asOf,
      common,
    );
  } else {
    model = "smb";
    sections = scoreSmb(title, employees, text(lead.country), events, asOf, common);
  }
  const fit = round2(sections.fit);
  const engagement = round2(sections.engagement);
  const score = round2(fit + engagement);
  const f = fitTier(fit);
  const e = engagementTier(engagement);
  const grade = GRADES[f]![e]!;

  const excluded =
    email !== undefined && (email.endsWith("@rivalytics.com") || email.endsWith("@datacorp.io"))
      ? "competitor"
      : common.jobSeeker
        ? "job seeker"
        : null;

  let bucket: { name: string; actions: readonly HandAction[] } | null = null;
  if (excluded === null) {
    if (model === "customer") bucket = score >= 40 ? EXPANSION : HEALTHY;
    else if ((f === 0 && (e === 0 || e === 1)) || (f === 1 && e === 0)) bucket = SQL;
    else if (score >= 100) bucket = MQL;
    else if (f <= 2 && e <= 2)
      bucket = WARM; // A3, B2, B3, C1, C2, C3: the rest of them went to SQL
    else if (score >= 20) bucket = NURTURE;
    else if (score >= 5) bucket = COLD;
    else bucket = DEAD;
  }

  return {
    id: idOf(lead.id),
    model,
    fit,
    engagement,
    score,
    grade,
    bucket: bucket === null ? null : bucket.name,
    excluded,
    actions: bucket === null ? NONE : bucket.actions,
  };
}
