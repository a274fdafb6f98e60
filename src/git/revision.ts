/**
 * Reads files as they are at a git revision, without touching the working tree: `git ls-tree` lists the
 * files, `git cat-file` reads each blob into memory. Git runs through execFile (no shell), with the
 * revision passed after `--end-of-options`, so no revision text can become an option or a command.
 *
 * Problems (git missing, not a repository, unknown revision) come back as data with a message for the
 * user; nothing here throws for them.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import type { SourceText } from "../compile/read-rules.js";

export type GitResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** A project directory inside a git work tree. */
export interface GitProject {
  /** The work tree's top directory. */
  top: string;
  /** The project directory relative to `top`, posix, without trailing slash; "" at the top. */
  prefix: string;
}

interface GitOutput {
  code: number;
  stdout: Buffer;
  stderr: string;
}

const MAX_OUTPUT = 512 * 1024 * 1024;

function git(cwd: string, args: readonly string[]): Promise<GitOutput | { missing: true }> {
  return new Promise((resolve) => {
    execFile(
      "git",
      args,
      {
        cwd,
        encoding: "buffer",
        maxBuffer: MAX_OUTPUT,
        windowsHide: true,
        // Reading never needs the index lock; never ask for credentials on a terminal.
        env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0" },
      },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === "ENOENT") {
          resolve({ missing: true });
          return;
        }
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr: stderr.toString("utf8").trim() });
      },
    );
  });
}

export const GIT_MISSING = "cannot run `git`: is it installed and on the PATH?";

function firstLine(text: string): string {
  return text.split("\n")[0] ?? "";
}

/** The git work tree that holds `dir`, or why there is none. */
export async function openGitProject(dir: string): Promise<GitResult<GitProject>> {
  const output = await git(dir, ["rev-parse", "--show-toplevel"]);
  if ("missing" in output) return { ok: false, error: GIT_MISSING };
  if (output.code !== 0) {
    return { ok: false, error: `${displayDir(dir)} is not in a git repository` };
  }
  const top = output.stdout.toString("utf8").trim();
  const relative = path.relative(top, dir).split(path.sep).join("/");
  // A symlinked path (macOS /var → /private/var) can make `relative` climb out; ask git instead.
  if (relative.startsWith("..")) {
    const prefix = await git(dir, ["rev-parse", "--show-prefix"]);
    if ("missing" in prefix || prefix.code !== 0) return { ok: false, error: GIT_MISSING };
    return { ok: true, value: { top, prefix: prefix.stdout.toString("utf8").trim().replace(/\/$/, "") } };
  }
  return { ok: true, value: { top, prefix: relative } };
}

function displayDir(dir: string): string {
  return `\`${dir}\``;
}

/** The commit a revision names (`main`, `HEAD~2`, `v1.4`, a hash), or why it names none. */
export async function resolveCommit(project: GitProject, revision: string): Promise<GitResult<string>> {
  if (revision.trim() === "" || revision.startsWith("-")) {
    return { ok: false, error: `\`${revision}\` is not a git revision` };
  }
  const output = await git(project.top, [
    "rev-parse",
    "--verify",
    "--quiet",
    "--end-of-options",
    `${revision}^{commit}`,
  ]);
  if ("missing" in output) return { ok: false, error: GIT_MISSING };
  if (output.code !== 0) {
    return { ok: false, error: `unknown revision \`${revision}\`: no such branch, tag or commit` };
  }
  return { ok: true, value: output.stdout.toString("utf8").trim() };
}

/**
 * The files below `under` (relative to the project directory) at a commit, as posix paths relative to
 * the project directory, in code-point order. Only regular files: no symlinks, no submodules.
 */
