import { isMap, LineCounter, parseDocument, type Node, type Pair } from "yaml";
import { didYouMean } from "../diagnostics/suggest.js";
import { unknownKeyMessage } from "./fixture-expect.js";
import { keyName, locateOffset, positionAt, startOf } from "./fixture-nodes.js";
import { CASE_KEYS } from "./fixture-parse.js";
import type { FixturePath, FixturePosition } from "./fixture-types.js";

/**
 * One lead in a file of its own, as `leadscore explain` reads it: shaped like a fixture case
 * (`lead`, `events`, `as_of`; `name` and `expect` may be there and are not used), or a bare lead whose
 * fields sit at the top with an `events` key. YAML or JSON. Values keep the place they were written, so
 * that every problem reads `file:line:col`, as in fixture files.
 */
export interface LeadFile {
  lead: Record<string, unknown>;
  /** The events as written (a list, or absent): the ruleset's validation judges them. */
  events: unknown[];
  asOf: unknown;
  /** Where the value at a validation path was written (see `locateOffset`); null when it cannot be told. */
  locate(path: FixturePath): FixturePosition | null;
  /**
   * The file's own keys that are misspelt: any key of a case-shaped file that is not a case key; in a bare
   * lead, a key that is not one of `leadFields` but looks like `events`, `as_of` or `lead` (other extra
   * fields are allowed, as in every lead record).
   */
  keyProblems(leadFields: readonly string[]): LeadFileProblem[];
}

export interface LeadFileProblem {
  /** Null when the place cannot be told. */
  at: FixturePosition | null;
  message: string;
}

/** The file could not be read as a lead: the whole message, for the user. */
export interface LeadFileError {
  error: string;
}

const BARE_KEYS = ["events", "as_of"];

/**
 * Reads a lead file's text; `name` is the file as the user named it (for messages), `json` whether to
 * read it as JSON. JSON values are JSON's own; positions come from reading the same text as YAML, which
 * JSON nearly always is (and when it is not, problems are shown without a position).
 */
export function readLeadFile(text: string, name: string, json: boolean): LeadFile | LeadFileError {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  let value: unknown;
  if (json) {
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { error: `cannot read \`${name}\`: ${(error as Error).message.split("\n")[0]}` };
    }
  } else {
    const [first] = document.errors;
    if (first !== undefined) return { error: `cannot read \`${name}\`: ${first.message.split("\n")[0]}` };
    value = document.toJS();
  }
  if (!isRecord(value)) return { error: `\`${name}\` must hold a lead: {lead: {...}, events: [...]}` };

  const { lead: nested, events, as_of: asOf, ...rest } = value;
  const bare = nested === undefined;
  if (!bare && !isRecord(nested))
    return { error: `\`${name}\`: \`lead\` must be a map of the lead's fields` };
  if (events !== undefined && events !== null && !Array.isArray(events)) {
    return { error: `\`${name}\`: \`events\` must be a list` };
  }

  const root = document.errors.length === 0 && isMap(document.contents) ? document.contents : null;
  const positionOf = (offset: number) => positionAt(lineCounter, offset);
  return {
    lead: bare ? rest : (nested as Record<string, unknown>),
    events: (events ?? []) as unknown[],
    asOf,
    locate(path) {
      if (root === null) return null;
      // A bare lead's fields are the file's top-level keys.
      const inFile = bare && path[0] === "lead" ? path.slice(1) : path;
      return positionOf(locateOffset(root, inFile));
    },
    keyProblems(leadFields) {
      const problems: LeadFileProblem[] = [];
      for (const key of Object.keys(value)) {
        const pair = (root?.items as Pair[] | undefined)?.find((item) => keyName(item) === key);
        const at = pair === undefined ? null : positionOf(startOf(pair.key as Node));
        if (!bare && !CASE_KEYS.includes(key)) {
          problems.push({ at, message: unknownKeyMessage(`key \`${key}\``, key, CASE_KEYS) });
        } else if (bare && !BARE_KEYS.includes(key) && !leadFields.includes(key)) {
          const hint = didYouMean(key, [...BARE_KEYS, "lead"]);
          if (hint !== undefined) problems.push({ at, message: `unknown key \`${key}\`: ${hint}` });
        }
      }
      return problems;
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
