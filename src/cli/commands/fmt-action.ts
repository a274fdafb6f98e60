import { stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import { findRuleFiles } from "../../compile/read-rules.js";
import { renderDiagnostics } from "../../diagnostics/render.js";
import { formatText } from "../../syntax/format.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import type { CommandIO } from "../io.js";
import { displayPath, linkBoundary, readText } from "../rules-input.js";
import { OutsideRepositoryError } from "../../compile/confined-files.js";
import { defaultRulePaths } from "./defaults.js";
import type { AnnotationFormat } from "./choices.js";
import {
  diagnosticAnnotation,
  formattingAnnotation,
  printAnnotations,
  wantsAnnotations,
  type Annotation,
} from "../github-annotations.js";
import { neutralizeWorkflowCommands } from "../workflow-commands.js";

export interface FmtOptions {
  check?: boolean;
  diff?: boolean;
  stdin?: boolean;
  format?: AnnotationFormat;
}

interface FmtCounts {
  files: number;
  changed: number;
  broken: number;
}

/** `leadscore fmt`: loaded only when the command runs (see fmt.ts). */
export async function runFmt(
  io: CommandIO,
  paths: string[],
  options: FmtOptions,
  setExitCode: (code: number) => void,
): Promise<void> {
  if (options.stdin) {
    if (paths.length > 0) throw new UsageError("--stdin formats standard input: give no paths with it");
    formatStdin(io, await readStandardInput(), options, setExitCode);
    return;
  }
  const targets = paths.length > 0 ? paths : await defaultRulePaths(io);
  const files = await collectRuleFiles(io, targets);
  const rewrite = !options.check && !options.diff;
  const counts: FmtCounts = { files: files.length, changed: 0, broken: 0 };
  // In GitHub Actions, the lines of the diffs (rule text) must not read as workflow commands.
  const annotate = wantsAnnotations(io, options.format);
  const annotations: Annotation[] = [];
  for (const file of files) {
    const text = await readText(io, file);
    const formatted = formatOrReport(io, file, text, annotate ? annotations : null);
    if (formatted === null) {
      counts.broken++;
      continue;
    }
    if (formatted === text) continue;
    counts.changed++;
    if (rewrite) {
      await writeText(io, file, formatted);
      io.stdout(`${file}\n`);
    } else {
      const changes = describeChanges(file, text, formatted);
      io.stdout(annotate ? neutralizeWorkflowCommands(changes) : changes);
      if (options.check) annotations.push(formattingAnnotation(file, text, formatted));
    }
  }
  io.stderr(`${targets.join(" ")}: ${summarize(counts, rewrite)}\n`);
  if (annotate) printAnnotations(io, annotations);
  if (counts.broken > 0 || (options.check && counts.changed > 0)) setExitCode(ExitCode.Failed);
}

const STDIN_NAME = "<stdin>";

/** `--stdin`: the formatted text on stdout (a diff with --check or --diff); nothing else is printed. */
function formatStdin(
  io: CommandIO,
  text: string,
  options: FmtOptions,
  setExitCode: (code: number) => void,
): void {
  const formatted = formatOrReport(io, STDIN_NAME, text, null);
  if (formatted === null) {
    setExitCode(ExitCode.Failed);
  } else if (!options.check && !options.diff) {
    io.stdout(formatted);
  } else if (formatted !== text) {
    io.stdout(describeChanges(STDIN_NAME, text, formatted));
    if (options.check) setExitCode(ExitCode.Failed);
  }
}

/**
 * The formatted text, or null after printing the syntax errors that prevent formatting (and keeping their
 * annotations, when `annotations` collects them).
 */
function formatOrReport(
  io: CommandIO,
  file: string,
  text: string,
  annotations: Annotation[] | null,
): string | null {
  const result = formatText(file, text);
  if (result.ok) return result.text;
  annotations?.push(...result.diagnostics.map(diagnosticAnnotation));
  io.stderr(
    `${renderDiagnostics(result.diagnostics, (name) => (name === file ? text : undefined), io.stylize)}\n\n`,
  );
  return null;
}

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * What formatting would change in a file, for --check and --diff. Changes nobody can see in a diff are said
 * in words on a line of their own (`rules/a.score: line endings CRLF → LF`): a diff of a CRLF file would
 * show every line removed and added again, identical to the eye. The diff that follows, if any, is of the
 * text with those changes made, so it shows only what can be seen.
 */
export function describeChanges(file: string, before: string, after: string): string {
  const notes: string[] = [];
  let visible = before;
  if (visible.startsWith("\uFEFF")) {
    notes.push("byte order mark → none");
    visible = visible.slice(1);
  }
  if (visible.includes("\r\n")) {
    notes.push("line endings CRLF → LF");
    visible = visible.replace(/\r\n/g, "\n");
  }
  const said = notes.length === 0 ? "" : `${file}: ${notes.join(", ")}\n`;
  return visible === after ? said : said + unifiedDiff(file, visible, after);
}

/** A git-style diff (`--- a/path`, `+++ b/path`) from the file as it is to the file formatted. */
export function unifiedDiff(file: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {
    headerOptions: FILE_HEADERS_ONLY,
  });
}

