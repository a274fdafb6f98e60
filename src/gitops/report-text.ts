import type { Contribution, ScoreResult } from "../run/result.js";
import { formatCoverage, type Coverage, type Percentage } from "./coverage.js";
import type { Check } from "./fixture-compare.js";
import { formatProblem } from "./fixture-types.js";
import { formatPoints, formatValue } from "./report-values.js";
import type { CaseOutcome, FileOutcome, TestRun } from "./run-fixtures.js";

export interface CoverageReport {
  coverage: Coverage;
  /** `--min-coverage`, when given. */
  minimum: Percentage | null;
  meetsMinimum: boolean;
}

/**
 * The report people read in a terminal or a CI log: per file a line per case, and for a failing case
 * everything needed to see why without running anything — each checked key expected vs actual, what the
 * rules decided, and the rules that fired with their points and source line. The last line is always
 * `N passed, M failed`.
 */
export function renderTextReport(run: TestRun, coverage: CoverageReport | null = null): string {
  const lines: string[] = [];
  for (const file of run.files) {
    lines.push(...fileLines(file), "");
  }
  if (coverage) lines.push(...coverageLines(coverage), "");
  if (run.problems > 0) lines.push(`${run.problems} fixture problem${run.problems === 1 ? "" : "s"}`);
  lines.push(summaryLine(run));
  return `${lines.join("\n")}\n`;
}

export function summaryLine(run: Pick<TestRun, "passed" | "failed">): string {
  return `${run.passed} passed, ${run.failed} failed`;
}

function fileLines(file: FileOutcome): string[] {
  const total = file.cases.length;
  const problems = file.problems.length + file.cases.reduce((n, c) => n + c.problems.length, 0);
  const problemText = problems === 0 ? "" : `, ${problems} problem${problems === 1 ? "" : "s"}`;
  const lines = [`${file.file}: ${file.passed} of ${total} passed${problemText}`];
  for (const problem of file.problems) lines.push(`  ${formatProblem(problem)}`);
  for (const outcome of file.cases) {
    lines.push(`  ${outcome.passed ? "✓" : "✗"} ${outcome.fixture.name}`);
    if (!outcome.passed) lines.push(...caseDetailLines(outcome).map((line) => `      ${line}`));
  }
  return lines;
}

/** Why a case failed, one line each, without indentation (the text and JUnit reports indent them). */
export function caseDetailLines(outcome: CaseOutcome): string[] {
  const { fixture } = outcome;
  const lines = [`at ${fixture.file}:${fixture.line}`];
  for (const problem of outcome.problems) lines.push(formatProblem(problem));
  if (outcome.notScored !== null) lines.push(outcome.notScored);
  if (outcome.result === null) return lines;
  lines.push(...checkLines(outcome.checks));
  lines.push(describeResult(outcome.result));
  lines.push(...contributionLines(outcome.result.contributions));
  return lines;
}

/** `✗ bucket      expected Warm     actual Nurture`, aligned; matching keys are marked ✓. */
export function checkLines(checks: readonly Check[]): string[] {
  const rows = checks.map((check) => ({
    mark: check.ok ? "✓" : "✗",
    key: check.key,
    expected: formatValue(check.expected, check.key),
    actual: formatValue(check.actual, check.key),
  }));
  const keyWidth = Math.max(0, ...rows.map((row) => row.key.length));
  const expectedWidth = Math.max(0, ...rows.map((row) => row.expected.length));
  return rows.map(
    (row) =>
      `${row.mark} ${row.key.padEnd(keyWidth)}  expected ${row.expected.padEnd(expectedWidth)}  actual ${row.actual}`,
  );
}

