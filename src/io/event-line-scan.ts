/**
 * The fast path of filing an events file: one look at a line's bytes says whether it is an ordinary event —
 * a JSON object (strictly by the JSON grammar), nested no deeper than `MAX_VALUE_DEPTH`, whose `lead_id`
 * is plain text — and where its lead id is, without parsing it into objects or decoding it into a string.
 * Such a line is filed as it is and parsed once, when its lead is scored.
 *
 * The scan only ever answers "ordinary, here is the id" or "not sure": anything else (a `\u` escape in a
 * top-level key, an id with escapes, spaces at its ends, non-ASCII or a number, invalid JSON, deep nesting)
 * goes the general way — decoded and parsed as every NDJSON line is (`ndjsonItem`), so rejects and their
 * reasons are the parser's own. What matters is that "ordinary" is never said of a line the parser would
 * refuse, or whose `lead_id` would read differently.
 */
import { MAX_VALUE_DEPTH } from "../compile/json-nesting.js";

/**
 * Where the line's lead id is when the scan said "ordinary": `bytes[idStart, idEnd)`, printable ASCII. And
 * the `lead_id` member with its comma, `bytes[cutStart, cutEnd)`: the line without it is the event as
 * scoring takes it. (-1 when the line names `lead_id` more than once: the event is then the line's object
 * without its `lead_id`.)
 */
export interface LeadIdSpan {
  idStart: number;
  idEnd: number;
  cutStart: number;
  cutEnd: number;
}

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const TILDE = 0x7e;

const LEAD_ID = Buffer.from("lead_id", "latin1");
const TRUE = Buffer.from("true", "latin1");
const FALSE = Buffer.from("false", "latin1");
const NULL = Buffer.from("null", "latin1");

/** What the scanner expects next. */
const VALUE = 0;
const KEY = 1;
const AFTER_VALUE = 2;

// The open containers (their opening byte), reused by every scan: the scan is synchronous.
const open = new Uint8Array(MAX_VALUE_DEPTH);
// Set by `stringEnd`: whether the string it ended held an escape, and a `\uXXXX` one.
let escaped = false;
let unicodeEscaped = false;

/** True when `bytes[start, end)` is an ordinary event line; then `found` says where its lead id is. */
export function scanEventLine(bytes: Uint8Array, start: number, end: number, found: LeadIdSpan): boolean {
  let at = skipSpace(bytes, start, end);
  if (at >= end || bytes[at] !== OPEN_BRACE) return false;
  let depth = 0;
  let expect = VALUE;
  // Whether the value about to be read is a top-level `lead_id` (the last one counts, as in JSON.parse).
  let leadIdValue = false;
  let idStart = -1;
  let idEnd = -1;
  // The top level's `lead_id` members: how many, where the last one's key starts, the comma before it
  // (-1 when it is the first member) and where its value ends (-1 until it ends).
  let leadIds = 0;
  let memberStart = -1;
  let commaBefore = -1;
  let memberEnd = -1;
  let lastComma = -1;
  for (;;) {
    at = skipSpace(bytes, at, end);
    if (expect === AFTER_VALUE) {
      if (depth === 0) {
        if (at !== end || idStart < 0) return false;
        found.idStart = idStart;
        found.idEnd = idEnd;
        found.cutStart = leadIds === 1 ? memberStart : -1;
        found.cutEnd = leadIds === 1 ? memberEnd : -1;
        return true;
      }
      if (at >= end) return false;
      const byte = bytes[at]!;
      const opening = open[depth - 1]!;
      if (depth === 1 && memberEnd === -1 && memberStart >= 0) {
        // Just after the `lead_id` member: it goes with the comma after it, or else the one before it.
        if (byte === COMMA) memberEnd = at + 1;
        else {
          memberEnd = idEnd + 1;
          if (commaBefore >= 0) memberStart = commaBefore;
        }
      }
      if (byte === COMMA) {
        if (depth === 1) lastComma = at;
        at += 1;
        expect = opening === OPEN_BRACE ? KEY : VALUE;
      } else if (byte === (opening === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)) {
        at += 1;
        depth -= 1;
      } else return false;
      continue;
    }
    if (at >= end) return false;
    if (expect === KEY) {
      if (bytes[at] !== QUOTE) return false;
      const close = stringEnd(bytes, at, end);
      if (close < 0) return false;
      if (depth === 1) {
        // A key with a \u escape might spell `lead_id`: not sure. (Other escapes give no letter of it.)
        if (unicodeEscaped) return false;
        leadIdValue = close - at - 1 === LEAD_ID.length && same(bytes, at + 1, LEAD_ID);
        if (leadIdValue) {
          leadIds += 1;
          memberStart = at;
          memberEnd = -1;
          commaBefore = lastComma;
        }
      }
      at = skipSpace(bytes, close + 1, end);
      if (at >= end || bytes[at] !== COLON) return false;
      at += 1;
      expect = VALUE;
      continue;
    }
    // A value.
    const byte = bytes[at]!;
    const isLeadId = leadIdValue;
    leadIdValue = false;
    if (isLeadId) idStart = -1;
    if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (depth === MAX_VALUE_DEPTH) return false;
      open[depth] = byte;
      depth += 1;
      at = skipSpace(bytes, at + 1, end);
      if (at >= end) return false;
      if (bytes[at] === (byte === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)) {
        at += 1;
        depth -= 1;
        expect = AFTER_VALUE;
      } else expect = byte === OPEN_BRACE ? KEY : VALUE;
      continue;
    }
    if (byte === QUOTE) {
      const close = stringEnd(bytes, at, end);
      if (close < 0) return false;
      if (isLeadId && !escaped && plainId(bytes, at + 1, close)) {
        idStart = at + 1;
        idEnd = close;
      }
      at = close + 1;
    } else if (byte === MINUS || (byte >= ZERO && byte <= NINE)) {
      at = numberEnd(bytes, at, end);
      if (at < 0) return false;
    } else {
      const word = byte === 0x74 ? TRUE : byte === 0x66 ? FALSE : byte === 0x6e ? NULL : null;
      if (word === null || at + word.length > end || !same(bytes, at, word)) return false;
      at += word.length;
    }
    expect = AFTER_VALUE;
  }
}

