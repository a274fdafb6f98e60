/**
 * Text from files (rule lines, lead ids, fixture names, reasons quoting data) must not drive the terminal
 * it is printed on: an ESC sequence could rewrite what was printed before it, clear the screen or set the
 * window title, and bidirectional controls reorder what a line shows. Everything leadscore prints that it
 * did not write itself goes through one of these.
 */

/** C0 and C1 controls (line breaks and tabs included), bidirectional controls and zero-width characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSHOWN = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/**
 * Text from files in messages: line feeds and tabs are kept, every other control or invisible character is
 * written as an escape (`\x1b`, `\u202e`), so that it shows what it holds and drives nothing.
 */
export function escapeControlsInText(text: string): string {
  if (text.search(UNSHOWN) === -1) return text;
  return text.replace(UNSHOWN, (character) =>
    character === "\n" || character === "\t" ? character : escapeOne(character),
  );
}

function escapeOne(character: string): string {
  const code = character.charCodeAt(0);
  if (code === 9) return "\\t";
  if (code === 10) return "\\n";
  if (code === 13) return "\\r";
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, "0")}`
    : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * JSON printed where text is escaped for the terminal (stderr: `score --json`'s summary): every character
 * `escapeControlsInText` would rewrite as `\x85` is written as the JSON escape `\u0085` instead, so the
 * text stays JSON a program can parse, and still drives nothing. JSON.stringify already escapes C0
 * controls; the line breaks between its lines are kept.
 */
export function jsonForTerminal(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSHOWN, (character) =>
    character === "\n" ? character : `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