/** `scored by model smb: fit 25 + engagement 4 = score 29, grade C4, bucket Nurture`. */
export function describeResult(result: ScoreResult): string {
  if (result.model === null) return "no model takes this lead (the ruleset has no default model): not scored";
  const engagement = result.engagement ?? 0;
  const sum =
    `fit ${formatValue(result.fit)} ${engagement < 0 ? "-" : "+"} engagement ${formatValue(Math.abs(engagement))}` +
    ` = score ${formatValue(result.score)}`;
  const grade = `grade ${formatValue(result.grade)}`;
  const outcome =
    result.excluded !== null
      ? `excluded: ${formatValue(result.excluded)} (no bucket, no actions)`
      : `bucket ${formatValue(result.bucket)}, actions ${formatValue(result.actions, "actions")}`;
  return `scored by model ${result.model}: ${sum}, ${grade}, ${outcome}`;
}

/** The rules that fired, aligned in columns: section, points, rule, `file:line`, and how the points came. */
export function contributionLines(contributions: readonly Contribution[]): string[] {
  if (contributions.length === 0) return ["rules fired: none"];
  const rows = contributions.map((c) => ({
    section: c.section,
    points: formatPoints(c.points),
    rule: c.rule,
    where: `${c.loc.file}:${c.loc.line}`,
    notes: contributionNotes(c),
  }));
  const width = (pick: (row: (typeof rows)[number]) => string) =>
    Math.max(...rows.map((row) => pick(row).length));
  const sectionWidth = width((row) => row.section);
  const pointsWidth = width((row) => row.points);
  const ruleWidth = width((row) => row.rule);
  return [
    "rules fired:",
    ...rows.map((row) => {
      const line = `  ${row.section.padEnd(sectionWidth)}  ${row.points.padStart(pointsWidth)}  ${row.rule.padEnd(ruleWidth)}  ${row.where}`;
      return row.notes === "" ? line : `${line}  (${row.notes})`;
    }),
  ];
}

function contributionNotes(contribution: Contribution): string {
  const notes: string[] = [];
  if (contribution.events !== undefined && contribution.events !== 1) {
    notes.push(`${contribution.events} events`);
  }
  if (contribution.decay) notes.push(`decayed from ${formatPoints(contribution.decay.before)}`);
  if (contribution.capped) notes.push("capped");
  return notes.join(", ");
}

/** Coverage, per model, with every rule that never fired and every bucket never reached, by source line. */
export function coverageLines(report: CoverageReport): string[] {
  const { coverage, minimum } = report;
  let head =
    `coverage: ${formatCoverage(coverage)} (${coverage.covered} of ${coverage.total}: ` +
    `${coverage.rulesFired} of ${coverage.rules} rules fired, ${coverage.bucketsReached} of ${coverage.buckets} buckets reached)`;
  if (minimum !== null) {
    head += report.meetsMinimum
      ? `, minimum ${minimum.text}% met`
      : `, below the minimum of ${minimum.text}%`;
  }
  const lines = [head];
  for (const model of coverage.models) {
    lines.push(
      `  model ${model.model}: ${model.rulesFired} of ${model.rules.length} rules fired, ` +
        `${model.bucketsReached} of ${model.buckets.length} buckets reached`,
    );
    const rows = [
      ...model.rules
        .filter((rule) => !rule.fired)
        .map((rule) => ({
          what: "rule never fired",
          where: `${rule.loc.file}:${rule.loc.line}`,
          text: rule.text,
        })),
      ...model.buckets
        .filter((bucket) => !bucket.reached)
        .map((bucket) => ({
          what: "bucket never reached",
          where: `${bucket.loc.file}:${bucket.loc.line}`,
          text: `bucket ${bucket.name}`,
        })),
    ];
    if (rows.length === 0) continue;
    const whatWidth = Math.max(...rows.map((row) => row.what.length));
    const whereWidth = Math.max(...rows.map((row) => row.where.length));
    for (const row of rows) {
      lines.push(`    ${row.what.padEnd(whatWidth)}  ${row.where.padEnd(whereWidth)}  ${row.text}`);
    }
  }
  return lines;
}
