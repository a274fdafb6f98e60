import { describe, expect, test } from "vitest";
import { readEventTimes } from "../../src/eval/event-times.js";

describe("readEventTimes", () => {
  test("reads each event's `at` as scoring does, NaN for what is no time or no event", () => {
    const times = readEventTimes([
      { type: "email_open", at: "2026-10-30T10:00:00Z" },
      { type: "email_open", at: " 2026-10-30 12:00:00+02:00 " },
      { type: "email_open", at: 1_790_000_000_000 },
      { type: "email_open", at: new Date(Date.UTC(2026, 9, 1)) },
      { type: "email_open", at: "30/10/2026" },
      { type: "email_open", at: 9e15 },
      { type: "email_open" },
      null,
      "email_open",
    ]);
    expect(times).toEqual([
      Date.UTC(2026, 9, 30, 10),
      Date.UTC(2026, 9, 30, 10),
      1_790_000_000_000,
      Date.UTC(2026, 9, 1),
      NaN,
      NaN,
      NaN,
      NaN,
      NaN,
    ]);
  });
});
