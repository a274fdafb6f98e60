import path from "node:path";
import { loadProjectConfig } from "../project/config.js";

/**
 * The project's rules directory: `rules:` in the workspace's leadscore.yaml, else `rules/`. A
 * configuration that cannot be read gives the conventional layout (the commands report it; the editor
 * still checks the rules).
 */
export async function projectRulesDir(root: string): Promise<string> {
  try {
    return path.resolve(root, (await loadProjectConfig(root)).rules);
  } catch {
    return path.join(root, "rules");
  }
}
