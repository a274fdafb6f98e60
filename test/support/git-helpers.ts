import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Git for tests, isolated from the machine's configuration: no system or global config is read (so no
 * hooks, signing or default branch from the developer's setup), and the author is set in the repository.
 * The same variables are set on process.env by `isolateGit` for the code under test.
 */
export const GIT_ENV = {
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: path.join(tmpdir(), "leadscore-no-global-gitconfig"),
};

export function git(dir: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: dir, env: { ...process.env, ...GIT_ENV }, encoding: "utf8" });
}

/** A new repository on branch `main` with a local author. */
export function createRepository(prefix = "leadscore-git-"): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  git(dir, "init", "--quiet", "--initial-branch=main");
  git(dir, "config", "user.name", "Test Author");
  git(dir, "config", "user.email", "author@example.com");
  git(dir, "config", "commit.gpgsign", "false");
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

export function commitAll(dir: string, message: string): string {
  git(dir, "add", "--all");
  git(dir, "commit", "--quiet", "-m", message);
  return git(dir, "rev-parse", "HEAD").trim();
}
