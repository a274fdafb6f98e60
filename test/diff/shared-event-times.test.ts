import { describe, expect, it } from "vitest";
import type { Artifact } from "../../src/compile/artifact.js";
import { diffRulesets, type PopulationLead } from "../../src/diff/population.js";
import { addPopulationFiles, type LoadedPopulation } from "../../src/diff/population-load.js";
import { readEventTimes } from "../../src/eval/event-times.js";
import { chunked } from "../support/read-helpers.js";
import { BASE_RULES, compileRules, edit } from "./helpers.js";

/*
 * A lead's events are read from the population files once, their times with them (PreparedLead.times),
 * and both sides score the lead with those times. What each side reads of the events must stay its own:
 * the head here reads an event type and property the base's model does not, and scores as of a later
 * time, so events that only the head counts are there.
 */
const BASE_AS_OF = "2026-10-25T00:00:00Z";
const HEAD_AS_OF = "2026-11-01T00:00:00Z";
const PRICING_RULE = '    when event = page_view where url starts with "/pricing" add 45 within 30d\n';
// Only the opens count as activity here, so that no rule of the base's main model reads page views.
const RULES = edit(BASE_RULES, ["when no event within 90d", "when no event = email_open within 90d"]);
const base = compileRules(RULES);
const head = compileRules(
  edit(RULES, ["    decay 50% every 30d\n", `${PRICING_RULE}    decay 50% every 30d\n`]),
);

const LEADS = ["L1", "L2", "L3", "L4"].map((id) =>
  JSON.stringify({
    id,
    email: `${id}@example.com`,
    title: "CEO",
    employees: 600,
    country: "US",
    stage: "lead",
  }),
);

/** In no order by lead; read by line number in the rejects below. */
const EVENTS = [
  { lead_id: "L2", type: "email_open", at: "2026-10-20T00:00:00Z" },
  // Seen by the head only: a type the base's model does not read, and a time after the base's as-of.
  { lead_id: "L1", type: "page_view", at: "2026-10-28T00:00:00Z", url: "/pricing" },
  { lead_id: "L1", type: "email_open", at: "2026-10-20T00:00:00Z" },
  { lead_id: "L2", type: "page_view", at: "2026-10-28T00:00:00Z", url: "/blog" },
  { lead_id: "L1", type: "demo_request", at: "2026-10-27T00:00:00Z" },
  // After both as-of times: counted by neither.
  { lead_id: "L4", type: "page_view", at: "2026-11-05T00:00:00Z", url: "/pricing" },
  { lead_id: "L1", type: "email_open", at: "2026-10-21T00:00:00Z" },
  { lead_id: "L4", type: "demo_request", at: "2026-10-01T00:00:00Z" },
].map((event) => JSON.stringify(event));

async function load(sides: { base: Artifact; head: Artifact }, events: readonly string[]) {
  const files: Record<string, string> = {
    "leads.ndjson": LEADS.join("\n"),
    "events.ndjson": events.join("\n"),
  };
  const population: LoadedPopulation = { leads: [], sources: [], rejects: [] };
  await addPopulationFiles(
    [{ leads: "leads.ndjson", events: "events.ndjson" }],
    sides,
    { root: "/nowhere", open: (file) => chunked(files[file.slice("/nowhere/".length)]!) },
    population,
  );
  return population;
}

function diff(leads: PopulationLead[]) {
  return diffRulesets({ base, head, population: leads, asOf: HEAD_AS_OF, baseAsOf: BASE_AS_OF });
}

describe("a lead's event times, read once and scored under both rulesets", () => {
  it("gives each side what it gives when it reads the events itself", async () => {
    const population = await load({ base, head }, EVENTS);
    expect(population.rejects).toEqual([]);
    expect(population.leads.map((lead) => lead.times)).toEqual(
      population.leads.map((lead) => readEventTimes(lead.events)),
    );
    const shared = diff(population.leads);
    const own = diff(population.leads.map(({ times: _times, ...lead }) => lead));
    expect(shared).toEqual(own);

    // L1: 45 fit; base 2 + 2 for the opens (the page view is no rule of the base's model, the demo
    // request after its as-of); head the same opens + 45 for the page view and 50 for the demo request
    // (each less than the 30 days old that decay halves). L4, with no open in 90 days (−20): its demo
    // request is within 30 days of the base's as-of (+50), not of the head's.
    expect(
      shared.moved.map((lead) => [
        lead.id,
        lead.before.score,
        lead.before.bucket,
        lead.after.score,
        lead.after.bucket,
      ]),
    ).toEqual([
      ["L1", 49, "Warm", 144, "Hot"],
      ["L4", 75, "Warm", 25, "Cold"],
    ]);
    expect(shared.buckets.map((bucket) => [bucket.bucket, bucket.before, bucket.after])).toEqual([
      ["Hot", 0, 1],
      ["Warm", 3, 1],
      ["Cold", 1, 2],
      ["Expansion", 0, 0],
      ["Healthy", 0, 0],
    ]);
    expect(shared.summary.changedScore).toBe(2);
  });

  it("rejects a lead for an event that one side refuses, and says which side and why", async () => {
    // The base requires a page view's url; the head does not.
    const optionalUrl = compileRules(
      edit(
        RULES,
        ["event page_view { url: string }", "event page_view { url: string? }"],
        ["    decay 50% every 30d\n", `${PRICING_RULE}    decay 50% every 30d\n`],
      ),
    );
    const events = [
      ...EVENTS,
      JSON.stringify({ lead_id: "L2", type: "page_view", at: "2026-10-29T00:00:00Z" }),
      JSON.stringify({ lead_id: "L3", type: "email_open", at: "2026-10-32T00:00:00Z" }),
    ];
    const population = await load({ base, head: optionalUrl }, events);
    expect(population.leads.map((lead) => lead.lead.id)).toEqual(["L1", "L4"]);
    expect(population.rejects).toEqual([
      {
        source: "leads.ndjson record 2 (line 2)",
        reason: "under the base rules: events[2].url: missing required field `url`",
      },
      {
        source: "leads.ndjson record 3 (line 3)",
        reason: "events[0].at: `2026-10-32T00:00:00Z` is not an ISO-8601 timestamp (events.ndjson line 10)",
      },
    ]);
  });
});
