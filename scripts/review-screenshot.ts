/**
 * Regenerates the picture of the pull-request comment in the README (docs/review-comment.png): the
 * bundled example's comment (the reviewed golden file test/golden/diff/acme.md, which the CLI test writes
 * from the reference rules and population) rendered as GitHub-flavoured Markdown and photographed by
 * headless Chromium — Debian's package, driven by playwright-core; nothing is downloaded.
 *
 *   npm run screenshots
 *
 * Beside the picture it writes the Markdown it was made from (docs/review-comment.md) and copies the
 * comment into the README's example; test/diff/review-screenshot.test.ts fails when either differs from
 * the golden comment, so a change to the comment cannot leave a stale picture (pixels are not compared:
 * fonts differ between machines).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { CHROMIUM_PATH, hasChromium, launchChromium } from "../test/support/chromium.js";
import { README_EXAMPLE, withReadmeExample } from "../test/support/review-example.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "test/golden/diff/acme.md");
const picture = path.join(root, "docs/review-comment.png");
const madeFrom = path.join(root, "docs/review-comment.md");

if (!hasChromium) {
  console.error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  process.exit(2);
}

const markdown = readFileSync(source, "utf8");
// The moved leads are what a reviewer opens first: shown unfolded in the picture.
const body = micromark(markdown, {
  allowDangerousHtml: true,
  extensions: [gfm()],
  htmlExtensions: [gfmHtml()],
})
  .replace("<details>\n<summary>Leads that moved", "<details open>\n<summary>Leads that moved")
  // GitHub shows `> [!WARNING]` blockquotes as coloured alerts; plain GFM renderers leave the marker.
  .replace(
    /<blockquote>\n<p>\[!(NOTE|WARNING|CAUTION)\]\n/g,
    (_match, kind: string) =>
      `<blockquote class="${kind.toLowerCase()}"><p><strong>${kind[0]}${kind.slice(1).toLowerCase()}</strong><br>`,
  );

// GitHub's comment look, approximately: its system fonts, table borders, code spans and alerts.
const page = `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; }
.comment { width: 1100px; margin: 16px; border: 1px solid #d0d7de; border-radius: 6px;
  font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
.header { background: #f6f8fa; border-bottom: 1px solid #d0d7de; padding: 8px 16px; color: #59636e; }
.body { padding: 16px; }
h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0b3; padding-bottom: .3em; margin-top: 0; }
h3, h4 { margin: 24px 0 16px; }
table { border-collapse: collapse; margin-bottom: 16px; display: block; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
tr:nth-child(2n) { background: #f6f8fa; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 85%;
  background: #818b981f; padding: .2em .4em; border-radius: 6px; }
blockquote { margin: 0 0 16px; padding: 0 1em; border-left: .25em solid #d1d9e0; color: #59636e; }
blockquote.warning { border-left-color: #9a6700; color: #1f2328; } blockquote.warning strong { color: #9a6700; }
blockquote.caution { border-left-color: #d1242f; color: #1f2328; } blockquote.caution strong { color: #d1242f; }
blockquote.note { border-left-color: #0969da; color: #1f2328; } blockquote.note strong { color: #0969da; }
blockquote.warning { border-left-color: #9a6700; color: #1f2328; } blockquote.warning strong { color: #9a6700; }
blockquote.caution { border-left-color: #d1242f; color: #1f2328; } blockquote.caution strong { color: #d1242f; }
blockquote.note { border-left-color: #0969da; color: #1f2328; } blockquote.note strong { color: #0969da; }
summary { cursor: pointer; margin-bottom: 8px; }
sub { color: #59636e; }
</style></head><body><div class="comment"><div class="header"><b>github-actions</b> bot commented</div>
<div class="body">${body}</div></div></body></html>`;

const browser = await launchChromium();
try {
  const tab = await browser.newPage({ viewport: { width: 1140, height: 800 }, deviceScaleFactor: 1 });
  await tab.setContent(page, { waitUntil: "load" });
  await tab.locator(".comment").screenshot({ path: picture });
} finally {
  await browser.close();
}
writeFileSync(madeFrom, markdown);
const readme = path.join(root, README_EXAMPLE.file);
writeFileSync(readme, withReadmeExample(readFileSync(readme, "utf8"), markdown));
console.log(
  `Wrote ${path.relative(root, picture)} and the README's example from ${path.relative(root, source)}.`,
);
