import type { ErrorObject } from "ajv";
import { validate as generatedValidator } from "./generated/ruleset-validator.js";

/**
 * The validator of schema/ruleset.schema.json, generated as code by scripts/generate-validators.ts:
 * compiling the schema with ajv at run time cost every process that checked an artifact 150–200 ms.
 */
const validate = generatedValidator as ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

function describeError(error: ErrorObject): string {
  const where = error.instancePath === "" ? "the artifact" : error.instancePath;
  return `${where} ${error.message ?? "is invalid"}`;
}

/** Null when `value` is a valid artifact, else a readable reason naming the first offending path. */
export function artifactSchemaError(value: unknown): string | null {
  if (validate(value)) return null;
  const [first] = validate.errors ?? [];
  return first ? describeError(first) : "the artifact does not match the schema";
}
