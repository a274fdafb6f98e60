import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCsv } from "../../src/io/read-csv.js";
import type { ReadItem } from "../../src/io/read-item.js";
import { readNdjson } from "../../src/io/read-ndjson.js";
import { chunked, collect, summarize } from "../support/read-helpers.js";

const RUNS = 300;

/** Records are numbered 1, 2, 3 … with no gap: every logical record was either yielded or rejected. */
function expectConsecutive<T>(items: readonly ReadItem<T>[], lineCount: number): void {
  items.forEach((item, index) => {
    expect(item.record).toBe(index + 1);
    expect(item.line).toBeGreaterThanOrEqual(index === 0 ? 1 : (items[index - 1]?.line ?? 1) + 1);
    expect(item.line).toBeLessThanOrEqual(lineCount);
  });
}

/** Lines of a file: LF, CRLF and a lone CR each end one (CSV reads all three; NDJSON splits on LF only). */
const lineCountOf = (bytes: Uint8Array) =>
  bytes.reduce((count, byte, i) => count + (byte === 10 || (byte === 13 && bytes[i + 1] !== 10) ? 1 : 0), 1);

const bytesAndCuts = fc
  .uint8Array({ maxLength: 400 })
  .chain((bytes) => fc.tuple(fc.constant(bytes), fc.array(fc.nat({ max: bytes.length }), { maxLength: 8 })));

/** Bytes that look like CSV or NDJSON often enough to reach the interesting states. */
const structuredBytes = fc
  .array(
    fc.constantFrom(
      ",",
      '"',
      "\n",
      "\r",
      "\r\n",
      "a",
      "b",
      " ",
      "{",
      "}",
      ":",
      "[",
      "]",
      "1",
      "é",
      "\uFEFF",
      '""',
    ),
    {
      maxLength: 200,
    },
  )
  .map((parts) => Buffer.from(parts.join(""), "utf8"));

const structuredAndCuts = structuredBytes.chain((bytes) =>
  fc.tuple(fc.constant(bytes), fc.array(fc.nat({ max: bytes.length }), { maxLength: 8 })),
);

