/**
 * The one ISO-8601 reader: dates and timestamps as epoch milliseconds (UTC). Rule files (date literals),
 * lead and event data (eval/instant.ts) and fixtures all read time with it; it lives in this low layer so
 * that every later one can.
 *
 * Timestamps are parsed by hand rather than with `Date.parse`, for two reasons: `Date.parse` reads a
 * timestamp without a zone in the machine's local time (the same input would score differently on two
 * servers), and it accepts loose forms like `Nov 1 2026` that are not ISO-8601. A timestamp without a zone
 * is read as UTC. Parsing is also on the hot path (every event of every lead), so it avoids regexes.
 */

const DIGIT_0 = 48;
const COLON = 58;
const DASH = 45;
const PLUS = 43;
const DOT = 46;
const COMMA = 44;
const SPACE = 32;
const UPPER_T = 84;
const LOWER_T = 116;
const UPPER_Z = 90;
const LOWER_Z = 122;
const DAY_MS = 86_400_000;

/** The two-digit number at `start`, or -1 (also past the end, where charCodeAt gives NaN). */
function twoDigits(text: string, start: number): number {
  const tens = text.charCodeAt(start) - DIGIT_0;
  const ones = text.charCodeAt(start + 1) - DIGIT_0;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

function fourDigits(text: string, start: number): number {
  const high = twoDigits(text, start);
  const low = twoDigits(text, start + 2);
  return high < 0 || low < 0 ? -1 : high * 100 + low;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). Arithmetic rather
 * than `Date.UTC`, which is slower and reads years 0–99 as 1900–1999.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Epoch milliseconds of an ISO-8601 date or timestamp, or NaN when the text is not one. Accepted:
 * `2026-10-30`, `2026-10-30T10:00`, `2026-10-30T10:00:00`, with fractions of a second, a `T` or a space
 * between date and time, and a zone `Z`, `+02:00`, `+0200` or `+02` (none: UTC). Surrounding spaces are
 * ignored.
 */
export function parseInstant(input: string): number {
  return parseInstantInto(input, SCRATCH, 0) ? SCRATCH[0]! : NaN;
}

/** Where `parseInstant` has `parseInstantInto` write (scoring is synchronous, so one slot is enough). */
const SCRATCH = new Float64Array(1);

/**
 * `parseInstant` writing into `out[index]` and saying whether the text was a timestamp (`out` is left as
 * it was when not). The event index reads thousands of timestamps per batch: a number returned from a
 * call that is not inlined is boxed (one allocation per event), a number stored here is not.
 */
export function parseInstantInto(input: string, out: Float64Array, index: number): boolean {
  const text =
    input.length > 0 && (input.charCodeAt(0) <= 32 || input.charCodeAt(input.length - 1) <= 32)
      ? input.trim()
      : input;
  const length = text.length;
  if (length < 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return false;
  const year = fourDigits(text, 0);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  const date = daysFromCivil(year, month, day) * DAY_MS;
  if (length === 10) {
    out[index] = date;
    return true;
  }

  const separator = text.charCodeAt(10);
  if (separator !== UPPER_T && separator !== LOWER_T && separator !== SPACE) return false;
  if (length < 16 || text.charCodeAt(13) !== COLON) return false;
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return false;
  let second = 0;
  let millisecond = 0;
  let position = 16;
  if (text.charCodeAt(position) === COLON) {
    second = twoDigits(text, position + 1);
    if (second < 0 || second > 59) return false;
    position += 3;
    const mark = text.charCodeAt(position);
    if (mark === DOT || mark === COMMA) {
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
      if (fractionLength === 0 || fractionLength > 9) return false;
      for (let i = fractionLength; i < 3; i++) millisecond *= 10;
    }
  }

  let offsetMinutes = 0;
  if (position < length) {
    const zone = text.charCodeAt(position);
    if ((zone === UPPER_Z || zone === LOWER_Z) && position + 1 === length) {
      // UTC
    } else if (zone === PLUS || zone === DASH) {
      const rest = length - position - 1;
      const hours = twoDigits(text, position + 1);
      let minutes = 0;
      if (rest === 2) minutes = 0;
      else if (rest === 4) minutes = twoDigits(text, position + 3);
      else if (rest === 5 && text.charCodeAt(position + 3) === COLON) minutes = twoDigits(text, position + 4);
      else return false;
      if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return false;
      offsetMinutes = (hours * 60 + minutes) * (zone === PLUS ? 1 : -1);
    } else {
      return false;
    }
  }
  out[index] = date + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millisecond;
  return true;
}
