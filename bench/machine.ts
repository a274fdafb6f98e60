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
