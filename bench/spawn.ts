/**
 * Child processes for the command-line benchmarks: wall time measured here, CPU time and peak memory
 * from GNU time when the machine has it (`/usr/bin/time`), since Node does not report a child's usage.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

export interface ChildRun {
  wallMs: number;
  /** User + system CPU milliseconds of the child; NaN without GNU time. */
  cpuMs: number;
  /** Peak resident set in bytes; NaN without GNU time. */
  maxRss: number;
  status: number | null;
  stderr: string;
}

const GNU_TIME = "/usr/bin/time";
export const hasGnuTime = existsSync(GNU_TIME);

/** Runs a command to completion, its output discarded except stderr (kept to report failures). */
export function runChild(
  command: string,
  args: readonly string[],
  options: { cwd: string; tempDir: string },
): ChildRun {
  const usageFile = path.join(options.tempDir, "usage.txt");
  const [file, fileArgs] = hasGnuTime
    ? [GNU_TIME, ["-f", "%U %S %M", "-o", usageFile, command, ...args]]
    : [command, [...args]];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, fileArgs, {
    cwd: options.cwd,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  let cpuMs = NaN;
  let maxRss = NaN;
  if (hasGnuTime && existsSync(usageFile)) {
    const [user, system, rssKb] = readFileSync(usageFile, "utf8").trim().split(/\s+/).slice(-3).map(Number);
    cpuMs = ((user ?? NaN) + (system ?? NaN)) * 1000;
    maxRss = (rssKb ?? NaN) * 1024;
    rmSync(usageFile, { force: true });
  }
  return { wallMs, cpuMs, maxRss, status: result.status, stderr: result.stderr ?? "" };
}
