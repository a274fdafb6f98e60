import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type Pair,
} from "yaml";
import { readExpectation, unknownKeyMessage, type ReportAt } from "./fixture-expect.js";
import { keyName, locateOffset, positionAt, startOf } from "./fixture-nodes.js";
import { parseZonedTimestamp, timestampProblem } from "./fixture-timestamp.js";
import {
  byPosition,
  type ExpectKey,
  type FixtureCase,
  type FixtureFile,
  type FixturePosition,
  type FixtureProblem,
} from "./fixture-types.js";

const FILE_KEYS = ["as_of", "cases"];
/** The keys of a case, in the order they are usually written. */
export const CASE_KEYS = ["name", "as_of", "lead", "events", "expect"];

/**
 * Reads one fixture file. Never throws: every problem (YAML syntax, unknown or missing keys, timestamps
 * without a zone) is returned with its line and column, and the cases that are sound can still run.
 */
export function parseFixtureText(text: string, file: string): FixtureFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: FixtureProblem[] = [];
  const testProblems: FixtureProblem[] = [];
  const positionOf = (offset: number): FixturePosition => positionAt(lineCounter, offset);
  const problemAt = (offset: number, message: string): FixtureProblem => ({
    file,
    ...positionOf(offset),
    message,
  });
  const report: ReportAt = (offset, message) => problems.push(problemAt(offset, message));

  if (document.errors.length > 0) {
    for (const error of document.errors) report(error.pos[0], `YAML: ${error.message.split("\n")[0]}`);
    return { file, asOf: null, cases: [], problems, testProblems };
  }
  const root = document.contents;
  if (!isMap(root)) {
    report(startOf(root), "a fixture file is a map with `as_of` and `cases`");
    return { file, asOf: null, cases: [], problems, testProblems };
  }

  let asOf: string | null = null;
  let asOfWritten = false;
  let casesPair: Pair | undefined;
  for (const pair of root.items as Pair[]) {
    const key = keyName(pair);
    if (key === "as_of") {
      asOfWritten = true;
      asOf = readTimestamp(pair, "as_of", report);
    } else if (key === "cases") casesPair = pair;
    else report(startOf(pair.key), unknownKeyMessage(`key \`${key}\``, key, FILE_KEYS));
  }

  const cases: FixtureCase[] = [];
  const casesNode = casesPair?.value as Node | null | undefined;
  if (casesPair === undefined) {
    report(0, "missing `cases`: the list of fixture leads, each with `name`, `lead`, `events` and `expect`");
  } else if (isEmpty(casesNode)) {
    // Nothing is broken, but a test that runs nothing must not pass.
    const at = isSeq(casesNode) ? startOf(casesNode) : startOf(casesPair.key);
    testProblems.push(problemAt(at, "the file has no cases"));
  } else if (!isSeq(casesNode)) {
    report(startOf(casesNode), "`cases` must be a list of cases, each starting with `- name: …`");
  } else {
    const namesSeen = new Map<string, FixturePosition>();
    casesNode.items.forEach((item, index) => {
      cases.push(readCase(item as Node, index, { file, asOf, document, positionOf, problemAt, namesSeen }));
    });
  }
  // Without a file-wide `as_of`, every case must bring its own.
  if (!asOfWritten && (cases.length === 0 || cases.some((c) => c.asOf === null))) {
    report(0, "missing `as_of`: the instant the cases are scored at, like `as_of: 2026-11-01T00:00:00Z`");
  }
  problems.sort(byPosition);
  return { file, asOf, cases, problems, testProblems };
}

/** No value (`cases:`) or an empty list (`cases: []`). */
function isEmpty(node: Node | null | undefined): boolean {
  if (node === null || node === undefined) return true;
  if (isScalar(node)) return node.value === null;
  return isSeq(node) && node.items.length === 0;
}

interface CaseContext {
  file: string;
  asOf: string | null;
  document: Document;
  positionOf: (offset: number) => FixturePosition;
  problemAt: (offset: number, message: string) => FixtureProblem;
  /** The names of the cases read so far, each where it was first written. */
  namesSeen: Map<string, FixturePosition>;
}

