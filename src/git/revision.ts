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
import { isSkippedName } from "../compile/confined-files.js";
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
  const listed = await listEntriesAtCommit(project, commit, under);
  if (!listed.ok) return listed;
  return {
    ok: true,
    value: listed.value.filter((entry) => entry.kind === "file").map((entry) => entry.file),
  };
}

const SYMLINK_MODE = "120000";

/** A file or symbolic link at a commit (links are blobs holding their target, as git stores them). */
interface TreeEntry {
  file: string;
  kind: "file" | "link";
}

/** The regular files and symbolic links below `under` at a commit (see listFilesAtCommit). */
async function listEntriesAtCommit(
  project: GitProject,
  commit: string,
  under: string,
): Promise<GitResult<TreeEntry[]>> {
  const fromTop = path.posix.join(project.prefix, toPosix(under));
  const args = ["ls-tree", "-r", "-z", "--full-tree", commit];
  // `.` (the project at the top of the work tree) means everything: no pathspec.
  if (fromTop !== "." && fromTop !== "") args.push("--", fromTop);
  const output = await git(project.top, args);
  if ("missing" in output) return { ok: false, error: GIT_MISSING };
  if (output.code !== 0) return { ok: false, error: `git ls-tree failed: ${firstLine(output.stderr)}` };
  const entries: TreeEntry[] = [];
  const strip = project.prefix === "" ? "" : `${project.prefix}/`;
  for (const line of output.stdout.toString("utf8").split("\0")) {
    // `<mode> <type> <object>\t<path>`
    const tab = line.indexOf("\t");
    if (tab === -1) continue;
    const [mode, type] = line.slice(0, tab).split(" ");
    const file = line.slice(tab + 1);
    if (type !== "blob" || !file.startsWith(strip)) continue;
    if (mode === "100644" || mode === "100755")
      entries.push({ file: file.slice(strip.length), kind: "file" });
    else if (mode === SYMLINK_MODE) entries.push({ file: file.slice(strip.length), kind: "link" });
  }
  return { ok: true, value: entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) };
}

/** The mode of one path at a commit (`path` from the work tree's top), or null when there is nothing. */
async function modeAtCommit(project: GitProject, commit: string, fromTop: string): Promise<string | null> {
  const output = await git(project.top, ["ls-tree", "-z", "--full-tree", commit, "--", fromTop]);
  if ("missing" in output || output.code !== 0) return null;
  const line = output.stdout.toString("utf8").split("\0")[0] ?? "";
  const tab = line.indexOf("\t");
  return tab === -1 || line.slice(tab + 1) !== fromTop ? null : (line.split(" ")[0] ?? null);
}

const MAX_LINK_HOPS = 8;

/**
 * What a symbolic link at a commit leads to, as the working tree would follow it: a regular file inside
 * the work tree (its project-relative path), or why it cannot be read. Never a silent skip: a link that
 * leaves the repository, dangles, loops or names a directory is an error naming the link.
 */
async function followLinkAtCommit(
  project: GitProject,
  commit: string,
  link: string,
  shown: string,
): Promise<GitResult<{ file: string } | { directory: string }>> {
  let fromTop = path.posix.join(project.prefix, link);
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    const target = await git(project.top, ["cat-file", "blob", `${commit}:${fromTop}`]);
    if ("missing" in target) return { ok: false, error: GIT_MISSING };
    const text = target.stdout.toString("utf8");
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(fromTop), text));
    if (path.posix.isAbsolute(text) || resolved === ".." || resolved.startsWith("../")) {
      return {
        ok: false,
        error: `\`${shown}\` at ${commit.slice(0, 12)} is a symbolic link to \`${text}\`, outside the repository`,
      };
    }
    const mode = await modeAtCommit(project, commit, resolved);
    if (mode === "100644" || mode === "100755") {
      const strip = project.prefix === "" ? "" : `${project.prefix}/`;
      const file = resolved.startsWith(strip)
        ? resolved.slice(strip.length)
        : path.posix.relative(project.prefix, resolved);
      return { ok: true, value: { file } };
    }
    if (mode === "040000") return { ok: true, value: { directory: resolved } };
    if (mode !== SYMLINK_MODE) {
      return {
        ok: false,
        error: `\`${shown}\` at ${commit.slice(0, 12)} is a symbolic link to a file that does not exist`,
      };
    }
    fromTop = resolved;
  }
  return { ok: false, error: `\`${shown}\` at ${commit.slice(0, 12)} is a symbolic link in a loop` };
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
  const listed = await listEntriesAtCommit(project, commit, under);
  if (!listed.ok) return listed;
  const below = under === "." ? "" : `${under}/`;
  const prefix = toPosix(displayPrefix).replace(/\/+$/, "");
  const shown = (file: string) => {
    const relative = file.slice(below.length);
    return prefix === "" || prefix === "." ? relative : `${prefix}/${relative}`;
  };
  // Each rule file, and the file each linked rule file (or linked directory) leads to, as the working
  // tree follows them: a link never makes a model vanish silently.
  const files: string[] = [];
  const readFrom: string[] = [];
  for (const entry of listed.value) {
    const relative = entry.file.slice(below.length);
    if (!entry.file.startsWith(below) || relative.split("/").some((part) => isSkippedName(part))) continue;
    if (entry.kind === "file") {
      if (!relative.endsWith(".score")) continue;
      files.push(entry.file);
      readFrom.push(entry.file);
      continue;
    }
    const followed = await followLinkAtCommit(project, commit, entry.file, shown(entry.file));
    if (!followed.ok) {
      // A link that is no rule file (a README, notes) holds no model, wherever it leads.
      if (!relative.endsWith(".score")) continue;
      return followed;
    }
    if ("directory" in followed.value) {
      // The working tree walks a linked directory; reading one from git is not done (yet): say so.
      return {
        ok: false,
        error: `\`${shown(entry.file)}\` at ${commit.slice(0, 12)} is a symbolic link to a directory, which is not followed in a revision`,
      };
    }
    if (!relative.endsWith(".score")) continue;
    files.push(entry.file);
    readFrom.push(followed.value.file);
  }
  const read = await readFilesAtCommit(project, commit, readFrom);
  if (!read.ok) return read;
  return {
    ok: true,
    value: {
      commit,
      sources: read.value.map(({ text }, index) => ({ path: shown(files[index]!), text })),
    },
  };
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
