import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readNdjson } from "../../src/io/read-ndjson.js";
import { chunked, collect, summarize } from "../support/read-helpers.js";

const read = async (text: string | Uint8Array, options = {}) =>
  summarize(await collect(readNdjson(chunked(text), options)));

describe("readNdjson", () => {
  it("reads one object per line, LF or CRLF, with or without a last line break", async () => {
    expect(await read('{"id":"L1"}\r\n{"id":"L2","n":2}\n{"id":"L3"}')).toEqual([
      [1, 1, { id: "L1" }],
      [2, 2, { id: "L2", n: 2 }],
      [3, 3, { id: "L3" }],
    ]);
  });

  it("skips blank lines but counts them in line numbers", async () => {
    expect(await read('\n{"a":1}\n\n   \n\t\r\n{"a":2}\n\n')).toEqual([
      [1, 2, { a: 1 }],
      [2, 6, { a: 2 }],
    ]);
  });

  it("rejects a line that is not valid JSON with the parser's reason", async () => {
    const items = await collect(readNdjson(chunked('{"a":1}\n{"a":\n{"a":3}\n')));
    expect(items.map((item) => [item.kind, item.record, item.line])).toEqual([
      ["record", 1, 1],
      ["reject", 2, 2],
      ["record", 3, 3],
    ]);
    expect(items[1]).toMatchObject({ raw: '{"a":' });
    expect(items[1]?.kind === "reject" && items[1].reason).toMatch(/^invalid JSON: /);
  });

  it("rejects JSON values that are not objects", async () => {
    expect(await read('[1,2]\n"text"\n42\nnull\ntrue\n{}\n')).toEqual([
      [1, 1, "reject: expected a JSON object, found an array"],
      [2, 2, "reject: expected a JSON object, found a string"],
      [3, 3, "reject: expected a JSON object, found a number"],
      [4, 4, "reject: expected a JSON object, found null"],
      [5, 5, "reject: expected a JSON object, found a boolean"],
      [6, 6, {}],
    ]);
  });

  it("ignores a byte order mark at the start of the file only", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}\n')]);
    expect(await read(bytes)).toEqual([[1, 1, { a: 1 }]]);
    expect(summarize(await collect(readNdjson(Readable.from(['\uFEFF{"a":1}\n']))))).toEqual([
      [1, 1, { a: 1 }],
    ]);
    expect((await read('{"a":1}\n\uFEFF{"a":2}\n'))[1]?.[2]).toMatch(/^reject: invalid JSON/);
  });

  it("rejects a line over the limit without holding it, and goes on", async () => {
    const huge = `{"pad":"${"x".repeat(100)}"}`;
    const text = `{"a":1}\n${huge}\n{"a":3}\n`;
    const items = await collect(readNdjson(chunked(text, [10, 30, 60, 90]), { maxLineBytes: 64 }));
    expect(summarize(items)).toEqual([
      [1, 1, { a: 1 }],
      [2, 2, "reject: line is longer than 64 bytes; it was skipped"],
      [3, 3, { a: 3 }],
    ]);
  });

  it("rejects a line over the default 1 MiB limit", async () => {
    const huge = `{"pad":"${"x".repeat(1024 * 1024)}"}`;
    const items = await collect(readNdjson(Readable.from([`${huge}\n{"a":2}`])));
    expect(summarize(items)).toEqual([
      [1, 1, "reject: line is longer than 1 MiB; it was skipped"],
      [2, 2, { a: 2 }],
    ]);
    const first = items[0];
    if (first?.kind === "reject") expect(first.raw).toBe(`${huge.slice(0, 1000)}…`);
  });

  it("accepts a line of exactly the limit", async () => {
    const line = `{"p":"${"x".repeat(56)}"}`;
    expect(line.length).toBe(64);
    expect(await read(`${line}\n`, { maxLineBytes: 64 })).toEqual([[1, 1, { p: "x".repeat(56) }]]);
  });

  it("gives the same records for every way of splitting the bytes, multi-byte characters included", async () => {
    const bytes = Buffer.from('{"name":"Zoë"}\r\n\n[1]\n{"name":"Jürgen","n":1}\n{oops', "utf8");
    const whole = await read(bytes);
    expect(whole.map(([record, line]) => [record, line])).toEqual([
      [1, 1],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(summarize(await collect(readNdjson(chunked(bytes, [cut]))))).toEqual(whole);
    }
  });

  it("keeps __proto__ as a plain key", async () => {
    const [item] = await collect(readNdjson(chunked('{"__proto__":{"x":1},"id":"a"}')));
    expect(item?.kind === "record" && Object.keys(item.value)).toEqual(["__proto__", "id"]);
  });

  it("deeply nested JSON: a value nested 5,000 deep rejects its line with the reason, and reading goes on", async () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    const text = `{"id":"L1","title":${deep}}\n{"id":"L2","events":[{"type":"x","at":${deep}}]}\n{"id":"L3"}\n`;
    const items = await collect(readNdjson(chunked(text, [100, 7000])));
    expect(summarize(items)).toEqual([
      [1, 1, "reject: a value is nested more than 64 levels deep"],
      [2, 2, "reject: a value is nested more than 64 levels deep"],
      [3, 3, { id: "L3" }],
    ]);
    expect(items[0]).toMatchObject({ raw: `{"id":"L1","title":${"[".repeat(981)}…` });
  });

  it("deeply nested JSON: 64 levels are read, 65 are refused", async () => {
    const nested = (depth: number) => "[".repeat(depth - 1) + "]".repeat(depth - 1);
    expect(await read(`{"a":${nested(64)}}\n{"a":${nested(65)}}\n`)).toEqual([
      [1, 1, { a: JSON.parse(nested(64)) }],
      [2, 2, "reject: a value is nested more than 64 levels deep"],
    ]);
  });
});
