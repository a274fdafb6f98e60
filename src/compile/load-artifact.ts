import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION, type Artifact } from "./artifact.js";
import { artifactConsistencyError, textError } from "./artifact-consistency.js";
import { artifactSchemaError } from "./artifact-schema.js";
import { nestingProblem } from "./json-nesting.js";
import { contentHashOf } from "./content-hash.js";

export type ArtifactErrorReason =
  "invalid-json" | "wrong-format" | "wrong-format-version" | "schema" | "inconsistent" | "hash-mismatch";

/**
 * Deeper than any compiled ruleset can be (conditions nest at most MAX_NESTING levels, two artifact levels
 * each): refused before the schema validator, the hash or the evaluator walk it recursively.
 */
export const MAX_ARTIFACT_DEPTH = 256;

export type ArtifactParseResult = { artifact: Artifact } | { error: string; reason: ArtifactErrorReason };

/**
 * Reads an artifact and refuses it, saying why, when it is not JSON, is another format or format
 * version, is nested too deep, fails the schema, its parts do not refer to each other correctly, or its
 * content does not match its content hash (edited by hand or corrupt).
 */
export function parseArtifact(json: string): ArtifactParseResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { reason: "invalid-json", error: `not valid JSON: ${(error as Error).message}` };
  }
  return checkArtifact(value);
}

/** `parseArtifact` for a value already read: every check, the content hash included. */
export function checkArtifact(value: unknown): ArtifactParseResult {
  const checked = checkArtifactShape(value);
  if ("error" in checked) return checked;
  const { artifact } = checked;
  const expected = contentHashOf(artifact);
  if (artifact.contentHash !== expected) {
    return {
      reason: "hash-mismatch",
      error: `the artifact's content does not match its hash (${artifact.contentHash}, computed ${expected}): it was edited or corrupted; recompile the rules`,
    };
  }
  // After the hash, so that an edit without a new hash is named as such. (Not in checkArtifactShape: the
  // compiler prints every rule's, bucket's and exclusion's text from what it does.)
  const lyingText = textError(artifact);
  if (lyingText !== null) {
    return {
      reason: "inconsistent",
      error: `the artifact is inconsistent: ${lyingText}; recompile the rules`,
    };
  }
  return { artifact };
}

/**
 * The checks of `checkArtifact` except the content hash: format, format version and schema. For an
 * artifact the compiler has just built and hashed, where hashing it again would only repeat the build.
 */
export function checkArtifactShape(value: unknown): ArtifactParseResult {
  const record = (value ?? {}) as Record<string, unknown>;
  if (typeof value !== "object" || value === null || record.format !== ARTIFACT_FORMAT) {
    return {
      reason: "wrong-format",
      error: `not a leadscore ruleset artifact (format must be "${ARTIFACT_FORMAT}")`,
    };
  }
  if (record.formatVersion !== ARTIFACT_FORMAT_VERSION) {
    return {
      reason: "wrong-format-version",
      error: `artifact format version ${JSON.stringify(record.formatVersion)} is not supported (this leadscore reads version ${ARTIFACT_FORMAT_VERSION}); recompile the rules`,
    };
  }
  const nesting = nestingProblem(value, MAX_ARTIFACT_DEPTH);
  if (nesting !== null)
    return { reason: "schema", error: `the artifact does not match its schema: ${nesting}` };
  const schemaError = artifactSchemaError(value);
  if (schemaError)
    return { reason: "schema", error: `the artifact does not match its schema: ${schemaError}` };
  const inconsistency = artifactConsistencyError(value as Artifact);
  if (inconsistency !== null) {
    return {
      reason: "inconsistent",
      error: `the artifact is inconsistent: ${inconsistency}; recompile the rules`,
    };
  }
  return { artifact: value as Artifact };
}

/** Artifacts are written with stable key order and a trailing newline: same rules, same bytes. */
export function serializeArtifact(artifact: Artifact): string {
  return `${JSON.stringify(artifact, null, 2)}\n`;
}
