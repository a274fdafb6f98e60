/**
 * The schema validators are generated code (scripts/generate-validators.ts). These tests prove that the
 * committed files are what the schemas give today, and that the generated code reports what ajv compiling
 * the schema at run time reports.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, test } from "vitest";
import { VALIDATORS, generateValidators } from "../../scripts/generate-validators.js";
import { artifactSchemaError } from "../../src/compile/artifact-schema.js";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import { validate as generatedConfigValidator } from "../../src/compile/generated/config-validator.js";
import { validate as generatedRulesetValidator } from "../../src/compile/generated/ruleset-validator.js";
import { PROJECT_ROOT, RULES_DIR } from "../support/paths.js";

type Validate = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };
// biome-ignore lint/suspicious/noExplicitAny: the mutations below reach into nested parts of a parsed artifact
type Json = Record<string, any>;

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => void;

/** The validator as ajv compiles it from the schema file at run time, with the generator's options. */
function compiledAtRunTime(schemaPath: string): Validate {
  const spec = VALIDATORS.find((v) => v.schema === schemaPath)!;
  const ajv = new Ajv2020(spec.options);
  if (spec.formats) addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(PROJECT_ROOT, schemaPath), "utf8")) as object);
}

/** What a validator says about a value: valid or not, and each error's path, keyword and message. */
function verdict(validate: Validate, value: unknown): unknown {
  const valid = validate(value);
  const errors = (validate.errors ?? []).map((e) => [e.instancePath, e.keyword, e.message, e.params]);
  return { valid, errors: valid ? [] : errors };
}

describe("generated schema validators", () => {
  test("are in sync with the schemas (run `npx tsx scripts/generate-validators.ts` if not)", async () => {
    for (const file of await generateValidators()) {
      expect(readFileSync(path.join(PROJECT_ROOT, file.path), "utf8"), file.path).toBe(file.text);
    }
  });

  test("the artifact validator reports what ajv compiling schema/ruleset.schema.json reports", async () => {
    const { artifact } = await compileDirectory(RULES_DIR, { displayPrefix: "rules" });
    const reference = JSON.parse(JSON.stringify(artifact)) as Json;
    const mutations: Array<(a: Json) => void> = [
      () => {},
      (a) => (a.models[0].rules[0].points = "ten"),
      (a) => delete a.sourceHash,
      (a) => (a.extra = true),
      (a) => (a.contentHash = "sha256:nothex"),
      (a) => (a.sources[0].sha256 = "short"),
      (a) => (a.models[1].rules[2].match.kind = "sometimes"),
      (a) => (a.models[0].rules[0].match.expr = { op: "??" }),
      (a) => (a.schema.lead[0].type = "uuid"),
      (a) => (a.buckets = {}),
      (a) => (a.version = "1"),
      (a) => (a.models[2].decay = { percent: 50 }),
    ];
    const atRunTime = compiledAtRunTime("schema/ruleset.schema.json");
    const generated = generatedRulesetValidator as Validate;
    for (const mutate of mutations) {
      const value = structuredClone(reference);
      mutate(value);
      expect(verdict(generated, value), String(mutate)).toEqual(verdict(atRunTime, value));
    }
    expect(artifactSchemaError(reference)).toBeNull();
    const broken = structuredClone(reference);
    broken.models[0].rules[0].points = "ten";
    expect(artifactSchemaError(broken)).toBe("/models/0/rules/0/points must be number");
  });

  test("the configuration validator reports what ajv (with ajv-formats) compiling the schema reports", () => {
    const configs: unknown[] = [
      {},
      { version: 1, rules: "rules", fixtures: ["rules/**/*.test.yaml"], as_of: "2026-11-01T00:00:00Z" },
      { population: [{ leads: "population/leads.csv", events: "population/events.ndjson" }] },
      { rule: "rules", fixtures: "rules/tests", version: 2 },
      { rules: "", as_of: "yesterday" },
      { as_of: "2026-11-01 00:00" },
      { population: [{ events: "e.ndjson", lead: "l.csv" }], fixtures: [""] },
      [],
    ];
    const atRunTime = compiledAtRunTime("schema/config.schema.json");
    const generated = generatedConfigValidator as Validate;
    for (const config of configs) {
      expect(verdict(generated, config), JSON.stringify(config)).toEqual(verdict(atRunTime, config));
    }
    expect(verdict(generated, { as_of: "yesterday" })).toEqual({
      valid: false,
      errors: [["/as_of", "format", 'must match format "date-time"', { format: "date-time" }]],
    });
  });
});
