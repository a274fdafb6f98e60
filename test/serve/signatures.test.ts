import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { contentHashOf } from "../../src/compile/content-hash.js";
import { keyRing, readPrivateKey, readPublicKey, signContentHash } from "../../src/serve/signing.js";
import { RulesetRefusedError, verifyRuleset } from "../../src/serve/verified-ruleset.js";
import { loadReferenceFixture, type ReferenceFixture } from "../support/reference-fixture.js";
import { artifactText, request, scratchDir, serve, signatureFor, writeKeys } from "./serve-helpers.js";

/*
 * Signed rulesets fail closed: with any key configured, a ruleset is refused unless it carries a valid
 * signature by one of the keys, whatever is missing or wrong.
 */
let fixture: ReferenceFixture;
let text: string;
const scratch = scratchDir();
let current: ReturnType<typeof writeKeys>;
let next: ReturnType<typeof writeKeys>;
let stranger: ReturnType<typeof writeKeys>;

beforeAll(async () => {
  fixture = await loadReferenceFixture();
  text = artifactText(fixture.artifact);
  current = writeKeys(scratch.dir, "current");
  next = writeKeys(scratch.dir, "next");
  stranger = writeKeys(scratch.dir, "stranger");
});

afterAll(() => scratch.cleanup());

const ring = (...keys: Array<{ publicKey: string }>) => keyRing(keys.map((k) => readPublicKey(k.publicKey)));

function refusal(artifact: string, signature: string | null, keys = ring(current)): string {
  try {
    verifyRuleset({ artifactText: artifact, signature, origin: "test" }, keys);
  } catch (error) {
    if (error instanceof RulesetRefusedError) return error.reason;
    throw error;
  }
  return "accepted";
}

const base64urlJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("verifying a ruleset", () => {
  test("valid: signed by a configured key", () => {
    const verified = verifyRuleset(
      { artifactText: text, signature: signatureFor(text, current), origin: "test" },
      ring(current),
    );
    expect(verified.keyId).toBe(current.keyId);
  });

  test("stripped: no signature, or an empty one, is refused when any key is configured (GHSA-g2pf-6v5v-qcc8)", () => {
    expect(refusal(text, null)).toBe("signature-missing");
    expect(refusal(text, "")).toBe("signature-missing");
    expect(refusal(text, "\n")).toBe("signature-missing");
  });

  test("stripped key id: a signature whose header names no key is refused, even with one key configured", () => {
    const [, , signature] = signatureFor(text, current).trim().split(".");
    const noKid = `${base64urlJson({ alg: "EdDSA" })}..${signature}`;
    expect(refusal(text, noKid)).toBe("signature-malformed");
    const none = `${base64urlJson({ alg: "none", kid: current.keyId })}..`;
    expect(refusal(text, none)).toBe("signature-malformed");
  });

  test("tampered: a changed ruleset (its hash recomputed to match) no longer matches the signature", () => {
    const signature = signatureFor(text, current);
    const changed = JSON.parse(text) as Record<string, unknown>;
    changed.name = "tampered";
    changed.contentHash = contentHashOf(changed);
    expect(refusal(JSON.stringify(changed), signature)).toBe("signature-bad-signature");
  });

  test("tampered: an edited ruleset whose hash was left alone fails its own hash check first", () => {
    const edited = text.replace('"name": "acme"', '"name": "acne"');
    expect(refusal(edited, signatureFor(text, current))).toBe("hash-mismatch");
  });

  test("tampered: a flipped byte in the signature, or a payload for another hash", () => {
    const signature = signatureFor(text, current).trim();
    const last = signature.at(-2) === "A" ? "B" : "A";
    expect(refusal(text, `${signature.slice(0, -2)}${last}${signature.at(-1)}`)).toBe(
      "signature-bad-signature",
    );
    const [header, , sig] = signature.split(".");
    expect(refusal(text, `${header}.${Buffer.from("sha256:0000").toString("base64url")}.${sig}`)).toBe(
      "signature-wrong-hash",
    );
  });

  test("unknown key: signed, but by a key that is not configured", () => {
    expect(refusal(text, signatureFor(text, stranger))).toBe("signature-unknown-key");
  });

  test("rotated: with the old and the new key configured, either signature is accepted; once the old key is retired, its signatures are not", () => {
    const both = ring(current, next);
    expect(refusal(text, signatureFor(text, current), both)).toBe("accepted");
    expect(refusal(text, signatureFor(text, next), both)).toBe("accepted");
    expect(refusal(text, signatureFor(text, current), ring(next))).toBe("signature-unknown-key");
  });

  test("without keys, signatures are not required (and the key id is null)", () => {
    expect(
      verifyRuleset({ artifactText: text, signature: null, origin: "test" }, new Map()).keyId,
    ).toBeNull();
  });

  test("the signature is a detached compact JWS naming its key", () => {
    const jws = signContentHash(fixture.artifact.contentHash, readPrivateKey(current.privateKey));
    const [header, payload, signature] = jws.split(".");
    expect(payload).toBe("");
    expect(JSON.parse(Buffer.from(header!, "base64url").toString())).toEqual({
      alg: "EdDSA",
      kid: current.keyId,
      typ: "leadscore-ruleset+jws",
    });
    expect(Buffer.from(signature!, "base64url")).toHaveLength(64);
  });
});

describe("the service with keys configured", () => {
  test("GHSA-g2pf-6v5v-qcc8: a ruleset whose signature was stripped is never served", async () => {
    const file = path.join(scratch.dir, "stripped.json");
    writeFileSync(file, text);
    const server = await serve({ ruleset: file, keys: [current.publicFile] });
    try {
      expect((await request(`${server.url}/readyz`)).status).toBe(503);
      const answer = await request(`${server.url}/v1/score`, { body: { lead: fixture.cases[0]!.lead } });
      expect(answer.status).toBe(503);
      expect((await request(`${server.url}/metrics`)).body).toContain(
        'leadscore_ruleset_reload_failures_total{reason="signature-missing"} 1',
      );
    } finally {
      await server.close();
    }
  });

  test("a signed ruleset is served, and names the key that signed it", async () => {
    const file = path.join(scratch.dir, "signed.json");
    writeFileSync(file, text);
    writeFileSync(`${file}.sig`, signatureFor(text, next));
    const server = await serve({ ruleset: file, keys: [current.publicFile, next.publicFile] });
    try {
      expect((await request(`${server.url}/readyz`)).status).toBe(200);
      expect((await request(`${server.url}/v1/ruleset`)).body.signedBy).toBe(next.keyId);
    } finally {
      await server.close();
    }
  });
});
