import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";

/** `**` any number of directories, `*` any characters but `/`, `?` one character; posix paths. */
export function globToRegExp(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === "*" && pattern[i + 1] === "*") {
      const slash = pattern[i + 2] === "/";
      source += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

/** Files below `root` (relative posix paths, sorted) matching any of the globs; hidden and node_modules skipped. */
export async function expandGlobs(root: string, patterns: readonly string[]): Promise<string[]> {
  const matchers = patterns.map((pattern) => globToRegExp(pattern.replace(/^\.\//, "")));
  const found: string[] = [];
  async function walk(relative: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else if (matchers.some((matcher) => matcher.test(child))) found.push(child);
    }
  }
  await walk("");
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
