import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The files of a new rules repository ship as plain files in src/init/files/, so that they can be
 * read, checked and reviewed as what they are. Both src/init and dist/init sit two levels below the
 * package root, so the same relative path finds them from either.
 */
export const TEMPLATES_DIR = fileURLToPath(new URL("../../src/init/files/", import.meta.url));

/** The release of leadscore that a new repository's workflow installs: the one that created it. */
export const LEADSCORE_VERSION = (createRequire(import.meta.url)("../../package.json") as { version: string })
  .version;

/** Replaced in every template by the version the workflow installs. */
export const VERSION_PLACEHOLDER = "{{LEADSCORE_VERSION}}";

/** Replaced in the action variant of the workflow by the action it uses (`owner/repo@ref`). */
const ACTION_PLACEHOLDER = "{{LEADSCORE_ACTION}}";

const WORKFLOW_PATH = ".github/workflows/leadscore.yml";

/** The workflow that uses the leadscore GitHub Action instead of installing the npm package. */
const ACTION_WORKFLOW = fileURLToPath(
  new URL("../../src/init/variants/leadscore-action.yml", import.meta.url),
);

/**
 * Templates stored under another name than the file they become: npm leaves every `.gitignore` out of a
 * published package, and a `.github` directory inside the sources would look like this project's own.
 */
const RENAMED_PREFIXES: ReadonlyArray<readonly [stored: string, target: string]> = [
  ["gitignore", ".gitignore"],
  ["github/", ".github/"],
];

export interface ScaffoldFile {
  /** Where the file goes, relative to the new repository (posix separators). */
  path: string;
  text: string;
}

/** The path a stored template is written to. */
export function targetPathOf(stored: string): string {
  for (const [from, to] of RENAMED_PREFIXES) {
    if (stored === from || (from.endsWith("/") && stored.startsWith(from)))
      return to + stored.slice(from.length);
  }
  return stored;
}

/**
 * Every file of a new rules repository, in path order, with the version filled in. With `action`
 * (`owner/repo@ref`, checked by parseActionRef), the workflow uses that GitHub Action, pinned to that ref,
 * instead of installing this version of the npm package.
 */
export async function scaffoldFiles(
  version: string = LEADSCORE_VERSION,
  action: string | null = null,
): Promise<ScaffoldFile[]> {
  const stored = await listFiles(TEMPLATES_DIR);
  const files = await Promise.all(
    stored.map(async (relative) => {
      const target = targetPathOf(relative);
      const text =
        action !== null && target === WORKFLOW_PATH
          ? (await readFile(ACTION_WORKFLOW, "utf8")).replaceAll(ACTION_PLACEHOLDER, action)
          : await readFile(path.join(TEMPLATES_DIR, relative), "utf8");
      return { path: target, text: text.replaceAll(VERSION_PLACEHOLDER, version) };
    }),
  );
  // Code-point order, not locale order: the same listing on every machine.
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function listFiles(root: string, relative = ""): Promise<string[]> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) found.push(...(await listFiles(root, child)));
    else if (entry.isFile()) found.push(child);
  }
  return found;
}
