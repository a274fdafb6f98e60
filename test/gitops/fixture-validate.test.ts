import { beforeAll, describe, expect, test } from "vitest";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import { suggestEventTypes, validateRecords } from "../../src/gitops/fixture-validate.js";
import { createRuleset, type Ruleset } from "../../src/run/ruleset.js";
import { RULES_DIR } from "../support/paths.js";

let ruleset: Ruleset;
let types: string[];

beforeAll(async () => {
  const compiled = await compileDirectory(RULES_DIR, { displayPrefix: "rules" });
  ruleset = createRuleset(compiled.artifact!);
  types = compiled.artifact!.schema.events.map((event) => event.name);
});

describe("suggestEventTypes", () => {
  test.each([
    ["emial_open", ["email_open"]], // a typo away, as the ruleset's own validation finds
    ["webinar", ["webinar_attended"]], // the first word of the type
    ["webnar", ["webinar_attended"]], // a word of the type, misspelt
    ["demo", ["demo_request"]],
    ["demo_req", ["demo_request"]], // the beginning of the type
    ["click", ["email_click"]], // a later word
    ["bounce", ["email_bounce"]],
    ["email", ["email_open", "email_click", "email_bounce"]], // several, in declaration order
    ["page", ["page_view"]],
    ["signup", []],
    ["e", []],
    ["at", []], // too short to be a word of anything
  ])("%s → %j", (name, expected) => {
    expect(suggestEventTypes(name, types)).toEqual(expected);
  });

  test("none when more than three types would do", () => {
    expect(suggestEventTypes("email", ["email_a", "email_b", "email_c", "email_d"])).toEqual([]);
  });
});

describe("validateRecords", () => {
  test("suggests the types an unknown one likely means; every other issue is the ruleset's own", () => {
    const lead = { id: "L1", email: "a@b.com", title: "CEO", stage: "lead", employees: "many" };
    const events = [
      { type: " webinar ", at: "2026-10-20T08:00:00Z" },
      { type: "email", at: "2026-10-20T08:00:00Z" },
      { type: "signup", at: "2026-10-20T08:00:00Z" },
      { type: "Email_Open", at: "2026-10-20T08:00:00Z" }, // known: types compare case-insensitively
      { type: "emial_open", at: "2026-10-20T08:00:00Z" },
      { type: 5, at: "2026-10-20T08:00:00Z" },
    ];
    expect(validateRecords(ruleset, lead, events)).toEqual([
      { path: "lead.employees", reason: "must be a number" },
      { path: "events[0].type", reason: "unknown event type `webinar` (did you mean `webinar_attended`?)" },
      {
        path: "events[1].type",
        reason: "unknown event type `email` (did you mean `email_open`, `email_click` or `email_bounce`?)",
      },
      { path: "events[2].type", reason: "unknown event type `signup`" },
      { path: "events[4].type", reason: "unknown event type `emial_open` (did you mean `email_open`?)" },
      { path: "events[5].type", reason: "must be text" },
    ]);
  });
});
