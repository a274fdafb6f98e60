import fc from "fast-check";

/**
 * Random rulesets, written as `.score` text (so they go through the real compiler), over one fixed
 * schema, and hostile populations of leads and events for it. Every construct of the language appears:
 * comparisons, lists, text tests, between, within, missing/present, not/and/or, booleans, dates, enumerations;
 * event rules with where, each, max, within and decay; `no event`; exclusions; grades; buckets of every
 * kind with their actions; clamps; several models with and without a default.
 */

export const SCHEMA = `ruleset "fuzz" version 3

lead {
  id: string
  title: string?
  email: string?
  employees: number?
  revenue: number?
  is_partner: boolean?
  signed_up: date?
  stage: subscriber | lead | customer
}

event page_view { url: string?, seconds: number? }
event email_open
event demo_request
event form_submit { form: string?, at_home: boolean? }
`;

export const AS_OF = Date.UTC(2026, 10, 1); // 2026-11-01T00:00:00Z
const DAY = 86_400_000;

/** Text that must stay data: quotes, SQL comments, dollar quotes, backslashes, wildcards, Unicode. */
export const HOSTILE_TEXT = [
  "'; DROP TABLE leads; --",
  "$$",
  "$tag$ x $tag$",
  "\\",
  "a\\'b",
  '"quoted"',
  "50%_off",
  "%",
  "_",
  "CEO",
  "ceo",
  " Ceo ",
  "\u00a0VP Sales\u2003",
  "vp",
  "İstanbul",
  "istanbul",
  "ß",
  "SS",
  "Kelvin \u212a",
  "ÉCOLE",
  "école",
  "tab\there",
  "line\nbreak",
  "emoji 😀",
  "",
  "   ",
  "/pricing",
  "/PRICING/plans",
  "@rivalytics.com",
  "bob@RIVALYTICS.COM",
];

/** Text for a rule (quoted as the language quotes it). NUL only where `nul` says so. */
const ruleText = (nul: boolean) =>
  fc.constantFrom(...HOSTILE_TEXT.filter((t) => t.trim() !== "" || t === ""), ...(nul ? ["a\u0000b"] : []));

