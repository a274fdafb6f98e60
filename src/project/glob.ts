/**
 * The one glob semantics of leadscore, for every glob: the `fixtures` of leadscore.yaml in the working
 * tree and at a git revision, and the fixture files below a directory named on the command line.
 *
 * - Paths are posix and relative to the project directory; a leading `./` is ignored.
 * - `*` is any characters within one path segment, `?` one character, `[abc]` / `[a-z]` a class,
 *   `{a,b}` alternatives (within one segment); `**` as a whole segment is any number of directories,
 *   none included. A pattern starting with `!` removes what it matches from what the others select.
 * - Hidden files and directories (a segment starting with `.`) and node_modules are never matched.
 * - Matching is case-sensitive, as git and the file systems CI runs on are.
 *
 * Each segment is matched by picomatch (well kept, the matcher of most JavaScript tooling), so classes,
 * braces and escapes mean what users know from elsewhere. But picomatch compiles a glob to a backtracking
 * regular expression: several `*` in one segment take time polynomial in the name's length (`*a*a*a*a*b`
 * takes seconds on one 250-character name) and several `**` the same over a whole path. So a pattern
 * is split into segments, `**` segments are matched by a dynamic program over (pattern segment, path
 * segment) — linear in each — and a segment may hold at most two of `*`, `{…}` and `(…)`: each match
 * is then at most quadratic in one name (≤ 255 characters), whatever a pull request writes.
 */
import { realpath } from "node:fs/promises";
import picomatch from "picomatch";
import { isSkippedName, walkFiles } from "../compile/confined-files.js";

/** A glob that cannot be used, with why (a configuration error where it comes from leadscore.yaml). */
export class GlobError extends Error {
  override readonly name = "GlobError";
}

const MAX_PATTERN_LENGTH = 1024;
const MAX_AMBIGUOUS_PER_SEGMENT = 2;
const PICOMATCH_OPTIONS = {
  dot: false,
  nocase: false,
  noextglob: true,
  nonegate: true,
  windows: false,
  maxLength: MAX_PATTERN_LENGTH,
} as const;

type Segment = "**" | ((name: string) => boolean);

interface CompiledGlob {
  negated: boolean;
  segments: Segment[];
}

/** The `*` runs and groups of a segment: what makes a backtracking match slow when combined. */
function ambiguousParts(segment: string): number {
  const stars = segment.replace(/\\./g, "").match(/\*+/g)?.length ?? 0;
  const groups = segment.replace(/\\./g, "").match(/[{(]/g)?.length ?? 0;
  return stars + groups;
}

function compileGlob(pattern: string): CompiledGlob {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new GlobError(`glob \`${pattern.slice(0, 40)}…\` is longer than ${MAX_PATTERN_LENGTH} characters`);
  }
  const negated = pattern.startsWith("!");
  const body = (negated ? pattern.slice(1) : pattern).replace(/^(\.\/)+/, "");
  if (/\{[^}]*\/[^{]*\}/.test(body)) {
    throw new GlobError(`glob \`${pattern}\`: a \`{…}\` alternative cannot hold \`/\` (write two globs)`);
  }
  const segments = body.split("/").map((segment): Segment => {
    if (segment === "**") return "**";
    if (ambiguousParts(segment) > MAX_AMBIGUOUS_PER_SEGMENT) {
      throw new GlobError(
        `glob \`${pattern}\`: \`${segment}\` holds more than ${MAX_AMBIGUOUS_PER_SEGMENT} of \`*\`, \`{…}\` and \`(…)\` (write it as several globs)`,
      );
    }
    return picomatch(segment, PICOMATCH_OPTIONS);
  });
  return { negated, segments };
}

/** Whether the path's segments match the pattern's, `**` taking any number of segments (linear). */
function matchesSegments(segments: readonly Segment[], parts: readonly string[]): boolean {
  // reachable[j]: the pattern segments so far can consume exactly the first j path segments.
  let reachable = new Uint8Array(parts.length + 1);
  reachable[0] = 1;
  for (const segment of segments) {
    const next = new Uint8Array(parts.length + 1);
    if (segment === "**") {
      const first = reachable.indexOf(1);
      if (first === -1) return false;
      next.fill(1, first);
    } else {
      for (let j = 0; j < parts.length; j++) if (reachable[j] === 1 && segment(parts[j]!)) next[j + 1] = 1;
    }
    reachable = next;
  }
  return reachable[parts.length] === 1;
}

/**
 * A matcher for posix paths relative to the project directory: true when some positive glob matches and
 * no `!` glob does. Throws a GlobError for a glob that cannot be used (see the limits above).
 */
export function compileGlobs(patterns: readonly string[]): (file: string) => boolean {
  const globs = patterns.map(compileGlob);
  const included = globs.filter((glob) => !glob.negated);
  const excluded = globs.filter((glob) => glob.negated);
  return (file) => {
    const parts = file.split("/");
    if (parts.some(isSkippedName)) return false;
    const matches = (glob: CompiledGlob) => matchesSegments(glob.segments, parts);
    return included.some(matches) && !excluded.some(matches);
  };
}

/**
 * Files below `root` (relative posix paths, sorted) matching the globs; hidden and node_modules
 * skipped. Symbolic links are followed when their real path is inside `within` (default: `root` itself;
 * null: anywhere) and are an OutsideRepositoryError otherwise.
 */
export async function expandGlobs(
  root: string,
  patterns: readonly string[],
  options: { within?: string | null | undefined; displayPrefix?: string } = {},
): Promise<string[]> {
  const matches = compileGlobs(patterns);
  let boundary = options.within;
  if (boundary === undefined) {
    try {
      boundary = await realpath(root);
    } catch {
      return [];
    }
  }
  return walkFiles(root, matches, {
    within: boundary,
    displayPrefix: options.displayPrefix ?? "",
    skipUnreadable: true,
  });
}
