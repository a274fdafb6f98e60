/**
 * The repository a project lives in, and keeping leadscore.yaml's paths inside it. A pull request can
 * change leadscore.yaml; a path in it that leads elsewhere (`/etc/passwd`, `../../secrets/leads.csv`, or a
 * link to them) would let the pull request read any file the CI machine can read and post parts of it in
 * the review comment (reject reasons quote values). Only the command line may allow more.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { isInside, OutsideRepositoryError, realPathOf } from "../compile/confined-files.js";
import { CONFIG_FILE } from "./config-file.js";
import type { ProjectConfig } from "./config.js";

async function exists(target: string): Promise<boolean> {
  try {
    await stat(target);
    return true;
  } catch {
    return false;
  }
}

/**
 * The real path of the repository holding `dir`: the nearest directory at or above it with a `.git`
 * (the git work tree), else the nearest with a leadscore.yaml, else `dir` itself.
 */
export async function repositoryRoot(dir: string): Promise<string> {
  const start = await realPathOf(dir);
  let withConfig: string | null = null;
  for (let current = start; ; current = path.dirname(current)) {
    if (await exists(path.join(current, ".git"))) return current;
    if (withConfig === null && (await exists(path.join(current, CONFIG_FILE)))) withConfig = current;
    if (path.dirname(current) === current) return withConfig ?? start;
  }
}

/** Every path leadscore.yaml names, with the key that names it (`population[0].leads`). */
function configPaths(config: ProjectConfig): Array<{ key: string; value: string; glob: boolean }> {
  const paths = [{ key: "rules", value: config.rules, glob: false }];
  for (const [index, value] of config.fixtures.entries()) {
    paths.push({ key: `fixtures[${index}]`, value, glob: true });
  }
  for (const [index, entry] of config.population.entries()) {
    paths.push({ key: `population[${index}].leads`, value: entry.leads, glob: false });
    if (entry.events !== undefined) {
      paths.push({ key: `population[${index}].events`, value: entry.events, glob: false });
    }
  }
  return paths;
}

/** The part of a glob before its first wildcard: the directory its matches are below. */
function staticBase(glob: string): string {
  const parts = glob.replace(/^!/, "").split("/");
  const fixed = parts.findIndex((part) => /[*?[\]{}()!+@]/.test(part));
  return (fixed === -1 ? parts : parts.slice(0, fixed)).join("/") || ".";
}

/**
 * Refuses a configuration naming a path outside the repository holding `config.root`: absolute, `..`,
 * or leading out through a symbolic link (the real path is checked, and for a glob the real path of its
 * fixed leading directories). `allowOutside` (a command-line choice) lifts the check. Returns the
 * repository's real path, or null when the check is lifted, for the links found below these paths.
 */
export async function confineConfigPaths(
  config: ProjectConfig,
  allowOutside: boolean,
): Promise<string | null> {
  if (allowOutside) return null;
  const repository = await repositoryRoot(config.root);
  for (const { key, value, glob } of configPaths(config)) {
    const named = glob ? staticBase(value) : value;
    const real = await realPathOf(path.resolve(config.root, named));
    if (isInside(real, repository)) continue;
    const via =
      path.isAbsolute(value) || named.split(/[\\/]/).includes("..") ? "" : ` (its real path is \`${real}\`)`;
    throw new OutsideRepositoryError(
      `${CONFIG_FILE}: \`${key}\` names \`${value}\`${via}, outside the repository (\`${repository}\`)`,
    );
  }
  return repository;
}
