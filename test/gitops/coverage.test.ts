import { beforeAll, describe, expect, test } from "vitest";
import type { Artifact } from "../../src/compile/artifact.js";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import {
  computeCoverage,
  coverageHundredths,
  formatCoverage,
  meetsMinimum,
  parsePercentage,
  type Coverage,
} from "../../src/gitops/coverage.js";
import { loadFixtureFiles } from "../../src/gitops/fixture-load.js";
import { runFixtures } from "../../src/gitops/run-fixtures.js";
import { createRuleset } from "../../src/run/ruleset.js";
import { PROJECT_ROOT, RULES_DIR } from "../support/paths.js";

let artifact: Artifact;
let coverage: Coverage;

beforeAll(async () => {
  artifact = (await compileDirectory(RULES_DIR, { displayPrefix: "rules" })).artifact!;
  const { fixtures } = await loadFixtureFiles(["rules/tests/acme.test.yaml"], { cwd: PROJECT_ROOT });
  coverage = computeCoverage(artifact, runFixtures(createRuleset(artifact), fixtures).results);
});

describe("coverage of the reference rules by the reference fixtures", () => {
  test("counts", () => {
    expect({
      rules: coverage.rules,
      rulesFired: coverage.rulesFired,
      buckets: coverage.buckets,
      bucketsReached: coverage.bucketsReached,
      covered: coverage.covered,
      total: coverage.total,
    }).toEqual({ rules: 36, rulesFired: 29, buckets: 14, bucketsReached: 8, covered: 37, total: 50 });
    expect(formatCoverage(coverage)).toBe("74.00%");
    expect(
      coverage.models.map((m) => [m.model, m.rulesFired, m.rules.length, m.bucketsReached, m.buckets.length]),
    ).toEqual([
      ["customer", 4, 5, 1, 2],
      ["enterprise", 14, 18, 4, 6],
      ["smb", 11, 13, 3, 6],
    ]);
  });

  test("the rules that never fired, with their source lines", () => {
    const neverFired = coverage.models.flatMap((m) =>
      m.rules.filter((r) => !r.fired).map((r) => `${r.id} ${r.loc.file}:${r.loc.line} ${r.text}`),
    );
    expect(neverFired).toEqual([
      "customer.engagement.3 rules/customers.score:10 when event = webinar_attended add 10 within 60d",
      "enterprise.fit.4 rules/enterprise.score:7 when title contains any [student, intern] subtract 30",
      "enterprise.fit.8 rules/enterprise.score:11 when country not in target_countries subtract 10",
      "enterprise.engagement.5 rules/enterprise.score:18 when event = content_download add 15 within 60d",
      "enterprise.engagement.8 rules/enterprise.score:21 when event = unsubscribe subtract 15",
      "smb.fit.1 rules/smb.score:4 when title in [Founder, CEO, Owner] add 25",
      "smb.engagement.6 rules/smb.score:18 when event = email_bounce subtract 10",
    ]);
  });

  test("the buckets never reached, per model: a model's own, or the global ones", () => {
    const neverReached = coverage.models.flatMap((m) =>
      m.buckets
        .filter((b) => !b.reached)
        .map((b) => `${m.model} ${b.name} ${b.global ? "global" : "own"} ${b.loc.file}:${b.loc.line}`),
    );
    expect(neverReached).toEqual([
      "customer Healthy own rules/customers.score:13",
      "enterprise MQL global rules/routing.score:11",
      "enterprise Nurture global rules/routing.score:13",
      "smb SQL global rules/routing.score:10",
      "smb MQL global rules/routing.score:11",
      "smb Cold global rules/routing.score:14",
    ]);
  });

  test("no results cover nothing; excluded and unscored leads reach no bucket", () => {
    const none = computeCoverage(artifact, []);
    expect([none.covered, none.total, formatCoverage(none)]).toEqual([0, 50, "0.00%"]);
  });
});

describe("percentages", () => {
  test("are truncated to 2 decimals, never rounded up", () => {
    expect(formatCoverage({ covered: 2, total: 3 })).toBe("66.66%");
    expect(formatCoverage({ covered: 1, total: 3 })).toBe("33.33%");
    expect(formatCoverage({ covered: 79_999, total: 100_000 })).toBe("79.99%");
    expect(formatCoverage({ covered: 99_999, total: 100_000 })).toBe("99.99%");
    expect(formatCoverage({ covered: 5, total: 5 })).toBe("100.00%");
    expect(formatCoverage({ covered: 1, total: 200 })).toBe("0.50%");
    expect(formatCoverage({ covered: 0, total: 0 })).toBe("100.00%");
    expect(coverageHundredths({ covered: 37, total: 50 })).toBe(7400);
  });

  test("minimums are read exactly", () => {
    expect(parsePercentage("80")).toEqual({ numerator: 80n, denominator: 1n, text: "80" });
    expect(parsePercentage("79.99")).toEqual({ numerator: 7999n, denominator: 100n, text: "79.99" });
    expect(parsePercentage("100.0")).toEqual({ numerator: 1000n, denominator: 10n, text: "100.0" });
    expect(parsePercentage("80%")).toEqual({ numerator: 80n, denominator: 1n, text: "80" });
    for (const bad of ["", "abc", "-1", "100.01", "101", "1e2", "80.", ".5", "0x10"]) {
      expect(parsePercentage(bad)).toBeNull();
    }
  });

  test("a minimum fails when coverage is below it, by any amount", () => {
    const min = (text: string) => parsePercentage(text)!;
    // 79.99% < 80%: fails. 80% = 80%: passes.
    expect(meetsMinimum({ covered: 7999, total: 10_000 }, min("80"))).toBe(false);
    expect(meetsMinimum({ covered: 4, total: 5 }, min("80"))).toBe(true);
    expect(meetsMinimum({ covered: 8, total: 10 }, min("80.00"))).toBe(true);
    // 2/3 is 66.666…%: shown as 66.66%, meets 66.66 but not 66.67.
    expect(meetsMinimum({ covered: 2, total: 3 }, min("66.66"))).toBe(true);
    expect(meetsMinimum({ covered: 2, total: 3 }, min("66.67"))).toBe(false);
    // 799999/1000000 = 79.9999%: shown as 79.99%, and still below 80.
    expect(meetsMinimum({ covered: 799_999, total: 1_000_000 }, min("80"))).toBe(false);
    expect(meetsMinimum({ covered: 0, total: 10 }, min("0"))).toBe(true);
    expect(meetsMinimum({ covered: 10, total: 10 }, min("100"))).toBe(true);
    expect(meetsMinimum({ covered: 0, total: 0 }, min("100"))).toBe(true);
    // The reference: exactly 74%.
    expect(meetsMinimum(coverage, min("74"))).toBe(true);
    expect(meetsMinimum(coverage, min("74.000001"))).toBe(false);
  });
});
