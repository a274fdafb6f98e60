/**
 * The benchmarks measure the built package (`dist/`, what users run), not the TypeScript sources. Modules
 * are imported by path at run time and typed from their sources, so type checking never needs a build.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const CLI = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
export const RULES = fileURLToPath(new URL("../rules/", import.meta.url));

export type CompileModule = typeof import("../src/compile/compile-ruleset.js");
export type ParseModule = typeof import("../src/syntax/parse.js");
export type CheckModule = typeof import("../src/check/check-program.js");
export type BuildModule = typeof import("../src/compile/build-artifact.js");
export type LoadArtifactModule = typeof import("../src/compile/load-artifact.js");
export type RulesetModule = typeof import("../src/eval/ruleset.js");
export type DiffModule = typeof import("../src/diff/population.js");
export type MarkdownModule = typeof import("../src/diff/report/markdown.js");

export function ensureBuilt(): void {
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} is missing: run \`npm run build\` first (\`npm run bench\` does)`);
  }
}

export async function loadDist<T>(relative: string): Promise<T> {
  return (await import(new URL(relative, new URL("../dist/", import.meta.url)).href)) as T;
}
