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
});
