/**
 * Evaluator throughput on the reference rules: leads per second, fit only (no events) and with 20 events
 * per lead (ISO-8601 text times, as JSON input gives them, and epoch milliseconds).
 *
 *   npx tsx bench/evaluator.bench.ts [--leads 200000]
 *
 * Inputs are generated with a fixed seed, so runs compare like with like.
 */
import path from "node:path";
import { loadRuleset } from "../src/eval/load-ruleset.js";
import type { ScoringEvent } from "../src/eval/event-index.js";

const RULES = path.resolve(import.meta.dirname, "../rules");
const AS_OF = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;

const count = Number(process.argv[process.argv.indexOf("--leads") + 1]) || 200_000;

/** Mulberry32: small, fast, seeded. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

const TITLES = [
  "CEO",
  "CTO",
  "VP Sales",
  "Director of IT",
  "Marketing Manager",
  "Head of Data",
  "PhD student",
  "Engineer",
  "Founder",
  "Team Lead",
];
const INDUSTRIES = ["software", "fintech", "healthcare", "retail", undefined];
const COUNTRIES = ["US", "CA", "GB", "DE", "FR", "IN", "BR", undefined];
const STAGES = ["subscriber", "lead", "mql", "sql", "customer"];
const DOMAINS = ["bigco.com", "rivalytics.com", "smallshop.co.uk", "uni.edu"];
const TYPES = [
  "email_open",
  "email_click",
  "page_view",
  "content_download",
  "webinar_attended",
  "demo_request",
  "unsubscribe",
  "email_bounce",
];
const URLS = ["/pricing", "/pricing/teams", "/enterprise/security", "/blog/post", "/careers"];

function makeLead(i: number): Record<string, unknown> {
  return {
    id: `L${i}`,
    email: `user${i}@${pick(DOMAINS)}`,
    title: pick(TITLES),
    industry: pick(INDUSTRIES),
    employees: next() < 0.1 ? undefined : Math.floor(next() * 8000),
    country: pick(COUNTRIES),
    stage: pick(STAGES),
    plan: next() < 0.3 ? pick(["starter", "team", "enterprise"]) : undefined,
  };
}

function makeEvents(asText: boolean): ScoringEvent[] {
  return Array.from({ length: 20 }, () => {
    const at = AS_OF - Math.floor(next() * 120 * DAY);
    const type = pick(TYPES);
    const event: ScoringEvent = { type, at: asText ? new Date(at).toISOString() : at };
    if (type === "page_view") {
      event.url = pick(URLS);
      event.seconds = Math.floor(next() * 400);
    }
    return event;
  });
}

const ruleset = await loadRuleset(RULES);
const leads = Array.from({ length: count }, (_, i) => makeLead(i));
const eventSets = Array.from({ length: Math.min(count, 50_000) }, () => makeEvents(true));
const epochSets = Array.from({ length: Math.min(count, 50_000) }, () => makeEvents(false));
const none: ScoringEvent[] = [];

const options = { asOf: AS_OF };

function measure(name: string, eventsFor: (i: number) => ScoringEvent[]): void {
  let checksum = 0;
  // Warm up, then keep the best of three runs.
  for (let i = 0; i < Math.min(count, 20_000); i++) {
    checksum += ruleset.score(leads[i]!, eventsFor(i), options).score ?? 0;
  }
  let bestWall = Infinity;
  let bestCpu = Infinity;
  for (let run = 0; run < 3; run++) {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) checksum += ruleset.score(leads[i]!, eventsFor(i), options).score ?? 0;
    bestWall = Math.min(bestWall, Number(process.hrtime.bigint() - start) / 1e9);
    const used = process.cpuUsage(cpu);
    bestCpu = Math.min(bestCpu, (used.user + used.system) / 1e6);
  }
  // CPU time is shown too: on a busy machine, wall time also measures the neighbours.
  const rate = (seconds: number) =>
    Math.round(count / seconds)
      .toLocaleString("en-US")
      .padStart(11);
  console.log(
    `${name.padEnd(27)} ${rate(bestWall)} leads/s wall ${rate(bestCpu)} leads/s cpu  (checksum ${checksum})`,
  );
}

console.log(`${count.toLocaleString("en-US")} leads, reference rules, node ${process.version}`);
measure("fit only (no events)", () => none);
measure("20 events, ISO-8601 times", (i) => eventSets[i % eventSets.length]!);
measure("20 events, epoch-ms times", (i) => epochSets[i % epochSets.length]!);
