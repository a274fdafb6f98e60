import { randomBytes } from "node:crypto";
import { mkdir, open, realpath, rename, stat, unlink, writeFile, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { describeFileError } from "../diagnostics/file-errors.js";
import { streamSink, type LineSink } from "../io/write-lines.js";
import { UsageError } from "./exit-codes.js";
import type { CommandIO } from "./io.js";
import { findRuleFiles } from "../compile/read-rules.js";

/*
 * Outputs are atomic: a command writes a temporary file beside the target and renames it over the target
 * only once the output is complete. A run that fails, is interrupted or is refused late leaves the old file
 * as it was; two runs writing one file never interleave; and an output that is a symbolic or hard link to
 * an input replaces the link, never the input's content.
 *
 * Devices and pipes (`--out /dev/null`, `/dev/stdout`, a FIFO) are the exception: they are written in place.
 * There is nothing there to replace atomically, and a rename would put a regular file where the device was
 * (as root, `/dev/null` itself).
 */

/** True when the path leads (through links) to something that is neither a regular file nor a directory. */
async function isDeviceOrPipe(target: string): Promise<boolean> {
  try {
    const info = await stat(target);
    return !info.isFile() && !info.isDirectory();
  } catch {
    return false;
  }
}

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
export async function writeOutputFile(io: CommandIO, file: string, text: string | Uint8Array): Promise<void> {
  await ensureOutputDirectory(io, file);
  const target = path.resolve(io.cwd, file);
  if (await isDeviceOrPipe(target)) {
    try {
      await writeFile(target, text);
    } catch (error) {
      throw new UsageError(`cannot write \`${file}\`: ${describeFileError(error)}`);
    }
    return;
  }
  const temporary = temporaryBeside(target);
  try {
    await writeFile(temporary, text);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new UsageError(`cannot write \`${file}\`: ${describeFileError(error)}`);
  }
}

/** A streamed output: lines go to a temporary file; `close` puts it in place, `discard` removes it. */
export interface OutputFile extends LineSink {
  discard(): Promise<void>;
}

export async function openOutputFile(io: CommandIO, file: string): Promise<OutputFile> {
  await ensureOutputDirectory(io, file);
  const target = path.resolve(io.cwd, file);
  const inPlace = await isDeviceOrPipe(target);
  const temporary = inPlace ? target : temporaryBeside(target);
  const fail = (error: unknown): never => {
    throw new UsageError(`cannot write \`${file}\`: ${describeFileError(error)}`);
  };
  let handle: FileHandle;
  try {
    handle = await open(temporary, inPlace ? "w" : "wx");
  } catch (error) {
    return fail(error);
  }
  // A large buffer lets scoring run ahead of the disk; drain still bounds it, so memory stays flat.
  const stream = handle.createWriteStream({ highWaterMark: 1024 * 1024 });
  const sink = streamSink(stream);
  let settled = false;
  const ended = () =>
    new Promise<void>((resolve) => {
      if (stream.closed) resolve();
      else stream.once("close", () => resolve());
    });
  return {
    write: (text) => {
      try {
        const pending = sink.write(text);
        return pending === undefined ? undefined : pending.catch(fail);
      } catch (error) {
        return fail(error);
      }
    },
    async close() {
      settled = true;
      try {
        await sink.close();
        if (!inPlace) await rename(temporary, target);
      } catch (error) {
        if (!inPlace) await unlink(temporary).catch(() => undefined);
        fail(error);
      }
    },
    async discard() {
      if (settled) return;
      settled = true;
      stream.destroy();
      await ended();
      if (!inPlace) await unlink(temporary).catch(() => undefined);
    },
  };
}

function temporaryBeside(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
}

/**
 * Refuses outputs that are inputs, or each other, by file identity: the device and inode of an existing file
 * (so a symbolic or hard link to an input is caught) and the real path otherwise. `--out leads.csv`
 * beside `--leads leads.csv` would otherwise empty the input before it is read.
 */
export async function refuseOutputsOverInputs(
  io: CommandIO,
  outputs: ReadonlyArray<readonly [flag: string, file: string | undefined]>,
  inputs: ReadonlyArray<string | undefined>,
): Promise<void> {
  const inputIds = new Map<string, string>();
  for (const input of inputs) {
    if (input === undefined) continue;
    for (const id of await identitiesOf(path.resolve(io.cwd, input))) inputIds.set(id, input);
  }
  const outputIds = new Map<string, string>();
  for (const [flag, output] of outputs) {
    // Any number of outputs may go to /dev/null or another device: none of them can destroy an input.
    if (output === undefined || (await isDeviceOrPipe(path.resolve(io.cwd, output)))) continue;
    for (const id of await identitiesOf(path.resolve(io.cwd, output))) {
      if (inputIds.has(id))
        throw new UsageError(`${flag} \`${output}\` is an input file; choose another file`);
      const other = outputIds.get(id);
      if (other !== undefined && other !== flag) {
        throw new UsageError(`${flag} \`${output}\` is also ${other}; give each output its own file`);
      }
      outputIds.set(id, flag);
    }
  }
}

/** `dev:ino` of the file a path leads to (if it exists) and its real path (its directory's, if not). */
async function identitiesOf(full: string): Promise<string[]> {
  const ids: string[] = [];
  try {
    const info = await stat(full);
    ids.push(`inode:${info.dev}:${info.ino}`);
  } catch {
    // Not there yet: only its path can tell.
  }
  try {
    ids.push(`path:${await realpath(full)}`);
  } catch {
    try {
      ids.push(`path:${path.join(await realpath(path.dirname(full)), path.basename(full))}`);
    } catch {
      ids.push(`path:${full}`);
    }
  }
  return ids;
}

/**
 * The files a rules path stands for, as inputs an output must not replace: the path itself, and when it
 * is a directory every `.score` file below it (links followed, as compiling follows them).
 */
export async function ruleInputFiles(io: CommandIO, target: string | undefined): Promise<string[]> {
  if (target === undefined) return [];
  const full = path.resolve(io.cwd, target);
  try {
    if (!(await stat(full)).isDirectory()) return [full];
    return [full, ...(await findRuleFiles(full, { within: null })).map((file) => path.join(full, file))];
  } catch {
    return [full];
  }
}
