import { lstat, mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { scaffoldFiles, type ScaffoldFile } from "./templates.js";

export interface InitOptions {
  /** Overwrite files that exist already. */
  force: boolean;
  /** The leadscore version the new repository's workflow installs (default: this one). */
  version?: string;
  /** The leadscore GitHub Action the workflow uses instead (`owner/repo@ref`), or null. */
  action?: string | null;
}

export interface WrittenFile {
  path: string;
  /** Whether a file of that name was there before (only with `force`). */
  overwritten: boolean;
}

/** What `initProject` did, or why it stopped. */
export type InitOutcome =
  | { kind: "created"; files: WrittenFile[] }
  | { kind: "files-exist"; existing: string[] }
  | { kind: "not-a-directory" }
  | { kind: "write-failed"; path: string; reason: string; written: WrittenFile[] };

/**
 * Scaffolds a rules repository in `dir` (created when missing). Files that exist already are never
 * overwritten without `force`: then nothing at all is written. Other files in `dir` are left alone. A
 * write that fails (a file where a directory is needed, no permission) stops there and says what was
 * written before it.
 */
export async function initProject(dir: string, options: InitOptions): Promise<InitOutcome> {
  if ((await kindOf(dir)) === "other") return { kind: "not-a-directory" };
  const files = await scaffoldFiles(options.version, options.action ?? null);
  const existing = await existingPaths(dir, files);
  if (existing.length > 0 && !options.force) return { kind: "files-exist", existing };

  const written: WrittenFile[] = [];
  for (const file of files) {
    const target = path.join(dir, ...file.path.split("/"));
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.text);
    } catch (error) {
      return { kind: "write-failed", path: file.path, reason: reasonOf(error), written };
    }
    written.push({ path: file.path, overwritten: existing.includes(file.path) });
  }
  return { kind: "created", files: written };
}

async function kindOf(dir: string): Promise<"missing" | "directory" | "other"> {
  try {
    return (await stat(dir)).isDirectory() ? "directory" : "other";
  } catch {
    return "missing";
  }
}

async function existingPaths(dir: string, files: readonly ScaffoldFile[]): Promise<string[]> {
  const existing: string[] = [];
  for (const file of files) {
    try {
      await lstat(path.join(dir, ...file.path.split("/")));
      existing.push(file.path);
    } catch {
      // Not there: the scaffold may write it.
    }
  }
  return existing;
}

/** Why a write failed, in words: the usual file-system codes mean little to the people who run init. */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EEXIST: "a file is in the way of a directory it needs",
  ENOTDIR: "a file is in the way of a directory it needs",
  EISDIR: "a directory has that name",
  ENOSPC: "the disk is full",
  EROFS: "the file system is read-only",
};

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined) return REASONS[code] ?? code;
  return error instanceof Error ? error.message : String(error);
}
