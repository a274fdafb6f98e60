import path from "node:path";
import { build, type Metafile, type Plugin } from "esbuild";
import { PROJECT_ROOT } from "../support/paths.js";

export interface RuntimeBundle {
  code: string;
  /** esbuild's account of the bundle: every source file it took in. */
  metafile: Metafile;
  /** Node built-ins the import graph asked for (kept out of the bundle and listed here instead). */
  nodeBuiltins: string[];
}

/**
 * The scoring runtime (src/runtime/index.ts) bundled for browsers, as a browser widget or an edge worker
 * would bundle it: minified, one IIFE exposing `leadscore`. A Node built-in anywhere in its import graph is
 * recorded rather than failing the build, so a test can name it.
 */
export async function bundleRuntime(): Promise<RuntimeBundle> {
  const nodeBuiltins: string[] = [];
  const recordBuiltins: Plugin = {
    name: "record-node-builtins",
    setup(builder) {
      builder.onResolve({ filter: /^node:/ }, (args) => {
        nodeBuiltins.push(`${args.path} (from ${path.relative(PROJECT_ROOT, args.importer)})`);
        return { path: args.path, external: true };
      });
    },
  };
  const result = await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: ["src/runtime/index.ts"],
    bundle: true,
    minify: true,
    platform: "browser",
    format: "iife",
    globalName: "leadscore",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [recordBuiltins],
  });
  return { code: result.outputFiles[0]!.text, metafile: result.metafile, nodeBuiltins };
}
