import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { compileDirectory, compileSources, readDirectorySources } from "../../src/compile/compile-ruleset.js";
import {
  checkArtifact,
  checkArtifactShape,
  parseArtifact,
  serializeArtifact,
} from "../../src/compile/load-artifact.js";
import { readRuleSources } from "../../src/compile/read-rules.js";
import { expectGolden } from "../support/golden.js";
import { PROJECT_ROOT, RULES_DIR } from "../support/paths.js";

describe("compiling the reference ruleset", () => {
  test("checks clean and compiles to the reviewed artifact", async () => {
    const result = await compileDirectory(RULES_DIR, { displayPrefix: "rules" });
    expect(result.diagnostics).toEqual([]);
    expect(result.artifact).not.toBeNull();
    expectGolden(
      path.join(PROJECT_ROOT, "test/golden/compile/acme.ruleset.json"),
      serializeArtifact(result.artifact!),
    );
  });

  test("is deterministic: the same sources in any order give byte-identical artifacts", async () => {
    const sources = await readRuleSources(RULES_DIR, "rules");
    const forward = compileSources(sources);
    const backward = compileSources([...sources].reverse());
    expect(serializeArtifact(backward.artifact!)).toBe(serializeArtifact(forward.artifact!));
  });

  test("models keep file-path then declaration order and the default model is recorded", async () => {
    const { artifact } = await compileDirectory(RULES_DIR, { displayPrefix: "rules" });
    expect(artifact!.models.map((m) => m.name)).toEqual(["customer", "enterprise", "smb"]);
    expect(artifact!.defaultModel).toBe("smb");
    expect(artifact!.name).toBe("acme");
    expect(artifact!.version).toBe(1);
  });

  test("rules carry ids, canonical text, locations and signed points", async () => {
    const { artifact } = await compileDirectory(RULES_DIR, { displayPrefix: "rules" });
    const enterprise = artifact!.models.find((m) => m.name === "enterprise")!;
    const unsubscribe = enterprise.rules.find((r) => r.text === "when event = unsubscribe subtract 15")!;
    expect(unsubscribe).toMatchObject({
      id: "enterprise.engagement.8",
      section: "engagement",
      points: -15,
      each: false,
      max: null,
      withinMs: null,
      loc: { file: "rules/enterprise.score", line: 21, column: 5 },
    });
    expect(enterprise.decay).toMatchObject({ percent: 50, everyMs: 30 * 86_400_000, every: "30d" });
    const notIn = enterprise.rules.find((r) => r.text.includes("not in target_countries"))!;
    expect(notIn.match).toEqual({
      kind: "profile",
      expr: {
        op: "not",
        arg: {
          op: "in",
          ref: { scope: "lead", name: "country", type: "string" },
          values: ["US", "CA", "GB", "DE", "FR", "NL"],
          list: "target_countries",
        },
      },
    });
  });

  test("an empty directory is a diagnostic, not a crash", async () => {
    const result = await compileDirectory(path.join(PROJECT_ROOT, "grammar"), { displayPrefix: "grammar" });
    expect(result.diagnostics.map((d) => [d.code, d.span.file])).toEqual([["LS601", "grammar"]]);
    expect(result.artifact).toBeNull();
  });
});

describe("loading artifacts", () => {
  async function referenceText(): Promise<string> {
    const { artifact } = await compileDirectory(RULES_DIR, { displayPrefix: "rules" });
    return serializeArtifact(artifact!);
  }

  test("a compiled artifact loads back unchanged", async () => {
    const text = await referenceText();
    const loaded = parseArtifact(text);
    expect("artifact" in loaded && serializeArtifact(loaded.artifact)).toBe(text);
  });

  test("refuses text that is not JSON", () => {
    expect(parseArtifact("{ nope")).toMatchObject({ reason: "invalid-json" });
  });

  test("refuses another format", () => {
    expect(parseArtifact(JSON.stringify({ format: "other" }))).toMatchObject({ reason: "wrong-format" });
  });

  test("refuses another format version and says which", async () => {
    const value = JSON.parse(await referenceText());
    value.formatVersion = 2;
    const result = parseArtifact(JSON.stringify(value));
    expect(result).toMatchObject({ reason: "wrong-format-version" });
    expect("error" in result && result.error).toContain("format version 2 is not supported");
  });

  test("refuses an artifact that fails the schema, naming the path", async () => {
    const value = JSON.parse(await referenceText());
    value.models[0].rules[0].points = "ten";
    const result = parseArtifact(JSON.stringify(value));
    expect(result).toMatchObject({ reason: "schema" });
    expect("error" in result && result.error).toContain("/models/0/rules/0/points");
  });

  test("refuses an artifact edited by hand (content hash mismatch)", async () => {
    const value = JSON.parse(await referenceText());
    value.models[0].rules[0].points = 99;
    expect(parseArtifact(JSON.stringify(value))).toMatchObject({ reason: "hash-mismatch" });
  });

  test("issue 9 item 21: a rule's text is covered by the content hash, so it cannot lie unnoticed", async () => {
    // A tamperer who edits `text` (what explanations and reviews show) without recomputing the hash is
    // refused like any other edit; one who recomputes it is what signatures (leadscore verify) are for.
    const value = JSON.parse(await referenceText());
    value.models[0].rules[0].text = "when plan in [starter, team] add 2";
    expect(parseArtifact(JSON.stringify(value))).toMatchObject({ reason: "hash-mismatch" });
  });

  test("checkArtifactShape checks all but the hash (for the artifact the compiler has just hashed)", async () => {
    const value = JSON.parse(await referenceText());
    value.models[0].rules[0].points = 99;
    expect(checkArtifactShape(value)).toEqual({ artifact: value });
    expect(checkArtifact(value)).toMatchObject({ reason: "hash-mismatch" });
    value.models[0].rules[0].points = "ten";
    expect(checkArtifactShape(value)).toMatchObject({ reason: "schema" });
    expect(checkArtifactShape({ ...value, formatVersion: 2 })).toMatchObject({
      reason: "wrong-format-version",
    });
  });

  test("whitespace and key order do not matter to the hash", async () => {
    const value = JSON.parse(await referenceText());
    const reordered = { models: value.models, ...value };
    expect("artifact" in parseArtifact(JSON.stringify(reordered))).toBe(true);
  });

  test("the published schema file is the one the validator uses", () => {
    const schema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "schema/ruleset.schema.json"), "utf8"));
    expect(schema.properties.formatVersion).toEqual({ const: 1 });
  });
});

