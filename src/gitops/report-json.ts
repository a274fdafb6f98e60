import { formatCoverage } from "./coverage.js";
import type { CoverageReport } from "./report-text.js";
import type { CaseOutcome, TestRun } from "./run-fixtures.js";

/**
 * The machine-readable report: the same facts as the text report, keys always in the same order, so that
 * the same rules and fixtures give the same bytes.
 */
export function renderJsonReport(run: TestRun, coverage: CoverageReport | null = null): string {
  const report = {
    passed: run.passed,
    failed: run.failed,
    problems: run.problems,
    files: run.files.map((file) => ({
      file: file.file,
      passed: file.passed,
      failed: file.failed,
      problems: file.problems,
      cases: file.cases.map(caseReport),
    })),
    coverage: coverage === null ? null : coverageReport(coverage),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function caseReport(outcome: CaseOutcome) {
  const { fixture, result } = outcome;
  return {
    name: fixture.name,
    line: fixture.line,
    asOf: fixture.asOf,
    passed: outcome.passed,
    problems: outcome.problems,
    notScored: outcome.notScored,
    checks: outcome.checks.map((check) => ({
      key: check.key,
      ok: check.ok,
      expected: check.expected,
      actual: check.actual,
    })),
    result,
  };
}

function coverageReport({ coverage, minimum, meetsMinimum }: CoverageReport) {
  return {
    percent: formatCoverage(coverage).replace(/%$/, ""),
    covered: coverage.covered,
    total: coverage.total,
    rules: coverage.rules,
    rulesFired: coverage.rulesFired,
    buckets: coverage.buckets,
    bucketsReached: coverage.bucketsReached,
    minimum: minimum === null ? null : minimum.text,
    meetsMinimum: minimum === null ? null : meetsMinimum,
    models: coverage.models.map((model) => ({
      model: model.model,
      rules: model.rules.length,
      rulesFired: model.rulesFired,
      buckets: model.buckets.length,
      bucketsReached: model.bucketsReached,
      neverFired: model.rules
        .filter((rule) => !rule.fired)
        .map((rule) => ({ id: rule.id, rule: rule.text, file: rule.loc.file, line: rule.loc.line })),
      neverReached: model.buckets
        .filter((bucket) => !bucket.reached)
        .map((bucket) => ({
          bucket: bucket.name,
          global: bucket.global,
          file: bucket.loc.file,
          line: bucket.loc.line,
        })),
    })),
  };
}
