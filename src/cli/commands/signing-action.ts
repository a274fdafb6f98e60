import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describeFileError } from "../../diagnostics/file-errors.js";
import { parseArtifact } from "../../compile/load-artifact.js";
import {
  keyRing,
  generateSigningKeys,
  readPrivateKey,
  readPublicKey,
  signContentHash,
} from "../../serve/signing.js";
import { RulesetRefusedError, verifyRuleset } from "../../serve/verified-ruleset.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import type { CommandIO } from "../io.js";
import { ensureOutputDirectory, writeOutputFile } from "../output-files.js";

export interface KeygenOptions {
  outDir: string;
  name: string;
}

export interface SignOptions {
  key: string;
  out?: string;
}

export interface VerifyOptions {
  key: string[];
  signature?: string;
  json?: boolean;
}

async function readText(io: CommandIO, file: string, what: string): Promise<string> {
  try {
    return await readFile(path.resolve(io.cwd, file), "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${what} \`${file}\`: ${describeFileError(error)}`);
  }
}

function readKey<T>(read: (pem: string) => T, pem: string, file: string): T {
  try {
    return read(pem);
  } catch (error) {
    throw new UsageError(`\`${file}\` is not a usable key: ${(error as Error).message}`);
  }
}

export async function runKeygen(io: CommandIO, options: KeygenOptions): Promise<void> {
  const keys = generateSigningKeys();
  const privateFile = path.join(options.outDir, `${options.name}.private.pem`);
  const publicFile = path.join(options.outDir, `${options.name}.public.pem`);
  await ensureOutputDirectory(io, privateFile);
  try {
    // Never replace an existing private key: that would orphan every signature made with it.
    await writeFile(path.resolve(io.cwd, privateFile), keys.privateKey, { mode: 0o600, flag: "wx" });
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === "EEXIST";
    throw new UsageError(
      `cannot write \`${privateFile}\`: ${exists ? "it exists already (choose another --name)" : describeFileError(error)}`,
    );
  }
  await writeOutputFile(io, publicFile, keys.publicKey);
  io.stdout(`key id ${keys.keyId}\n`);
  io.stderr(`wrote ${privateFile} (secret: keep it out of the repository) and ${publicFile}\n`);
}

export async function runSign(
  io: CommandIO,
  ruleset: string,
  options: SignOptions,
  setExitCode: (code: number) => void,
): Promise<void> {
  const pem =
    options.key === "-"
      ? (process.env.LEADSCORE_SIGNING_KEY ?? "")
      : await readText(io, options.key, "the private key");
  if (pem.trim() === "") throw new UsageError("no private key: LEADSCORE_SIGNING_KEY is empty");
  const privateKey = readKey(
    readPrivateKey,
    pem,
    options.key === "-" ? "LEADSCORE_SIGNING_KEY" : options.key,
  );
  const parsed = parseArtifact(await readText(io, ruleset, "the ruleset"));
  if (!("artifact" in parsed)) {
    io.stderr(`${ruleset}: not signed: ${parsed.error}\n`);
    setExitCode(ExitCode.Failed);
    return;
  }
  const out = options.out ?? `${ruleset}.sig`;
  await writeOutputFile(io, out, `${signContentHash(parsed.artifact.contentHash, privateKey)}\n`);
  io.stderr(`wrote ${out}: ${parsed.artifact.contentHash} signed\n`);
}

export async function runVerify(
  io: CommandIO,
  ruleset: string,
  options: VerifyOptions,
  setExitCode: (code: number) => void,
): Promise<void> {
  // Without a key there is nothing to verify against: never report an unchecked ruleset as verified.
  if (options.key.length === 0)
    throw new UsageError("verify needs at least one public key: --key public.pem");
  const keys = [];
  for (const file of options.key)
    keys.push(readKey(readPublicKey, await readText(io, file, "the public key"), file));
  const signatureFile = options.signature ?? `${ruleset}.sig`;
  const signature = await readFile(path.resolve(io.cwd, signatureFile), "utf8").catch(() => null);
  const document = { artifactText: await readText(io, ruleset, "the ruleset"), signature, origin: ruleset };
  try {
    const verified = verifyRuleset(document, keyRing(keys));
    const { contentHash } = verified.ruleset.artifact;
    if (options.json)
      io.stdout(`${JSON.stringify({ verified: true, contentHash, keyId: verified.keyId })}\n`);
    else io.stdout(`${ruleset}: verified, ${contentHash} signed by key ${verified.keyId}\n`);
  } catch (error) {
    if (!(error instanceof RulesetRefusedError)) throw error;
    if (options.json)
      io.stdout(`${JSON.stringify({ verified: false, reason: error.reason, message: error.message })}\n`);
    else io.stderr(`${ruleset}: not verified: ${error.message}\n`);
    setExitCode(ExitCode.Failed);
  }
}
