import { describe, expect, test } from "vitest";
import type { Expr, Match } from "../../src/compile/artifact.js";
import { compileSources } from "../../src/compile/compile-ruleset.js";

const SCHEMA = `ruleset "names" version 1
lead {
  id: string
  country: string?
  employees: number?
}
event page_view { url: string, country: string? }
event webinar { country: string? }
list competitors = ["Rival"]
grade fit A >= 10, B >= 0
grade engagement 1 >= 10, 2 >= 0
`;

function compile(rules: string) {
  return compileSources([
    { path: "schema.score", text: SCHEMA },
    { path: "rules.score", text: rules },
  ]);
}

function errors(rules: string) {
  return compile(rules)
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => ({ code: d.code, line: d.span.start.line, column: d.span.start.column, hint: d.hint }));
}

function firstMatch(rules: string): Match {
  const { artifact, diagnostics } = compile(rules);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return artifact!.models[0]!.rules[0]!.match;
}

describe("names in conditions: one resolution, read by the checker and by lowering", () => {
  test("in `where`, a name is the event's property even when a lead field has the same name", () => {
    const match = firstMatch(`model m {
  engagement {
    when event in [page_view, webinar] where country = US add 5
  }
}`);
    expect(match).toMatchObject({
      kind: "event",
      where: { op: "compare", ref: { scope: "event", name: "country", type: "string" } },
    });
  });

  test("in `where`, a lead field is never read: the name is an error, with where to test it instead", () => {
    expect(
      errors(`model m {
  engagement {
    when event = page_view where employees > 10 add 5
  }
}`),
    ).toEqual([
      {
        code: "LS203",
        line: 3,
        column: 34,
        hint: "`employees` is a lead field: test it in the fit section or the model's `when`",
      },
    ]);
  });

  test("in `where`, a name must be a property of every event type tested", () => {
    expect(
      errors(`model m {
  engagement {
    when event in [page_view, webinar] where url starts with "/pricing" add 5
  }
}`).map((e) => e.code),
    ).toEqual(["LS203"]);
  });

  test("a bucket reads lead fields and results; a rule reads lead fields only", () => {
    const { artifact } = compile(`model m {
  fit {
    when employees > 10 add 10
  }
  bucket hot when grade = A1 and country = US -> disqualify
  bucket warm when score >= 10 -> disqualify
  bucket cold otherwise -> disqualify
}`);
    const [hot, warm] = artifact!.models[0]!.buckets!;
    expect(hot!.test).toMatchObject({
      kind: "when",
      expr: {
        op: "and",
        args: [
          { ref: { scope: "result", name: "grade", type: "string" } },
          { ref: { scope: "lead", name: "country", type: "string" } },
        ],
      },
    });
    expect((warm!.test as { expr: Expr }).expr).toMatchObject({ ref: { scope: "result", name: "score" } });
    expect(
      errors(`model m {
  fit {
    when score > 10 add 1
  }
}`).map((e) => e.code),
    ).toEqual(["LS414"]);
  });

  test("a bare word after `contains` is the list it names, else text", () => {
    const match = firstMatch(`model m {
  fit {
    when country contains competitors add 1
  }
}`);
    expect(match).toMatchObject({
      kind: "profile",
      expr: { op: "contains", values: ["Rival"], list: "competitors" },
    });
    const text = firstMatch(`model m {
  fit {
    when country contains rivals add 1
  }
}`);
    expect(text).toMatchObject({ kind: "profile", expr: { op: "contains", values: ["rivals"] } });
  });
});