describe("readNdjson on arbitrary bytes", () => {
  /** The logical records, counted independently: every line that is not blank, or that is over the limit. */
  function countLogicalLines(bytes: Uint8Array, maxLineBytes: number): number {
    const lines: Buffer[] = [];
    let from = 0;
    const data = Buffer.from(bytes);
    for (let at = data.indexOf(10); at !== -1; at = data.indexOf(10, from)) {
      lines.push(data.subarray(from, at));
      from = at + 1;
    }
    if (from < data.length) lines.push(data.subarray(from));
    return lines.filter((line, index) => {
      if (line.length > maxLineBytes) return true;
      let text = line.toString("utf8");
      if (index === 0 && text.startsWith("\uFEFF")) text = text.slice(1);
      if (text.endsWith("\r")) text = text.slice(0, -1);
      return text.trim() !== "";
    }).length;
  }

  for (const [name, input] of [
    ["random bytes", bytesAndCuts],
    ["JSON-like bytes", structuredAndCuts],
  ] as const) {
    it(`never throws, loses no line and ignores chunking (${name})`, async () => {
      await fc.assert(
        fc.asyncProperty(input, fc.integer({ min: 4, max: 64 }), async ([bytes, cuts], maxLineBytes) => {
          const items = await collect(readNdjson(chunked(bytes, cuts), { maxLineBytes }));
          expect(items.length).toBe(countLogicalLines(bytes, maxLineBytes));
          expectConsecutive(items, lineCountOf(bytes));
          const whole = await collect(readNdjson(chunked(bytes), { maxLineBytes }));
          expect(summarize(items)).toEqual(summarize(whole));
        }),
        { numRuns: RUNS },
      );
    });
  }

  it("reads back every object of a valid file at its line", async () => {
    const objects = fc.array(fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 })), {
      maxLength: 20,
    });
    await fc.assert(
      fc.asyncProperty(objects, fc.array(fc.boolean(), { maxLength: 20 }), async (values, blanks) => {
        let text = "";
        let line = 0;
        const expected: Array<[number, number, unknown]> = [];
        values.forEach((value, index) => {
          if (blanks[index]) {
            text += "\n";
            line += 1;
          }
          text += `${JSON.stringify(value)}\n`;
          line += 1;
          expected.push([index + 1, line, JSON.parse(JSON.stringify(value))]);
        });
        expect(summarize(await collect(readNdjson(chunked(text, [3, 17]))))).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("readCsv on arbitrary bytes", () => {
  for (const [name, input] of [
    ["random bytes", bytesAndCuts],
    ["CSV-like bytes", structuredAndCuts],
  ] as const) {
    it(`never throws, numbers every record and ignores chunking (${name})`, async () => {
      await fc.assert(
        fc.asyncProperty(input, fc.integer({ min: 4, max: 64 }), async ([bytes, cuts], maxRecordChars) => {
          const items = await collect(readCsv(chunked(bytes, cuts), { maxRecordChars }));
          expectConsecutive(items, lineCountOf(bytes));
          const whole = await collect(readCsv(chunked(bytes), { maxRecordChars }));
          expect(summarize(items)).toEqual(summarize(whole));
        }),
        { numRuns: RUNS },
      );
    });
  }

  const cell = fc.string({
    unit: fc.constantFrom("a", "Z", " ", ",", '"', "\n", "\r\n", "é", "x"),
    maxLength: 6,
  });
  const quote = (value: string) =>
    /[",\n\r]/.test(value) || value === "" ? `"${value.replaceAll('"', '""')}"` : value;

  /** A valid file: unique header names, rows of the header's width, every field quoted when it must be. */
  const validFile = fc.integer({ min: 1, max: 4 }).chain((width) =>
    fc.record({
      header: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,4}$/), { minLength: width, maxLength: width }),
      rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 12 }),
      lineEnd: fc.constantFrom("\n", "\r\n"),
    }),
  );

  function serialize(file: { header: string[]; rows: string[][]; lineEnd: string }): {
    text: string;
    expected: Array<[number, number, Record<string, string>]>;
  } {
    let text = `${file.header.join(",")}${file.lineEnd}`;
    let line = 2;
    const expected: Array<[number, number, Record<string, string>]> = [];
    file.rows.forEach((row, index) => {
      const written = row.map(quote).join(",");
      expected.push([
        index + 1,
        line,
        Object.fromEntries(file.header.map((name, i) => [name, row[i] ?? ""])),
      ]);
      text += `${written}${file.lineEnd}`;
      line += 1 + (written.match(/\n/g)?.length ?? 0);
    });
    return { text, expected };
  }

  it("reads back every row of a valid file at its line", async () => {
    await fc.assert(
      fc.asyncProperty(validFile, fc.array(fc.nat({ max: 300 }), { maxLength: 6 }), async (file, cuts) => {
        const { text, expected } = serialize(file);
        expect(summarize(await collect(readCsv(chunked(text, cuts))))).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it("survives mutations of a valid file: consecutive records, and every untouched row before them intact", async () => {
    const mutation = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 3 }),
      insert: fc.constantFrom("", '"', ",", "\n", "\r", '""', "x\n", '"\n'),
    });
    await fc.assert(
      fc.asyncProperty(validFile, mutation, async (file, { at, remove, insert }) => {
        const { text, expected } = serialize(file);
        const bytes = Buffer.from(text, "utf8");
        const position = bytes.length === 0 ? 0 : at % bytes.length;
        const mutated = Buffer.concat([
          bytes.subarray(0, position),
          Buffer.from(insert),
          bytes.subarray(position + remove),
        ]);
        const items = await collect(readCsv(chunked(mutated, [position])));
        expectConsecutive(items, lineCountOf(mutated));
        // Rows that end before the mutated byte are read exactly as written.
        const untouched = expected.filter((_, index) => {
          const through = serialize({ ...file, rows: file.rows.slice(0, index + 1) }).text;
          return Buffer.byteLength(through, "utf8") <= position;
        });
        expect(summarize(items).slice(0, untouched.length)).toEqual(untouched);
      }),
      { numRuns: RUNS },
    );
  });
});
