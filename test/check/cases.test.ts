import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { compileDirectory, compileSources } from "../../src/compile/compile-ruleset.js";
import { renderDiagnostics } from "../../src/diagnostics/render.js";
import { loadCases } from "../support/case-files.js";
import { expectGolden } from "../support/golden.js";

interface CheckCase {
  description: string;
  /** `schema`: the shared lead and event declarations below are added as `schema.score`. */
  prelude?: "schema";
  include_warnings?: boolean;
  /** `empty`: compile an empty directory (shown as `rules`) instead of `source`. */
  directory?: "empty";
  source?: string;
  diagnostics: Array<{ code: string; line: number; column: number; file?: string }>;
}

const SCHEMA = `ruleset "case" version 1
lead {
  id: string
  email: string
  title: string
  industry: string?
  employees: number?
  country: string?
  stage: subscriber | lead | mql | sql | customer
  is_partner: boolean?
  signed_up: date?
}
event email_open
event page_view { url: string, seconds: number? }
event demo_request
`;

const cases = loadCases<CheckCase>("check");

async function compileCase(data: CheckCase) {
  if (data.directory === "empty") {
    const dir = mkdtempSync(path.join(tmpdir(), "leadscore-case-"));
    try {
      const none: Array<{ path: string; text: string }> = [];
      return { sources: none, result: await compileDirectory(dir, { displayPrefix: "rules" }) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const sources = [{ path: "case.score", text: data.source ?? "" }];
  if (data.prelude === "schema") sources.push({ path: "schema.score", text: SCHEMA });
  return { sources, result: compileSources(sources) };
}

describe("checker diagnostics (test/cases/check)", () => {
  test.each(cases.map((c) => [c.name, c.data] as const))("%s", async (_name, data) => {
    const { result } = await compileCase(data);
    const actual = result.diagnostics
      .filter((d) => data.include_warnings || d.severity === "error")
      .map((d) => ({
        code: d.code,
        line: d.span.start.line,
        column: d.span.start.column,
        ...(d.span.file !== "case.score" ? { file: d.span.file } : {}),
      }));
    expect(actual).toEqual(data.diagnostics);
    if (data.diagnostics.some((d) => d.code < "LS500")) expect(result.artifact).toBeNull();
  });

  // One golden file per case (test/golden/check/<case>.txt), so that a failure names its case.
  test.each(cases.map((c) => [c.name, c.data] as const))(
    "%s renders a message, a caret excerpt and a hint where one exists (golden)",
    async (name, data) => {
      const { sources, result } = await compileCase(data);
      const texts = new Map(sources.map((s) => [s.path, s.text]));
      const shown = result.diagnostics.filter((d) => data.include_warnings || d.severity === "error");
      expectGolden(
        path.resolve(import.meta.dirname, `../golden/check/${name}.txt`),
        `=== ${name}: ${data.description}\n${renderDiagnostics(shown, (f) => texts.get(f))}\n`,
      );
    },
  );
});
