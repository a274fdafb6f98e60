import { RulesetLoadError } from "../eval/errors.js";
import { createRuleset, type Ruleset } from "../eval/ruleset.js";
import { verifyContentHash, type KeyRing } from "./signing.js";

/** What a source delivers: the artifact's text and, when there is one, its detached signature. */
export interface RulesetDocument {
  artifactText: string;
  signature: string | null;
  /** Where it came from, for logs: a path or URL. */
  origin: string;
}

/** A ruleset the service may serve: checked completely, and verified when keys are configured. */
export interface VerifiedRuleset {
  ruleset: Ruleset;
  document: RulesetDocument;
  /** The key that signed it; null when the service runs without keys. */
  keyId: string | null;
}

/** Why a ruleset was refused: the artifact's own reasons, or the signature's. */
export class RulesetRefusedError extends Error {
  override readonly name = "RulesetRefusedError";
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Loads, checks and verifies a ruleset completely before anything may serve it. With any key configured
 * every ruleset must carry a valid signature by one of them: there is no path on which a missing
 * signature means "skip the check" (fail closed).
 */
export function verifyRuleset(document: RulesetDocument, keys: KeyRing): VerifiedRuleset {
  let ruleset: Ruleset;
  try {
    ruleset = createRuleset(document.artifactText);
  } catch (error) {
    if (error instanceof RulesetLoadError) throw new RulesetRefusedError(error.reason, error.message);
    throw error;
  }
  if (keys.size === 0) return { ruleset, document, keyId: null };
  // The content hash was recomputed from the content by createRuleset: the signature covers what is served.
  const outcome = verifyContentHash(ruleset.artifact.contentHash, document.signature, keys);
  if (!outcome.ok) throw new RulesetRefusedError(`signature-${outcome.reason}`, outcome.message);
  return { ruleset, document, keyId: outcome.keyId };
}
