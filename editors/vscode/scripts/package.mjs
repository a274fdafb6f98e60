/**
 * `npm run package`: builds the extension into a .vsix.
 *   1. copies what the extension ships from the project: the TextMate grammar (grammar/) and the fixture
 *      file schema (schema/), so they are never edited twice;
 *   2. type checks src/ and bundles src/extension.ts and vscode-languageclient into dist/extension.js (esbuild), so the .vsix
 *      carries no node_modules;
 *   3. runs vsce package --no-dependencies. Packaging is offline: vsce reads only local files.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const project = path.resolve(here, "../..");

mkdirSync(path.join(here, "syntaxes"), { recursive: true });
mkdirSync(path.join(here, "schemas"), { recursive: true });
copyFileSync(
  path.join(project, "grammar/leadscore.tmLanguage.json"),
  path.join(here, "syntaxes/leadscore.tmLanguage.json"),
);
copyFileSync(
  path.join(project, "schema/fixtures.schema.json"),
  path.join(here, "schemas/fixtures.schema.json"),
);

// Type check with the project's TypeScript (its @types/node; @types/vscode is this package's own).
execFileSync(process.execPath, [path.join(project, "node_modules/typescript/bin/tsc"), "-p", here], {
  stdio: "inherit",
});

await build({
  absWorkingDir: here,
  entryPoints: ["src/extension.ts"],
  outfile: "dist/extension.js",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node18",
  external: ["vscode"],
  minify: true,
  logLevel: "warning",
});

const { version } = JSON.parse(readFileSync(path.join(here, "package.json"), "utf8"));
const out = `leadscore-vscode-${version}.vsix`;
const vsce = path.join(here, "node_modules/@vscode/vsce/vsce");
execFileSync(
  process.execPath,
  [vsce, "package", "--no-dependencies", "--skip-license", "--allow-missing-repository", "--out", out],
  { cwd: here, stdio: "inherit" },
);
process.stdout.write(`packaged ${path.join("editors/vscode", out)}\n`);
