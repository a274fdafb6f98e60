/**
 * Instants: the moments events happened and the as-of time of scoring, as epoch milliseconds (UTC).
 *
 * Timestamps are parsed by hand rather than with `Date.parse`, for two reasons: `Date.parse` reads a
 * timestamp without a zone in the machine's local time (the same input would score differently on two
 * servers), and it accepts loose forms like `Nov 1 2026` that are not ISO-8601. A timestamp without a zone
 * is read as UTC. Parsing is also on the hot path (every event of every lead), so it avoids regexes.
 */

const DIGIT_0 = 48;

/** The number written by `count` digits at `start`, or -1 when any of them is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - DIGIT_0;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Epoch milliseconds of an ISO-8601 date or timestamp, or NaN when the text is not one. Accepted:
 * `2026-10-30`, `2026-10-30T10:00`, `2026-10-30T10:00:00`, with fractions of a second, a `T` or a space
 * between date and time, and a zone `Z`, `+02:00`, `+0200` or `+02` (none: UTC). Surrounding spaces are
 * ignored.
 */
export function parseInstant(input: string): number {
  const text =
    input.length > 0 && (input.charCodeAt(0) <= 32 || input.charCodeAt(input.length - 1) <= 32)
      ? input.trim()
      : input;
  const length = text.length;
  if (length < 10 || text[4] !== "-" || text[7] !== "-") return NaN;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (length === 10) return Date.UTC(year, month - 1, day);

  const separator = text[10];
  if (separator !== "T" && separator !== "t" && separator !== " ") return NaN;
  if (length < 16 || text[13] !== ":") return NaN;
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  let second = 0;
  let millisecond = 0;
  let position = 16;
  if (text[position] === ":") {
    second = digitsAt(text, position + 1, 2);
    if (second < 0 || second > 59) return NaN;
    position += 3;
    if (text[position] === "." || text[position] === ",") {
      position++;
      const fractionStart = position;
      while (position < length) {
        const digit = text.charCodeAt(position) - DIGIT_0;
        if (digit < 0 || digit > 9) break;
        // Only milliseconds are kept; further digits are read and dropped.
        if (position - fractionStart < 3) millisecond = millisecond * 10 + digit;
        position++;
      }
      const fractionLength = position - fractionStart;
      if (fractionLength === 0 || fractionLength > 9) return NaN;
      for (let i = fractionLength; i < 3; i++) millisecond *= 10;
    }
  }

  let offsetMinutes = 0;
  if (position < length) {
    const zone = text[position];
    if ((zone === "Z" || zone === "z") && position + 1 === length) {
      // UTC
    } else if (zone === "+" || zone === "-") {
      const rest = length - position - 1;
      const hours = digitsAt(text, position + 1, 2);
      let minutes = 0;
      if (rest === 2) minutes = 0;
      else if (rest === 4) minutes = digitsAt(text, position + 3, 2);
      else if (rest === 5 && text[position + 3] === ":") minutes = digitsAt(text, position + 4, 2);
      else return NaN;
      if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return NaN;
      offsetMinutes = (hours * 60 + minutes) * (zone === "+" ? 1 : -1);
    } else {
      return NaN;
    }
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * 60_000;
}

/**
 * Epoch milliseconds of a value given as a time: an ISO-8601 string, epoch milliseconds or a Date.
 * NaN for anything else, so that callers can treat it as missing.
 */
export function toInstant(value: unknown): number {
  if (typeof value === "string") return parseInstant(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : NaN;
  if (value instanceof Date) return value.getTime();
  return NaN;
}

/** `2026-11-01T00:00:00Z`: whole seconds are written without milliseconds. */
export function formatInstant(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
}
