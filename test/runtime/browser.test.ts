import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createRuleset } from "../../src/runtime/index.js";
import { loadReferenceFixture, type ReferenceFixture } from "../support/reference-fixture.js";
import { bundleRuntime } from "./bundle-runtime.js";

/*
 * The runtime bundled for browsers scores the reference fixtures in headless Chromium exactly as Node
 * does. Debian's `chromium` package is the browser (.ci/run installs it; nothing is downloaded). Without
 * it a developer's run skips this file; CI never does.
 */
const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available && process.env.CI === "true") throw new Error(`${CHROMIUM} is missing: .ci/run installs it`);

let browser: Browser;
let fixture: ReferenceFixture;

beforeAll(async () => {
  if (!available) return;
  fixture = await loadReferenceFixture();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--no-first-run",
      "--disable-component-update",
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** What each engine reports for the fixtures: results, explanations and validation issues. */
interface Outcome {
  results: unknown[];
  explanations: string[];
  issues: unknown[];
}

const BAD_LEAD = { id: "bad", email: 42, employees: "many" };

test.skipIf(!available)("the browser bundle scores the reference fixtures exactly as Node does", async () => {
  const artifactText = JSON.stringify(fixture.artifact);
  const input = { artifactText, asOf: fixture.asOf, cases: fixture.cases, badLead: BAD_LEAD };

  const rules = createRuleset(artifactText);
  const { renderExplanation } = await import("../../src/runtime/index.js");
  const inNode: Outcome = {
    results: fixture.cases.map((c) => rules.score(c.lead, c.events, { asOf: fixture.asOf })),
    explanations: fixture.cases.map((c) =>
      renderExplanation(rules.score(c.lead, c.events, { asOf: fixture.asOf }), rules.artifact, {
        asOf: Date.parse(fixture.asOf),
      }),
    ),
    issues: rules.validate(BAD_LEAD, [{ type: "nope", at: "yesterday" }]),
  };

  const { code } = await bundleRuntime();
  const page = await browser.newPage();
  await page.addScriptTag({ content: code });
  const inBrowser = await page.evaluate((given) => {
    type Runtime = typeof import("../../src/runtime/index.js");
    const runtime = (globalThis as unknown as { leadscore: Runtime }).leadscore;
    const browserRules = runtime.createRuleset(given.artifactText);
    const score = (c: (typeof given.cases)[number]) =>
      browserRules.score(c.lead, c.events, { asOf: given.asOf });
    return {
      results: given.cases.map(score),
      explanations: given.cases.map((c) =>
        runtime.renderExplanation(score(c), browserRules.artifact, { asOf: Date.parse(given.asOf) }),
      ),
      issues: browserRules.validate(given.badLead, [{ type: "nope", at: "yesterday" }]),
    };
  }, input);
  await page.close();

  expect(inNode.results).toHaveLength(11);
  expect(inNode.issues).not.toEqual([]);
  expect(JSON.stringify(inBrowser)).toBe(JSON.stringify(inNode));
});
