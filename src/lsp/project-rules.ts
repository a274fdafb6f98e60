import path from "node:path";
import { defaultProjectConfig, loadProjectConfig, type ProjectConfig } from "../project/config.js";

export interface ProjectLayout {
  /** The rules directory (absolute). */
  rulesDir: string;
  /** Where the fixture files are: globs relative to the workspace root. */
  fixtureGlobs: string[];
}

/**
 * The project's rules directory and fixture files, as the commands find them: `rules:` and `fixtures:`
 * in the workspace's leadscore.yaml, else `rules/` and the `*.test.yaml` files below it. A configuration that cannot
 * be read gives the conventional layout (the commands report it; the editor still checks the rules).
 */
export async function projectLayout(root: string): Promise<ProjectLayout> {
  let config: ProjectConfig;
  try {
    config = await loadProjectConfig(root);
  } catch {
    config = defaultProjectConfig(root);
  }
  return { rulesDir: path.resolve(root, config.rules), fixtureGlobs: config.fixtures };
}