function skipSpace(bytes: Uint8Array, from: number, end: number): number {
  let at = from;
  while (at < end) {
    const byte = bytes[at]!;
    if (byte !== SPACE && byte !== TAB && byte !== CR && byte !== LF) break;
    at += 1;
  }
  return at;
}

function same(bytes: Uint8Array, at: number, word: Uint8Array): boolean {
  for (let i = 0; i < word.length; i++) if (bytes[at + i] !== word[i]) return false;
  return true;
}

/**
 * The index of the quote that closes the string opening at `at`, or -1 when it is not a valid JSON
 * string (a control character, a bad escape, no end). Bytes from 0x80 are taken as they are: decoding
 * turns any of them into characters a JSON string may hold, and never swallows an ASCII byte.
 */
function stringEnd(bytes: Uint8Array, at: number, end: number): number {
  escaped = false;
  unicodeEscaped = false;
  let i = at + 1;
  while (i < end) {
    const byte = bytes[i]!;
    if (byte === QUOTE) return i;
    if (byte < SPACE) return -1;
    if (byte !== BACKSLASH) {
      i += 1;
      continue;
    }
    escaped = true;
    const next = bytes[i + 1];
    if (next === 0x75) {
      // \uXXXX
      unicodeEscaped = true;
      if (i + 6 > end) return -1;
      for (let h = i + 2; h < i + 6; h++) if (!isHex(bytes[h]!)) return -1;
      i += 6;
    } else if (
      next === QUOTE ||
      next === BACKSLASH ||
      next === 0x2f ||
      next === 0x62 ||
      next === 0x66 ||
      next === 0x6e ||
      next === 0x72 ||
      next === 0x74
    ) {
      i += 2;
    } else return -1;
  }
  return -1;
}

function isHex(byte: number): boolean {
  return (byte >= ZERO && byte <= NINE) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
}

/** The end of the JSON number starting at `at`: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, or -1. */
function numberEnd(bytes: Uint8Array, at: number, end: number): number {
  let i = at;
  if (bytes[i] === MINUS) i += 1;
  if (i >= end) return -1;
  if (bytes[i] === ZERO) i += 1;
  else {
    const digits = i;
    i = skipDigits(bytes, i, end);
    if (i === digits) return -1;
  }
  if (i < end && bytes[i] === DOT) {
    const digits = i + 1;
    i = skipDigits(bytes, digits, end);
    if (i === digits) return -1;
  }
  if (i < end && (bytes[i] === 0x65 || bytes[i] === 0x45)) {
    i += 1;
    if (i < end && (bytes[i] === PLUS || bytes[i] === MINUS)) i += 1;
    const digits = i;
    i = skipDigits(bytes, i, end);
    if (i === digits) return -1;
  }
  return i;
}

function skipDigits(bytes: Uint8Array, from: number, end: number): number {
  let i = from;
  while (i < end && bytes[i]! >= ZERO && bytes[i]! <= NINE) i += 1;
  return i;
}

/**
 * An id that reads the same as bytes and as `idText` gives it: not empty, printable ASCII (no escapes,
 * nothing to decode), no space at either end (nothing to trim).
 */
function plainId(bytes: Uint8Array, start: number, end: number): boolean {
  if (end <= start || bytes[start] === SPACE || bytes[end - 1] === SPACE) return false;
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!;
    if (byte < SPACE || byte > TILDE) return false;
  }
  return true;
}
