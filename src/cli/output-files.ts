import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describeFileError } from "../diagnostics/file-errors.js";
import { UsageError } from "./exit-codes.js";
import type { CommandIO } from "./io.js";

/** Creates the directory an output file goes in (`-o dist/ruleset.json` in a fresh checkout). */
export async function ensureOutputDirectory(io: CommandIO, file: string): Promise<void> {
  try {
    await mkdir(path.dirname(path.resolve(io.cwd, file)), { recursive: true });
  } catch (error) {
    // mkdir says EEXIST when a part of the path is a file: the same trouble as ENOTDIR, in words.
    const code = (error as NodeJS.ErrnoException).code === "EEXIST" ? { code: "ENOTDIR" } : error;
    throw new UsageError(`cannot write \`${file}\`: ${describeFileError(code)}`);
  }
}

/** Writes a report or artifact a command was asked for, creating its directory; bad paths are usage errors. */
export async function writeOutputFile(io: CommandIO, file: string, text: string): Promise<void> {
  await ensureOutputDirectory(io, file);
  try {
    await writeFile(path.resolve(io.cwd, file), text, "utf8");
  } catch (error) {
    throw new UsageError(`cannot write \`${file}\`: ${describeFileError(error)}`);
  }
}
