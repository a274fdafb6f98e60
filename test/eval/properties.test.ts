import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import type { ScoringEvent } from "../../src/eval/event-index.js";
import { round2 } from "../../src/eval/round.js";
import { Ruleset } from "../../src/eval/ruleset.js";
import { RULES_DIR } from "../support/paths.js";

const AS_OF = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;

let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = new Ruleset((await compileDirectory(RULES_DIR, { displayPrefix: "rules" })).artifact!);
});

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const leadArbitrary = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  email: fc.constantFrom("a@bigco.com", "b@rivalytics.com", " C@DataCorp.io ", "d@uni.edu"),
  title: maybe(
    fc.constantFrom(
      "CEO",
      "cto",
      "VP Sales",
      "Director of IT",
      "Head of Growth",
      "Team Lead",
      "PhD student",
      "",
    ),
  ),
  industry: maybe(fc.constantFrom("software", "Fintech", "retail", "  ")),
  employees: maybe(fc.integer({ min: 0, max: 9000 })),
  country: maybe(fc.constantFrom("US", "de", "IN", "gb")),
  stage: fc.constantFrom("subscriber", "lead", "customer", "Customer"),
  plan: maybe(fc.constantFrom("starter", "team", "enterprise")),
});
const eventArbitrary: fc.Arbitrary<ScoringEvent> = fc.record({
  type: fc.constantFrom(
    "email_open",
    "email_click",
    "page_view",
    "content_download",
    "webinar_attended",
    "demo_request",
    "unsubscribe",
    "email_bounce",
    "job_application",
  ),
  // Up to 200 days back, and a little after the as-of time (those are ignored).
  at: fc.integer({ min: AS_OF - 200 * DAY, max: AS_OF + 5 * DAY }),
  url: fc.constantFrom("/pricing", "/pricing/teams", "/enterprise", "/blog"),
  seconds: fc.integer({ min: 0, max: 600 }),
});
const caseArbitrary = fc.tuple(leadArbitrary, fc.array(eventArbitrary, { maxLength: 25 }));

describe("properties of every result on the reference rules", () => {
  test("the contributions add up to fit, engagement and score", () => {
    fc.assert(
      fc.property(caseArbitrary, ([lead, events]) => {
        const result = ruleset.score(lead, events, { asOf: AS_OF });
        const sum = (section: string) =>
          round2(
            result.contributions
              .filter((c) => c.section === section)
              .reduce((total, c) => total + c.points, 0),
          );
        expect(sum("fit")).toBe(result.fit);
        expect(sum("engagement")).toBe(result.engagement);
        expect(round2(result.fit! + result.engagement!)).toBe(result.score);
      }),
      { numRuns: 500 },
    );
  });

  test("event order does not matter, and events after the as-of time change nothing", () => {
    fc.assert(
      fc.property(caseArbitrary, ([lead, events]) => {
        const result = ruleset.score(lead, events, { asOf: AS_OF });
        expect(ruleset.score(lead, [...events].reverse(), { asOf: AS_OF })).toEqual(result);
        const upToAsOf = events.filter((event) => (event.at as number) <= AS_OF);
        expect(ruleset.score(lead, upToAsOf, { asOf: AS_OF })).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });

  test("excluded leads have no bucket and no actions; bucketed leads have their bucket's actions", () => {
    fc.assert(
      fc.property(caseArbitrary, ([lead, events]) => {
        const result = ruleset.score(lead, events, { asOf: AS_OF });
        if (result.excluded !== null) {
          expect(result.bucket).toBeNull();
          expect(result.actions).toEqual([]);
        } else {
          // The reference rules have a default model and every bucket list ends with `otherwise`.
          expect(result.bucket).not.toBeNull();
          expect(result.actions.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("scoring one lead does not change the result of the next", () => {
    fc.assert(
      fc.property(caseArbitrary, caseArbitrary, ([leadA, eventsA], [leadB, eventsB]) => {
        const alone = JSON.stringify(ruleset.score(leadB, eventsB, { asOf: AS_OF }));
        ruleset.score(leadA, eventsA, { asOf: AS_OF });
        expect(JSON.stringify(ruleset.score(leadB, eventsB, { asOf: AS_OF }))).toBe(alone);
      }),
      { numRuns: 300 },
    );
  });
});