/**
 * The last line: how many files are formatted, were reformatted (or would be), and could not be read for
 * syntax errors. Every combination says only what is true of the files it counts:
 *   all 5 files are formatted                 1 of 2 files not formatted (run `leadscore fmt` to fix)
 *   2 of 3 files formatted; 1 with syntax errors not checked
 *   the file has syntax errors: not checked   (with --check or --diff; `left unchanged` when rewriting)
 */
function summarize(counts: FmtCounts, rewrite: boolean): string {
  const { files, changed, broken } = counts;
  if (files === 0) return "no .score files found";
  const plural = files === 1 ? "file" : "files";
  const brokenOutcome = rewrite ? "left unchanged" : "not checked";
  if (broken === files) {
    return `${files === 1 ? "the file has" : `all ${files} files have`} syntax errors: ${brokenOutcome}`;
  }
  let head: string;
  if (rewrite) head = `${changed} of ${files} ${plural} reformatted`;
  else if (changed > 0)
    head = `${changed} of ${files} ${plural} not formatted (run \`leadscore fmt\` to fix)`;
  else if (broken > 0) head = `${files - broken} of ${files} ${plural} formatted`;
  else head = `${files === 1 ? "the file is" : `all ${files} files are`} formatted`;
  return broken === 0 ? head : `${head}; ${broken} with syntax errors ${brokenOutcome}`;
}

/**
 * The files to format, as display paths: a directory stands for every `.score` file below it (in path
 * order), a file for itself. Every target is checked before anything is written, so a typo in one path
 * leaves all files untouched.
 */
async function collectRuleFiles(io: CommandIO, targets: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const target of targets) {
    const absolute = path.resolve(io.cwd, target);
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(absolute)).isDirectory();
    } catch {
      throw new UsageError(`cannot read \`${target}\`: no such file or directory`);
    }
    if (!isDirectory) {
      files.push(displayPath(io, target));
      continue;
    }
    let found: string[];
    try {
      found = await findRuleFiles(absolute, {
        within: await linkBoundary(io, target),
        displayPrefix: displayPath(io, target),
      });
    } catch (error) {
      if (error instanceof OutsideRepositoryError) throw error;
      throw new UsageError(`cannot read \`${target}\`: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
    const prefix = displayPath(io, target);
    files.push(...found.map((file) => (prefix === "." ? file : path.posix.join(prefix, file))));
  }
  // A file named twice (`fmt rules rules/a.score`) is formatted once.
  return [...new Set(files)];
}

async function writeText(io: CommandIO, file: string, text: string): Promise<void> {
  try {
    await writeFile(path.resolve(io.cwd, file), text);
  } catch (error) {
    throw new UsageError(`cannot write \`${file}\`: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}
