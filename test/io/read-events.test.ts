import { describe, expect, it } from "vitest";
import type { ReadReject } from "../../src/io/read-item.js";
import { readEventsByLead, type ReadEventsOptions } from "../../src/io/read-events.js";
import { idText } from "../../src/io/read-leads.js";
import { readNdjson } from "../../src/io/read-ndjson.js";
import { chunked } from "../support/read-helpers.js";

/**
 * Every lead id with its events as the general reader defines them: each NDJSON record with a usable
 * `lead_id`, under that id (ids in the order first met), the event being the object without `lead_id`.
 */
async function expectedFiling(text: string | Uint8Array) {
  const byLead = new Map<string, Array<{ event: Record<string, unknown>; record: number; line: number }>>();
  for await (const item of readNdjson(chunked(text))) {
    if (item.kind === "reject") continue;
    const { lead_id: leadId, ...event } = item.value;
    const id = idText(leadId);
    if (id === null) continue;
    const events = byLead.get(id) ?? [];
    events.push({ event, record: item.record, line: item.line });
    byLead.set(id, events);
  }
  return [...byLead];
}

/** An events file that visits every way of reading a line: scanned, parsed, rejected, blank, CRLF, BOM. */
function mixedEventsFile(leads: number, events: number, grouped: boolean): string {
  const lines: string[] = [];
  const order = Array.from({ length: events }, (_, i) =>
    grouped ? Math.floor((i * leads) / events) : (i * 7) % leads,
  );
  order.forEach((lead, i) => {
    const id = `L${lead}`;
    const type = ["email_open", "page_view", "form_submit"][i % 3];
    switch (i % 11) {
      case 3:
        // An id the scan leaves to the parser (an escape) is still the same lead.
        lines.push(`{"type":"${type}","lead_id":${JSON.stringify(id).replace("L", "\\u004c")},"n":${i}}`);
        break;
      case 5:
        lines.push(
          `{"type":"${type}","at":"2026-10-01T00:00:00Z","lead_id":" ${id} ","n":-0,"tags":["a",{"b":null}]}\r`,
        );
        break;
      case 7:
        // `lead_id` twice: the last one counts.
        lines.push(`{"lead_id":"nobody","type":"${type}","lead_id":"${id}","n":${i}}`);
        break;
      case 9:
        lines.push("", `{"type":"${type}","n":${i}}`, "{broken");
        lines.push(`{"lead_id":"${id}","type":"${type}","é":"\u00e9 ü","n":1e2}`);
        break;
      default:
        lines.push(`{"lead_id":"${id}","type":"${type}","at":"2026-10-0${(i % 9) + 1}T00:00:00Z","n":${i}}`);
    }
  });
  lines.push(`{"lead_id":12,"type":"email_open"}`);
  return `\uFEFF${lines.join("\n")}`;
}

/**
 * Events whose texts decode and parse in odd ways, each lead's spread over the file (or grouped): bytes
 * that are not UTF-8 (alone, cut short, at a text's end), lone surrogates as escapes (in texts and ids),
 * U+2028, keys named twice (`lead_id` too), `__proto__`, nesting; an event as big as a few others together.
 */
function oddEventsFile(seed: number, leads: number, events: number, grouped: boolean): Buffer {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const pieces: Buffer[] = [];
  const text = (value: string) => Buffer.from(value, "utf8");
  const strings = [
    text('"plain"'),
    text('"\u00e9t\u00e9 \ud800 \udc00x \ud83d\ude00"'),
    Buffer.from([0x22, 0x61, 0xff, 0x62, 0x22]),
    Buffer.from([0x22, 0xc3, 0x22]),
    Buffer.from([0x22, 0xe2, 0x82, 0x22]),
    text('"\u2028  é ✓ 😀"'),
    text(`"${"long ".repeat(40)}"`),
  ];
  for (let i = 0; i < events; i++) {
    const lead = grouped ? Math.floor((i * leads) / events) : next(leads);
    // Most ids plain (the scan files them); some a lone surrogate's escape (the parser's), or named twice.
    const id = [`"L${lead}"`, `"L${lead}"`, `"L${lead}"`, `"L${lead % 5}\\ud800"`, `"L${lead}\\udc00x"`][
      next(5)
    ];
    const members = [text(`"lead_id":${id}`), text(`"type":"email_open","n":${i}`)];
    if (next(6) === 0) members.push(text(`"lead_id":${id}`));
    for (let extra = next(4); extra > 0; extra--) {
      switch (next(5)) {
        case 0:
          members.push(Buffer.concat([text(`"s${next(3)}":`), strings[next(strings.length)]!]));
          break;
        case 1:
          members.push(text('"k":1,"k":[2,{"k":3}]'));
          break;
        case 2:
          members.push(text('"__proto__":{"x":1}'));
          break;
        case 3:
          members.push(Buffer.concat([text('"deep":[[{"a":'), strings[next(strings.length)]!, text("}]]")]));
          break;
        default:
          members.push(text(`"num":${["-0", "1e400", "0.1", "-12.5e-3"][next(4)]}`));
      }
    }
    // The lead_id anywhere among the members.
    const at = next(members.length);
    [members[0], members[at]] = [members[at]!, members[0]!];
    const joined = members.flatMap((member, j) => (j === 0 ? [member] : [text(","), member]));
    pieces.push(Buffer.concat([text("{"), ...joined, text("}\n")]));
  }
  return Buffer.concat(pieces);
}