function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`;
}

const numberLiteral = fc.constantFrom("0", "10", "-5", "2.5", "1.005", "499", "500", "0.125", "1000");
const dateLiteral = fc.constantFrom(
  "2026-10-01",
  "2026-10-31T00:00:00Z",
  "2026-11-01T00:00:00Z",
  "2025-01-01",
);

function leaf(nul: boolean): fc.Arbitrary<string> {
  const textField = fc.constantFrom("title", "email");
  const numField = fc.constantFrom("employees", "revenue");
  return fc.oneof(
    fc
      .tuple(numField, fc.constantFrom("=", "!=", "<", "<=", ">", ">="), numberLiteral)
      .map(([f, op, n]) => `${f} ${op} ${n}`),
    fc
      .tuple(textField, fc.constantFrom("=", "!="), ruleText(nul))
      .map(([f, op, t]) => `${f} ${op} ${quote(t)}`),
    fc
      .tuple(textField, fc.boolean(), fc.array(ruleText(nul), { minLength: 1, maxLength: 3 }))
      .map(([f, negated, ts]) => `${f} ${negated ? "not in" : "in"} [${ts.map(quote).join(", ")}]`),
    fc
      .tuple(textField, fc.constantFrom("contains", "starts with", "ends with"), ruleText(nul))
      .map(([f, op, t]) => `${f} ${op} ${quote(t)}`),
    fc
      .tuple(textField, fc.array(ruleText(nul), { minLength: 1, maxLength: 3 }))
      .map(([f, ts]) => `${f} contains any [${ts.map(quote).join(", ")}]`),
    fc
      .tuple(numField, fc.constantFrom(["0", "10"], ["10", "499"], ["-5", "2.5"]))
      .map(([f, [a, b]]) => `${f} between ${a} and ${b}`),
    fc
      .tuple(
        fc.constantFrom("title", "email", "employees", "is_partner", "signed_up"),
        fc.constantFrom("missing", "present"),
      )
      .map(([f, m]) => `${f} is ${m}`),
    fc.tuple(fc.constantFrom("=", "!="), fc.boolean()).map(([op, b]) => `is_partner ${op} ${b}`),
    fc.tuple(fc.constantFrom("<", ">=", "="), dateLiteral).map(([op, d]) => `signed_up ${op} ${d}`),
    fc.constantFrom("14d", "1d", "30d", "90m").map((window) => `signed_up within ${window}`),
    fc
      .tuple(fc.constantFrom("=", "!="), fc.constantFrom("lead", "customer", "subscriber"))
      .map(([op, v]) => `stage ${op} ${v}`),
    fc.constantFrom("stage in [lead, customer]", "stage not in [subscriber]"),
  );
}

export function condition(nul: boolean): fc.Arbitrary<string> {
  const { tree } = fc.letrec<{ tree: string }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf(nul),
      fc.tuple(tie("tree"), tie("tree")).map(([a, b]) => `(${a}) and (${b})`),
      fc.tuple(tie("tree"), tie("tree")).map(([a, b]) => `(${a}) or (${b})`),
      tie("tree").map((a) => `not (${a})`),
    ),
  }));
  return tree;
}

const points = fc.constantFrom("1", "2.5", "3", "5", "7", "10", "0.005", "1.115", "12.345");
const within = fc.constantFrom(
  "",
  " within 30d",
  " within 14d",
  " within 1d",
  " within 2w",
  " within 90m",
  " within 6h",
);

function eventWhere(nul: boolean): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant(""),
    fc
      .tuple(fc.constantFrom("starts with", "contains", "=", "ends with"), ruleText(nul))
      .map(([op, t]) => ` where url ${op} ${quote(t)}`),
    fc.constantFrom(
      " where seconds >= 120",
      " where seconds is missing",
      " where not (seconds < 30)",
      " where url is present and seconds between 10 and 60",
    ),
  );
}

function engagementRule(nul: boolean): fc.Arbitrary<string> {
  return fc.oneof(
    fc
      .tuple(
        fc.constantFrom(
          "event = page_view",
          "event = email_open",
          "event in [email_open, demo_request]",
          "event = form_submit",
        ),
        fc.constantFrom("add", "subtract"),
        points,
        fc.boolean(),
        fc.option(fc.constantFrom("4", "10", "12.5", "20"), { nil: undefined }),
        within,
      )
      .chain(([event, verb, p, each, max, w]) =>
        (event === "event = page_view"
          ? eventWhere(nul)
          : event === "event = form_submit"
            ? fc.constantFrom("", " where at_home = true", " where form is missing")
            : fc.constant("")
        ).map(
          (where) =>
            `when ${event}${where} ${verb} ${p}${each ? " each" : ""}${max ? ` max ${max}` : ""}${w}`,
        ),
      ),
    fc
      .tuple(
        fc.constantFrom("no event", "no event = email_open", "no event in [page_view, demo_request]"),
        fc.constantFrom("30d", "1d", "90d"),
        fc.constantFrom("add", "subtract"),
        points,
      )
      .map(([no, d, verb, p]) => `when ${no} within ${d} ${verb} ${p}`),
    // Behaviour carried as lead fields: profile rules score engagement too (never decayed).
    fc
      .tuple(condition(nul), fc.constantFrom("add", "subtract"), points)
      .map(([c, verb, p]) => `when ${c} ${verb} ${p}`),
  );
}

function model(name: string, hasWhen: boolean, nul: boolean): fc.Arbitrary<string> {
  return fc
    .record({
      // In parentheses: `when stage = lead {` would read `lead {` as the lead schema.
      when: hasWhen ? condition(nul).map((c) => ` when (${c})`) : fc.constant(""),
      fit: fc.array(fc.tuple(condition(nul), fc.constantFrom("add", "subtract"), points), { maxLength: 4 }),
      engagement: fc.array(engagementRule(nul), { maxLength: 4 }),
      decay: fc.option(
        fc.constantFrom(
          "decay 50% every 30d",
          "decay 10% every 7d",
          "decay 25% every 1d",
          "decay 100% every 14d",
        ),
        { nil: undefined },
      ),
      buckets: fc.option(buckets(nul, name), { nil: undefined }),
      clamp: fc.option(fc.constantFrom("clamp score between 0 and 100", "clamp score between -10 and 10"), {
        nil: undefined,
      }),
    })
    .map((m) =>
      [
        `model ${name}${m.when} {`,
        `  fit {`,
        ...m.fit.map(([c, verb, p]) => `    when ${c} ${verb} ${p}`),
        `  }`,
        `  engagement {`,
        ...m.engagement.map((rule) => `    ${rule}`),
        ...(m.decay ? [`    ${m.decay}`] : []),
        `  }`,
        ...(m.buckets ? m.buckets.map((b) => `  ${b}`) : []),
        ...(m.clamp ? [`  ${m.clamp}`] : []),
        `}`,
      ].join("\n"),
    );
}

function buckets(nul: boolean, prefix: string): fc.Arbitrary<string[]> {
  const action = fc.constantFrom(
    `route sales within 4h say "Offer a demo; don't say \\"$$\\""`,
    "route sdr",
    `nurture "monthly-digest"`,
    `nurture "'; DROP TABLE leads; --"`,
    "disqualify",
  );
  const test = fc.oneof(
    fc.tuple(fc.constantFrom(">=", ">", "<", "<=", "=", "!="), numberLiteral).map(([op, n]) => `${op} ${n}`),
    fc.constantFrom(
      "when grade in [A1, B2]",
      "when grade = a1",
      "when fit >= 10 and engagement < 5",
      "when score between 0 and 10",
      "when grade is missing",
    ),
    condition(nul).map((c) => `when ${c}`),
  );
  return fc
    .tuple(
      fc.array(fc.tuple(test, fc.array(action, { minLength: 1, maxLength: 2 })), { maxLength: 3 }),
      fc.boolean(),
    )
    .map(([tests, otherwise]) => [
      ...tests.map(([t, actions], i) => `bucket ${prefix}B${i} ${t} -> ${actions.join(", ")}`),
      ...(otherwise ? [`bucket ${prefix}Rest otherwise -> disqualify`] : []),
    ]);
}

/** A whole ruleset: the schema, 1–3 models (maybe one default), exclusions, grades, buckets, a clamp. */
export function ruleset(nul: boolean): fc.Arbitrary<string> {
  return fc
    .record({
      models: fc
        .integer({ min: 1, max: 3 })
        .chain((count) =>
          fc
            .tuple(fc.boolean(), fc.integer({ min: 0, max: count - 1 }))
            .chain(([hasDefault, defaultAt]) =>
              fc.tuple(
                ...Array.from({ length: count }, (_, i) =>
                  model(`m${i}`, !(hasDefault && i === defaultAt), nul),
                ),
              ),
            ),
        ),
      exclusions: fc.array(
        fc.oneof(
          condition(nul).map((c) => `exclude when ${c} because "x-${"'"}profile"`),
          fc.constantFrom(
            `exclude when event = demo_request within 1d because "demo; --"`,
            `exclude when no event within 30d because "quiet"`,
            `exclude when event = page_view where url contains "%" because "percent"`,
          ),
        ),
        { maxLength: 2 },
      ),
      // Always graded: buckets may test the grade. Without `else`, some leads get no grade. One scale
      // alone grades by its own labels (named so that the buckets' A1, B2 exist there too).
      grades: fc.constantFrom(
        "grade fit A >= 10, B > 0, else C\ngrade engagement 1 >= 10, 2 >= 2.5",
        "grade fit A >= 10, B > -5\ngrade engagement 1 >= 10, 2 > 0, else 3",
        "grade fit A1 >= 10, B2 > 0, else C3",
        "grade engagement A1 >= 10, B2 > 2.5",
      ),
      buckets: buckets(nul, "g"),
      clamp: fc.option(fc.constant("clamp score between -20 and 50"), { nil: undefined }),
    })
    .map(
      (r) =>
        `${[
          SCHEMA,
          ...r.models,
          ...r.exclusions,
          ...(r.grades ? [r.grades] : []),
          ...r.buckets,
          ...(r.clamp ? [r.clamp] : []),
        ].join("\n")}\n`,
    );
}

