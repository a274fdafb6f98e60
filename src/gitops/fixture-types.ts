/**
 * Fixture files (`*.test.yaml`) as the test runner and the impact diff read them: each case is a lead, its
 * events, the instant it is scored at, and the part of the result everyone agreed on.
 */

/** A place in a fixture file: 1-based line and column. */
export interface FixturePosition {
  line: number;
  column: number;
}

/** Something wrong with a fixture file, located for the author to fix: `file:line:col: message`. */
export interface FixtureProblem extends FixturePosition {
  file: string;
  message: string;
}

/** The result keys a case may check, in the order results list them. */
export const EXPECT_KEYS = [
  "model",
  "fit",
  "engagement",
  "score",
  "grade",
  "bucket",
  "excluded",
  "actions",
] as const;
export type ExpectKey = (typeof EXPECT_KEYS)[number];

/** Only the keys given are checked; values are as written (null allowed where the result can be null). */
export type Expectation = Partial<Record<ExpectKey, unknown>>;

/** A path into a case as written: `["lead", "employees"]`, `["events", 2, "at"]`. */
export type FixturePath = ReadonlyArray<string | number>;

export interface FixtureCase {
  name: string;
  /** The fixture file, as the user named it (posix separators). */
  file: string;
  /** Where the case starts. */
  line: number;
  column: number;
  /** The instant the case is scored at: its own `as_of`, else the file's; null when neither is given. */
  asOf: string | null;
  /** `asOf` in epoch milliseconds. */
  asOfMs: number | null;
  lead: Record<string, unknown>;
  /** Each event as written: `type`, `at` and its properties. */
  events: Array<Record<string, unknown>>;
  expect: Expectation;
  /** Where each expected value was written, for the problems only the ruleset can reveal. */
  expectAt: Partial<Record<ExpectKey, FixturePosition>>;
  /** What is wrong with this case's records or shape; a case with problems is not scored. */
  problems: FixtureProblem[];
  /**
   * What makes the case fail as a test while its lead stays sound data (it checks nothing, say). The test
   * runner reports them with the others; the impact diff, which only scores the leads, has no use for them.
   */
  testProblems: FixtureProblem[];
  /**
   * The parts of the records this case's problems already speak about, named as validation names them
   * (`lead`, `events[2]`, `events[2].at`): checking the records against the ruleset skips them and what
   * lies below them, so that every problem is told once.
   */
  reportedPaths: ReadonlySet<string>;
  /** The position of the deepest node along `path` that exists (the case itself for an empty path). */
  locate(path: FixturePath): FixturePosition;
}

export interface FixtureFile {
  file: string;
  /** The file's own `as_of`, or null. */
  asOf: string | null;
  cases: FixtureCase[];
  /** Problems of the file as a whole (YAML syntax, top-level keys); case problems stay with their case. */
  problems: FixtureProblem[];
  /** What makes the file fail as a test though nothing in it is broken: it has no cases. */
  testProblems: FixtureProblem[];
}

export interface LoadedFixtures {
  fixtures: FixtureFile[];
  /** Every problem of every file and case, in file order, then by position. */
  problems: FixtureProblem[];
  /** The files that could not be read at all (each also has a problem saying why). */
  unreadable: string[];
}

/** Whether a case can be run as a test: no problems of any kind and an instant to score it at. */
export function isRunnable(fixtureCase: FixtureCase): boolean {
  return (
    fixtureCase.problems.length === 0 && fixtureCase.testProblems.length === 0 && fixtureCase.asOfMs !== null
  );
}

/** Problems in the order an author fixes them: by line, then column. */
export function byPosition(a: FixturePosition, b: FixturePosition): number {
  return a.line - b.line || a.column - b.column;
}

export function formatProblem(problem: FixtureProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}
