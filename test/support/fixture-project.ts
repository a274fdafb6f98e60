import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { RULES_DIR } from "./paths.js";

/** A fresh project with a copy of the reference rules, and the given files (paths relative to it). */
export function fixtureProject(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "leadscore-fixtures-"));
  cpSync(RULES_DIR, path.join(dir, "rules"), {
    recursive: true,
    filter: (source) => !source.includes("tests"),
  });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
