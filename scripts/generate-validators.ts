/**
 * Generates the validators of the published JSON Schemas as code, with ajv's standalone code generation:
 *   src/compile/generated/ruleset-validator.ts   from schema/ruleset.schema.json (compiled artifacts)
 *   src/compile/generated/config-validator.ts    from schema/config.schema.json  (leadscore.yaml)
 * Compiling a schema with ajv at run time took 75–200 ms of every process that validated one; the
 * generated code is plain functions, built from our own schema files only, never from data.
 *
 * Run `npx tsx scripts/generate-validators.ts` after changing a schema (or upgrading ajv):
 * test/compile/generated-validators.test.ts fails while the committed files differ from what this writes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020, _, type Options } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import prettier from "prettier";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// Both packages are CommonJS; their default exports arrive wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => void;
const standaloneCode = ((standaloneCodeModule as unknown as { default?: unknown }).default ??
  standaloneCodeModule) as (ajv: Ajv2020, validate: unknown) => string;

export interface ValidatorSpec {
  schema: string;
  output: string;
  /** The ajv options the validator is generated with; they decide which errors it reports. */
  options: Options;
  /** Whether the schema uses `format` (ajv-formats, imported by the generated code). */
  formats: boolean;
}

export const VALIDATORS: readonly ValidatorSpec[] = [
  {
    schema: "schema/ruleset.schema.json",
    output: "src/compile/generated/ruleset-validator.ts",
    // The first error is enough to refuse an artifact.
    options: { allErrors: false, strict: true, allowUnionTypes: true },
    formats: false,
  },
  {
    schema: "schema/config.schema.json",
    output: "src/compile/generated/config-validator.ts",
    // Every mistake in leadscore.yaml is reported at once.
    options: { allErrors: true, strict: true },
    formats: true,
  },
];

/**
 * ajv writes `require("ajv/dist/runtime/…").default` for its helper functions even in ES module output.
 * Each becomes an import of that CommonJS module. Loaders disagree on what its default import is: Node
 * and esbuild give `module.exports`, loaders that honour `__esModule` (vitest) give `exports.default`.
 */
function importRuntimeHelpers(code: string): { code: string; imports: string[]; bindings: string[] } {
  const imports: string[] = [];
  const bindings: string[] = [];
  const modules = new Map<string, string>();
  const rewritten = code.replace(/require\("([^"]+)"\)(\.default)?/g, (match, specifier: string, dflt) => {
    if (!specifier.startsWith("ajv/dist/runtime/") || dflt === undefined) {
      throw new Error(`unexpected \`${match}\` in generated validator code`);
    }
    let name = modules.get(specifier);
    if (name === undefined) {
      name = `ajvRuntime${modules.size}`;
      modules.set(specifier, name);
      imports.push(`import ${name}Module from "${specifier}.js";`);
      bindings.push(`const ${name} = ${name}Module.default ?? ${name}Module;`);
    }
    return name;
  });
  return { code: rewritten, imports, bindings };
}

async function generateValidator(spec: ValidatorSpec): Promise<string> {
  const schema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, spec.schema), "utf8")) as object;
  const ajv = new Ajv2020({
    ...spec.options,
    // A function per $defs entry rather than one copy per use: the same checks, a third less code.
    inlineRefs: false,
    // Formats are read from `fullFormats`, imported from ajv-formats at the top of the generated file.
    code: { source: true, esm: true, ...(spec.formats ? { formats: _`fullFormats` } : {}) },
  });
  if (spec.formats) addFormats(ajv);
  // An ES module is strict already, and the directive would no longer come first after the imports.
  const code = standaloneCode(ajv, ajv.compile(schema)).replace(/^"use strict";/, "");
  const generated = importRuntimeHelpers(code);
  const imports = [...generated.imports];
  if (spec.formats) imports.push('import { fullFormats } from "ajv-formats/dist/formats.js";');
  const text = [
    "// @ts-nocheck",
    `// Generated from ${spec.schema} by scripts/generate-validators.ts (ajv standalone code): do not edit.`,
    "// Regenerate with `npx tsx scripts/generate-validators.ts`.",
    ...imports,
    ...generated.bindings,
    generated.code,
  ].join("\n");
  const output = path.join(PROJECT_ROOT, spec.output);
  const config = await prettier.resolveConfig(output);
  return prettier.format(text, { ...config, filepath: output });
}

/** Every generated validator: its path (relative to the project root) and its text. */
export async function generateValidators(): Promise<Array<{ path: string; text: string }>> {
  return Promise.all(
    VALIDATORS.map(async (spec) => ({ path: spec.output, text: await generateValidator(spec) })),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of await generateValidators()) {
    writeFileSync(path.join(PROJECT_ROOT, file.path), file.text);
    process.stdout.write(`wrote ${file.path}\n`);
  }
}
