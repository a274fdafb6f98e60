import path from "node:path";
import { Diagnostics } from "../diagnostics/codes.js";
import { createDiagnostic, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../syntax/ast.js";
import type { Program } from "../check/program.js";
import type { Artifact } from "./artifact.js";
import { readRuleSources, type SourceText } from "./read-rules.js";
import { checkStages, compileStages, runStages } from "./stages.js";

export interface CompileResult {
  /** Null when any error was reported, and with `checkOnly`. */
  artifact: Artifact | null;
  diagnostics: Diagnostic[];
  sources: SourceText[];
  files: SourceFile[];
  program: Program | null;
}

export interface CompileOptions {
  /** Ruleset name used when the rules have no `ruleset "…"` header. */
  fallbackName?: string;
  /**
   * Stop after the check stages: every diagnostic is reported, but no artifact is built or validated
   * (`artifact` is null). For `leadscore check`, which only reports.
   */
  checkOnly?: boolean;
  /** Display path → the path the artifact records for that file, where they differ. */
  artifactPaths?: ReadonlyMap<string, string>;
}

/** Compiles rule sources (any order; they are read in path order). Never throws on bad rules. */
export function compileSources(sources: readonly SourceText[], options: CompileOptions = {}): CompileResult {
  const sorted = [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const compilation = runStages(
    {
      sources: sorted,
      fallbackName: options.fallbackName ?? "ruleset",
      files: [],
      program: null,
      artifact: null,
      diagnostics: [],
      ...(options.artifactPaths ? { artifactPaths: options.artifactPaths } : {}),
    },
    options.checkOnly === true ? checkStages : compileStages,
  );
  return {
    artifact: compilation.artifact,
    diagnostics: sortDiagnostics(compilation.diagnostics),
    sources: sorted,
    files: compilation.files,
    program: compilation.program,
  };
}

export interface CompileDirectoryOptions extends CompileOptions {
  /** Prefix for file paths in diagnostics and the artifact; defaults to `dir` as given. */
  displayPrefix?: string;
  /**
   * Real path that symbolic links among the rule files must stay inside (the repository): default the
   * directory itself, null anywhere. A link leading outside rejects with an OutsideRepositoryError.
   */
  within?: string | null;
}

/**
 * Compiles every `.score` file below `dir`. An empty directory is a diagnostic (LS601); a directory that
 * cannot be read rejects with the file-system error (the CLI turns that into exit code 2).
 */
export async function compileDirectory(
  dir: string,
  options: CompileDirectoryOptions = {},
): Promise<CompileResult> {
  const prefix = toPosix(options.displayPrefix ?? dir);
  const sources = await readDirectorySources(dir, options.displayPrefix, options.within);
  if (sources.length === 0) {
    const start = { line: 1, column: 1, offset: 0 };
    const diagnostic = createDiagnostic(Diagnostics.NoRuleFiles, { file: prefix, start, end: start }, [
      prefix,
    ]);
    return { artifact: null, diagnostics: [diagnostic], sources: [], files: [], program: null };
  }
  // The artifact names files from the rules directory's own name (`rules/enterprise.score`), whatever the
  // working directory: `compile rules` from the project and `compile .` from inside give the same bytes.
  const name = path.basename(path.resolve(dir));
  const shown = prefix === "." ? "" : prefix;
  const artifactPaths = new Map(
    sources.map((source) => [
      source.path,
      `${name}/${shown === "" ? source.path : source.path.slice(shown.length + 1)}`,
    ]),
  );
  return compileSources(sources, {
    fallbackName: options.fallbackName ?? name,
    checkOnly: options.checkOnly === true,
    artifactPaths,
  });
}

/** The `.score` files below `dir` as `compileDirectory` reads them, with the same display paths. */
export async function readDirectorySources(
  dir: string,
  displayPrefix?: string,
  within?: string | null,
): Promise<SourceText[]> {
  const prefix = toPosix(displayPrefix ?? dir);
  return readRuleSources(dir, prefix === "." ? "" : prefix, within === undefined ? {} : { within });
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/").replace(/\/+$/, "");
}
