import { isMap, isSeq, type Document, type Node, type Pair } from "yaml";
import { didYouMean } from "../diagnostics/suggest.js";
import { keyName, pairsOf, startOf } from "./fixture-nodes.js";
import { EXPECT_KEYS, type ExpectKey, type Expectation } from "./fixture-types.js";

const TEXT_KEYS: ReadonlySet<ExpectKey> = new Set(["model", "grade", "bucket", "excluded"]);
const NUMBER_KEYS: ReadonlySet<ExpectKey> = new Set(["fit", "engagement", "score"]);
const ACTION_KEYS = ["route", "within", "say", "nurture", "disqualify"];

/** Reports a problem at a source offset. */
export type ReportAt = (offset: number, message: string) => void;

/** `unknown key \`expect.bukcet\`: did you mean \`bucket\`?`, or the known keys when none is close. */
export function unknownKeyMessage(shown: string, key: string, known: readonly string[]): string {
  const hint = didYouMean(key, known);
  return `unknown ${shown}${hint ? `: ${hint}` : ` (known keys: ${known.join(", ")})`}`;
}

export interface ReadExpectation {
  expect: Expectation;
  /** Where each value was written (its key, when the value is empty). */
  offsets: Partial<Record<ExpectKey, number>>;
}

/**
 * Reads a case's `expect` map: only the known result keys, each with a value of the type the result can
 * hold. A key that is misspelt would otherwise be silently unchecked, so it is a problem, not a warning.
 */
export function readExpectation(node: Node, document: Document, report: ReportAt): ReadExpectation {
  const expect: Expectation = {};
  const offsets: Partial<Record<ExpectKey, number>> = {};
  if (!isMap(node)) {
    report(startOf(node), "`expect` must be a map of result keys, like `bucket: SQL`");
    return { expect, offsets };
  }
  for (const pair of node.items as Pair[]) {
    const key = keyName(pair);
    if (!(EXPECT_KEYS as readonly string[]).includes(key)) {
      report(startOf(pair.key), unknownKeyMessage(`key \`expect.${key}\``, key, EXPECT_KEYS));
      continue;
    }
    const expectKey = key as ExpectKey;
    const valueNode = pair.value as Node | null;
    const value: unknown = valueNode === null ? null : valueNode.toJS(document);
    const at = valueNode === null ? startOf(pair.key) : startOf(valueNode);
    if (TEXT_KEYS.has(expectKey) && value !== null && typeof value !== "string") {
      report(at, `\`expect.${key}\` must be text or null`);
    } else if (NUMBER_KEYS.has(expectKey) && value !== null && typeof value !== "number") {
      report(at, `\`expect.${key}\` must be a number or null`);
    } else if (expectKey === "actions") {
      checkActions(valueNode, report, at);
    }
    expect[expectKey] = value;
    offsets[expectKey] = at;
  }
  return { expect, offsets };
}

function checkActions(node: Node | null, report: ReportAt, at: number): void {
  if (!isSeq(node)) {
    report(at, "`expect.actions` must be a list of actions, like `- {nurture: monthly-digest}` (or `[]`)");
    return;
  }
  for (const item of node.items) {
    if (!isMap(item)) {
      report(
        startOf(item),
        "an action is a map: `{route: sales, within: 4h, say: …}`, `{nurture: …}` or `{disqualify: true}`",
      );
      continue;
    }
    for (const pair of pairsOf(item)) {
      const key = keyName(pair);
      if (!ACTION_KEYS.includes(key))
        report(startOf(pair.key), unknownKeyMessage(`action key \`${key}\``, key, ACTION_KEYS));
    }
  }
}
