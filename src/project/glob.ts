import { realpath } from "node:fs/promises";
import { walkFiles } from "../compile/confined-files.js";

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

/**
 * Files below `root` (relative posix paths, sorted) matching any of the globs; hidden and node_modules
 * skipped. Symbolic links are followed when their real path is inside `within` (default: `root` itself;
 * null: anywhere) and are an OutsideRepositoryError otherwise.
 */
export async function expandGlobs(
  root: string,
  patterns: readonly string[],
  options: { within?: string | null | undefined; displayPrefix?: string } = {},
): Promise<string[]> {
  const matchers = patterns.map((pattern) => globToRegExp(pattern.replace(/^\.\//, "")));
  let boundary = options.within;
  if (boundary === undefined) {
    try {
      boundary = await realpath(root);
    } catch {
      return [];
    }
  }
  return walkFiles(root, (file) => matchers.some((matcher) => matcher.test(file)), {
    within: boundary,
    displayPrefix: options.displayPrefix ?? "",
    skipUnreadable: true,
  });
}