describe("readEventsByLead", () => {
  it("files events under their lead in file order, without lead_id, with record and line", async () => {
    const text = [
      '{"lead_id":"L2","type":"email_open","at":"2026-10-01T00:00:00Z"}',
      "",
      '{"lead_id":"L1","type":"page_view","at":"2026-10-02T00:00:00Z","url":"/pricing"}',
      '{"lead_id":" L2 ","type":"email_click","at":"2026-10-03T00:00:00Z"}',
      '{"lead_id":7,"type":"demo_request","at":"2026-10-04T00:00:00Z"}',
    ].join("\n");
    const rejects: ReadReject[] = [];
    const index = await readEventsByLead(chunked(text), (reject) => void rejects.push(reject));
    expect(rejects).toEqual([]);
    expect([...index.byLead.entries()]).toEqual([
      [
        "L2",
        [
          { event: { type: "email_open", at: "2026-10-01T00:00:00Z" }, record: 1, line: 1 },
          { event: { type: "email_click", at: "2026-10-03T00:00:00Z" }, record: 3, line: 4 },
        ],
      ],
      [
        "L1",
        [{ event: { type: "page_view", at: "2026-10-02T00:00:00Z", url: "/pricing" }, record: 2, line: 3 }],
      ],
      ["7", [{ event: { type: "demo_request", at: "2026-10-04T00:00:00Z" }, record: 4, line: 5 }]],
    ]);
    expect({ read: index.read, filed: index.filed, rejected: index.rejected }).toEqual({
      read: 4,
      filed: 4,
      rejected: 0,
    });
  });

  it("a lead_id with a lone surrogate is its own lead, not the one whose id has U+FFFD in its place", async () => {
    const text = [
      '{"lead_id":"a\\ud800","type":"email_open","at":"2026-10-01T00:00:00Z"}',
      '{"lead_id":"a\uFFFD","type":"page_view","at":"2026-10-02T00:00:00Z"}',
    ].join("\n");
    for (const memoryEvents of [50_000, 1]) {
      const index = await readEventsByLead(chunked(text), () => undefined, { memoryEvents });
      try {
        expect([...index.byLead.entries()].map(([id, events]) => [id, events.map((e) => e.line)])).toEqual([
          ["a\uD800", [1]],
          ["a\uFFFD", [2]],
        ]);
      } finally {
        index.byLead.dispose();
      }
    }
  });

  it("rejects lines that cannot be filed under a lead, with their line numbers, and counts them", async () => {
    const text = [
      '{"lead_id":"L1","type":"email_open","at":"2026-10-01T00:00:00Z"}',
      '{"type":"email_open","at":"2026-10-01T00:00:00Z"}',
      '{"lead_id":"","type":"email_open"}',
      '{"lead_id":["L1"],"type":"email_open"}',
      "[]",
      "{broken",
      '{"lead_id":"L1","type":"nonsense","at":"yesterday"}',
    ].join("\n");
    const rejects: ReadReject[] = [];
    const index = await readEventsByLead(chunked(text), (reject) => void rejects.push(reject));
    expect(rejects.map((r) => [r.record, r.line, r.reason.replace(/^(invalid JSON):.*/, "$1")])).toEqual([
      [2, 2, "`lead_id` is missing"],
      [3, 3, "`lead_id` must be a non-empty string or a number"],
      [4, 4, "`lead_id` must be a non-empty string or a number"],
      [5, 5, "expected a JSON object, found an array"],
      [6, 6, "invalid JSON"],
    ]);
    expect(rejects[0]?.raw).toBe('{"type":"email_open","at":"2026-10-01T00:00:00Z"}');
    // Type and timestamp are judged with the lead, by validation: the event is filed as it is.
    expect(index.byLead.get("L1")?.map((filed) => filed.line)).toEqual([1, 7]);
    expect({ read: index.read, filed: index.filed, rejected: index.rejected }).toEqual({
      read: 7,
      filed: 2,
      rejected: 5,
    });
  });

  it("moves the events to disk past `memoryEvents`: sorted by lead id, each lead's events in file order", async () => {
    const lines = Array.from(
      { length: 50 },
      (_, i) => `{"lead_id":"L${(i * 7) % 11}","type":"email_open","at":"2026-10-01T00:00:00Z","n":${i}}`,
    );
    lines.splice(20, 0, "{broken");
    const text = lines.join("\n");
    const rejects: ReadReject[] = [];
    const inMemory = await readEventsByLead(chunked(text), () => undefined);
    const onDisk = await readEventsByLead(chunked(text), (reject) => void rejects.push(reject), {
      memoryEvents: 3,
    });
    try {
      expect([inMemory.byLead.onDisk, onDisk.byLead.onDisk]).toEqual([false, true]);
      expect(rejects.map((reject) => reject.line)).toEqual([21]);
      expect({ read: onDisk.read, filed: onDisk.filed, rejected: onDisk.rejected }).toEqual({
        read: 51,
        filed: 50,
        rejected: 1,
      });
      const sorted = <T>(entries: Iterable<[string, T]>) =>
        [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      expect(sorted(onDisk.byLead.entries())).toEqual(sorted(inMemory.byLead.entries()));
      expect(onDisk.byLead.get("L3")).toEqual(inMemory.byLead.get("L3"));
      expect(onDisk.byLead.get("nobody")).toBeUndefined();
      const ids = [...onDisk.byLead.ids()].sort((a, b) => a.first - b.first);
      expect(ids.slice(0, 3)).toEqual([
        { id: "L0", events: 5, first: 1, taken: false },
        { id: "L7", events: 5, first: 2, taken: false },
        { id: "L3", events: 5, first: 3, taken: true },
      ]);
    } finally {
      onDisk.byLead.dispose();
    }
  });

  describe.each([
    ["in memory", {}],
    ["on disk", { memoryEvents: 3 }],
    [
      "on disk, many partitions, small windows",
      { memoryEvents: 3, partitionBits: 2, windowBytes: 200, readBytes: 50 },
    ],
    ["in memory, many partitions", { partitionBits: 1 }],
    [
      "on disk, windows of several small groups",
      { memoryEvents: 3, partitionBits: 5, groupBits: 2, windowBytes: 400, readBytes: 64 },
    ],
  ] satisfies Array<[string, ReadEventsOptions]>)("%s", (_how, options) => {
    it.each([
      ["in no order", false],
      ["grouped by lead", true],
    ])("files every event %s as the general reader does", async (_order, grouped) => {
      const text = mixedEventsFile(23, 400, grouped);
      const rejects: ReadReject[] = [];
      const index = await readEventsByLead(
        chunked(text, [1, 2, 3, 100, 101, 1000, 2500]),
        (reject) => void rejects.push(reject),
        options,
      );
      try {
        const expected = await expectedFiling(text);
        expect(index.byLead.onDisk).toBe("memoryEvents" in options);
        const entries = [...index.byLead.entries()];
        expect(entries).toEqual(expected);
        // The same objects, to the key order and the sign of zero.
        expect(JSON.stringify(entries)).toBe(JSON.stringify(expected));
        const signs = (list: typeof expected) =>
          list.flatMap(([, events]) => events.map(({ event }) => Object.is(event.n, -0)));
        expect(signs(entries)).toEqual(signs(expected));
        expect(signs(entries)).toContain(true);
        expect(
          rejects.map((reject) => [reject.line, reject.reason.replace(/^(invalid JSON):.*/, "$1")]),
        ).toEqual(
          rejects.map((reject) => [
            reject.line,
            reject.raw === "{broken" ? "invalid JSON" : "`lead_id` is missing",
          ]),
        );
        expect(rejects.length).toBe(2 * Math.ceil((400 - 9) / 11));
        expect(index.read).toBe(index.filed + rejects.length);
        expect(index.filed).toBe(expected.reduce((sum, [, events]) => sum + events.length, 0));
        const wanted = ["L7", "12", "L999"];
        for (const id of wanted)
          expect(index.byLead.get(id)).toEqual(expected.find(([each]) => each === id)?.[1]);
        expect([...index.byLead.ids()]).toEqual(
          expected.map(([id, events]) => ({
            id,
            events: events.length,
            first: events[0]?.record,
            taken: wanted.includes(id),
          })),
        );
      } finally {
        index.byLead.dispose();
      }
    });

    it.each([
      ["in no order", false],
      ["grouped by lead", true],
    ])("reads odd event texts back as the general reader does, %s", async (_order, grouped) => {
      const bytes = oddEventsFile(20261205, 37, 300, grouped);
      const index = await readEventsByLead(chunked(bytes, [5, 77, 78, 1000]), () => undefined, options);
      try {
        const expected = await expectedFiling(bytes);
        expect(expected.filter(([id]) => /[\uD800-\uDFFF]/.test(id)).length).toBeGreaterThan(5);
        const entries = [...index.byLead.entries()];
        expect(JSON.stringify(entries)).toBe(JSON.stringify(expected));
        expect(entries).toEqual(expected);
        // Looked up in any order (reads ahead or not), each lead's events are its own.
        const shuffled = expected
          .map((entry, i) => ({ entry, key: (i * 17) % 7 }))
          .sort((a, b) => a.key - b.key);
        for (const { entry } of shuffled) expect(index.byLead.get(entry[0])).toEqual(entry[1]);
      } finally {
        index.byLead.dispose();
      }
    });
  });
});
