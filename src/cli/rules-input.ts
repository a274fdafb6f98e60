import { describeFileError } from "../diagnostics/file-errors.js";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Artifact } from "../compile/artifact.js";
import {
  compileDirectory,
  compileSources,
  readDirectorySources,
  type CompileOptions,
  type CompileResult,
} from "../compile/compile-ruleset.js";
import { parseArtifact } from "../compile/load-artifact.js";
import type { SourceText } from "../compile/read-rules.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { renderDiagnostics, summarizeDiagnostics } from "../diagnostics/render.js";
import { UsageError } from "./exit-codes.js";
import type { CommandIO } from "./io.js";

/** A path as the user should see it: relative to the working directory, posix separators. */
export function displayPath(io: CommandIO, target: string): string {
  const relative = path.relative(io.cwd, path.resolve(io.cwd, target)) || ".";
  return relative.split(path.sep).join("/");
}

async function kindOf(io: CommandIO, target: string): Promise<"file" | "directory"> {
  try {
    const info = await stat(path.resolve(io.cwd, target));
    return info.isDirectory() ? "directory" : "file";
  } catch {
    throw new UsageError(`cannot read \`${target}\`: no such file or directory`);
  }
}

/**
 * The real path symbolic links below `dir` must stay inside: the repository holding `dir`, or null
 * (anywhere) when the command line says `--allow-outside-repo`.
 */
export async function linkBoundary(io: CommandIO, dir: string): Promise<string | null> {
  if (io.allowOutsideRepo === true) return null;
  // Loaded when used: the project modules stay out of commands that never read a configuration.
  const { repositoryRoot } = await import("../project/repository.js");
  return repositoryRoot(path.resolve(io.cwd, dir));
}

/**
 * Compiles the rule files named on the command line: a directory means every `.score` file below it;
 * all the files named together form one ruleset. With `checkOnly` no artifact is built (`check`).
 */
export async function compileRulePaths(
  io: CommandIO,
  targets: readonly string[],
  options: Pick<CompileOptions, "checkOnly"> = {},
): Promise<CompileResult> {
  const [only] = targets;
  if (targets.length === 1 && only !== undefined && (await kindOf(io, only)) === "directory") {
    return compileDirectory(path.resolve(io.cwd, only), {
      ...options,
      displayPrefix: displayPath(io, only),
      within: await linkBoundary(io, only),
    });
  }
  const sources: SourceText[] = [];
  for (const target of targets) {
    if ((await kindOf(io, target)) === "directory") {
      const dir = path.resolve(io.cwd, target);
      sources.push(
        ...(await readDirectorySources(dir, displayPath(io, target), await linkBoundary(io, target))),
      );
    } else {
      sources.push({ path: displayPath(io, target), text: await readText(io, target) });
    }
  }
  return compileSources(sources, options);
}

export async function readText(io: CommandIO, target: string): Promise<string> {
  try {
    return await readFile(path.resolve(io.cwd, target), "utf8");
  } catch (error) {
    throw new UsageError(`cannot read \`${target}\`: ${describeFileError(error)}`);
  }
}

/** Prints diagnostics with caret excerpts to stderr. */
export function reportDiagnostics(io: CommandIO, result: CompileResult): void {
  if (result.diagnostics.length === 0) return;
  const texts = new Map(result.sources.map((source) => [source.path, source.text]));
  io.stderr(`${renderDiagnostics(result.diagnostics, (file) => texts.get(file), io.stylize)}\n\n`);
}

/**
 * `--rules <dir|artifact.json>` as used by score, explain and test: compiles a directory (printing its
 * diagnostics) or loads an artifact (refusing a bad one). Returns null after reporting rule errors.
 */
export async function loadRulesOption(
  io: CommandIO,
  target: string,
  setExitCode: (code: number) => void,
): Promise<Artifact | null> {
  if ((await kindOf(io, target)) === "file" && target.endsWith(".json")) {
    const parsed = parseArtifact(await readText(io, target));
    if ("error" in parsed) throw new UsageError(`cannot load \`${target}\`: ${parsed.error}`);
    return parsed.artifact;
  }
  const result = await compileRulePaths(io, [target]);
  if (hasErrors(result.diagnostics)) {
    reportDiagnostics(io, result);
    io.stderr(`${displayPath(io, target)}: ${summarizeDiagnostics(result.diagnostics, io.stylize)}\n`);
    setExitCode(1);
    return null;
  }
  return result.artifact;
}
