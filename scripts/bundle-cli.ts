/**
 * Part of `npm run build`, after tsc: bundles the `leadscore` command into dist/cli/, replacing tsc's
 * one-file-per-module output there. dist/cli/main.js is the `bin`; each command's implementation (its
 * `*-action.ts` and everything it uses) is split into chunks next to it, loaded when the command runs.
 *
 * Why: run as separate files, the command loaded over 800 ES modules at every start (640 of them
 * lodash-es, through Chevrotain), and resolving, reading and linking them took most of a cold
 * `leadscore check`. Bundled, the same code is a handful of files. The library (dist/index.js and the
 * rest of dist/) stays tsc's output, and the dependencies stay dependencies for it.
 *
 * The chunks sit in dist/cli/ itself, never in a subdirectory: modules find package.json, schema/ and
 * the init templates at `../../` from their own URL, which holds for src/<dir>/ and dist/<dir>/ alike.
 */
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The bundle is ES modules; the CommonJS packages inside it (commander, ajv) call `require` for Node's
 * own modules, which esbuild leaves to a `require` in scope. Every output file gets one.
 */
const REQUIRE_BANNER =
  'import { createRequire as __bundleCreateRequire } from "node:module";\n' +
  "const require = __bundleCreateRequire(import.meta.url);";

export interface BundledCli {
  /** The files written, by name, in name order. */
  files: string[];
  /** esbuild's account of the build: which sources went into which file, and what each file imports. */
  metafile: Metafile;
}

/** Writes the bundled command to `outDir` (emptied first, so no chunk of an earlier build is left). */
export async function bundleCli(outDir: string): Promise<BundledCli> {
  rmSync(outDir, { recursive: true, force: true });
  const { metafile } = await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: { main: "src/cli/main.ts" },
    outdir: outDir,
    bundle: true,
    splitting: true,
    chunkNames: "[name]-[hash]",
    format: "esm",
    platform: "node",
    target: "node20",
    banner: { js: REQUIRE_BANNER },
    // The database clients stay packages of their own, imported at run time by the commands that use a
    // database: DuckDB's is a native binary esbuild cannot bundle; both are dependencies of the package.
    external: ["@duckdb/node-api", "pg"],
    metafile: true,
    logLevel: "warning",
  });
  return { files: readdirSync(outDir).sort(), metafile };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = path.join(PROJECT_ROOT, "dist/cli");
  const { files } = await bundleCli(outDir);
  process.stdout.write(`bundled the leadscore command into dist/cli/ (${files.length} files)\n`);
}
