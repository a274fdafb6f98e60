import type { Delimiter } from "./input-options.js";

const CANDIDATES: readonly Delimiter[] = [",", ";", "\t", "|"];

/**
 * The delimiter a CSV file uses, read from its header line: the candidate (`,` `;` tab `|`) that occurs
 * most often outside quotes. Exports from European spreadsheets use `;`, database dumps tab or `|`; a
 * header line is written by a program, so the count is a reliable tell. A tie or no candidate at all
 * (a one-column file) is read as a comma.
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<string, number>();
  let inQuotes = false;
  for (const char of headerLine) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (CANDIDATES as readonly string[]).includes(char))
      counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: Delimiter = ",";
  let bestCount = counts.get(",") ?? 0;
  for (const candidate of CANDIDATES) {
    const count = counts.get(candidate) ?? 0;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** The text before the first line break (LF, CR), or null when the buffer has none yet. */
export function firstLineOf(text: string, atEndOfFile: boolean): string | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return text.slice(0, i);
  }
  return atEndOfFile ? text : null;
}
