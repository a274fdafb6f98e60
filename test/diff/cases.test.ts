import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Artifact } from "../../src/compile/artifact.js";
import { compileSources } from "../../src/compile/compile-ruleset.js";
import { readRuleSources } from "../../src/compile/read-rules.js";
import { diffConfig } from "../../src/diff/config-diff.js";
import type { DiffRulesetsOptions } from "../../src/diff/population.js";
import { renderDiffMarkdown } from "../../src/diff/report/markdown.js";
import { expectGolden } from "../support/golden.js";
import { partsOf, renderGfm } from "../support/gfm.js";
import { PROJECT_ROOT, RULES_DIR } from "../support/paths.js";
import { referenceReport } from "./reference.js";

/**
 * The pull-request comment for each kind of change a reviewer meets, on the reference rules and the
 * bundled population: reviewed golden Markdown, and the same comment rendered by a CommonMark + GFM
 * renderer (golden HTML), so that what GitHub shows is reviewed too.
 */
const GOLDEN = path.join(PROJECT_ROOT, "test/golden/diff");

type Edit = [file: string, from: string, to: string];

async function compileEdited(edits: readonly Edit[]): Promise<Artifact> {
  const sources = await readRuleSources(RULES_DIR, "rules");
  for (const [file, from, to] of edits) {
    const source = sources.find((candidate) => candidate.path === `rules/${file}`)!;
    expect(source.text.split(from).length - 1, `${file}: ${from}`).toBe(1);
    source.text = source.text.replace(from, to);
  }
  const compiled = compileSources(sources);
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return compiled.artifact!;
}

async function comment(edits: readonly Edit[], extra: Partial<DiffRulesetsOptions> = {}): Promise<string> {
  const sides = { base: await compileEdited([]), head: await compileEdited(edits) };
  return renderDiffMarkdown(await referenceReport(sides, extra));
}

const DIRECTOR = '    when title contains "Director" add 10\n';
const WEBINAR = "    when event = webinar_attended add 20 within 90d\n";
const WARM =
  'bucket Warm when grade in [A3, B2, B3, C1, C2, C3] -> route sales within 48h say "Send a personal email with a webinar invite"';

const CASES: Array<[name: string, edits: Edit[], extra?: Partial<DiffRulesetsOptions>]> = [
  [
    "insert-at-top",
    [
      [
        "enterprise.score",
        "  engagement {\n",
        "  engagement {\n    when event = webinar_attended add 15 within 30d\n",
      ],
    ],
  ],
  [
    "insert-in-middle",
    [
      [
        "smb.score",
        '    when title contains "Manager" add 10\n',
        '    when title contains "Manager" add 10\n    when title contains "Director" add 5\n',
      ],
    ],
  ],
  ["delete", [["enterprise.score", DIRECTOR, ""]]],
  [
    "reorder",
    [
      ["enterprise.score", `${DIRECTOR}`, ""],
      [
        "enterprise.score",
        "    when industry is missing subtract 5\n",
        `    when industry is missing subtract 5\n${DIRECTOR}`,
      ],
      [
        "routing.score",
        'bucket Nurture >= 20 -> nurture "monthly-digest"\nbucket Cold >= 5 -> nurture "re-engagement"',
        'bucket Cold >= 5 -> nurture "re-engagement"\nbucket Nurture >= 20 -> nurture "monthly-digest"',
      ],
    ],
  ],
  ["duplicate-rule", [["enterprise.score", WEBINAR, `${WEBINAR}${WEBINAR}`]]],
  [
    "changed-condition-same-points",
    [["enterprise.score", DIRECTOR, '    when title contains "Head of" add 10\n']],
  ],
  [
    "value-no-lead-has",
    [
      [
        "enterprise.score",
        "when industry in [software, fintech, healthcare] add 15",
        "when industry in [software, fintech, helthcare] add 15",
      ],
      ["enterprise.score", DIRECTOR, '    when industry = "goverment" add 10\n'],
    ],
  ],
  ["rename-bucket", [["routing.score", WARM, WARM.replace("bucket Warm", "bucket Engaged")]]],
  [
    "rename-list",
    [
      ["schema.score", "list target_countries", "list target_markets"],
      ["enterprise.score", "country not in target_countries", "country not in target_markets"],
      ["smb.score", "country in target_countries", "country in target_markets"],
    ],
  ],
  ["routing-doubled", [["routing.score", "bucket MQL >= 100", "bucket MQL >= 60"]]],
  [
    "config-change",
    [["routing.score", "bucket MQL >= 100", "bucket MQL >= 95"]],
    {
      configChange: diffConfig(
        "rules: rules\npopulation:\n  - leads: population/leads.ndjson\nas_of: 2026-11-01T00:00:00Z\n",
        "rules: rules\npopulation:\n  - leads: population/leads-2026-11.ndjson\nas_of: 2026-11-01T00:00:00Z\n",
      ),
    },
  ],
  [
    "nothing-visible",
    [
      [
        "routing.score",
        "bucket MQL >= 100 -> route sales within 4h",
        "# Sales asked for this one.\nbucket MQL >= 100  ->  route sales within 4h",
      ],
    ],
    { fixturesChanged: ["rules/tests/acme.test.yaml"] },
  ],
];

describe("golden pull-request comments, as Markdown and as rendered by CommonMark + GFM", () => {
  for (const [name, edits, extra] of CASES) {
    it(name, async () => {
      const markdown = await comment(edits, extra);
      expectGolden(path.join(GOLDEN, "cases", `${name}.md`), markdown);
      const html = renderGfm(markdown);
      expectGolden(path.join(GOLDEN, "cases", `${name}.html`), html);
      const { elements } = partsOf(html);
      // The template writes no link and no image; folded blocks open and close in pairs.
      expect([elements.get("a") ?? 0, elements.get("img") ?? 0]).toEqual([0, 0]);
      expect((html.match(/<details>/g) ?? []).length).toBe((html.match(/<\/details>/g) ?? []).length);
    });
  }
});
