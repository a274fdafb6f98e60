import { watch, type FSWatcher } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { RulesetDocument } from "./verified-ruleset.js";

/**
 * Where the service reads its ruleset from. `fetch` gives the current document, or "unchanged" when the
 * source can tell it has not changed since the last fetch (a URL answering 304 to If-None-Match).
 */
export interface RulesetSource {
  readonly origin: string;
  fetch(): Promise<RulesetDocument | "unchanged">;
  /** Calls `onChange` when the source may have changed (a file source); returns how to stop watching. */
  watch?(onChange: () => void): () => void;
}

/** Thrown by a source that cannot be read: the last good ruleset stays. */
export class SourceUnavailableError extends Error {
  override readonly name = "SourceUnavailableError";
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * A compiled artifact on disk and its signature beside it (`<file>.sig`). Watched through its directory:
 * publishers replace the file by renaming a new one over it, which a watch on the file itself would miss.
 */
export function fileSource(file: string, signatureFile = `${file}.sig`): RulesetSource {
  return {
    origin: file,
    async fetch() {
      let artifactText: string;
      try {
        artifactText = await readFile(file, "utf8");
      } catch (error) {
        throw new SourceUnavailableError(`cannot read ${file}: ${(error as Error).message}`);
      }
      return { artifactText, signature: await readOptional(signatureFile), origin: file };
    },
    watch(onChange) {
      // Any change in the directory: a Kubernetes ConfigMap swaps a `..data` link, not the file's own name.
      // A change that leaves the artifact's text as it was is no reload (the reloader compares).
      const dirs = [...new Set([path.dirname(file), path.dirname(signatureFile)])];
      const watchers: FSWatcher[] = dirs.map((dir) => watch(dir, { persistent: false }, () => onChange()));
      return () => {
        for (const watcher of watchers) watcher.close();
      };
    },
  };
}

/**
 * A compiled artifact served over HTTP(S), polled with If-None-Match so an unchanged ruleset costs a 304.
 * The signature is fetched from `<url>.sig` (or the given URL) whenever the artifact changed.
 */
export function urlSource(url: string, signatureUrl = `${url}.sig`, timeoutMs = 10_000): RulesetSource {
  let etag: string | null = null;
  const get = async (target: string, headers: Record<string, string> = {}): Promise<Response> => {
    try {
      return await fetch(target, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
    } catch (error) {
      throw new SourceUnavailableError(`cannot fetch ${target}: ${(error as Error).message}`);
    }
  };
  return {
    origin: url,
    async fetch() {
      const response = await get(url, etag === null ? {} : { "if-none-match": etag });
      if (response.status === 304) return "unchanged";
      if (!response.ok) throw new SourceUnavailableError(`${url} answered ${response.status}`);
      const artifactText = await response.text();
      const signatureResponse = await get(signatureUrl);
      let signature: string | null = null;
      if (signatureResponse.ok) signature = await signatureResponse.text();
      else if (signatureResponse.status !== 404) {
        throw new SourceUnavailableError(`${signatureUrl} answered ${signatureResponse.status}`);
      }
      etag = response.headers.get("etag");
      return { artifactText, signature, origin: url };
    },
  };
}
