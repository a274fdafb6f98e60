import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { RulesetDocument } from "./verified-ruleset.js";

/*
 * The last ruleset that passed every check, kept on disk so that a restart while the source is down (a
 * URL unreachable, a file deleted) still serves it. Artifact and signature are one file, replaced by a
 * rename, so they can never be from two different rulesets. It is verified again when read: the
 * directory is no more trusted than the source.
 */
const FILE = "last-good.json";

export async function saveLastGood(dir: string, document: RulesetDocument): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  const { artifactText, signature, origin } = document;
  await writeFile(temporary, `${JSON.stringify({ origin, signature, artifactText })}\n`, "utf8");
  await rename(temporary, file);
}

export async function readLastGood(dir: string): Promise<RulesetDocument | null> {
  const file = path.join(dir, FILE);
  try {
    const saved = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
    if (typeof saved.artifactText !== "string") return null;
    const signature = typeof saved.signature === "string" ? saved.signature : null;
    return {
      artifactText: saved.artifactText,
      signature,
      origin: `${file} (last good, from ${String(saved.origin)})`,
    };
  } catch {
    return null;
  }
}
