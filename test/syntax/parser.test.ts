import { describe, expect, test } from "vitest";
import type * as Ast from "../../src/syntax/ast.js";
import { parseSource } from "../../src/syntax/parse.js";

/** Parses text that must be free of diagnostics. */
function parse(text: string): Ast.SourceFile {
  const { file, diagnostics } = parseSource("t.score", text);
  expect(diagnostics).toEqual([]);
  return file;
}

/** The tree without spans (`each` becomes true), to compare shapes and values. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value === null || typeof value !== "object") return value;
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === "span" || key === "keyword") continue;
    result[key] = key === "each" ? field !== null : shape(field);
  }
  return result;
}

function declarations(text: string): unknown[] {
  return parse(text).declarations.map(shape) as unknown[];
}

/** The condition of the only rule of a fit section. */
function condition(text: string): unknown {
  const model = parse(`model m { fit { when ${text} add 1 } }`).declarations[0] as Ast.ModelDecl;
  const rule = (model.items[0] as Ast.SectionDecl).items[0] as Ast.RuleDecl;
  return shape(rule.condition);
}

/** The expression of a profile condition. */
function expr(text: string): unknown {
  return (condition(text) as { expr: unknown }).expr;
}

const id = (name: string) => ({ kind: "Identifier", name });
const word = (value: string) => ({ kind: "Word", value });
const num = (raw: string) => ({ kind: "Number", value: Number(raw), raw });
const str = (value: string) => ({ kind: "String", value });
const cmp = (subject: string, operator: string, value: unknown) => ({
  kind: "Compare",
  operator,
  subject: id(subject),
  value,
});
const list = (...items: unknown[]) => ({ kind: "InlineList", items });
const duration = (raw: string, amount: number, unit: string, ms: number) => ({
  kind: "Duration",
  amount,
  unit,
  raw,
  ms,
});

