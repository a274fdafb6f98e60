import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DiffReport } from "../../src/diff/report/model.js";
import { renderDiffMarkdown } from "../../src/diff/report/markdown.js";
import { code, text } from "../../src/diff/report/markup.js";
import { LIVE_TEXT, partsOf, renderGfm } from "../support/gfm.js";
import { PROJECT_ROOT } from "../support/paths.js";

/**
 * Issue: Markdown injection in the pull-request comment. Everything a pull request's author writes (rule
 * text, names, lead ids, reasons, file names) reaches the comment; rendered as GitHub renders it, the
 * comment must hold no link, image, HTML element, mention or reference that the template did not write.
 */
function goldenReport(file: string): DiffReport {
  const {
    format: _f,
    formatVersion: _v,
    ...report
  } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "test/golden/diff", file), "utf8")) as DiffReport & {
    format: string;
    formatVersion: number;
  };
  return report;
}

/** The reference change, with the outcome section of a change measured on outcomes (team, buckets, column). */
const SEED: DiffReport = {
  ...goldenReport("acme.json"),
  outcomes: goldenReport("outcomes/better.json").outcomes,
};

/** Keys whose strings the template chooses (kinds, section names, setting names), never the data. */
const TEMPLATE_KEYS = new Set([
  "subject",
  "change",
  "section",
  "asOfSource",
  "what",
  "asOf",
  "sourceHash",
  "verdict",
]);

/** The report with every data-sourced string replaced by the next of `values` (round robin). */
function taint(report: DiffReport, values: readonly string[]): DiffReport {
  let next = 0;
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === "string") {
      return TEMPLATE_KEYS.has(key) ? value : values[next++ % values.length]!;
    }
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return value;
  };
  // Score bands are the template's own labels.
  return { ...(walk(report, "") as DiffReport), scoreDeltas: report.scoreDeltas };
}

const HOSTILE_PIECES = [
  "`",
  "``",
  "```",
  "\\",
  "\\|",
  "|",
  "\n",
  "\r",
  "\u2028",
  " ",
  "<",
  ">",
  "&",
  "&lt;",
  "&#64;",
  "</details>",
  "<details>",
  "<summary>",
  "<!--",
  "-->",
  "<img src=x onerror=alert(1)>",
  "<a href='https://evil.example'>",
  "[click](https://evil.example)",
  "![pic](https://evil.example/p.png)",
  "[ref]: https://evil.example",
  "<https://evil.example>",
  "https://evil.example/x",
  "http://evil.example",
  "www.evil.example",
  "ftp://evil.example",
  "mailto:someone@evil.example",
  "someone@evil.example",
  "@org/team",
  "@someone",
  "#123",
  "GH-42",
  "*",
  "**",
  "_",
  "~~",
  "[",
  "]",
  "(",
  ")",
  "!",
  ":",
  "/",
  "x",
  "N01",
];

const hostile = fc.oneof(
  fc.array(fc.constantFrom(...HOSTILE_PIECES), { minLength: 1, maxLength: 8 }).map((parts) => parts.join("")),
  fc.string({ unit: fc.constantFrom(..."`\\|<>[]()!@#*_~&:/w. \nxa1".split("")), maxLength: 24 }),
);

function shape(markdown: string): { elements: Map<string, number>; live: string[] } {
  const parts = partsOf(renderGfm(markdown));
  const live = LIVE_TEXT.filter(([, pattern]) => parts.text.some((run) => pattern.test(run))).map(
    ([name]) => name,
  );
  return { elements: parts.elements, live };
}

describe("the pull-request comment cannot be injected into (Markdown injection)", () => {
  const baseline = shape(renderDiffMarkdown(taint(SEED, ["plain"])));

  it("has, for the benign comment, the elements the template writes and nothing live", () => {
    expect(baseline.live).toEqual([]);
    expect(baseline.elements.get("a")).toBeUndefined();
    expect(baseline.elements.get("img")).toBeUndefined();
    expect(baseline.elements.get("!--")).toBe(1);
  });

  it("renders hostile data as text: no link, image, HTML element, mention or reference gets through", () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 12 }), (values) => {
        const markdown = renderDiffMarkdown(taint(SEED, values));
        const { elements, live } = shape(markdown);
        expect(live).toEqual([]);
        for (const [name, times] of elements) {
          // Emphasis may be lost when a name is empty or spaced (`****`), never gained.
          expect({ name, times: Math.min(times, baseline.elements.get(name) ?? 0) }).toEqual({ name, times });
        }
        // Every row, cell, list item and folded block of the template is still there, no more.
        for (const name of ["tr", "td", "th", "li", "details", "summary", "table", "!--", "br"]) {
          expect({ name, times: elements.get(name) ?? 0 }).toEqual({
            name,
            times: baseline.elements.get(name) ?? 0,
          });
        }
      }),
      { numRuns: 60, seed: 20261204 },
    );
  });

  it("keeps the text itself: a code span shows its data exactly, whatever backticks it holds", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."`a <>|\\".split("")), minLength: 1 }), (value) => {
        const html = renderGfm(`- ${code(value)}\n`);
        const inner = /<code>([\s\S]*)<\/code>/.exec(html)?.[1] ?? null;
        const decoded = inner?.replace(/&(amp|lt|gt|quot);/g, (_m, name: string) =>
          name === "amp" ? "&" : name === "lt" ? "<" : name === "gt" ? ">" : '"',
        );
        expect(decoded).toBe(value);
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });

  it("names the regression cases of the issue", () => {
    const cases: Array<[string, string]> = [
      ["a rule string that closes its code span", code('when title = "`` [x](https://e.x) ``" add 5')],
      ["raw HTML closing the folded block", text("</details><img src=x>")],
      ["a team mention", text("@acme/sales-leads")],
      ["an issue reference", text("#123")],
      ["a bare URL", text("https://evil.example/login")],
      ["a www host", text("www.evil.example")],
      ["an e-mail address", text("ceo@evil.example")],
    ];
    for (const [name, markdown] of cases) {
      const { elements, live } = shape(`- ${markdown}\n`);
      expect({ name, live, elements: [...elements.keys()].sort() }).toEqual({
        name,
        live: [],
        elements: markdown.startsWith("`") ? ["code", "li", "ul"] : ["li", "ul"],
      });
    }
  });
});