function readCase(node: Node, index: number, context: CaseContext): FixtureCase {
  const { document, positionOf, problemAt } = context;
  const problems: FixtureProblem[] = [];
  const testProblems: FixtureProblem[] = [];
  const reportedPaths = new Set<string>();
  const report: ReportAt = (offset, message) => problems.push(problemAt(offset, message));
  const start = startOf(node);
  const fixtureCase: FixtureCase = {
    name: `case ${index + 1}`,
    file: context.file,
    ...positionOf(start),
    asOf: context.asOf,
    asOfMs: context.asOf === null ? null : parseZonedTimestamp(context.asOf),
    lead: {},
    events: [],
    expect: {},
    expectAt: {},
    problems,
    testProblems,
    reportedPaths,
    locate: (path) => positionOf(locateOffset(node, path)),
  };

  if (!isMap(node)) {
    report(start, "a case is a map with `name`, `lead`, `events` and `expect`");
    reportedPaths.add("lead");
    return fixtureCase;
  }
  const seen = new Set<string>();
  for (const pair of node.items as Pair[]) {
    const key = keyName(pair);
    const value = pair.value as Node | null;
    seen.add(key);
    if (key === "name") {
      const name = isScalar(value) && value.value !== null ? String(value.value).trim() : "";
      if (name === "")
        report(startOf(value ?? pair.key), "`name` must be a short sentence saying what the case pins down");
      else {
        fixtureCase.name = name;
        checkUniqueName(name, startOf(value), context, testProblems);
      }
    } else if (key === "as_of") {
      const own = readTimestamp(pair, "as_of", report);
      fixtureCase.asOf = own;
      fixtureCase.asOfMs = own === null ? null : parseZonedTimestamp(own);
    } else if (key === "lead") {
      if (isMap(value)) fixtureCase.lead = value.toJS(document) as Record<string, unknown>;
      else {
        report(
          startOf(value ?? pair.key),
          "`lead` must be a map of lead fields, like `{id: L1, title: CEO}`",
        );
        reportedPaths.add("lead");
      }
    } else if (key === "events") {
      fixtureCase.events = readEvents(value, document, report, reportedPaths);
    } else if (key === "expect") {
      const read = readExpectation(value ?? (pair.key as Node), document, report);
      fixtureCase.expect = read.expect;
      for (const [expectKey, offset] of Object.entries(read.offsets))
        fixtureCase.expectAt[expectKey as ExpectKey] = positionOf(offset);
      // An empty map passes whatever the rules decide. (Unknown keys are problems of their own.)
      if (isMap(value) && value.items.length === 0) {
        testProblems.push(problemAt(startOf(value), "this case checks nothing: add keys under `expect`"));
      }
    } else {
      report(startOf(pair.key), unknownKeyMessage(`case key \`${key}\``, key, CASE_KEYS));
    }
  }
  if (!seen.has("name")) report(start, "missing `name` in a case: a short sentence saying what it pins down");
  if (!seen.has("lead")) {
    report(start, "missing `lead` in a case: the lead's fields, like `lead: {id: L1, title: CEO}`");
    reportedPaths.add("lead");
  }
  if (!seen.has("expect"))
    report(start, "missing `expect` in a case: the result keys to check, like `bucket: SQL`");
  problems.sort(byPosition);
  return fixtureCase;
}

/** Reports are read by case name: a name given twice makes two results that cannot be told apart. */
function checkUniqueName(name: string, offset: number, context: CaseContext, into: FixtureProblem[]): void {
  const first = context.namesSeen.get(name);
  if (first === undefined) context.namesSeen.set(name, context.positionOf(offset));
  else {
    into.push(
      context.problemAt(
        offset,
        `the case at line ${first.line} has the same name: give each case its own, so reports tell them apart`,
      ),
    );
  }
}

/**
 * Reads a case's events, adding to `reportedPaths` each part (`events[2]`, `events[2].at`) it reports a
 * problem about, so that validating them against the ruleset does not say the same thing again.
 */
function readEvents(
  value: Node | null,
  document: Document,
  report: ReportAt,
  reportedPaths: Set<string>,
): Array<Record<string, unknown>> {
  if (value === null || (isScalar(value) && value.value === null)) return [];
  if (!isSeq(value)) {
    report(
      startOf(value),
      "`events` must be a list of events, like `- {type: email_open, at: 2026-10-20T08:00:00Z}`",
    );
    reportedPaths.add("events");
    return [];
  }
  const events: Array<Record<string, unknown>> = [];
  value.items.forEach((item, index) => {
    const path = `events[${index}]`;
    if (!isMap(item)) {
      report(startOf(item), "an event is a map with `type`, `at` and its properties");
      reportedPaths.add(path);
      // An empty stand-in keeps each event at the index it was written at, which problems are located by.
      events.push({});
      return;
    }
    const event = item.toJS(document) as Record<string, unknown>;
    const typePair = (item.items as Pair[]).find((p) => keyName(p) === "type");
    const atPair = (item.items as Pair[]).find((p) => keyName(p) === "at");
    if (typePair === undefined) {
      report(startOf(item), "missing `type` in an event");
      reportedPaths.add(`${path}.type`);
    } else if (typeof event.type !== "string" || event.type.trim() === "") {
      report(startOf(typePair.value ?? typePair.key), "`type` must be the name of an event type");
      reportedPaths.add(`${path}.type`);
    }
    if (atPair === undefined) {
      report(startOf(item), "missing `at` in an event: when it happened, like 2026-10-20T08:00:00Z");
      reportedPaths.add(`${path}.at`);
    } else if (readTimestamp(atPair, "at", report) === null) reportedPaths.add(`${path}.at`);
    events.push(event);
  });
  return events;
}

/** The timestamp text of `key: value` when it is zoned ISO-8601; null after reporting otherwise. */
function readTimestamp(pair: Pair, key: string, report: ReportAt): string | null {
  const node = pair.value as Node | null;
  const value = isScalar(node) ? node.value : node === null ? null : node.toJSON();
  if (parseZonedTimestamp(value) === null) {
    report(startOf(node ?? pair.key), timestampProblem(key, value));
    return null;
  }
  return value as string;
}