describe("declarations", () => {
  test("ruleset header, with and without a version", () => {
    expect(declarations('ruleset "acme" version 2\nruleset "b"')).toEqual([
      { kind: "RulesetHeader", name: str("acme"), version: num("2") },
      { kind: "RulesetHeader", name: str("b"), version: null },
    ]);
  });

  test("lead schema: primitive types, optional fields, enumerations, optional commas, keywords as names", () => {
    expect(
      declarations(
        "lead { id: string, employees: number?\n stage: new | lead | won date: date? score: number event: string }",
      ),
    ).toEqual([
      {
        kind: "Lead",
        fields: [
          { kind: "Field", name: id("id"), type: { kind: "PrimitiveType", name: "string" }, optional: false },
          {
            kind: "Field",
            name: id("employees"),
            type: { kind: "PrimitiveType", name: "number" },
            optional: true,
          },
          {
            kind: "Field",
            name: id("stage"),
            type: { kind: "EnumType", members: [id("new"), id("lead"), id("won")] },
            optional: false,
          },
          { kind: "Field", name: id("date"), type: { kind: "PrimitiveType", name: "date" }, optional: true },
          {
            kind: "Field",
            name: id("score"),
            type: { kind: "PrimitiveType", name: "number" },
            optional: false,
          },
          {
            kind: "Field",
            name: id("event"),
            type: { kind: "PrimitiveType", name: "string" },
            optional: false,
          },
        ],
      },
    ]);
    expect(declarations("lead {}")).toEqual([{ kind: "Lead", fields: [] }]);
  });

  test("events, with and without properties", () => {
    expect(
      declarations("event email_open\nevent page_view { url: string, seconds: number? }\nevent demo {}"),
    ).toEqual([
      { kind: "Event", name: id("email_open"), properties: [] },
      {
        kind: "Event",
        name: id("page_view"),
        properties: [
          {
            kind: "Field",
            name: id("url"),
            type: { kind: "PrimitiveType", name: "string" },
            optional: false,
          },
          {
            kind: "Field",
            name: id("seconds"),
            type: { kind: "PrimitiveType", name: "number" },
            optional: true,
          },
        ],
      },
      { kind: "Event", name: id("demo"), properties: [] },
    ]);
  });

  test("lists: every kind of value, a trailing comma, the empty list", () => {
    const [full, empty] = parse('list a = ["@x.com", 10, -2.5, 2026-01-31, US, lead, no,]\nlist b = []')
      .declarations as Ast.ListDecl[];
    expect(shape(full)).toEqual({
      kind: "List",
      name: id("a"),
      items: list(
        str("@x.com"),
        num("10"),
        num("-2.5"),
        { kind: "Date", raw: "2026-01-31", epochMs: Date.UTC(2026, 0, 31) },
        word("US"),
        word("lead"),
        word("no"),
      ),
    });
    expect(shape(empty)).toEqual({ kind: "List", name: id("b"), items: list() });
  });

  test("exclusions: profile, event with a window, no event", () => {
    expect(
      declarations(
        'exclude when email ends with competitor_domains because "competitor"\n' +
          'exclude when event = job_application within 90d because "job seeker"\n' +
          'exclude when no event within 1w because "dormant"',
      ),
    ).toEqual([
      {
        kind: "Exclude",
        condition: {
          kind: "ProfileCondition",
          expr: {
            kind: "Text",
            operator: "ends_with",
            any: false,
            subject: id("email"),
            target: word("competitor_domains"),
          },
        },
        within: null,
        reason: str("competitor"),
      },
      {
        kind: "Exclude",
        condition: {
          kind: "EventCondition",
          test: { kind: "EventTypeTest", operator: "=", types: [id("job_application")] },
          where: null,
        },
        within: duration("90d", 90, "d", 7_776_000_000),
        reason: str("job seeker"),
      },
      {
        kind: "Exclude",
        condition: { kind: "NoEventCondition", test: null, within: duration("1w", 1, "w", 604_800_000) },
        within: null,
        reason: str("dormant"),
      },
    ]);
  });

  test("grades: letters and digits, `>=` and `>`, with and without a fallback", () => {
    const tier = (label: string, operator: string, threshold: string) => ({
      kind: "GradeTier",
      label: { kind: "GradeLabel", text: label },
      operator,
      threshold: num(threshold),
    });
    expect(declarations("grade fit A >= 50, B > 30, else C\ngrade engagement 1 >= 60, 2 >= 30")).toEqual([
      {
        kind: "Grade",
        dimension: "fit",
        tiers: [tier("A", ">=", "50"), tier("B", ">", "30")],
        fallback: { kind: "GradeLabel", text: "C" },
      },
      {
        kind: "Grade",
        dimension: "engagement",
        tiers: [tier("1", ">=", "60"), tier("2", ">=", "30")],
        fallback: null,
      },
    ]);
  });

  test("buckets: threshold, condition, otherwise; every action, several actions", () => {
    expect(
      declarations(
        'bucket SQL when grade in [A1, A2] -> route sales within 4h say "Offer a demo", nurture "x"\n' +
          "bucket MQL >= 100 -> route sales\n" +
          "bucket Dead otherwise -> disqualify",
      ),
    ).toEqual([
      {
        kind: "Bucket",
        name: id("SQL"),
        test: {
          kind: "When",
          expr: { kind: "In", negated: false, subject: id("grade"), target: list(word("A1"), word("A2")) },
        },
        actions: [
          {
            kind: "Route",
            team: id("sales"),
            within: duration("4h", 4, "h", 14_400_000),
            say: str("Offer a demo"),
          },
          { kind: "Nurture", campaign: str("x") },
        ],
      },
      {
        kind: "Bucket",
        name: id("MQL"),
        test: { kind: "Threshold", operator: ">=", value: num("100") },
        actions: [{ kind: "Route", team: id("sales"), within: null, say: null }],
      },
      { kind: "Bucket", name: id("Dead"), test: { kind: "Otherwise" }, actions: [{ kind: "Disqualify" }] },
    ]);
  });

  test("clamp", () => {
    expect(declarations("clamp score between 0 and 100")).toEqual([
      { kind: "Clamp", min: num("0"), max: num("100") },
    ]);
  });

  test("models keep their items in source order; sections keep rules and decay in source order", () => {
    const [model] = declarations(
      'model m "Label" when stage = customer {\n' +
        "  bucket Hot >= 50 -> disqualify\n" +
        "  engagement { decay 50% every 30d\n when event = a add 1 }\n" +
        "  clamp score between 0 and 10\n" +
        "  fit { }\n" +
        "}",
    ) as Array<{ items: Array<{ kind: string; items?: Array<{ kind: string }> }> }>;
    expect(shape(model)).toMatchObject({
      kind: "Model",
      name: id("m"),
      label: str("Label"),
      when: cmp("stage", "=", word("customer")),
    });
    expect(model!.items.map((item) => item.kind)).toEqual(["Bucket", "Section", "Clamp", "Section"]);
    expect(model!.items[1]!.items!.map((item) => item.kind)).toEqual(["Decay", "Rule"]);
    expect(model!.items[1]).toMatchObject({
      name: "engagement",
      items: [
        { kind: "Decay", percent: num("50"), every: duration("30d", 30, "d", 2_592_000_000) },
        { kind: "Rule" },
      ],
    });
    expect(declarations("model plain { }")).toEqual([
      { kind: "Model", name: id("plain"), label: null, when: null, items: [] },
    ]);
  });
});

