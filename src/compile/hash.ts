import { createHash } from "node:crypto";

// The content hash lives on its own so the scoring runtime can check it without node:crypto.
export { canonicalJson, contentHashOf } from "./content-hash.js";

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The hash of the sources: path and text of each file, in path order. */
export function sourceHashOf(sources: ReadonlyArray<{ path: string; text: string }>): string {
  const hash = createHash("sha256");
  for (const source of [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(source.path, "utf8").update("\0").update(source.text, "utf8").update("\0");
  }
  return `sha256:${hash.digest("hex")}`;
}
