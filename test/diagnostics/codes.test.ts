import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { Diagnostics, type DiagnosticDefinition } from "../../src/diagnostics/codes.js";
import { CASES_DIR } from "../support/case-files.js";
import { PROJECT_ROOT } from "../support/paths.js";

const TABLE: Array<[string, DiagnosticDefinition]> = Object.entries(Diagnostics);

/** Every code a data-only case under test/cases expects. */
function codesProducedByCases(): Set<string> {
  const codes = new Set<string>();
  for (const topic of readdirSync(CASES_DIR)) {
    for (const file of readdirSync(path.join(CASES_DIR, topic)).filter((f) => f.endsWith(".yaml"))) {
      const data = parse(readFileSync(path.join(CASES_DIR, topic, file), "utf8")) as {
        diagnostics?: Array<{ code: string }>;
      };
      for (const diagnostic of data.diagnostics ?? []) codes.add(diagnostic.code);
    }
  }
  return codes;
}

/** The names of the table's entries that some module of src/ creates a diagnostic from. */
function namesUsedInSource(): Set<string> {
  const used = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts") && full !== path.join(PROJECT_ROOT, "src/diagnostics/codes.ts")) {
        for (const match of readFileSync(full, "utf8").matchAll(/\bDiagnostics\.(\w+)/g)) used.add(match[1]!);
      }
    }
  };
  walk(path.join(PROJECT_ROOT, "src"));
  return used;
}

describe("the diagnostic codes table accounts for itself", () => {
  const cases = codesProducedByCases();
  const used = namesUsedInSource();

  test("codes are unique", () => {
    const codes = TABLE.map(([, definition]) => definition.code);
    expect(codes.filter((code, i) => codes.indexOf(code) !== i)).toEqual([]);
  });

  test("every code not marked reserved is produced by a case under test/cases", () => {
    const untested = TABLE.filter(([, d]) => d.reserved === undefined && !cases.has(d.code)).map(
      ([, d]) => d.code,
    );
    expect(untested).toEqual([]);
  });

  test("a reserved code is reported nowhere and expected by no case", () => {
    const reserved = TABLE.filter(([, d]) => d.reserved !== undefined);
    expect(
      reserved.filter(([name, d]) => used.has(name) || cases.has(d.code)).map(([, d]) => d.code),
    ).toEqual([]);
  });

  test("every code a case expects is in the table", () => {
    const known = new Set(TABLE.map(([, d]) => d.code));
    expect([...cases].filter((code) => !known.has(code))).toEqual([]);
  });
});
