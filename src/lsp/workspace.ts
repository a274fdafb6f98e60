/**
 * What the language server knows about the rule files: the rulesets of the workspace, each a directory of
 * `.score` files read in path order exactly as `leadscore check <dir>` reads them, with the text of every
 * open editor buffer in place of the file on disk (unsaved edits are what the user is looking at).
 *
 * A file belongs to the project's rules directory (`rules:` in leadscore.yaml, else `rules/`) when it is
 * below it; any other `.score` file forms a ruleset with the files of its own directory, as
 * `leadscore check` of that directory would. Paths in diagnostics are relative to the workspace root, as
 * `leadscore check` run there prints them.
 *
 * Checking re-parses only the files whose text changed since the last check (a parsed file is never
 * modified by the checker), then checks the whole program: editing the schema re-checks every file that
 * uses it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkProgram } from "../check/check-program.js";
import type { Program } from "../check/program.js";
import { findRuleFilesSync } from "../compile/read-rules.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../syntax/ast.js";
import { parseSource } from "../syntax/parse.js";

interface ParsedFile {
  text: string;
  file: SourceFile;
  diagnostics: Diagnostic[];
}

/** One checked ruleset: its files in path order, the checked program and every diagnostic. */
export interface CheckedRuleset {
  dir: string;
  files: readonly SourceFile[];
  program: Program;
  diagnostics: readonly Diagnostic[];
  /** Display path (as in diagnostics) → absolute path. */
  absolutePaths: ReadonlyMap<string, string>;
}

export class Workspace {
  /** Open buffers by absolute path. */
  private readonly buffers = new Map<string, string>();
  /** Files read from disk, by absolute path, until a change on disk is reported. */
  private readonly diskTexts = new Map<string, string | null>();
  /** The `.score` files found on disk in each ruleset directory, until a file is created or deleted. */
  private readonly listings = new Map<string, string[]>();
  private readonly parsed = new Map<string, ParsedFile>();
  private readonly checked = new Map<string, CheckedRuleset>();

  constructor(
    /** The workspace root: diagnostics name files relative to it. */
    readonly root: string,
    /** The project's rules directory (absolute). */
    readonly rulesDir: string,
    /** The project's fixture files, as globs relative to the root. */
    readonly fixtureGlobs: readonly string[] = [],
  ) {}

  /** An editor opened or changed a buffer: its text now stands for the file. */
  setBuffer(file: string, text: string): void {
    if (this.buffers.get(file) === text) return;
    const isNew = !this.buffers.has(file);
    this.buffers.set(file, text);
    this.invalidate(this.rulesetDirOf(file), isNew);
  }

  /** The open buffers, by absolute path. */
  openBuffers(): ReadonlyMap<string, string> {
    return this.buffers;
  }

  /** The buffer was closed: the file on disk counts again. */
  closeBuffer(file: string): void {
    if (!this.buffers.delete(file)) return;
    this.diskTexts.delete(file);
    this.invalidate(this.rulesetDirOf(file), true);
  }

  /** A file changed, appeared or disappeared on disk. */
  fileChangedOnDisk(file: string): void {
    this.diskTexts.delete(file);
    this.invalidate(this.rulesetDirOf(file), true);
  }

  bufferText(file: string): string | undefined {
    return this.buffers.get(file);
  }

  /** The current text of a file: the open buffer, else the file on disk (null when it cannot be read). */
  textOf(file: string): string | null {
    const buffer = this.buffers.get(file);
    if (buffer !== undefined) return buffer;
    if (!this.diskTexts.has(file)) {
      let text: string | null;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        text = null;
      }
      this.diskTexts.set(file, text);
    }
    return this.diskTexts.get(file) ?? null;
  }

  /** The directory whose files form the ruleset `file` belongs to. */
  rulesetDirOf(file: string): string {
    const relative = path.relative(this.rulesDir, file);
    const inside = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
    return inside ? this.rulesDir : path.dirname(file);
  }

  /** The rulesets that have been checked, by directory (the ones whose diagnostics were published). */
  knownRulesetDirs(): string[] {
    return [...this.checked.keys()];
  }

  /** The ruleset `file` belongs to, checked as it is now (from cache when nothing changed). */
  rulesetOf(file: string): CheckedRuleset {
    return this.check(this.rulesetDirOf(file));
  }

  check(dir: string): CheckedRuleset {
    const cached = this.checked.get(dir);
    if (cached) return cached;
    const absolutePaths = new Map<string, string>();
    for (const absolute of this.filesOf(dir)) absolutePaths.set(this.displayPath(absolute), absolute);
    // Code-point order of the display paths: the order compileSources reads them in.
    const displays = [...absolutePaths.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const files: SourceFile[] = [];
    const diagnostics: Diagnostic[] = [];
    for (const display of displays) {
      const text = this.textOf(absolutePaths.get(display)!);
      if (text === null) {
        absolutePaths.delete(display);
        continue;
      }
      const parsed = this.parse(display, text);
      files.push(parsed.file);
      diagnostics.push(...parsed.diagnostics);
    }
    const result = checkProgram(files);
    diagnostics.push(...result.diagnostics);
    const ruleset: CheckedRuleset = {
      dir,
      files,
      program: result.program,
      diagnostics: sortDiagnostics(diagnostics),
      absolutePaths,
    };
    this.checked.set(dir, ruleset);
    return ruleset;
  }

  /** A file's path as diagnostics show it: relative to the workspace root, with `/`. */
  displayPath(file: string): string {
    return path.relative(this.root, file).split(path.sep).join("/");
  }

  private parse(display: string, text: string): ParsedFile {
    const cached = this.parsed.get(display);
    if (cached?.text === text) return cached;
    const { file, diagnostics } = parseSource(display, text);
    const parsed = { text, file, diagnostics };
    this.parsed.set(display, parsed);
    return parsed;
  }

  /** The `.score` files of a ruleset directory: those on disk and those open in an editor, absolute. */
  private filesOf(dir: string): string[] {
    let listing = this.listings.get(dir);
    if (!listing) {
      listing = listRuleFiles(dir);
      this.listings.set(dir, listing);
    }
    const files = new Set(listing);
    for (const buffer of this.buffers.keys()) {
      if (buffer.endsWith(".score") && this.rulesetDirOf(buffer) === dir) files.add(buffer);
    }
    return [...files];
  }

  private invalidate(dir: string, listingToo: boolean): void {
    this.checked.delete(dir);
    if (listingToo) this.listings.delete(dir);
  }
}

function listRuleFiles(dir: string): string[] {
  try {
    return findRuleFilesSync(dir).map((file) => path.join(dir, file));
  } catch {
    // A directory that cannot be read has no files on disk; open buffers still count.
    return [];
  }
}
