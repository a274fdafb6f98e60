import { expect, test } from "vitest";
import { compileSources } from "../../src/compile/compile-ruleset.js";

test("a second declaration points at the first as its related location", () => {
  const { diagnostics } = compileSources([
    { path: "a.score", text: 'ruleset "r" version 1\nlead {\n  id: string\n  id: number\n}\nevent open\n' },
    { path: "b.score", text: "event open\ngrade fit A >= 1\ngrade fit B >= 2\n" },
  ]);
  const related = diagnostics
    .filter((d) => d.related !== undefined)
    .map((d) => ({
      code: d.code,
      at: `${d.span.file}:${d.span.start.line}`,
      first: d.related!.map((r) => `${r.span.file}:${r.span.start.line}:${r.span.start.column} ${r.message}`),
    }));
  expect(related).toEqual([
    { code: "LS205", at: "a.score:4", first: ["a.score:3:3 the first declaration"] },
    { code: "LS206", at: "b.score:1", first: ["a.score:6:1 the first declaration"] },
    { code: "LS212", at: "b.score:3", first: ["b.score:2:1 the first declaration"] },
  ]);
});
