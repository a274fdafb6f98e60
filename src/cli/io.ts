import { writeSync } from "node:fs";
import type { Stylize } from "../diagnostics/style.js";

/**
 * The streams a command writes to, injectable so that tests run commands in-process and assert exact
 * output. `isTTY` decides whether progress is shown (only on a terminal, never in CI logs or pipes).
 */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  cwd: string;
  /**
   * The terminal itself, for the progress line's own cursor controls; `stderr` escapes every control
   * character, since what it shows (lead ids, reasons, names) comes from files.
   */
  progress?: (text: string) => void;
  /** Whether stdout is a terminal (colour on stdout); `isTTY` is stderr's. */
  stdoutIsTTY?: boolean;
  /** The environment read for NO_COLOR, FORCE_COLOR and GITHUB_ACTIONS (tests pass their own, or none). */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Marks report text with styles; the CLI shows them as colour on a terminal and drops them elsewhere.
   * Text given to `stdout`/`stderr` may hold its marks; text written to files must be rendered unstyled.
   */
  stylize?: Stylize;
  /**
   * `--allow-outside-repo` on the command line: paths from leadscore.yaml and symbolic links among the
   * files read may lead outside the repository. Only the command line can say so, never a file.
   */
  allowOutsideRepo?: boolean;
  /**
   * stdout for a text report people read (explain, test's text reporter, diff --format text): text from
   * files in it is escaped as on stderr, so that it cannot drive the terminal. Data formats (JSON, NDJSON,
   * CSV, SQL, Markdown, formatted rule files) go to `stdout` as they are: they have their own escaping.
   * Set by the CLI (runCli); `printTextReport` falls back to `stdout` where it is not.
   */
  stdoutText?: (text: string) => void;
}

/** Prints a text report for people on stdout, escaped (see `stdoutText`). */
export function printTextReport(io: CommandIO, text: string): void {
  if (io.stdoutText === undefined) io.stdout(text);
  else io.stdoutText(text);
}

export function processIO(): CommandIO {
  return {
    // Synchronous writes keep output ordered and complete even when the process exits right after.
    stdout: (text) => writeAll(1, text),
    stderr: (text) => writeAll(2, text),
    isTTY: Boolean(process.stderr.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

const CLOSED_PIPE_EXIT_CODE = 141;

function writeAll(fd: number, text: string): void {
  const buffer = Buffer.from(text, "utf8");
  let written = 0;
  while (written < buffer.length) {
    try {
      written += writeSync(fd, buffer, written);
    } catch (error) {
      // A closed pipe (`leadscore score … | head`): nobody reads any more, so stop now, quietly, with the
      // status a shell gives a process ended by SIGPIPE (128 + 13), rather than score the rest for nobody.
      if ((error as NodeJS.ErrnoException).code === "EPIPE") process.exit(CLOSED_PIPE_EXIT_CODE);
      if ((error as NodeJS.ErrnoException).code === "EAGAIN") continue;
      throw error;
    }
  }
}
