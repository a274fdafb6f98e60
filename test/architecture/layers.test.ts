import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { PROJECT_ROOT } from "../support/paths.js";

/**
 * The layers of src/, lowest first (CONTRIBUTING.md draws them). A module may import its own folder and
 * the folders of lower rows, never a folder of its own row or a higher one: so no import runs backwards
 * and the folders form no cycle. A new top-level folder goes in the lowest row above everything it
 * imports; `sql`, `serve`, `report` and `runtime` are placed for the work announced for them.
 */
const LAYERS: readonly (readonly string[])[] = [
  ["diagnostics"],
  ["syntax"],
  ["check"],
  ["compile"],
  ["eval"],
  // sql: the artifact as SQL and the databases that run it (reads compile and eval only); batch and
  // fixtures use it to score in a database.
  ["io", "sql"],
  ["batch", "project", "git", "init", "runtime"],
  // lsp: the language server (reads project for the rules directory, and the compiler below it).
  ["fixtures", "report", "serve", "lsp"],
  ["diff", "tune"],
  ["cli", "index.ts"],
];

const SRC = path.join(PROJECT_ROOT, "src");
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** Relative imports of every module under src/, as paths relative to src/ (`eval/ruleset.ts`). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(IMPORT)].map((match) =>
      path.relative(SRC, path.resolve(path.dirname(file), match[1]!)).replace(/\.js$/, ".ts"),
    );
    graph.set(path.relative(SRC, file).split(path.sep).join("/"), targets);
  }
  return graph;
}

function folderOf(module: string): string {
  return module.split("/")[0]!;
}

function rankOf(folder: string): number {
  return LAYERS.findIndex((row) => row.includes(folder));
}

/** Every cycle's modules (strongly connected components of more than one module, or a self-import). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (module: string): void => {
    index.set(module, index.size);
    low.set(module, index.get(module)!);
    stack.push(module);
    onStack.add(module);
    for (const target of graph.get(module) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(module, Math.min(low.get(module)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(module, Math.min(low.get(module)!, index.get(target)!));
      }
    }
    if (low.get(module) !== index.get(module)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== module);
    if (component.length > 1 || graph.get(module)!.includes(module)) found.push(component.sort());
  };
  for (const module of [...graph.keys()].sort()) if (!index.has(module)) visit(module);
  return found;
}

describe("the layers of src/", () => {
  const graph = importGraph();

  test("every top-level folder and file has its row", () => {
    const unplaced = [...new Set([...graph.keys()].map(folderOf))].filter((folder) => rankOf(folder) < 0);
    expect(unplaced, "add these to LAYERS in test/architecture/layers.test.ts").toEqual([]);
  });

  test("no import runs backwards or sideways", () => {
    const wrong: string[] = [];
    for (const [module, targets] of graph) {
      const from = folderOf(module);
      for (const target of targets) {
        const to = folderOf(target);
        if (to !== from && rankOf(to) >= rankOf(from)) wrong.push(`${module} imports ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test("no module imports itself through others", () => {
    expect(cycles(graph)).toEqual([]);
  });
});
