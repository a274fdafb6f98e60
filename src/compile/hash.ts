import { createHash } from "node:crypto";

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

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The hash stored in `contentHash`: over the canonical JSON of everything except that field. */
export function contentHashOf(artifact: object): string {
  const { contentHash: _ignored, ...content } = artifact as Record<string, unknown>;
  return `sha256:${sha256(canonicalJson(content))}`;
}

/** The hash of the sources: path and text of each file, in path order. */
export function sourceHashOf(sources: ReadonlyArray<{ path: string; text: string }>): string {
  const hash = createHash("sha256");
  for (const source of [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(source.path, "utf8").update("\0").update(source.text, "utf8").update("\0");
  }
  return `sha256:${hash.digest("hex")}`;
}
