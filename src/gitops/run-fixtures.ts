import type { ScoreResult } from "../run/result.js";
import type { Ruleset } from "../run/ruleset.js";
import type { ScoringEvent } from "../run/event-index.js";
import type { ValidationIssue } from "../run/validate-input.js";
import { compareExpectation, type Check } from "./fixture-compare.js";
import { resultNames, unknownNameProblems, type ResultNames } from "./fixture-expect-names.js";
import { validateRecords } from "./fixture-validate.js";
import {
  byPosition,
  type FixtureCase,
  type FixtureFile,
  type FixturePath,
  type FixtureProblem,
} from "./fixture-types.js";

export interface CaseOutcome {
  fixture: FixtureCase;
  passed: boolean;
  /** The checked keys, in result order; empty when the case was not scored. */
  checks: Check[];
  /** The case's own problems, then the records the ruleset's schema refuses. */
  problems: FixtureProblem[];
  /** Why the case was not scored, when it was not and has no problem of its own to say so. */
  notScored: string | null;
  result: ScoreResult | null;
}

export interface FileOutcome {
  file: string;
  /** Problems of the file as a whole; case problems are in the cases. */
  problems: FixtureProblem[];
  cases: CaseOutcome[];
  passed: number;
  failed: number;
}

export interface TestRun {
  files: FileOutcome[];
  passed: number;
  failed: number;
  /** Every problem found in the fixture files, file-wide and per case. */
  problems: number;
  /** The result of every case that was scored, in file and case order (for coverage). */
  results: ScoreResult[];
}

/**
 * Scores every sound case of every fixture file and checks its expectations. A case with a problem — in
 * how it is written, in what it expects, or a lead or event the ruleset's schema refuses — is not scored
 * (its problems say why, all of them); it fails, like a case whose expectations do not hold.
 */
export function runFixtures(ruleset: Ruleset, fixtures: readonly FixtureFile[]): TestRun {
  const names = resultNames(ruleset.artifact);
  const files = fixtures.map((fixture): FileOutcome => {
    const cases = fixture.cases.map((fixtureCase) => runCase(ruleset, fixtureCase, names));
    const passed = cases.filter((outcome) => outcome.passed).length;
    const problems = [...fixture.problems, ...fixture.testProblems].sort(byPosition);
    return { file: fixture.file, problems, cases, passed, failed: cases.length - passed };
  });
  return {
    files,
    passed: files.reduce((n, file) => n + file.passed, 0),
    failed: files.reduce((n, file) => n + file.failed, 0),
    problems: files.reduce(
      (n, file) => n + file.problems.length + file.cases.reduce((m, c) => m + c.problems.length, 0),
      0,
    ),
    results: files.flatMap((file) => file.cases.flatMap((c) => (c.result ? [c.result] : []))),
  };
}

export function runCase(
  ruleset: Ruleset,
  fixture: FixtureCase,
  names: ResultNames = resultNames(ruleset.artifact),
): CaseOutcome {
  const notRun = (problems: FixtureProblem[], notScored: string | null): CaseOutcome => ({
    fixture,
    passed: false,
    checks: [],
    problems,
    notScored,
    result: null,
  });
  // Every problem at once: the records are checked against the ruleset even when the case is broken
  // elsewhere, so that fixing one problem never reveals the next.
  const problems = [
    ...fixture.problems,
    ...fixture.testProblems,
    ...unknownNameProblems(fixture, names),
    ...recordProblems(ruleset, fixture),
  ].sort(byPosition);
  if (problems.length > 0) return notRun(problems, null);
  if (fixture.asOfMs === null) {
    return notRun([], "not scored: neither the case nor the file gives a valid `as_of`");
  }
  const result = ruleset.score(fixture.lead, fixture.events as ScoringEvent[], { asOf: fixture.asOfMs });
  const checks = compareExpectation(fixture.expect, result);
  return {
    fixture,
    passed: checks.every((check) => check.ok),
    checks,
    problems: [],
    notScored: null,
    result,
  };
}

/** What the ruleset's schema refuses in the case's lead and events, except what its problems already say. */
function recordProblems(ruleset: Ruleset, fixture: FixtureCase): FixtureProblem[] {
  return validateRecords(ruleset, fixture.lead, fixture.events)
    .filter((issue) => !isReported(issue.path, fixture.reportedPaths))
    .map((issue) => issueProblem(fixture, issue));
}

/** Whether `path` is one of `reported` or lies below one: `events[2].at` is below `events[2]`. */
function isReported(path: string, reported: ReadonlySet<string>): boolean {
  for (const prefix of reported) {
    if (path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`)) return true;
  }
  return false;
}

/** A validation issue placed on the record (and field, when it is written) it is about. */
function issueProblem(fixture: FixtureCase, issue: ValidationIssue): FixtureProblem {
  const position = fixture.locate(issuePath(issue.path));
  return { file: fixture.file, ...position, message: `${issue.path}: ${issue.reason}` };
}

/** `events[3].at` → `["events", 3, "at"]`; `lead.employees` → `["lead", "employees"]`. */
export function issuePath(path: string): FixturePath {
  const match = /^(lead|events)(?:\[(\d+)\])?(?:\.(.+))?$/.exec(path);
  if (!match) return [];
  const segments: Array<string | number> = [match[1]!];
  if (match[2] !== undefined) segments.push(Number(match[2]));
  if (match[3] !== undefined) segments.push(match[3]);
  return segments;
}
