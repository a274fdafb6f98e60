/**
 * Reading the text of literal tokens: string escapes and dates (durations: durations.ts), and writing a
 * string back with the same escapes. Pure functions over the token image; the lexer and the tree builder
 * turn their findings into diagnostics. No parser here: artifact loading (the runtime) prints strings too.
 */
import { parseInstant } from "./iso-8601.js";

export interface DecodedString {
  value: string;
  /** Unknown escapes, with their offset inside the token image (`\x` is two characters long). */
  invalidEscapes: Array<{ offset: number; text: string }>;
}

const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", n: "\n", t: "\t" };

/** A string as the language writes it: quoted, with the escapes decodeString reads. */
export function printString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`;
}

/** Decodes a string token image (`"…"`, possibly without its closing quote). */
export function decodeString(image: string): DecodedString {
  const closed = image.length >= 2 && image.endsWith('"') && !isEscapedAt(image, image.length - 1);
  const body = image.slice(1, closed ? -1 : undefined);
  if (!body.includes("\\")) return { value: body, invalidEscapes: [] };
  let value = "";
  const invalidEscapes: DecodedString["invalidEscapes"] = [];
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char !== "\\") {
      value += char;
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) break; // a lone backslash at the end of an unterminated string
    const replacement = ESCAPES[next];
    if (replacement === undefined) {
      invalidEscapes.push({ offset: i + 1, text: `\\${next}` });
      value += `\\${next}`;
    } else {
      value += replacement;
    }
    i++;
  }
  return { value, invalidEscapes };
}

/** Whether the character at `index` is preceded by an odd number of backslashes. */
function isEscapedAt(image: string, index: number): boolean {
  let count = 0;
  for (let i = index - 1; i >= 0 && image[i] === "\\"; i--) count++;
  return count % 2 === 1;
}

// ----------------------------------------------------------------------------------------------- dates

const DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2})))?$/;

/**
 * Milliseconds since the epoch for `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`;
 * NaN when the text has another shape or names a day, hour or offset that does not exist. The language
 * writes dates in these shapes only; the value is read by the one ISO-8601 reader.
 */
export function parseDate(raw: string): number {
  return DATE_PATTERN.test(raw) ? parseInstant(raw) : NaN;
}
