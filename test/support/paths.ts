import path from "node:path";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
export const RULES_DIR = path.join(PROJECT_ROOT, "rules");