describe("rules and effects", () => {
  function effect(text: string): unknown {
    const model = parse(`model m { engagement { when event = x ${text} } }`).declarations[0] as Ast.ModelDecl;
    return shape(((model.items[0] as Ast.SectionDecl).items[0] as Ast.RuleDecl).effect);
  }

  test("add and subtract, each, max and within, in that order", () => {
    expect(effect("add 15 each max 30 within 30d")).toEqual({
      kind: "Effect",
      verb: "add",
      points: num("15"),
      each: true,
      max: num("30"),
      within: duration("30d", 30, "d", 2_592_000_000),
    });
    expect(effect("subtract 2.5")).toEqual({
      kind: "Effect",
      verb: "subtract",
      points: num("2.5"),
      each: false,
      max: null,
      within: null,
    });
    expect(effect("add 1 within 15m")).toMatchObject({
      each: false,
      max: null,
      within: duration("15m", 15, "m", 900_000),
    });
    expect(effect("add 1 each")).toMatchObject({ each: true, max: null, within: null });
  });

  test("event conditions: `=`, `in [...]`, `where`", () => {
    expect(condition('event = page_view where url starts with "/pricing" and seconds >= 120')).toEqual({
      kind: "EventCondition",
      test: { kind: "EventTypeTest", operator: "=", types: [id("page_view")] },
      where: {
        kind: "And",
        operands: [
          {
            kind: "Text",
            operator: "starts_with",
            any: false,
            subject: id("url"),
            target: str("/pricing"),
          },
          cmp("seconds", ">=", num("120")),
        ],
      },
    });
    expect(condition("event in [email_open, email_click]")).toEqual({
      kind: "EventCondition",
      test: { kind: "EventTypeTest", operator: "in", types: [id("email_open"), id("email_click")] },
      where: null,
    });
  });

  test("no-event conditions, with and without an event test", () => {
    expect(condition("no event within 90d")).toEqual({
      kind: "NoEventCondition",
      test: null,
      within: duration("90d", 90, "d", 7_776_000_000),
    });
    expect(condition("no event = email_open within 2w")).toEqual({
      kind: "NoEventCondition",
      test: { kind: "EventTypeTest", operator: "=", types: [id("email_open")] },
      within: duration("2w", 2, "w", 1_209_600_000),
    });
    expect(condition("no event in [a, b] within 4h")).toMatchObject({
      test: { kind: "EventTypeTest", operator: "in", types: [id("a"), id("b")] },
    });
  });

  test("anything else is a profile condition", () => {
    expect(condition("title = CEO")).toEqual({
      kind: "ProfileCondition",
      expr: cmp("title", "=", word("CEO")),
    });
  });
});

