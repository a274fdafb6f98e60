import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ConfigError, parseProjectConfig } from "../../src/project/config.js";
import { compileGlobs, expandGlobs, GlobError } from "../../src/project/glob.js";

const matching = (patterns: string[], files: string[]) => files.filter(compileGlobs(patterns));

describe("glob semantics (one for every glob)", () => {
  test("`*` stays in a segment, `**` is any number of directories, none included", () => {
    const files = ["rules/a.test.yaml", "rules/x/a.test.yaml", "rules/x/y/a.test.yaml", "a.test.yaml"];
    expect(matching(["rules/*.test.yaml"], files)).toEqual(["rules/a.test.yaml"]);
    expect(matching(["rules/**/*.test.yaml"], files)).toEqual(files.slice(0, 3));
    expect(matching(["**/*.test.yaml"], files)).toEqual(files);
    expect(matching(["./rules/*/a.test.yaml"], files)).toEqual(["rules/x/a.test.yaml"]);
  });

  test("`?`, classes, braces and `!` exclusions", () => {
    const files = ["t/a1.test.yaml", "t/b2.test.yml", "t/c3.test.yaml", "t/draft.test.yaml"];
    expect(matching(["t/?1.test.yaml"], files)).toEqual(["t/a1.test.yaml"]);
    expect(matching(["t/[ab]*"], files)).toEqual(["t/a1.test.yaml", "t/b2.test.yml"]);
    expect(matching(["t/*.{yaml,yml}"], files)).toEqual(files);
    expect(matching(["t/*.test.yaml", "!t/draft.*"], files)).toEqual(["t/a1.test.yaml", "t/c3.test.yaml"]);
  });

  test("hidden files and directories and node_modules never match; case matters", () => {
    const files = [
      "r/.hidden.test.yaml",
      "r/.git/x.test.yaml",
      "r/node_modules/x.test.yaml",
      "r/X.TEST.YAML",
    ];
    expect(matching(["r/**/*", "r/.*"], files)).toEqual(["r/X.TEST.YAML"]);
    expect(matching(["r/*.test.yaml"], files)).toEqual([]);
  });
});

describe("issue 9 item 10: a fixture glob cannot hang CI", () => {
  const longName = `${"a".repeat(240)}.test.yaml`;

  test("many stars in a row are one star", () => {
    const glob = `rules/${"*".repeat(24)}x.test.yaml`;
    expect(matching([glob], [`rules/${longName}`, "rules/ax.test.yaml"])).toEqual(["rules/ax.test.yaml"]);
  });

  test("many `**` segments over a deep path are matched segment by segment", () => {
    const deep = `rules/${"a/".repeat(2000)}q.test.yaml`;
    expect(matching(["rules/**/a/**/a/**/a/**/a/**/a/**/b.test.yaml"], [deep])).toEqual([]);
    expect(matching(["rules/**/a/**/a/**/a/**/a/**/a/**/q.test.yaml"], [deep])).toEqual([deep]);
  });

  test("a segment with more than two of `*`, `{…}` and `(…)` is refused, not run", () => {
    expect(() => compileGlobs(["rules/*a*a*a*a*b"])).toThrow(
      new GlobError(
        "glob `rules/*a*a*a*a*b`: `*a*a*a*a*b` holds more than 2 of `*`, `{…}` and `(…)` (write it as several globs)",
      ),
    );
    expect(() => compileGlobs(["t/{a,aa}{a,aa}{a,aa}b"])).toThrow(GlobError);
    expect(() => compileGlobs(["t/(a|aa)(a|aa)(a|aa)b"])).toThrow(GlobError);
    expect(() => compileGlobs(["{rules/a,b}.test.yaml"])).toThrow(
      new GlobError("glob `{rules/a,b}.test.yaml`: a `{…}` alternative cannot hold `/` (write two globs)"),
    );
  });

  test("leadscore.yaml reports an unusable fixture glob with its key", async () => {
    await expect(
      parseProjectConfig("fixtures:\n  - rules/*.test.yaml\n  - rules/*a*a*a*b\n", "."),
    ).rejects.toThrow(
      new ConfigError(
        "leadscore.yaml: `fixtures[1]`: glob `rules/*a*a*a*b`: `*a*a*a*b` holds more than 2 of `*`, `{…}` and `(…)` (write it as several globs)",
      ),
    );
  });

  test("expanding globs over a tree walks it once and sorts by code point", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "leadscore-glob-"));
    for (const file of ["rules/b.test.yaml", "rules/a/B.test.yaml", "rules/.x/c.test.yaml", "rules/n.txt"]) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), "");
    }
    expect(await expandGlobs(root, ["rules/**/*.test.yaml"])).toEqual([
      "rules/a/B.test.yaml",
      "rules/b.test.yaml",
    ]);
    expect(await expandGlobs(path.join(root, "missing"), ["**"])).toEqual([]);
  });
});
