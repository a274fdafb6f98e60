import { describe, expect, it } from "vitest";
import { fieldKeyOf } from "../../src/io/column-names.js";

describe("fieldKeyOf", () => {
  it("joins a header's words with _ and lowercases them", () => {
    expect(fieldKeyOf("Prospect ID")).toBe("prospect_id");
    expect(fieldKeyOf(" Total Time Spent on Website ")).toBe("total_time_spent_on_website");
    expect(fieldKeyOf("Do-Not-Email?")).toBe("do_not_email");
    expect(fieldKeyOf("TotalVisits")).toBe("totalvisits");
  });
});