describe("expressions", () => {
  const a = cmp("a", "=", num("1"));
  const b = cmp("b", "=", num("2"));
  const c = cmp("c", "=", num("3"));

  test("`and` binds tighter than `or`; a chain of either is one node with every operand", () => {
    expect(expr("a = 1 or b = 2 and c = 3")).toEqual({
      kind: "Or",
      operands: [a, { kind: "And", operands: [b, c] }],
    });
    expect(expr("a = 1 and b = 2 or c = 3")).toEqual({
      kind: "Or",
      operands: [{ kind: "And", operands: [a, b] }, c],
    });
    expect(expr("a = 1 or b = 2 or c = 3")).toEqual({ kind: "Or", operands: [a, b, c] });
    expect(expr("a = 1 and b = 2 and c = 3")).toEqual({ kind: "And", operands: [a, b, c] });
  });

  test("`not` binds tightest and may repeat", () => {
    expect(expr("not a = 1 and b = 2")).toEqual({ kind: "And", operands: [{ kind: "Not", operand: a }, b] });
    expect(expr("not not a = 1")).toEqual({ kind: "Not", operand: { kind: "Not", operand: a } });
  });

  test("parentheses are kept as groups", () => {
    expect(expr("(a = 1 or b = 2) and c = 3")).toEqual({
      kind: "And",
      operands: [{ kind: "Group", expr: { kind: "Or", operands: [a, b] } }, c],
    });
    expect(expr("not (a = 1)")).toEqual({ kind: "Not", operand: { kind: "Group", expr: a } });
  });

  test("`between … and` inside an `and` chain takes its own `and`", () => {
    expect(expr("employees between 10 and 499 and c = 3 and x between -1 and 2026-01-01")).toEqual({
      kind: "And",
      operands: [
        { kind: "Between", subject: id("employees"), low: num("10"), high: num("499") },
        c,
        {
          kind: "Between",
          subject: id("x"),
          low: num("-1"),
          high: { kind: "Date", raw: "2026-01-01", epochMs: Date.UTC(2026, 0, 1) },
        },
      ],
    });
  });

  test("every comparison operator", () => {
    for (const operator of ["=", "!=", "<", "<=", ">", ">="]) {
      expect(expr(`score ${operator} 5`)).toEqual(cmp("score", operator, num("5")));
    }
  });

  test("values on the right: strings, numbers, dates, words, keyword-looking words", () => {
    expect(expr('title = "VP Sales"')).toEqual(cmp("title", "=", str("VP Sales")));
    expect(expr("stage = lead")).toEqual(cmp("stage", "=", word("lead")));
    expect(expr("is_partner = true")).toEqual(cmp("is_partner", "=", word("true")));
    expect(expr("consent = no")).toEqual(cmp("consent", "=", word("no")));
    expect(expr("signup > 2026-01-31T10:00:00Z")).toEqual(
      cmp("signup", ">", { kind: "Date", raw: "2026-01-31T10:00:00Z", epochMs: Date.UTC(2026, 0, 31, 10) }),
    );
  });

  test("subjects may be the words that are names elsewhere", () => {
    expect(
      expr("grade in [A1] or fit >= 50 or engagement < 3 or score > 1 or lead = x or date is present"),
    ).toMatchObject({
      kind: "Or",
      operands: expect.arrayContaining([{ kind: "Presence", subject: id("date"), present: true }]),
    });
  });

  test("membership: inline lists and list names, negated", () => {
    expect(expr("country in [US, CA]")).toEqual({
      kind: "In",
      negated: false,
      subject: id("country"),
      target: list(word("US"), word("CA")),
    });
    expect(expr("country not in target_countries")).toEqual({
      kind: "In",
      negated: true,
      subject: id("country"),
      target: { kind: "ListReference", name: id("target_countries") },
    });
  });

  test("text tests: contains, contains any (list or list name), starts with, ends with", () => {
    expect(expr('title contains "Director"')).toEqual({
      kind: "Text",
      operator: "contains",
      any: false,
      subject: id("title"),
      target: str("Director"),
    });
    expect(expr("title contains any [student, intern]")).toEqual({
      kind: "Text",
      operator: "contains",
      any: true,
      subject: id("title"),
      target: list(word("student"), word("intern")),
    });
    expect(expr("title contains any junior_titles")).toEqual({
      kind: "Text",
      operator: "contains",
      any: true,
      subject: id("title"),
      target: { kind: "ListReference", name: id("junior_titles") },
    });
    expect(expr("title contains [a, b]")).toMatchObject({ any: false, target: list(word("a"), word("b")) });
    expect(expr('url starts with ["/a", "/b"]')).toMatchObject({
      operator: "starts_with",
      target: list(str("/a"), str("/b")),
    });
    expect(expr("email ends with competitor_domains")).toMatchObject({
      operator: "ends_with",
      any: false,
      target: word("competitor_domains"),
    });
  });

  test("presence tests", () => {
    expect(expr("industry is missing")).toEqual({
      kind: "Presence",
      subject: id("industry"),
      present: false,
    });
    expect(expr("industry is present")).toEqual({ kind: "Presence", subject: id("industry"), present: true });
  });
});

