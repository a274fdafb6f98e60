/**
 * Makes docs/report.png, the README's picture of `leadscore report` on the bundled example data:
 * `npx tsx scripts/report-screenshot.ts` (needs /usr/bin/chromium: `apt-get install -y chromium`).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../test/support/chromium.js";
import { EXAMPLE_REPORT_ARGS } from "../test/support/example-report.js";
import { runLeadscore } from "../test/support/run-cli.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(mkdtempSync(path.join(tmpdir(), "leadscore-shot-")), "report.html");
const run = await runLeadscore([...EXAMPLE_REPORT_ARGS, "--out", out], ROOT);
if (run.code !== 0) throw new Error(run.stderr);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
  await page.setContent(readFileSync(out, "utf8"));
  await page.screenshot({ path: path.join(ROOT, "docs/report.png") });
} finally {
  await browser.close();
}
process.stdout.write("wrote docs/report.png\n");
