import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { hasErrors, sortDiagnostics } from "../diagnostics/diagnostic.js";
import { checkProgram } from "../check/check-program.js";
import type { Program } from "../check/program.js";
import type { SourceFile } from "../syntax/ast.js";
import { capErrors, parseSource } from "../syntax/parse.js";
import type { Artifact } from "./artifact.js";
import { buildArtifact } from "./build-artifact.js";
import { checkArtifactShape } from "./load-artifact.js";
import type { SourceText } from "./read-rules.js";

/** State carried through the compile stages; each stage fills its part. */
export interface Compilation {
  sources: readonly SourceText[];
  fallbackName: string;
  /** Display path → path recorded in the artifact, where they differ (see compileDirectory). */
  artifactPaths?: ReadonlyMap<string, string>;
  files: SourceFile[];
  program: Program | null;
  artifact: Artifact | null;
  diagnostics: Diagnostic[];
}

export interface Stage {
  name: string;
  /** Whether the stage still runs when earlier stages reported errors. */
  runsAfterErrors: boolean;
  run(compilation: Compilation): void;
}

const parseStage: Stage = {
  name: "parse",
  runsAfterErrors: true,
  run(compilation) {
    for (const source of compilation.sources) {
      const { file, diagnostics } = parseSource(source.path, source.text);
      compilation.files.push(file);
      compilation.diagnostics.push(...diagnostics);
    }
  },
};

const checkStage: Stage = {
  name: "check",
  // Checking files with syntax errors still finds the name and type mistakes in the rest of them.
  runsAfterErrors: true,
  run(compilation) {
    const { program, diagnostics } = checkProgram(compilation.files);
    compilation.program = program;
    // Capped per file as syntax errors are: 500,000 duplicated models are one mistake copied, not a list
    // anyone reads (and spreading that many into push() would overflow the stack).
    const byFile = new Map<string, Diagnostic[]>();
    for (const diagnostic of sortDiagnostics(diagnostics)) {
      const list = byFile.get(diagnostic.span.file);
      if (list === undefined) byFile.set(diagnostic.span.file, [diagnostic]);
      else list.push(diagnostic);
    }
    for (const fileDiagnostics of byFile.values()) {
      for (const diagnostic of capErrors(fileDiagnostics)) compilation.diagnostics.push(diagnostic);
    }
  },
};

const buildArtifactStage: Stage = {
  name: "build-artifact",
  runsAfterErrors: false,
  run(compilation) {
    if (!compilation.program) return;
    const paths = compilation.artifactPaths;
    compilation.artifact = buildArtifact(
      compilation.program,
      compilation.fallbackName,
      (file) => paths?.get(file) ?? file,
    );
  },
};

const validateArtifactStage: Stage = {
  name: "validate-artifact",
  runsAfterErrors: false,
  run(compilation) {
    if (!compilation.artifact) return;
    // The build hashed the artifact a moment ago; hashing it again would only repeat that work.
    const result = checkArtifactShape(compilation.artifact);
    if ("error" in result) throw new Error(`internal error: compiled artifact is invalid: ${result.error}`);
  },
};

/**
 * The stages that find every diagnostic: parse every file, then check the program as a whole. Building
 * the artifact reports nothing more, so `leadscore check` stops here.
 */
export const checkStages: readonly Stage[] = [parseStage, checkStage];

/**
 * The named compile stages, in order: the check stages, build the artifact, and validate it against the
 * published schema (a failure there is a compiler bug, reported rather than shipped).
 */
export const compileStages: readonly Stage[] = [...checkStages, buildArtifactStage, validateArtifactStage];

export function runStages(compilation: Compilation, stages: readonly Stage[] = compileStages): Compilation {
  for (const stage of stages) {
    if (!stage.runsAfterErrors && hasErrors(compilation.diagnostics)) break;
    stage.run(compilation);
  }
  return compilation;
}
