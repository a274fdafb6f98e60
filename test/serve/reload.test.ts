import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { contentHashOf } from "../../src/compile/content-hash.js";
import type { RunningServer } from "../../src/serve/server.js";
import { loadReferenceFixture } from "../support/reference-fixture.js";
import {
  artifactText,
  eventually,
  publish,
  request,
  scratchDir,
  serve,
  signatureFor,
  writeKeys,
} from "./serve-helpers.js";

/*
 * Hot reload: a new ruleset is swapped in only when it passes every check; anything else keeps the last
 * good ruleset, and is counted. Sources: a file replaced by rename (watched), a URL (polled).
 */
const scratch = scratchDir();
let version1: string;
let version2: string;
let keys: ReturnType<typeof writeKeys>;
let other: ReturnType<typeof writeKeys>;

beforeAll(async () => {
  const { artifact } = await loadReferenceFixture();
  version1 = artifactText(artifact);
  const changed = { ...artifact, version: 2 } as Record<string, unknown>;
  changed.contentHash = contentHashOf(changed);
  version2 = artifactText(changed);
  keys = writeKeys(scratch.dir, "keys");
  other = writeKeys(scratch.dir, "other");
});

afterAll(() => scratch.cleanup());

const hashOf = (text: string) => (JSON.parse(text) as { contentHash: string }).contentHash;

async function activeHash(server: RunningServer): Promise<string | null> {
  const answer = await request(`${server.url}/readyz`);
  return answer.status === 200 ? answer.body.ruleset.contentHash : null;
}

async function metric(server: RunningServer, line: RegExp): Promise<number> {
  const text = (await request(`${server.url}/metrics`)).body as string;
  return Number(line.exec(text)?.[1] ?? 0);
}

const failures = (server: RunningServer, reason: string) =>
  metric(server, new RegExp(`leadscore_ruleset_reload_failures_total\\{reason="${reason}"\\} (\\d+)`));

describe("from a file, replaced by rename", () => {
  let server: RunningServer;
  const file = path.join(scratch.dir, "watched", "ruleset.json");

  beforeAll(async () => {
    const { mkdirSync } = await import("node:fs");
    mkdirSync(path.dirname(file), { recursive: true });
    publish(file, version1, signatureFor(version1, keys));
    server = await serve({
      ruleset: file,
      keys: [keys.publicFile],
      stateDir: path.join(scratch.dir, "state"),
    });
  });

  afterAll(() => server?.close());

  test("good: the new ruleset is swapped in and named in every answer", async () => {
    expect(await activeHash(server)).toBe(hashOf(version1));
    publish(file, version2, signatureFor(version2, keys));
    await eventually(async () => (await activeHash(server)) === hashOf(version2));
    expect(await metric(server, /leadscore_ruleset_reloads_total (\d+)/)).toBe(2);
  });

  test("corrupt: not JSON, or edited by hand; the last good stays and each failure is counted", async () => {
    publish(file, "{ not json", signatureFor(version1, keys));
    await eventually(async () => (await failures(server, "invalid-json")) === 1);
    publish(file, version1.replace('"name": "acme"', '"name": "acne"'), signatureFor(version1, keys));
    await eventually(async () => (await failures(server, "hash-mismatch")) === 1);
    expect(await activeHash(server)).toBe(hashOf(version2));
  });

  test("wrong signature: signed by another key, or not signed; the last good stays", async () => {
    publish(file, version1, signatureFor(version1, other));
    await eventually(async () => (await failures(server, "signature-unknown-key")) >= 1);
    publish(file, version1, null);
    await eventually(async () => (await failures(server, "signature-missing")) >= 1);
    expect(await activeHash(server)).toBe(hashOf(version2));
  });

  test("a restart whose source is gone serves the last good ruleset kept on disk, verified again", async () => {
    const { rmSync } = await import("node:fs");
    rmSync(file);
    const restarted = await serve({
      ruleset: file,
      keys: [keys.publicFile],
      stateDir: path.join(scratch.dir, "state"),
    });
    try {
      expect(await activeHash(restarted)).toBe(hashOf(version2));
      expect(await failures(restarted, "source-unavailable")).toBe(1);
    } finally {
      await restarted.close();
    }
    // With a key the saved ruleset was not signed by, it is refused too: the state directory is not trusted.
    const otherKey = await serve({
      ruleset: file,
      keys: [other.publicFile],
      stateDir: path.join(scratch.dir, "state"),
    });
    try {
      expect((await request(`${otherKey.url}/readyz`)).status).toBe(503);
    } finally {
      await otherKey.close();
    }
  });
});

