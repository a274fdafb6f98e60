import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from "node:crypto";

/*
 * Signed rulesets: a detached JWS (RFC 7515, appendix F) over the artifact's content hash, signed with
 * Ed25519 (`alg: EdDSA`) and naming its key by `kid`, the key's JWK thumbprint (RFC 7638). The artifact
 * itself is unchanged: the signature travels next to it (`ruleset.json.sig`), and since the content hash
 * covers every byte of meaning, signing the hash signs the ruleset. The artifact's own hash is checked
 * when it loads, so a signature over a hash the content does not match cannot pass.
 */

const HEADER_TYPE = "leadscore-ruleset+jws";

export interface KeyPairPem {
  privateKey: string;
  publicKey: string;
  keyId: string;
}

export type VerifyFailure = "missing" | "malformed" | "unknown-key" | "bad-signature" | "wrong-hash";

export type VerifyOutcome =
  { ok: true; keyId: string } | { ok: false; reason: VerifyFailure; message: string };

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString("base64url");
}

/** The RFC 7638 thumbprint of an Ed25519 key: the same public key always has the same id. */
export function keyIdOf(key: KeyObject): string {
  const jwk = (key.type === "private" ? createPublicKey(key) : key).export({ format: "jwk" });
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return createHash("sha256").update(canonical, "utf8").digest("base64url");
}

export function generateSigningKeys(): KeyPairPem {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKey: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    publicKey: publicKey.export({ format: "pem", type: "spki" }).toString(),
    keyId: keyIdOf(publicKey),
  };
}

function requireEd25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== "ed25519") {
    throw new Error(
      `${what} is a ${key.asymmetricKeyType ?? "symmetric"} key; leadscore signs with Ed25519 keys (leadscore keygen)`,
    );
  }
  return key;
}

export function readPrivateKey(pem: string): KeyObject {
  return requireEd25519(createPrivateKey(pem), "the private key");
}

export function readPublicKey(pem: string): KeyObject {
  return requireEd25519(createPublicKey(pem), "the public key");
}

/** `header..signature`: the compact JWS with its payload (the content hash) left out. */
export function signContentHash(contentHash: string, privateKey: KeyObject): string {
  const header = base64url(JSON.stringify({ alg: "EdDSA", kid: keyIdOf(privateKey), typ: HEADER_TYPE }));
  const signingInput = `${header}.${base64url(contentHash)}`;
  const signature = sign(null, Buffer.from(signingInput, "utf8"), privateKey);
  return `${header}..${base64url(signature)}`;
}

/** Public keys by key id: several at once, so a new key can be rolled out before the old one is retired. */
export type KeyRing = ReadonlyMap<string, KeyObject>;

export function keyRing(keys: readonly KeyObject[]): KeyRing {
  return new Map(keys.map((key) => [keyIdOf(key), key]));
}

const fail = (reason: VerifyFailure, message: string): VerifyOutcome => ({ ok: false, reason, message });

/**
 * Whether `jws` is a valid signature of `contentHash` by a key of the ring. No signature at all is a
 * failure like any other: a caller with keys configured must never treat "unsigned" as "nothing to check"
 * (OPA once did, GHSA-g2pf-6v5v-qcc8). The header must name its key; no key is tried by guessing.
 */
export function verifyContentHash(contentHash: string, jws: string | null, keys: KeyRing): VerifyOutcome {
  if (jws === null || jws.trim() === "") return fail("missing", "the ruleset has no signature");
  const parts = jws.trim().split(".");
  if (parts.length !== 3 || parts[0] === "" || parts[2] === "") {
    return fail("malformed", "the signature is not a detached JWS (header..signature)");
  }
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(headerPart, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return fail("malformed", "the signature's header is not base64url JSON");
  }
  if (header === null || typeof header !== "object" || header.alg !== "EdDSA") {
    return fail("malformed", `the signature's algorithm must be EdDSA (got ${JSON.stringify(header?.alg)})`);
  }
  if (header.crit !== undefined || header.b64 !== undefined) {
    return fail(
      "malformed",
      "the signature's header has parameters leadscore does not understand (crit, b64)",
    );
  }
  if (typeof header.kid !== "string" || header.kid === "") {
    return fail("malformed", "the signature does not name its key (kid)");
  }
  const key = keys.get(header.kid);
  if (key === undefined)
    return fail("unknown-key", `the signature is by key ${header.kid}, which is not configured`);
  const payload = base64url(contentHash);
  // A detached JWS has an empty payload; one that carries a payload must carry this artifact's hash.
  if (payloadPart !== "" && payloadPart !== payload) {
    return fail("wrong-hash", "the signature is for another ruleset (its payload is not this content hash)");
  }
  const signature = Buffer.from(signaturePart, "base64url");
  const valid = verify(null, Buffer.from(`${headerPart}.${payload}`, "utf8"), key, signature);
  if (!valid) return fail("bad-signature", `the signature by key ${header.kid} does not match this ruleset`);
  return { ok: true, keyId: header.kid };
}
