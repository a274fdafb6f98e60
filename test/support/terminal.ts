import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PROJECT_ROOT } from "./paths.js";

export interface ProcessRun {
  code: number;
  /** Everything the terminal showed (stdout and stderr together), or stdout for a pipe. */
  output: string;
  stderr: string;
}

const MAIN = path.join(PROJECT_ROOT, "src/cli/main.ts");
/** tsx, found from the project whatever directory the command runs in. */
const TSX = pathToFileURL(path.join(PROJECT_ROOT, "node_modules/tsx/dist/loader.mjs")).href;

/**
 * The environment without the variables that change leadscore's output (colour, GitHub Actions
 * annotations), so that a child process prints what an in-process run (which reads no environment) does,
 * also when the tests themselves run in CI.
 */
export function withoutOutputVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NO_COLOR: _no, FORCE_COLOR: _force, GITHUB_ACTIONS: _gh, ...rest } = env;
  return rest;
}

/** The environment of a run: no colour variables of the machine running the tests leak in. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...withoutOutputVariables(process.env), TERM: "xterm-256color", ...env };
}

function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs `leadscore` in a real pseudo-terminal: util-linux `script` gives the command a terminal for stdin,
 * stdout and stderr, and copies what the terminal shows to its own stdout (line ends as CR LF).
 */
export function runInTerminal(
  argv: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): ProcessRun {
  const command = [process.execPath, "--import", TSX, MAIN, ...argv].map(shellQuote).join(" ");
  const run = spawnSync("script", ["-qfec", command, "/dev/null"], {
    cwd,
    env: cleanEnv(env),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: timeoutMs,
  });
  return { code: run.status ?? -1, output: run.stdout.replace(/\r\n/g, "\n"), stderr: run.stderr };
}

/** Runs `leadscore` with stdout and stderr as pipes, as in CI logs or `| less`. */
export function runInPipes(
  argv: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): ProcessRun {
  const run = spawnSync(process.execPath, ["--import", TSX, MAIN, ...argv], {
    cwd,
    env: cleanEnv(env),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 60_000,
  });
  return { code: run.status ?? -1, output: run.stdout, stderr: run.stderr };
}

/** `script` is util-linux's; the tests that need a terminal say so when it is missing. */
export const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;