describe("from a URL, polled with If-None-Match", () => {
  let origin: Server;
  let originUrl: string;
  let published = { artifact: "", signature: "" };
  const seen: Array<{ url: string; ifNoneMatch: string | null }> = [];
  let down = false;

  beforeAll(async () => {
    origin = createServer((req, res) => {
      seen.push({
        url: req.url ?? "",
        ifNoneMatch: (req.headers["if-none-match"] as string | undefined) ?? null,
      });
      if (down) {
        res.writeHead(503).end();
        return;
      }
      const isSignature = req.url === "/ruleset.json.sig";
      const body = isSignature ? published.signature : published.artifact;
      const etag = `"${hashOf(published.artifact)}"`;
      if (!isSignature && req.headers["if-none-match"] === etag) {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { etag, "content-type": "application/json" }).end(body);
    });
    await new Promise<void>((resolve) => origin.listen(0, "127.0.0.1", resolve));
    originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}/ruleset.json`;
  });

  afterAll(() => new Promise((resolve) => origin.close(resolve)));

  test("good, unchanged (304), wrong signature, unreachable with back-off, and back", async () => {
    published = { artifact: version1, signature: signatureFor(version1, keys) };
    const server = await serve({
      ruleset: originUrl,
      keys: [keys.publicFile],
      pollMs: 30,
      maxBackoffMs: 120,
    });
    try {
      expect(await activeHash(server)).toBe(hashOf(version1));
      // Unchanged: the next polls send the ETag and get 304.
      await eventually(() => seen.some((s) => s.ifNoneMatch === `"${hashOf(version1)}"`));

      published = { artifact: version2, signature: signatureFor(version2, other) };
      await eventually(async () => (await failures(server, "signature-unknown-key")) === 1);
      expect(await activeHash(server)).toBe(hashOf(version1));

      // A refused version is judged once: while it is unchanged the source answers 304. The next one is taken.
      const version3 = version2.replace('"version": 2', '"version": 3');
      const v3 = JSON.parse(version3) as Record<string, unknown>;
      v3.contentHash = contentHashOf(v3);
      const text3 = JSON.stringify(v3);
      published = { artifact: text3, signature: signatureFor(text3, keys) };
      await eventually(async () => (await activeHash(server)) === v3.contentHash);

      down = true;
      const before = seen.length;
      await eventually(async () => (await failures(server, "source-unavailable")) >= 3);
      expect(await activeHash(server)).toBe(v3.contentHash);
      // Backing off: three failures take 60 + 120 + 120 ms at least, not 3 × 30.
      const polls = seen.slice(before).length;
      expect(polls).toBeLessThan(10);
      down = false;
      await eventually(async () => (await request(`${server.url}/readyz`)).status === 200);
    } finally {
      await server.close();
    }
  });

  test("unreachable from the start: alive but not ready, until the source answers", async () => {
    const server = await serve({ ruleset: "http://127.0.0.1:9/ruleset.json", pollMs: 30, maxBackoffMs: 60 });
    try {
      expect((await request(`${server.url}/healthz`)).status).toBe(200);
      expect((await request(`${server.url}/readyz`)).status).toBe(503);
      expect(await failures(server, "source-unavailable")).toBeGreaterThanOrEqual(1);
    } finally {
      await server.close();
    }
  });
});
