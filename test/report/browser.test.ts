/**
 * The HTML report in a real browser (Debian's Chromium, through playwright-core): it loads nothing from
 * anywhere, logs no error, every chart is there with one mark per data point, and the tables show the
 * numbers of the JSON report of the same run.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { OutcomeReport } from "../../src/report/model.js";
import { formatPercent } from "../../src/report/numbers.js";
import { formatMeasure, formatNumber } from "../../src/report/render/tables.js";
import { hasChromium, launchChromium } from "../support/chromium.js";
import { EXAMPLE_REPORT_ARGS } from "../support/example-report.js";
import { PROJECT_ROOT } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";

const TIMEOUT_MS = 60_000;
// CI installs Chromium (.ci/run) and must run this; elsewhere it is skipped when Chromium is absent.
const run = hasChromium || process.env.CI === "true";

let browser: Browser;
let page: Page;
let report: OutcomeReport;
const consoleErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  if (!run) return;
  const dir = mkdtempSync(path.join(tmpdir(), "leadscore-browser-"));
  const html = path.join(dir, "report.html");
  expect((await runLeadscore([...EXAMPLE_REPORT_ARGS, "--out", html], PROJECT_ROOT)).code).toBe(0);
  const json = await runLeadscore([...EXAMPLE_REPORT_ARGS, "--format", "json"], PROJECT_ROOT);
  report = JSON.parse(json.stdout) as OutcomeReport;
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  page.on("request", (request) => {
    if (!request.url().startsWith("file:")) requests.push(request.url());
  });
  await page.goto(`file://${html}`);
}, TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
});

async function count(selector: string): Promise<number> {
  return page.locator(selector).count();
}

async function tableRows(id: string): Promise<string[][]> {
  return page.$$eval(`table#${id} tbody tr`, (rows) =>
    rows.map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent ?? "")),
  );
}

describe.skipIf(!run)("the HTML report in Chromium", () => {
  test("loads nothing from elsewhere and logs no error", () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
  });

  test("has every chart, with its title and one mark per data point", async () => {
    const rated = report.buckets.filter((row) => row.rate !== null).length;
    expect(await count("#chart-buckets svg g.mark-rect.role-mark path")).toBe(rated);
    // One bar per bucket, plus a rule for each bucket's interval.
    expect(await count("#chart-buckets svg g.mark-rule.role-mark line")).toBe(rated);
    const filled = report.heatmap.cells.filter((cell) => cell.leads > 0).length;
    expect(await count("#chart-grades svg g.mark-rect.role-mark path")).toBe(filled);
    expect(await count("#chart-grades svg g.mark-text.role-mark text")).toBe(report.heatmap.cells.length);
    expect(await count("#chart-distribution svg g.mark-rect.role-mark path")).toBe(
      report.distribution.length * 2,
    );
    // The curve and the diagonal.
    expect(await count("#chart-roc svg g.mark-line.role-mark path")).toBe(2);
    expect(await count("#chart-gains svg g.mark-symbol.role-mark path")).toBe(10);
    for (const id of ["chart-buckets", "chart-grades", "chart-distribution", "chart-roc", "chart-gains"]) {
      const label = await page.locator(`#${id}`).getAttribute("aria-label");
      expect(label, id).toMatch(/\. .+/);
      expect(await count(`#${id} figcaption`), id).toBe(1);
    }
  });

  test("the tables show the JSON's numbers", async () => {
    const buckets = await tableRows("buckets");
    expect(buckets.map((cells) => cells.slice(0, 1).concat(cells.slice(3, 8)))).toEqual(
      report.buckets.map((row) => [
        row.group,
        String(row.leads),
        String(row.converted),
        formatPercent(row.rate),
        row.interval === null
          ? "-"
          : `${formatPercent(row.interval.low)} – ${formatPercent(row.interval.high)}`,
        formatNumber(row.lift),
      ]),
    );
    const summary = Object.fromEntries(await tableRows("summary"));
    expect(summary.AUC).toBe(formatMeasure(report.ranking.auc));
    expect(summary.Converted).toBe(String(report.population.converted));
    const deciles = await tableRows("deciles");
    expect(deciles.map((cells) => [cells[1], cells[2], cells[5]])).toEqual(
      report.ranking.deciles.map((row) => [
        String(row.leads),
        String(row.converted),
        formatPercent(row.cumulativeGain),
      ]),
    );
    const rules = await tableRows("rules");
    expect(rules.map((cells) => [cells[0], cells[3], cells[7]])).toEqual(
      report.rules.map((row) => [row.rule, String(row.fired), formatNumber(row.lift)]),
    );
  });
});
