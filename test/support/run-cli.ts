import { runCli } from "../../src/cli/program.js";
import type { CommandIO } from "../../src/cli/io.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the `leadscore` CLI in-process in `cwd`, capturing its output. */
export async function runLeadscore(argv: readonly string[], cwd: string, isTTY = false): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CommandIO = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTTY,
    cwd,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