export async function listFilesAtCommit(
  project: GitProject,
  commit: string,
  under: string,
): Promise<GitResult<string[]>> {
  const fromTop = path.posix.join(project.prefix, toPosix(under));
  const args = ["ls-tree", "-r", "-z", "--full-tree", commit];
  // `.` (the project at the top of the work tree) means everything: no pathspec.
  if (fromTop !== "." && fromTop !== "") args.push("--", fromTop);
  const output = await git(project.top, args);
  if ("missing" in output) return { ok: false, error: GIT_MISSING };
  if (output.code !== 0) return { ok: false, error: `git ls-tree failed: ${firstLine(output.stderr)}` };
  const files: string[] = [];
  const strip = project.prefix === "" ? "" : `${project.prefix}/`;
  for (const entry of output.stdout.toString("utf8").split("\0")) {
    // `<mode> <type> <object>\t<path>`
    const tab = entry.indexOf("\t");
    if (tab === -1) continue;
    const [mode, type] = entry.slice(0, tab).split(" ");
    const file = entry.slice(tab + 1);
    if (type !== "blob" || (mode !== "100644" && mode !== "100755")) continue;
    if (!file.startsWith(strip)) continue;
    files.push(file.slice(strip.length));
  }
  return { ok: true, value: files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) };
}

/** One file's text at a commit; `file` is relative to the project directory. */
export async function readFileAtCommit(
  project: GitProject,
  commit: string,
  file: string,
): Promise<GitResult<string>> {
  const fromTop = path.posix.join(project.prefix, toPosix(file));
  const output = await git(project.top, ["cat-file", "blob", `${commit}:${fromTop}`]);
  if ("missing" in output) return { ok: false, error: GIT_MISSING };
  if (output.code !== 0) return { ok: false, error: `cannot read \`${file}\` at ${commit.slice(0, 12)}` };
  return { ok: true, value: output.stdout.toString("utf8") };
}

/** Reads many files at a commit, a few at a time, in the order given. */
export async function readFilesAtCommit(
  project: GitProject,
  commit: string,
  files: readonly string[],
): Promise<GitResult<Array<{ file: string; text: string }>>> {
  const results: Array<GitResult<string>> = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      results[index] = await readFileAtCommit(project, commit, files[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, files.length) }, worker));
  const texts: Array<{ file: string; text: string }> = [];
  for (const [index, result] of results.entries()) {
    if (!result.ok) return result;
    texts.push({ file: files[index]!, text: result.value });
  }
  return { ok: true, value: texts };
}

/** Whether a path below the rules directory is a rule file, by the rules `compileDirectory` follows. */
function isRuleFile(relative: string): boolean {
  const parts = relative.split("/");
  if (parts.some((part) => part.startsWith(".") || part === "node_modules")) return false;
  return relative.endsWith(".score");
}

export interface RevisionRules {
  commit: string;
  /** The `.score` files below the rules directory at that commit, paths starting with `displayPrefix`. */
  sources: SourceText[];
}

/**
 * The rule files of a project as they are at a revision, ready for `compileSources`. `rulesDir` is
 * relative to the project directory; each source's path is `displayPrefix` + its path below `rulesDir`,
 * so that locations read the same as when the working tree is compiled with that prefix.
 */
export async function readRulesAtRevision(
  projectDir: string,
  revision: string,
  rulesDir: string,
  displayPrefix: string,
): Promise<GitResult<RevisionRules>> {
  const project = await openGitProject(projectDir);
  if (!project.ok) return project;
  const commit = await resolveCommit(project.value, revision);
  if (!commit.ok) return commit;
  return readRulesAtCommit(project.value, commit.value, rulesDir, displayPrefix);
}

export async function readRulesAtCommit(
  project: GitProject,
  commit: string,
  rulesDir: string,
  displayPrefix: string,
): Promise<GitResult<RevisionRules>> {
  const under = toPosix(rulesDir).replace(/\/+$/, "").replace(/^\.\//, "") || ".";
  const listed = await listFilesAtCommit(project, commit, under);
  if (!listed.ok) return listed;
  const below = under === "." ? "" : `${under}/`;
  const files = listed.value.filter((file) => file.startsWith(below) && isRuleFile(file.slice(below.length)));
  const read = await readFilesAtCommit(project, commit, files);
  if (!read.ok) return read;
  const prefix = toPosix(displayPrefix).replace(/\/+$/, "");
  return {
    ok: true,
    value: {
      commit,
      sources: read.value.map(({ file, text }) => {
        const relative = file.slice(below.length);
        return { path: prefix === "" || prefix === "." ? relative : `${prefix}/${relative}`, text };
      }),
    },
  };
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
