import { describe, expect, test } from "vitest";
import type { Expr } from "../../src/compile/artifact.js";
import { ExprCompiler } from "../../src/eval/compile-expr.js";
import { createEvalContext } from "../../src/eval/eval-context.js";
import { FALSE, TRUE, UNKNOWN, type Truth } from "../../src/eval/truth.js";
import { artifact, model, profileRule, ref, x } from "../support/artifact-builder.js";
import { scoreWith } from "../support/scoring-helpers.js";

/** The truth value of a lead condition for one lead. */
function truth(expr: Expr, lead: Record<string, unknown>): Truth {
  const compiler = new ExprCompiler();
  const predicate = compiler.compile(expr);
  const ctx = createEvalContext(compiler.slotCount);
  for (const slot of compiler.leadSlots) ctx.values[slot.slot] = slot.normalize(lead[slot.name]);
  return predicate(ctx);
}

const country = ref.lead("country");
const title = ref.lead("title");
const employees = ref.lead("employees", "number");
const stage = ref.lead("stage", "enum");
const partner = ref.lead("is_partner", "boolean");
const signedUp = ref.lead("signed_up", "date");

describe("missing values are unknown in every comparison", () => {
  const missingLeads: Array<[string, Record<string, unknown>]> = [
    ["absent", {}],
    ["null", { country: null, employees: null }],
    ["blank text", { country: "   ", employees: "" }],
    ["undefined", { country: undefined }],
  ];
  test.each(missingLeads)("%s", (_name, lead) => {
    expect(truth(x.eq(country, "US"), lead)).toBe(UNKNOWN);
    expect(truth(x.cmp(country, "!=", "US"), lead)).toBe(UNKNOWN);
    expect(truth(x.in(country, ["US", "CA"]), lead)).toBe(UNKNOWN);
    expect(truth(x.notIn(country, ["US", "CA"]), lead)).toBe(UNKNOWN);
    expect(truth(x.not(x.eq(country, "US")), lead)).toBe(UNKNOWN);
    expect(truth(x.contains(country, "u"), lead)).toBe(UNKNOWN);
    expect(truth(x.startsWith(country, "u"), lead)).toBe(UNKNOWN);
    expect(truth(x.endsWith(country, "s"), lead)).toBe(UNKNOWN);
    expect(truth(x.cmp(employees, ">=", 0), lead)).toBe(UNKNOWN);
    expect(truth(x.cmp(employees, "<", 0), lead)).toBe(UNKNOWN);
    expect(truth(x.between(employees, 0, 1e9), lead)).toBe(UNKNOWN);
  });

  test("`is missing` and `is present` are never unknown", () => {
    expect(truth(x.missing(country), {})).toBe(TRUE);
    expect(truth(x.present(country), {})).toBe(FALSE);
    expect(truth(x.missing(country), { country: "  " })).toBe(TRUE);
    expect(truth(x.missing(country), { country: "US" })).toBe(FALSE);
    expect(truth(x.present(country), { country: "US" })).toBe(TRUE);
    expect(truth(x.not(x.missing(country)), {})).toBe(FALSE);
  });

  test("a number field holding text that is not a number is missing", () => {
    expect(truth(x.cmp(employees, ">", 1), { employees: "12abc" })).toBe(UNKNOWN);
    expect(truth(x.missing(employees), { employees: "12abc" })).toBe(TRUE);
    expect(truth(x.cmp(employees, ">", 1), { employees: " 12 " })).toBe(TRUE);
    expect(truth(x.cmp(employees, ">", 1), { employees: Number.NaN })).toBe(UNKNOWN);
  });
});

describe("and / or / not follow SQL", () => {
  const unknown = x.eq(country, "US"); // country is missing in these leads
  const yes = x.eq(title, "CEO");
  const no = x.eq(title, "CTO");
  const lead = { title: "CEO" };

  test.each([
    ["unknown or true", x.or(unknown, yes), TRUE],
    ["true or unknown", x.or(yes, unknown), TRUE],
    ["unknown or false", x.or(unknown, no), UNKNOWN],
    ["false or false", x.or(no, no), FALSE],
    ["unknown and false", x.and(unknown, no), FALSE],
    ["false and unknown", x.and(no, unknown), FALSE],
    ["unknown and true", x.and(unknown, yes), UNKNOWN],
    ["true and true", x.and(yes, yes), TRUE],
    ["not unknown", x.not(unknown), UNKNOWN],
    ["not true", x.not(yes), FALSE],
    ["not false", x.not(no), TRUE],
    ["three-way or with unknown and true", x.or(no, unknown, yes), TRUE],
    ["three-way or with unknown", x.or(no, unknown, no), UNKNOWN],
    ["three-way and with false last", x.and(yes, unknown, no), FALSE],
    ["three-way and with unknown", x.and(yes, unknown, yes), UNKNOWN],
  ])("%s", (_name, expr, expected) => {
    expect(truth(expr, lead)).toBe(expected);
  });

  test("a rule applies only when its condition is true", () => {
    const a = artifact({
      models: [
        model("m", {
          fit: [
            profileRule(x.notIn(country, ["US"]), 1),
            profileRule(x.cmp(country, "!=", "US"), 2),
            profileRule(x.not(x.eq(country, "US")), 4),
            profileRule(x.or(x.eq(country, "US"), x.eq(title, "CEO")), 8),
            profileRule(x.and(x.eq(country, "US"), x.eq(title, "CTO")), -16),
            profileRule(x.missing(country), 32),
          ],
        }),
      ],
    });
    const result = scoreWith(a, { id: "L", title: "CEO" });
    expect(result.fit).toBe(40);
    expect(result.contributions.map((c) => c.id)).toEqual(["m.fit.4", "m.fit.6"]);
  });
});