/** Hostile values for a field of each type (and missing ones). */
const textValue = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.constant(null),
  fc.constant(undefined),
  fc.string({ maxLength: 6 }),
);
const numberValue = fc.oneof(
  fc.constantFrom(0, 10, -5, 2.5, 499, 500, 1000, 0.125, 1.005, -0.005, null, undefined, "12", " 7 ", "n/a"),
  fc.double({ min: -2000, max: 2000, noNaN: true }),
);
const instant = fc.oneof(
  fc.constantFrom(
    AS_OF,
    AS_OF + 1,
    AS_OF - 1,
    AS_OF - 30 * DAY,
    AS_OF - 30 * DAY + 1,
    AS_OF - 14 * DAY,
    AS_OF - DAY,
    AS_OF - 7 * DAY,
    AS_OF - 60 * DAY,
    AS_OF - 90 * 60_000,
    AS_OF - 6 * 3_600_000,
  ),
  fc.integer({ min: AS_OF - 120 * DAY, max: AS_OF + DAY }),
);
const dateValue = fc.oneof(
  instant.map((ms) => new Date(ms).toISOString()),
  fc.constantFrom("2026-10-31", "2026-11-01T01:00:00+02:00", "not a date", null, undefined),
);

const event = fc.record({
  type: fc.constantFrom(
    "page_view",
    "PAGE_VIEW",
    " email_open ",
    "email_open",
    "demo_request",
    "form_submit",
    "unknown_type",
    "Demo_Request",
  ),
  at: fc.oneof(
    instant.map((ms) => new Date(ms).toISOString()),
    fc.constantFrom("bad time", null),
  ),
  url: textValue,
  seconds: numberValue,
  form: textValue,
  at_home: fc.constantFrom(true, false, null, "yes"),
});

export const lead = fc.record({
  lead: fc.record({
    id: fc.oneof(
      fc.string({ minLength: 1, maxLength: 4 }).map((s) => `L${s}`),
      fc.constantFrom(" L1 ", "L1", "l1", null),
    ),
    title: textValue,
    email: textValue,
    employees: numberValue,
    revenue: numberValue,
    is_partner: fc.constantFrom(true, false, null, undefined, "yes", "0"),
    signed_up: dateValue,
    stage: fc.constantFrom("lead", "LEAD", " customer ", "subscriber", null),
  }),
  events: fc.array(event, { maxLength: 6 }),
});

/** Removes U+0000 from a population for engines whose text cannot hold it (PostgreSQL). */
export function withoutNul<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replace(/\\u0000/g, "")) as T;
}
