import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/*
 * The artifact's content hash, in plain JavaScript rather than node:crypto: the scoring runtime checks it
 * on load, and runs in browsers and edge workers too, where node:crypto does not exist and Web Crypto is
 * asynchronous (createRuleset is not). Artifacts are a few kilobytes, so the speed difference is nothing.
 */

/** JSON with object keys sorted at every level: the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === "object" && !Array.isArray(inner)) {
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(inner).sort()) sorted[key] = (inner as Record<string, unknown>)[key];
      return sorted;
    }
    return inner;
  });
}

/** The hash stored in `contentHash`: over the canonical JSON of everything except that field. */
export function contentHashOf(artifact: object): string {
  const { contentHash: _ignored, ...content } = artifact as Record<string, unknown>;
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJson(content))))}`;
}
