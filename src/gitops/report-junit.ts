import { formatProblem } from "./fixture-types.js";
import { caseDetailLines } from "./report-text.js";
import { formatValue } from "./report-values.js";
import type { CaseOutcome, FileOutcome, TestRun } from "./run-fixtures.js";

/**
 * JUnit XML for CI test tabs: one <testsuite> per fixture file, one <testcase> per case. A case whose
 * expectations do not hold is a <failure>; a case that could not be scored (a fixture problem) is an
 * <error>. Problems of a file as a whole appear as one extra test case, `fixture file`, in error, so that
 * a broken file is never a silently empty suite. No timings: the same run gives the same bytes.
 */
export function renderJunitReport(run: TestRun): string {
  const suites = run.files.map(suiteXml);
  const totals = run.files.map(suiteCounts).reduce(
    (sum, counts) => ({
      tests: sum.tests + counts.tests,
      failures: sum.failures + counts.failures,
      errors: sum.errors + counts.errors,
    }),
    { tests: 0, failures: 0, errors: 0 },
  );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="leadscore test" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}">`,
    ...suites,
    `</testsuites>`,
    "",
  ].join("\n");
}

function suiteCounts(file: FileOutcome) {
  const errors = file.cases.filter((c) => c.result === null).length + (file.problems.length > 0 ? 1 : 0);
  const failures = file.cases.filter((c) => c.result !== null && !c.passed).length;
  return { tests: file.cases.length + (file.problems.length > 0 ? 1 : 0), failures, errors };
}

function suiteXml(file: FileOutcome): string {
  const counts = suiteCounts(file);
  const name = attribute(file.file);
  const lines = [
    `  <testsuite name="${name}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="0">`,
  ];
  if (file.problems.length > 0) {
    const [first] = file.problems;
    lines.push(
      `    <testcase name="fixture file" classname="${name}" file="${name}" line="${first!.line}">`,
      `      <error message="${attribute(formatProblem(first!))}" type="fixture">${text(file.problems.map(formatProblem).join("\n"))}</error>`,
      `    </testcase>`,
    );
  }
  for (const outcome of file.cases) lines.push(...caseXml(outcome, name));
  lines.push(`  </testsuite>`);
  return lines.join("\n");
}

function caseXml(outcome: CaseOutcome, suiteName: string): string[] {
  const { fixture } = outcome;
  const open = `    <testcase name="${attribute(fixture.name)}" classname="${suiteName}" file="${suiteName}" line="${fixture.line}"`;
  if (outcome.passed) return [`${open}/>`];
  const body = text(caseDetailLines(outcome).join("\n"));
  const element =
    outcome.result === null
      ? `<error message="${attribute(errorMessage(outcome))}" type="fixture">${body}</error>`
      : `<failure message="${attribute(failureMessage(outcome))}" type="expectation">${body}</failure>`;
  return [`${open}>`, `      ${element}`, `    </testcase>`];
}

/** `bucket: expected Warm, actual Nurture; score: expected 30, actual 29` */
function failureMessage(outcome: CaseOutcome): string {
  return outcome.checks
    .filter((check) => !check.ok)
    .map(
      (check) =>
        `${check.key}: expected ${formatValue(check.expected, check.key)}, actual ${formatValue(check.actual, check.key)}`,
    )
    .join("; ");
}

function errorMessage(outcome: CaseOutcome): string {
  const [first] = outcome.problems;
  return first ? formatProblem(first) : (outcome.notScored ?? "not scored");
}

/** Characters XML 1.0 cannot hold at all (control characters other than tab and line breaks). */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function text(value: string): string {
  return value
    .replace(FORBIDDEN, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** Attribute values also escape quotes and keep line breaks (which parsers would turn into spaces). */
function attribute(value: string): string {
  return text(value)
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}
