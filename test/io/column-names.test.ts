import { describe, expect, test } from "vitest";
import { ColumnMapper, fieldKeyOf } from "../../src/io/column-names.js";

describe("CSV headers name lead fields", () => {
  test("headers written for people become field keys", () => {
    expect(fieldKeyOf("Prospect ID")).toBe("prospect_id");
    expect(fieldKeyOf(" Total Time Spent on Website ")).toBe("total_time_spent_on_website");
    expect(fieldKeyOf("TotalVisits")).toBe("totalvisits");
    expect(fieldKeyOf("What is your current occupation?")).toBe("what_is_your_current_occupation");
  });

  test("exact names are kept, others matched by key, unknown headers pass through unchanged", () => {
    const mapper = new ColumnMapper(["id", "prospect_id", "totalVisits"]);
    expect(mapper.map({ id: "1", "Prospect ID": "p", TotalVisits: "5", Country: "IN" })).toEqual({
      id: "1",
      prospect_id: "p",
      totalVisits: "5",
      Country: "IN",
    });
  });

  test("an exact header wins over a header that only matches by key; no two columns fill one field", () => {
    const mapper = new ColumnMapper(["lead_source"]);
    expect(mapper.map({ "Lead Source": "web", lead_source: "ads" })).toEqual({
      "Lead Source": "web",
      lead_source: "ads",
    });
    expect(mapper.map({ "Lead Source": "web", "lead-source": "ads" })).toEqual({
      lead_source: "web",
      "lead-source": "ads",
    });
  });
});

describe("explicit column names (--columns)", () => {
  test("map a header to a field before any matching, and take the field from other headers", () => {
    const mapper = new ColumnMapper(["id", "origin"], new Map([["Prospect ID", "id"]]));
    expect(mapper.map({ "Prospect ID": "p1", id: "42", Origin: "API" })).toEqual({ id: "p1", origin: "API" });
  });
});
