import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { ROOT } from "../dist.js";
import type { BenchContext, GroupResult } from "./context.js";

/** The largest contributors to the bundle, by package (or `leadscore` for the project's own code). */
function byPackage(inputs: Record<string, { bytesInOutput: number }>): Array<[string, number]> {
  const sizes = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
    const name = match ? match[1]! : "leadscore";
    sizes.set(name, (sizes.get(name) ?? 0) + bytesInOutput);
  }
  return [...sizes].sort((a, b) => b[1] - a[1]);
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * `leadscore/runtime` as a browser widget or an edge worker ships it: bundled by esbuild for the browser,
 * minified, ES module. The size, gzipped too, and what it is made of.
 */
export async function runRuntimeSize(_context: BenchContext): Promise<GroupResult> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ["src/runtime/index.ts"],
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  const output = Object.values(result.metafile.outputs)[0]!;
  const lines = [
    `  bundle (esbuild, platform browser, minified, ESM)   ${kib(code.byteLength)}   gzip ${kib(gzipSync(code).byteLength)}`,
    "  of which, by package:",
    ...byPackage(output.inputs).map(([name, bytes]) => `    ${name.padEnd(22)} ${kib(bytes).padStart(10)}`),
  ];
  return { title: "runtime-size: the leadscore/runtime entry point, bundled for browsers", lines };
}
