import { describe, expect, it } from "vitest";
import type { Expr, Ref } from "../../src/compile/artifact.js";
import { describeDuration, describeExpr, describeMatch } from "../../src/compile/print-artifact.js";

const title: Ref = { scope: "lead", name: "title", type: "string" };
const employees: Ref = { scope: "lead", name: "employees", type: "number" };
const country: Ref = { scope: "lead", name: "country", type: "string" };

describe("conditions in source syntax", () => {
  it("groups an `or` inside an `and` (and the reverse), and writes `not in` as written", () => {
    const expr: Expr = {
      op: "and",
      args: [
        {
          op: "or",
          args: [
            { op: "contains", ref: title, values: ["Head of"] },
            { op: "starts_with", ref: title, values: ["Lead"] },
          ],
        },
        { op: "compare", cmp: ">=", ref: employees, value: 50 },
        { op: "not", arg: { op: "in", ref: country, values: ["US", "CA"], list: "target_countries" } },
      ],
    };
    expect(describeExpr(expr)).toBe(
      '(title contains "Head of" or title starts with "Lead") and employees >= 50 and country not in target_countries',
    );
  });

  it("writes text tests against several values the way the language does", () => {
    expect(describeExpr({ op: "contains", ref: title, values: ["student", "intern"] })).toBe(
      "title contains any [student, intern]",
    );
    expect(describeExpr({ op: "ends_with", ref: title, values: ["@a.com", "@b.io"] })).toBe(
      'title ends with ["@a.com", "@b.io"]',
    );
    expect(describeExpr({ op: "ends_with", ref: title, values: ["@a.com"], list: "competitors" })).toBe(
      "title ends with competitors",
    );
  });

  it("writes presence, ranges and negated groups", () => {
    expect(describeExpr({ op: "missing", ref: country })).toBe("country is missing");
    expect(describeExpr({ op: "between", ref: employees, low: 10, high: 499 })).toBe(
      "employees between 10 and 499",
    );
    expect(
      describeExpr({
        op: "not",
        arg: {
          op: "or",
          args: [
            { op: "present", ref: country },
            { op: "compare", cmp: "=", ref: title, value: "VP Sales" },
          ],
        },
      }),
    ).toBe('not (country is present or title = "VP Sales")');
  });

  it("writes event tests and windows", () => {
    expect(describeMatch({ kind: "event", types: ["page_view"], where: null })).toBe("event = page_view");
    expect(describeMatch({ kind: "event", types: ["email_open", "email_click"], where: null })).toBe(
      "event in [email_open, email_click]",
    );
    expect(describeMatch({ kind: "no_event", types: null, withinMs: 90 * 86_400_000 })).toBe(
      "no event within 90d",
    );
    expect([
      describeDuration(4 * 3_600_000),
      describeDuration(90 * 60_000),
      describeDuration(14 * 86_400_000),
    ]).toEqual(["4h", "90m", "14d"]);
  });
});
