import { readFileSync } from "node:fs";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import type { Artifact } from "./artifact.js";

// src/compile and dist/compile are both two levels below the package root, where schema/ lives.
const SCHEMA_URL = new URL("../../schema/ruleset.schema.json", import.meta.url);

let validator: ValidateFunction<Artifact> | undefined;

/** The compiled validator of schema/ruleset.schema.json, built once per process. */
function artifactValidator(): ValidateFunction<Artifact> {
  if (!validator) {
    const schema = JSON.parse(readFileSync(SCHEMA_URL, "utf8")) as object;
    validator = new Ajv2020({ allErrors: false, strict: true, allowUnionTypes: true }).compile<Artifact>(
      schema,
    );
  }
  return validator;
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath === "" ? "the artifact" : error.instancePath;
  return `${where} ${error.message ?? "is invalid"}`;
}

/** Null when `value` is a valid artifact, else a readable reason naming the first offending path. */
export function artifactSchemaError(value: unknown): string | null {
  const validate = artifactValidator();
  if (validate(value)) return null;
  const [first] = validate.errors ?? [];
  return first ? describeError(first) : "the artifact does not match the schema";
}