describe("checking only (what `leadscore check` runs)", () => {
  const BROKEN = [
    {
      path: "a.score",
      text: 'ruleset "t" version 1\nlead {\n  id: string\n  title: string\n}\nmodel m {\n  fit {\n    when titel = CEO add 5\n  }\n}\n',
    },
    { path: "b.score", text: "model n {\n  fit {\n    when title = add 5\n  }\n}\n" },
  ];

  test("the reference rules: no diagnostics, the same files and program, no artifact", async () => {
    const sources = await readRuleSources(RULES_DIR, "rules");
    const full = compileSources(sources);
    const checked = compileSources(sources, { checkOnly: true });
    expect(checked.diagnostics).toEqual([]);
    expect(checked.artifact).toBeNull();
    expect(checked.sources).toEqual(full.sources);
    expect(checked.files).toEqual(full.files);
    expect(checked.program).not.toBeNull();
  });

  test("reports exactly the diagnostics of a full compile: syntax, name and model errors, warnings", () => {
    const full = compileSources(BROKEN);
    const checked = compileSources(BROKEN, { checkOnly: true });
    const located = (result: typeof full) =>
      result.diagnostics.map((d) => [d.code, d.span.file, d.span.start.line, d.span.start.column]);
    expect(located(checked)).toEqual([
      ["LS507", "a.score", 6, 7],
      ["LS201", "a.score", 8, 10],
      ["LS405", "b.score", 1, 7],
      ["LS507", "b.score", 1, 7],
      ["LS509", "b.score", 1, 7],
      ["LS103", "b.score", 3, 18],
    ]);
    expect(checked.diagnostics).toEqual(full.diagnostics);
  });

  test("compileDirectory passes it on: the directory is checked, nothing is built", async () => {
    const result = await compileDirectory(RULES_DIR, { displayPrefix: "rules", checkOnly: true });
    expect(result.diagnostics).toEqual([]);
    expect(result.sources.map((s) => s.path)).toEqual([
      "rules/customers.score",
      "rules/enterprise.score",
      "rules/routing.score",
      "rules/schema.score",
      "rules/smb.score",
    ]);
    expect(result.artifact).toBeNull();
  });

  test("readDirectorySources reads what compileDirectory compiles", async () => {
    const { sources } = await compileDirectory(RULES_DIR, { displayPrefix: "rules" });
    expect(await readDirectorySources(RULES_DIR, "rules")).toEqual(sources);
  });
});

describe("the artifact does not depend on where the command runs", () => {
  test("compiling rules/ from the project, from inside it or by an absolute path gives the same bytes", async () => {
    const fromProject = await compileDirectory(RULES_DIR, { displayPrefix: "rules" });
    const fromInside = await compileDirectory(RULES_DIR, { displayPrefix: "." });
    const fromElsewhere = await compileDirectory(RULES_DIR, { displayPrefix: "../../work/main/rules" });
    const bytes = serializeArtifact(fromProject.artifact!);
    expect(serializeArtifact(fromInside.artifact!)).toBe(bytes);
    expect(serializeArtifact(fromElsewhere.artifact!)).toBe(bytes);
    expect(fromProject.artifact!.sources.map((s) => s.path)).toEqual([
      "rules/customers.score",
      "rules/enterprise.score",
      "rules/routing.score",
      "rules/schema.score",
      "rules/smb.score",
    ]);
  });

  test("diagnostics keep the paths as the user named them", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "leadscore-paths-"));
    mkdirSync(path.join(dir, "my-rules"));
    writeFileSync(path.join(dir, "my-rules", "a.score"), "lead {\n  id: strin\n}\n");
    const result = await compileDirectory(path.join(dir, "my-rules"), {
      displayPrefix: "elsewhere/my-rules",
    });
    expect(result.diagnostics.map((d) => d.span.file)).toContain("elsewhere/my-rules/a.score");
  });
});
