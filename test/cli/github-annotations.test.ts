import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  escapeData,
  escapeProperty,
  formatAnnotation,
  type Annotation,
} from "../../src/cli/github-annotations.js";
import { escapeControlsInText } from "../../src/cli/terminal-text.js";
import { expectGolden } from "../support/golden.js";
import { PROJECT_ROOT, RULES_DIR } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";

/**
 * A workflow command as GitHub's runner reads it: `::name key=value,key=value::message` on one line, the
 * properties split at `,` and at their first `=`, every value unescaped (%0D, %0A, %3A, %2C, then %25).
 */
function parseCommand(
  line: string,
): { name: string; properties: Record<string, string>; message: string } | null {
  const trimmed = line.trimStart();
  if (!trimmed.startsWith("::")) return null;
  const end = trimmed.indexOf("::", 2);
  if (end === -1) return null;
  const [name = "", ...rest] = trimmed.slice(2, end).split(" ");
  const decode = (text: string) =>
    text
      .replace(/%0D/g, "\r")
      .replace(/%0A/g, "\n")
      .replace(/%3A/g, ":")
      .replace(/%2C/g, ",")
      .replace(/%25/g, "%");
  const properties: Record<string, string> = {};
  for (const property of rest.join(" ").split(",")) {
    if (property === "") continue;
    const at = property.indexOf("=");
    properties[property.slice(0, at)] = decode(property.slice(at + 1));
  }
  return { name, properties, message: decode(trimmed.slice(end + 2)) };
}

describe("annotation escaping", () => {
  test("GitHub's rules: % CR LF in the message; also : and , in properties", () => {
    expect(escapeData("50% done\r\n::error::x")).toBe("50%25 done\\r%0A::error::x");
    expect(escapeProperty("a,b:c%\n")).toBe("a%2Cb%3Ac%25%0A");
    expect(escapeData("\u001b[31mred\u202e")).toBe("\\x1b[31mred\\u202e");
  });

  test("any text gives one command whose values read back as written (controls shown as text)", () => {
    const text = fc.string({
      unit: fc.constantFrom("%", ":", ",", "\n", "\r", "=", " ", ":", "a", "\u001b", "é", "::"),
    });
    fc.assert(
      fc.property(text, text, text, fc.nat(), (file, title, message, line) => {
        const annotation: Annotation = { level: "error", file, line, col: 1, title, message };
        const written = formatAnnotation(annotation);
        expect(written.endsWith("\n")).toBe(true);
        const body = written.slice(0, -1);
        expect(body).not.toMatch(/[\r\n]/);
        const parsed = parseCommand(body);
        expect(parsed).toEqual({
          name: "error",
          properties: {
            file: escapeControlsInText(file).replace(/\r/g, "\\r"),
            line: String(line),
            col: "1",
            title: escapeControlsInText(title),
          },
          message: escapeControlsInText(message),
        });
      }),
      { numRuns: 2000 },
    );
  });
});

/** The reference project with hostile names: a rule file, a fixture case name and a field name. */
function hostileProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "leadscore-annotations-"));
  cpSync(RULES_DIR, path.join(dir, "rules"), { recursive: true });
  writeFileSync(
    path.join(dir, "rules", "evil,50%:\n::error file=rules%2Fenterprise.score,line=1::approved.score"),
    "model evil when titel = x {\n  fit {\n    when employees >  5 add 1\n  }\n}\n",
  );
  const fixture = path.join(dir, "rules/tests/acme.test.yaml");
  writeFileSync(
    fixture,
    readFileSync(fixture, "utf8")
      .replace(
        "- name: CEO at a large software company who asked for a demo is sales-ready",
        '- name: "CEO, 100% ready\\n::notice title=Approved::all fixtures pass"',
      )
      .replace("bucket: SQL", "bucket: Warm"),
  );
  return dir;
}

describe("annotations from check, fmt --check and test", () => {
  test("hostile names and text are escaped in annotations and cannot start a command in the report", async () => {
    // As in the scaffold's workflow: in GitHub Actions, with --format github.
    const dir = hostileProject();
    const env = { GITHUB_ACTIONS: "true" };
    const check = await runWithEnv(["check", "--format", "github"], dir, env);
    expect(check.code).toBe(1);
    const fmt = await runWithEnv(["fmt", "--check", "--format", "github"], dir, env);
    expect(fmt.code).toBe(1);
    const run = await runWithEnv(["test", "--format", "github"], dirWithoutEvilRules(dir), env);
    expect(run.code).toBe(1);
    const sections = [
      ["check --format github", check],
      ["fmt --check --format github", fmt],
      ["test --format github", run],
    ] as const;
    const transcript = sections
      .map(
        ([name, result]) =>
          `$ leadscore ${name}  (exit ${result.code})\n--- stdout\n${result.stdout}--- stderr\n${result.stderr}`,
      )
      .join("\n");
    expectGolden(path.join(PROJECT_ROOT, "test/golden/annotations/hostile.txt"), transcript);
    // Every line that GitHub would take as a command is one leadscore meant, naming a real file.
    const commands = transcript
      .split("\n")
      .map(parseCommand)
      .filter((c) => c !== null);
    expect(commands.map((c) => [c.name, c.properties.file])).toEqual([
      ["error", "rules/evil,50%:\n::error file=rules%2Fenterprise.score,line=1::approved.score"],
      ["error", "rules/evil,50%:\n::error file=rules%2Fenterprise.score,line=1::approved.score"],
      ["error", "rules/tests/acme.test.yaml"],
    ]);
  });

  test("passing tests and clean rules give no annotation", async () => {
    const run = await runLeadscore(["test", "--format", "github"], PROJECT_ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("::");
    expect((await runLeadscore(["check", "--format", "github"], PROJECT_ROOT)).stdout).toBe("");
  });

  test("GITHUB_ACTIONS=true annotates without --format; --format text and machine reports on stdout do not", async () => {
    const dir = dirWithoutEvilRules(hostileProject());
    const env = { GITHUB_ACTIONS: "true" };
    expect((await runWithEnv(["test"], dir, env)).stdout).toContain(
      "::error file=rules/tests/acme.test.yaml,line=6,",
    );
    expect((await runWithEnv(["test", "--format", "text"], dir, env)).stdout).not.toContain("::error");
    const json = await runWithEnv(["test", "--reporter", "json"], dir, env);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    expect((await runWithEnv(["test"], dir, {})).stdout).not.toContain("::error");
  });
});

function dirWithoutEvilRules(dir: string): string {
  const clean = mkdtempSync(path.join(tmpdir(), "leadscore-annotations-"));
  cpSync(RULES_DIR, path.join(clean, "rules"), { recursive: true });
  cpSync(path.join(dir, "rules/tests"), path.join(clean, "rules/tests"), { recursive: true });
  return clean;
}

async function runWithEnv(argv: string[], cwd: string, env: Record<string, string>) {
  const { runCli } = await import("../../src/cli/program.js");
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTTY: false,
    cwd,
    env,
  });
  return { code, stdout, stderr };
}
