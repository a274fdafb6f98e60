import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readCsv } from "../../src/io/read-csv.js";
import { chunked, collect, summarize } from "../support/read-helpers.js";

const read = async (text: string | Uint8Array, options = {}) =>
  summarize(await collect(readCsv(chunked(text), options)));

describe("readCsv", () => {
  it("keys rows by the trimmed header names and numbers records from the first data row", async () => {
    expect(await read(" id , email\n1,a@x.com\n2, b@y.com \n")).toEqual([
      [1, 2, { id: "1", email: "a@x.com" }],
      [2, 3, { id: "2", email: " b@y.com " }],
    ]);
  });

  it("reads quoted fields with commas, escaped quotes and empty values", async () => {
    expect(await read('id,title,plan\n1,"VP, Sales","the ""big"" one"\n2,,""\n')).toEqual([
      [1, 2, { id: "1", title: "VP, Sales", plan: 'the "big" one' }],
      [2, 3, { id: "2", title: "", plan: "" }],
    ]);
  });

  it("counts line breaks inside quotes, so later records keep their true line numbers", async () => {
    const text = 'id,note\n1,"first\nsecond\nthird"\n2,plain\n3,"a\r\nb"\n4,end';
    expect(await read(text)).toEqual([
      [1, 2, { id: "1", note: "first\nsecond\nthird" }],
      [2, 5, { id: "2", note: "plain" }],
      [3, 6, { id: "3", note: "a\r\nb" }],
      [4, 8, { id: "4", note: "end" }],
    ]);
  });

  it("reads LF, CRLF and CR-only files alike; a CR inside quotes is text", async () => {
    const rows = [
      [1, 2, { id: "1", name: "Ann" }],
      [2, 3, { id: "2", name: "Bob" }],
    ];
    expect(await read("id,name\r\n1,Ann\r\n2,Bob\r\n")).toEqual(rows);
    expect(await read("id,name\r1,Ann\r2,Bob\r")).toEqual(rows);
    expect(await read("id,name\n1,Ann\n2,Bob")).toEqual(rows);
    expect(await read('id,name\r1,"B\rob"\r')).toEqual([[1, 2, { id: "1", name: "B\rob" }]]);
  });

  it("detects the delimiter from the header line: , ; tab |", async () => {
    for (const d of [",", ";", "\t", "|"]) {
      expect(await read(`id${d}name${d}note\n1${d}Ann${d}"a${d}b, c"\n`)).toEqual([
        [1, 2, { id: "1", name: "Ann", note: `a${d}b, c` }],
      ]);
    }
    // Named, it is not guessed: a semicolon file read with commas is one column.
    const items = await collect(readCsv(chunked("a;b\n1;2\n"), { delimiter: "," }));
    expect(summarize(items)).toEqual([[1, 2, { "a;b": "1;2" }]]);
  });

  it("ignores a UTF-8 byte order mark, in bytes or in text", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("id,name\n1,Zoë\n")]);
    expect(await read(bytes)).toEqual([[1, 2, { id: "1", name: "Zoë" }]]);
    const fromText = await collect(readCsv(Readable.from(["\uFEFFid,name\n1,Zoë\n"])));
    expect(summarize(fromText)).toEqual([[1, 2, { id: "1", name: "Zoë" }]]);
  });

  it("skips blank lines but counts them in line numbers", async () => {
    expect(await read("\nid,name\n\n1,a\n\r\n\n2,b\n\n")).toEqual([
      [1, 4, { id: "1", name: "a" }],
      [2, 7, { id: "2", name: "b" }],
    ]);
  });

  it("rejects ragged rows with the expected and found field counts, and goes on", async () => {
    const items = await collect(readCsv(chunked("id,name,plan\n1,a\n2,b,c,d\n3,b,c\n")));
    expect(summarize(items)).toEqual([
      [1, 2, "reject: expected 3 fields as in the header, found 2"],
      [2, 3, "reject: expected 3 fields as in the header, found 4"],
      [3, 4, { id: "3", name: "b", plan: "c" }],
    ]);
    expect(items[0]).toMatchObject({ raw: "1,a" });
    expect(items[1]).toMatchObject({ raw: "2,b,c,d" });
  });

  it("rejects an unterminated quote as its first line and resumes on the next line", async () => {
    const items = await collect(readCsv(chunked('id,name\n1,"Ann\n2,Bob\n3,Cy\n')));
    expect(summarize(items)).toEqual([
      [1, 2, "reject: unterminated quote in field 2: no closing quote before the end of the file"],
      [2, 3, { id: "2", name: "Bob" }],
      [3, 4, { id: "3", name: "Cy" }],
    ]);
    expect(items[0]).toMatchObject({ raw: '1,"Ann' });
  });

  it("rejects text after a closing quote but keeps the record's extent", async () => {
    expect(await read('id,name\n1,"Ann"x,2\n2,"B"\n')).toEqual([
      [1, 2, "reject: unexpected text after the closing quote of field 2"],
      [2, 3, { id: "2", name: "B" }],
    ]);
  });

  it("keeps a quote inside an unquoted field as text", async () => {
    expect(await read('id,title\n1,John "JJ" Smith\n2,5" screen\n')).toEqual([
      [1, 2, { id: "1", title: 'John "JJ" Smith' }],
      [2, 3, { id: "2", title: '5" screen' }],
    ]);
  });

  it("reads a last record without a line break, and an empty last field after a comma", async () => {
    expect(await read("a,b\n1,")).toEqual([[1, 2, { a: "1", b: "" }]]);
    expect(await read('a,b\n1,"x"')).toEqual([[1, 2, { a: "1", b: "x" }]]);
  });

  it("yields nothing for an empty file or a header without rows", async () => {
    expect(await read("")).toEqual([]);
    expect(await read("\n\n")).toEqual([]);
    expect(await read("id,name\n")).toEqual([]);
  });

  it("rejects every row when the header cannot name the fields", async () => {
    expect(await read("id,name,id\n1,a,b\n2,c,d\n")).toEqual([
      [1, 2, 'reject: the header row (line 1) is unusable: column name "id" appears twice (columns 1 and 3)'],
      [2, 3, 'reject: the header row (line 1) is unusable: column name "id" appears twice (columns 1 and 3)'],
    ]);
    expect(await read("\nid,,plan\n1,a,b\n")).toEqual([
      [1, 3, "reject: the header row (line 2) is unusable: column 2 has no name"],
    ]);
  });

  it("rejects an overlong record without holding it, and resumes on the next line", async () => {
    const long = "x".repeat(50);
    const items = await collect(
      readCsv(chunked(`id,v\n1,${long}\n2,ok\n`, [9, 20, 31]), { maxRecordChars: 20 }),
    );
    expect(summarize(items)).toEqual([
      [1, 2, "reject: record is longer than 20 bytes"],
      [2, 3, { id: "2", v: "ok" }],
    ]);
    expect(items[0]).toMatchObject({ raw: `1,${"x".repeat(18)}` });
  });

  it("ends an overlong record at a lone CR or a CRLF as at an LF, however the file is cut", async () => {
    const long = "x".repeat(50);
    for (const [text, lines] of [
      [`id,v\r1,${long}\r2,ok\r3,"a\rb"\r4,${long}\r5,end`, [2, 3, 4, 6, 7]],
      [`id,v\r\n1,${long}\r\n2,ok\r\n3,"a\r\nb"\r\n4,${long}\r\n5,end`, [2, 3, 4, 6, 7]],
      // A quoted field's lone CRs and CRLFs count as the lines they are.
      [`id,v\r1,"${long}\r\r\n${long}"\r2,ok\r3,x\r4,y\r5,end`, [2, 5, 6, 7, 8]],
    ] as const) {
      for (const cuts of [[], [7], Array.from({ length: text.length }, (_, i) => i)]) {
        const items = await collect(readCsv(chunked(text, cuts), { maxRecordChars: 20 }));
        expect(
          summarize(items).map(([record, line, value]) => [
            record,
            line,
            typeof value === "string" ? value : (value as Record<string, string>).id,
          ]),
          JSON.stringify({ text: text.slice(0, 12), cuts: cuts.length }),
        ).toEqual([
          [1, lines[0], "reject: record is longer than 20 bytes"],
          [2, lines[1], "2"],
          [3, lines[2], "3"],
          [4, lines[3], lines[3] === 6 ? "reject: record is longer than 20 bytes" : "4"],
          [5, lines[4], "5"],
        ]);
      }
    }
  });

  it("CSV record smuggling: a quoted field longer than the limit is never split into records", async () => {
    // The quoted field's inner lines look like leads; they are part of record 1, which is too long.
    const text = `id,v\n1,"${"y".repeat(30)}\nEVIL1,x\nEVIL2,x\n"\n2,ok\n`;
    const expected = [
      [1, 2, "reject: record is longer than 16 bytes"],
      [2, 6, { id: "2", v: "ok" }],
    ];
    for (const cuts of [[], [3], [8, 12, 30], Array.from({ length: 60 }, (_, i) => i)]) {
      const items = await collect(readCsv(chunked(text, cuts), { maxRecordChars: 16 }));
      expect(summarize(items)).toEqual(expected);
      expect(items[0]).toMatchObject({ raw: `1,"${"y".repeat(13)}` });
    }
  });

  it("CSV record smuggling: escaped quotes and commas inside the long field do not end it", async () => {
    const text = `id,v\n1,"${"z".repeat(20)}"",\nEVIL1,""x""\n"\n2,ok\n`;
    expect(summarize(await collect(readCsv(chunked(text, [7, 33]), { maxRecordChars: 16 })))).toEqual([
      [1, 2, "reject: record is longer than 16 bytes"],
      [2, 5, { id: "2", v: "ok" }],
    ]);
  });

  it("CSV record smuggling: a quote still open at the end of a file longer than the limit is one reject", async () => {
    const text = `id,v\n1,"${"y\n".repeat(20)}\n2,ok\n`;
    for (const cuts of [[], [3], [8, 12, 30], Array.from({ length: 60 }, (_, i) => i)]) {
      const items = summarize(await collect(readCsv(chunked(text, cuts), { maxRecordChars: 16 })));
      expect(items).toEqual([
        [1, 2, "reject: unterminated quote in field 2: no closing quote before the end of the file"],
      ]);
    }
  });

  it("CSV record smuggling: at the default 1 MiB limit, a 2-record file reads 2 records", async () => {
    const text = `id,v\n1,"${"x".repeat(1_100_000)}\nEVIL1,x\n"\n2,ok\n`;
    expect(summarize(await collect(readCsv(chunked(text, [65536, 131072]))))).toEqual([
      [1, 2, "reject: record is longer than 1 MiB"],
      [2, 5, { id: "2", v: "ok" }],
    ]);
  });

  it("fuzz finding: a 1 MB quoted field arriving in 695-byte chunks is one record, read in linear time", async () => {
    // Each small chunk used to make the reader copy the whole pending record into one piece before it
    // decided not to scan it yet (quadratic: a 3.3 MB file of such fields took 3.7 s, now 0.5 s).
    const field = "x".repeat(1_000_000);
    const text = `id,v\n1,"${field}\nL2,y\n"\n2,ok\n`;
    const cuts = Array.from({ length: Math.ceil(text.length / 695) }, (_, i) => i * 695);
    const items = summarize(await collect(readCsv(chunked(text, cuts))));
    expect(
      items.map(([record, line, value]) => [record, line, typeof value === "string" ? value : value.id]),
    ).toEqual([
      [1, 2, "1"],
      [2, 5, "2"],
    ]);
    expect((items[0]![2] as Record<string, string>).v).toBe(`${field}\nL2,y\n`);
  });

  it("gives the same records for every way of splitting the bytes, multi-byte characters included", async () => {
    const text = '\uFEFFid,name,note\r\n1,"Zoë, ""Z""","a\r\nb"\r\n\r\n2,Jürgen,ç\r\n3,"x"y,z\r\n4,"open\r\n';
    const bytes = Buffer.from(text, "utf8");
    const whole = await read(bytes);
    expect(whole).toEqual([
      [1, 2, { id: "1", name: 'Zoë, "Z"', note: "a\r\nb" }],
      [2, 5, { id: "2", name: "Jürgen", note: "ç" }],
      [3, 6, "reject: unexpected text after the closing quote of field 2"],
      [4, 7, "reject: unterminated quote in field 2: no closing quote before the end of the file"],
    ]);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(summarize(await collect(readCsv(chunked(bytes, [cut]))))).toEqual(whole);
    }
    const everyByte = Array.from({ length: bytes.length }, (_, i) => i);
    expect(summarize(await collect(readCsv(chunked(bytes, everyByte))))).toEqual(whole);
  });

  it("shortens the raw text of a rejected record", async () => {
    const items = await collect(readCsv(chunked(`a,b\n${"z".repeat(3000)}\n`)));
    const first = items[0];
    expect(first?.kind).toBe("reject");
    if (first?.kind === "reject") expect(first.raw).toBe(`${"z".repeat(1000)}…`);
  });

  it("keeps a column named __proto__ as a plain field", async () => {
    const [item] = await collect(readCsv(chunked("__proto__,id\nx,1\n")));
    expect(item?.kind === "record" && Object.keys(item.value)).toEqual(["__proto__", "id"]);
  });
});
