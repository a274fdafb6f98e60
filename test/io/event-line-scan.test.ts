import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nestingProblem } from "../../src/compile/json-nesting.js";
import { scanEventLine } from "../../src/io/event-line-scan.js";
import { idText } from "../../src/io/read-leads.js";

/** The scan's answer: the lead id it found, or null for "not sure". */
function scan(text: string | Buffer): string | null {
  return scanned(text)?.id ?? null;
}

/** The id and the event (the line without its `lead_id` member, when the scan found it) by the scan. */
function scanned(text: string | Buffer): { id: string; event: string } | null {
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  const span = { idStart: -1, idEnd: -1, cutStart: -1, cutEnd: -1 };
  if (!scanEventLine(bytes, 0, bytes.length, span)) return null;
  const id = bytes.toString("latin1", span.idStart, span.idEnd);
  if (span.cutStart < 0)
    return { id, event: JSON.stringify(withoutLeadId(JSON.parse(bytes.toString("utf8")))) };
  const rest = Buffer.concat([bytes.subarray(0, span.cutStart), bytes.subarray(span.cutEnd)]);
  return { id, event: JSON.stringify(JSON.parse(rest.toString("utf8"))) };
}

function withoutLeadId(value: Record<string, unknown>): Record<string, unknown> {
  const { lead_id: _leadId, ...event } = value;
  return event;
}

/** What the general path makes of a line: the id it files the event under and the event, or null (a reject). */
function parsed(text: string): { id: string; event: string } | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  if (nestingProblem(value) !== null) return null;
  const id = idText((value as Record<string, unknown>).lead_id);
  return id === null ? null : { id, event: JSON.stringify(withoutLeadId(value as Record<string, unknown>)) };
}

/** Whenever the scan says "ordinary", the parser agrees, reads the same id, and the same event (key order too). */
function expectAgreement(text: string | Buffer): void {
  const fast = scanned(text);
  if (fast !== null) expect(parsed(text.toString())).toEqual(fast);
}

describe("scanEventLine", () => {
  it("finds the lead id of ordinary events, and the member to leave out", () => {
    for (const line of [
      '{"lead_id":"L1","type":"email_open"}',
      '{"type":"email_open","lead_id":"L1"}',
      '{ "type" : "a" , "lead_id" : "L1" , "at" : 1 }',
      '{ "type" : "a" , "lead_id" : "L1" }',
      '{"lead_id":"L1"}',
      '{"lead_id":"L0","lead_id":"L1","x":{"lead_id":2}}',
    ]) {
      expect(scanned(line), line).toEqual(parsed(line));
    }
    expect(scanned('{ "type" : "a" , "lead_id" : "L1" }')?.event).toBe('{"type":"a"}');
    expect(scan('{"lead_id":"L1","type":"email_open","at":"2026-10-01T00:00:00Z"}')).toBe("L1");
    expect(scan(' { "type" : "x" , "lead_id" : "a b" , "n" : -1.5e+3 , "ok" : true , "no" : null } ')).toBe(
      "a b",
    );
    expect(scan('{"lead_id":"L1","props":{"tags":["a",{"b":[]}],"empty":{}},"t":"é \\" \\u00e9"}')).toBe(
      "L1",
    );
    // The last `lead_id` counts, as in JSON.parse.
    expect(scan('{"lead_id":"L1","lead_id":"L2"}')).toBe("L2");
    // Only the top level's key is the lead id.
    expect(scan('{"inner":{"lead_id":"X"},"lead_id":"L3"}')).toBe("L3");
  });

  it("is not sure of ids that need decoding, trimming or converting, and leaves them to the parser", () => {
    for (const line of [
      '{"lead_id":" L1"}',
      '{"lead_id":"L1 "}',
      '{"lead_id":""}',
      '{"lead_id":"L\\u0031"}',
      '{"lead_id":"é"}',
      '{"lead_id":7}',
      '{"lead_id":null}',
      '{"lead_id":["L1"]}',
      '{"lead_id":"L1","lead_id":7}',
      '{"lead\\u005fid":"L1"}',
      '{"type":"email_open"}',
    ]) {
      expect(scan(line), line).toBeNull();
    }
  });

  it("never calls a line ordinary that the parser refuses", () => {
    for (const line of [
      "",
      "[]",
      '"L1"',
      '{"lead_id":"L1"',
      '{"lead_id":"L1",}',
      '{"lead_id":"L1"} x',
      '{"lead_id":"L1","a":01}',
      '{"lead_id":"L1","a":1.}',
      '{"lead_id":"L1","a":-}',
      '{"lead_id":"L1","a":.5}',
      '{"lead_id":"L1","a":1e}',
      '{"lead_id":"L1","a":tru}',
      '{"lead_id":"L1","a":"\\x"}',
      '{"lead_id":"L1","a":"\\u12g4"}',
      '{"lead_id":"L1","a":"tab\there"}',
      '{"lead_id":"L1","a":[1,]}',
      '{"lead_id":"L1","a":[1 2]}',
      '{"lead_id":"L1" "a":1}',
      '{"lead_id":"L1",a:1}',
      '{"lead_id":"L1","a":1}}',
      '\u00a0{"lead_id":"L1"}',
      '\uFEFF{"lead_id":"L1"}',
    ]) {
      expect(scan(line), line).toBeNull();
    }
  });

  it("leaves values nested deeper than allowed to the parser's reject", () => {
    const nested = (depth: number) => `{"lead_id":"L1","v":${"[".repeat(depth - 1)}${"]".repeat(depth - 1)}}`;
    expect(scan(nested(64))).toBe("L1");
    expect(scan(nested(65))).toBeNull();
    expect(parsed(nested(65))).toBeNull();
  });

  it("agrees with the parser on every generated event, and scans those with plain ids", () => {
    const plainId = fc.stringMatching(/^[!#-[\]-~]([ -!#-[\]-~]*[!#-[\]-~])?$/);
    fc.assert(
      fc.property(plainId, fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })), (id, rest) => {
        const line = JSON.stringify({ lead_id: id, ...rest });
        expectAgreement(line);
        // Keys with a \\u escape (control characters) are left to the parser too.
        if (!Object.hasOwn(rest, "lead_id") && !line.includes("\\u")) expect(scan(line)).toBe(id);
      }),
      { numRuns: 500 },
    );
  });

  it("agrees with the parser on mutated lines", () => {
    const token = fc.constantFrom(
      "{",
      "}",
      "[",
      "]",
      ",",
      ":",
      '"',
      '"lead_id"',
      '"L1"',
      '"a"',
      "\\",
      "\\u00",
      "\\n",
      "1",
      "-",
      "0",
      ".",
      "e",
      "+",
      "true",
      "null",
      " ",
      "\t",
      "\r",
      "é",
      "\u0001",
      "\uFEFF",
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => expectAgreement(tokens.join(""))),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.nat({ max: 60 }), fc.uint8Array({ minLength: 1, maxLength: 3 }), (at, bytes) => {
        const line = Buffer.from(
          '{"lead_id":"L1","type":"page_view","n":[1.5,-2e3,{"x":"\\u00e9"}],"ok":false}',
        );
        const mutated = Buffer.concat([
          line.subarray(0, at),
          Buffer.from(bytes),
          line.subarray(at + bytes.length),
        ]);
        expectAgreement(mutated);
      }),
      { numRuns: 3000 },
    );
  });
});
