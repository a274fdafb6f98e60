import { describe, expect, it } from "vitest";
import type { ReadReject } from "../../src/io/read-item.js";
import { readEventsByLead } from "../../src/io/read-events.js";
import { chunked } from "../support/read-helpers.js";

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
});