describe("spans", () => {
  test("every node covers exactly its text: 1-based line/column, 0-based offset, end exclusive", () => {
    const text = "model m {\n  fit {\n    when title in [CEO, CTO] and not x is missing add 30\n  }\n}\n";
    const file = parse(text);
    const model = file.declarations[0] as Ast.ModelDecl;
    const section = model.items[0] as Ast.SectionDecl;
    const rule = section.items[0] as Ast.RuleDecl;
    const covered = (node: { span: Ast.Span }) => text.slice(node.span.start.offset, node.span.end.offset);

    expect(file.span).toEqual({
      file: "t.score",
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 6, column: 1, offset: text.length },
    });
    expect(covered(model)).toBe(text.trimEnd());
    expect(covered(section)).toBe("fit {\n    when title in [CEO, CTO] and not x is missing add 30\n  }");
    expect(section.keyword).toEqual({
      file: "t.score",
      start: { line: 2, column: 3, offset: 12 },
      end: { line: 2, column: 6, offset: 15 },
    });
    expect(rule.span).toEqual({
      file: "t.score",
      start: { line: 3, column: 5, offset: 22 },
      end: { line: 3, column: 57, offset: 74 },
    });
    expect(covered(rule)).toBe("when title in [CEO, CTO] and not x is missing add 30");

    const condition = rule.condition as Ast.ProfileCondition;
    const and = condition.expr as Ast.AndExpr;
    expect(covered(condition)).toBe("title in [CEO, CTO] and not x is missing");
    const [left, right] = and.operands;
    expect(covered(left!)).toBe("title in [CEO, CTO]");
    expect(covered((left as Ast.InExpr).target)).toBe("[CEO, CTO]");
    expect(covered(((left as Ast.InExpr).target as Ast.InlineList).items[1]!)).toBe("CTO");
    expect(covered(right!)).toBe("not x is missing");
    expect(covered((right as Ast.NotExpr).operand)).toBe("x is missing");
    expect(covered(rule.effect)).toBe("add 30");
    expect(covered(rule.effect.points)).toBe("30");
  });

  test("spans of optional parts and of declarations that end with one", () => {
    const text =
      'bucket A >= 1 -> route sales within 4h say "Hi"\nevent e { a: string? }\nrule_free_line_for_comment # x';
    const { file } = parseSource("t.score", text);
    const bucket = file.declarations[0] as Ast.BucketDecl;
    const event = file.declarations[1] as Ast.EventDecl;
    const covered = (node: { span: Ast.Span }) => text.slice(node.span.start.offset, node.span.end.offset);
    expect(covered(bucket)).toBe('bucket A >= 1 -> route sales within 4h say "Hi"');
    expect(covered(bucket.test)).toBe(">= 1");
    expect(covered(bucket.actions[0]!)).toBe('route sales within 4h say "Hi"');
    expect(covered(event)).toBe("event e { a: string? }");
    expect(covered(event.properties[0]!)).toBe("a: string?");
  });

  test("the effect's `each` is the span of the keyword", () => {
    const text = "model m { engagement { when event = x add 1 each } }";
    const model = parse(text).declarations[0] as Ast.ModelDecl;
    const rule = (model.items[0] as Ast.SectionDecl).items[0] as Ast.RuleDecl;
    expect(rule.effect.each).toEqual({
      file: "t.score",
      start: { line: 1, column: 45, offset: 44 },
      end: { line: 1, column: 49, offset: 48 },
    });
  });
});

describe("the source file", () => {
  test("keeps the path, the text and every comment", () => {
    const text = "# head\nlead { id: string } # tail\n";
    const file = parse(text);
    expect(file.kind).toBe("SourceFile");
    expect(file.path).toBe("t.score");
    expect(file.text).toBe(text);
    expect(file.comments.map((c) => c.text)).toEqual(["# head", "# tail"]);
  });

  test("an empty file or one with only comments has no declarations and no diagnostics", () => {
    expect(parse("").declarations).toEqual([]);
    expect(parse("  \n# nothing here\n\t").declarations).toEqual([]);
  });
});
