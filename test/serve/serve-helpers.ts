import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { serializeArtifact } from "../../src/compile/load-artifact.js";
import { startServer, type RunningServer, type ServeOptions } from "../../src/serve/server.js";
import {
  generateSigningKeys,
  readPrivateKey,
  signContentHash,
  type KeyPairPem,
} from "../../src/serve/signing.js";

/** A scratch directory for one test file, removed by `cleanup`. */
export function scratchDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "leadscore-serve-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a key pair as `<name>.private.pem` / `<name>.public.pem`; returns the keys and the public file. */
export function writeKeys(dir: string, name: string): KeyPairPem & { publicFile: string } {
  const keys = generateSigningKeys();
  const publicFile = path.join(dir, `${name}.public.pem`);
  writeFileSync(path.join(dir, `${name}.private.pem`), keys.privateKey);
  writeFileSync(publicFile, keys.publicKey);
  return { ...keys, publicFile };
}

export function signatureFor(artifactText: string, keys: KeyPairPem): string {
  const { contentHash } = JSON.parse(artifactText) as { contentHash: string };
  return signContentHash(contentHash, readPrivateKey(keys.privateKey));
}

/** Replaces a file the way publishers do: write a temporary file, rename it over the old one. */
export function replaceFile(file: string, text: string): void {
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** Publishes an artifact (and its signature, first, when given) at `file`. */
export function publish(file: string, artifactText: string, signature: string | null): void {
  if (signature === null) rmSync(`${file}.sig`, { force: true });
  else replaceFile(`${file}.sig`, signature);
  replaceFile(file, artifactText);
}

export function artifactText(artifact: object): string {
  return serializeArtifact(artifact as never);
}

/** The service on 127.0.0.1 and a free port, quiet, with small limits unless told otherwise. */
export function serve(options: Partial<ServeOptions> & { ruleset: string }): Promise<RunningServer> {
  return startServer({
    keys: [],
    host: "127.0.0.1",
    port: 0,
    limits: { maxBodyBytes: 1_048_576, maxBatch: 100, maxEvents: 50 },
    pollMs: 50,
    maxBackoffMs: 400,
    stateDir: null,
    decisionLog: null,
    logger: false,
    processMetrics: false,
    ...options,
  });
}

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON answer, each test reads the fields it expects
  body: any;
  headers: Headers;
}

export async function request(
  url: string,
  init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const hasBody = init.body !== undefined || init.raw !== undefined;
  const response = await fetch(url, {
    method: init.method ?? (hasBody ? "POST" : "GET"),
    headers: { ...(hasBody ? { "content-type": "application/json" } : {}), ...init.headers },
    ...(hasBody ? { body: init.raw ?? JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Prometheus text, or an empty 304.
  }
  return { status: response.status, body, headers: response.headers };
}

/** Waits until `check` holds, polling; fails after `timeoutMs` (reloads are asynchronous). */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
