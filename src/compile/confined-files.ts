/**
 * Reading a repository's files without leaving it. Everything a pull request can change is untrusted, and
 * a symbolic link is a file a pull request can add: a link to `/etc/passwd` or `~/.ssh/` must never be
 * read (its contents could reach a pull-request comment), and a link must never make a rule file vanish
 * silently either. So links are followed when their real path stays inside the repository and are an
 * error otherwise; only an explicit choice of the caller (`within: null`) lifts the limit.
 */
import { type Dirent, readdirSync, realpathSync, statSync } from "node:fs";
import { realpath } from "node:fs/promises";
import path from "node:path";

/** A path (or the target of a symbolic link) that leads outside the repository. */
export class OutsideRepositoryError extends Error {
  override readonly name = "OutsideRepositoryError";
}

/** Whether real path `target` is `boundary` itself or below it. */
export function isInside(target: string, boundary: string): boolean {
  const relative = path.relative(boundary, target);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * The real path of `target` (links resolved); for a path that does not exist yet, the real path of its
 * nearest existing ancestor joined with the rest, so that a missing file below a linked directory still
 * counts as where the link leads.
 */
export async function realPathOf(target: string): Promise<string> {
  const absolute = path.resolve(target);
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(await realpath(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

export interface WalkOptions {
  /** Real path every followed link must stay inside; null follows links anywhere. */
  within: string | null;
  /** Prepended to paths in error messages (`rules`), so they read as the user named the directory. */
  displayPrefix: string;
  /** Directories that cannot be read are skipped instead of rejecting (globs over a tree that may lack them). */
  skipUnreadable?: boolean;
}

/** Hidden files and directories and node_modules are never read by a walk. */
export function isSkippedName(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

/**
 * The files below `dir` that `keep` selects, as posix paths relative to `dir`, in code-point order (the
 * same on every machine). Synchronous, for the language server too: a rules repository is small. Symbolic links to files and directories are followed when they stay inside
 * `within` (each real directory is walked once, so a link cycle ends); a link leading outside, or a
 * broken link that `keep` would select, rejects with an OutsideRepositoryError naming it.
 */
export function walkFiles(dir: string, keep: (relative: string) => boolean, options: WalkOptions): string[] {
  const found: string[] = [];
  const walked = new Set<string>();
  const shown = (relative: string) =>
    options.displayPrefix === "" || options.displayPrefix === "."
      ? relative
      : path.posix.join(options.displayPrefix, relative);

  function walk(relative: string): void {
    const absolute = path.join(dir, relative);
    let entries: Dirent[];
    try {
      const real = realpathSync(absolute);
      if (walked.has(real)) return;
      walked.add(real);
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      if (options.skipUnreadable === true) return;
      throw error;
    }
    for (const entry of entries) {
      if (isSkippedName(entry.name)) continue;
      const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const followed = followLink(path.join(dir, child), child);
        if (followed === null) continue;
        isDirectory = followed.isDirectory;
        isFile = followed.isFile;
      }
      if (isDirectory) walk(child);
      else if (isFile && keep(child)) found.push(child);
    }
  }

  /** Where a link leads (null: a broken link nobody asked for), or an error when it leaves the repository. */
  function followLink(absolute: string, child: string): { isDirectory: boolean; isFile: boolean } | null {
    let target: string;
    let isDirectory: boolean;
    let isFile: boolean;
    try {
      target = realpathSync(absolute);
      const info = statSync(target);
      isDirectory = info.isDirectory();
      // A link to a pipe or a device is neither: reading one could block forever.
      isFile = info.isFile();
    } catch {
      if (!keep(child)) return null;
      throw new OutsideRepositoryError(
        `\`${shown(child)}\` is a symbolic link to a file that does not exist`,
      );
    }
    if (!isDirectory && !keep(child)) return null;
    if (options.within !== null && !isInside(target, options.within)) {
      throw new OutsideRepositoryError(
        `\`${shown(child)}\` is a symbolic link to \`${target}\`, outside the repository (\`${options.within}\`)`,
      );
    }
    return { isDirectory, isFile };
  }

  walk("");
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
