import { execFileSync } from "node:child_process";
import os from "node:os";

/** What the numbers were measured on, printed at the top of every run. */
export function describeMachine(): string[] {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? "unknown CPU";
  const load = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
  return [
    `CPU:     ${model} (${cpus.length} logical cores, ${os.availableParallelism()} available)`,
    `Memory:  ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB total, ${(os.freemem() / 1024 ** 3).toFixed(1)} GiB free`,
    `Node:    ${process.version} (V8 ${process.versions.v8}) on ${os.platform()} ${os.release()} ${os.arch()}`,
    `Load:    ${load} (1, 5, 15 min averages at start)`,
  ];
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
}

/** The commit measured, and whether src/ had changes not yet committed (the build is of the working tree). */
export function describeSource(root: string): string {
  try {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
    const commit = git("rev-parse", "--short", "HEAD");
    const dirty = git("status", "--porcelain", "--", "src").length > 0;
    return `${commit}${dirty ? " + uncommitted changes in src/" : ""}`;
  } catch {
    return "unknown (not a git checkout)";
  }
}