describe("text compares case-insensitively, input trimmed", () => {
  test("equality and lists", () => {
    expect(truth(x.eq(title, "CEO"), { title: "  ceo\t" })).toBe(TRUE);
    expect(truth(x.eq(title, "ceo"), { title: "CEO" })).toBe(TRUE);
    expect(truth(x.in(country, ["us", "CA"]), { country: "Us" })).toBe(TRUE);
    expect(truth(x.notIn(country, ["US", "CA"]), { country: "de" })).toBe(TRUE);
    expect(truth(x.cmp(country, "!=", "US"), { country: "us" })).toBe(FALSE);
  });

  test("contains / starts with / ends with, any of several", () => {
    expect(truth(x.contains(title, "Director"), { title: "IT DIRECTOR" })).toBe(TRUE);
    expect(truth(x.contains(title, "student", "intern"), { title: "Summer Intern" })).toBe(TRUE);
    expect(truth(x.contains(title, "student", "intern"), { title: "CEO" })).toBe(FALSE);
    expect(truth(x.startsWith(title, "VP"), { title: "  vp Sales" })).toBe(TRUE);
    expect(truth(x.startsWith(title, "VP"), { title: "SVP Sales" })).toBe(FALSE);
    expect(
      truth(x.endsWith(ref.lead("email"), "@rivalytics.com", "@datacorp.io"), { email: "Bob@DataCorp.IO " }),
    ).toBe(TRUE);
  });

  test("searched text keeps its spaces", () => {
    expect(truth(x.contains(title, " lead"), { title: "Team Lead" })).toBe(TRUE);
    expect(truth(x.contains(title, " lead"), { title: "Leader" })).toBe(FALSE);
  });

  test("enumeration members compare like text", () => {
    expect(truth(x.eq(stage, "customer"), { stage: "Customer" })).toBe(TRUE);
    expect(truth(x.in(stage, ["lead", "mql"]), { stage: " LEAD " })).toBe(TRUE);
  });
});

describe("numbers, booleans and dates", () => {
  test("comparisons and inclusive between", () => {
    expect(truth(x.cmp(employees, ">=", 500), { employees: 500 })).toBe(TRUE);
    expect(truth(x.cmp(employees, ">", 500), { employees: 500 })).toBe(FALSE);
    expect(truth(x.cmp(employees, "<=", 500), { employees: 500 })).toBe(TRUE);
    expect(truth(x.cmp(employees, "<", 500), { employees: 499.5 })).toBe(TRUE);
    expect(truth(x.cmp(employees, "=", 500), { employees: 500 })).toBe(TRUE);
    expect(truth(x.cmp(employees, "!=", 500), { employees: 501 })).toBe(TRUE);
    expect(truth(x.between(employees, 10, 499), { employees: 10 })).toBe(TRUE);
    expect(truth(x.between(employees, 10, 499), { employees: 499 })).toBe(TRUE);
    expect(truth(x.between(employees, 10, 499), { employees: 500 })).toBe(FALSE);
    expect(truth(x.between(employees, 10, 499), { employees: 9 })).toBe(FALSE);
    expect(truth(x.in(employees, [1, 2, 3]), { employees: 2 })).toBe(TRUE);
  });

  test("booleans", () => {
    expect(truth(x.eq(partner, true), { is_partner: true })).toBe(TRUE);
    expect(truth(x.eq(partner, true), { is_partner: false })).toBe(FALSE);
    expect(truth(x.eq(partner, false), { is_partner: "no" })).toBe(TRUE);
    expect(truth(x.eq(partner, true), { is_partner: "maybe" })).toBe(UNKNOWN);
  });

  test("dates compare as instants, whatever their form", () => {
    const after = x.cmp(signedUp, ">", "2026-01-01T00:00:00.000Z");
    expect(truth(after, { signed_up: "2026-01-01T00:00:01Z" })).toBe(TRUE);
    expect(truth(after, { signed_up: "2026-01-01T01:00:00+01:00" })).toBe(FALSE);
    expect(truth(after, { signed_up: new Date(Date.UTC(2026, 0, 2)) })).toBe(TRUE);
    expect(truth(after, { signed_up: Date.UTC(2025, 11, 31) })).toBe(FALSE);
    expect(truth(after, { signed_up: "not a date" })).toBe(UNKNOWN);
    expect(truth(x.between(signedUp, "2026-01-01", "2026-01-31"), { signed_up: "2026-01-31" })).toBe(TRUE);
  });
});
