/**
 * Regenerates the picture of a coloured diagnostic in the README (docs/terminal-check.png): the output of
 * `leadscore check --color always` (test/support/terminal-example.ts) rendered as a terminal would show it
 * and photographed by headless Chromium (Debian's package, driven by playwright-core). Beside the picture
 * it writes the transcript it was made from (docs/terminal-check.ansi), which a test compares with the
 * command's output, so a changed diagnostic cannot leave a stale picture.
 *
 *   npm run screenshots
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CHROMIUM_PATH, hasChromium, launchChromium } from "../test/support/chromium.js";
import { ansiToHtml, checkTranscript, TRANSCRIPT_FILE } from "../test/support/terminal-example.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const picture = path.join(root, "docs/terminal-check.png");

if (!hasChromium) {
  console.error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  process.exit(2);
}

const transcript = await checkTranscript();
// A dark terminal with the usual palette, in a monospace font.
const page = `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; }
.terminal { display: inline-block; margin: 16px; padding: 14px 18px; border-radius: 8px; background: #1e1e1e;
  color: #d4d4d4; font: 14px/1.45 "DejaVu Sans Mono", ui-monospace, Menlo, monospace; white-space: pre; }
.bold { font-weight: bold; } .dim { opacity: .6; }
.red { color: #f14c4c; } .green { color: #23d18b; } .yellow { color: #f5f543; } .blue { color: #3b8eea; }
.cyan { color: #29b8db; }
</style></head><body><div class="terminal">${ansiToHtml(transcript)}</div></body></html>`;

const browser = await launchChromium();
try {
  const tab = await browser.newPage({ viewport: { width: 1000, height: 600 }, deviceScaleFactor: 1 });
  await tab.setContent(page, { waitUntil: "load" });
  await tab.locator(".terminal").screenshot({ path: picture });
} finally {
  await browser.close();
}
writeFileSync(path.join(root, TRANSCRIPT_FILE), transcript);
console.log(`Wrote ${path.relative(root, picture)} and ${TRANSCRIPT_FILE}.`);
