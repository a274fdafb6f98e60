import { spawn } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Runs a composite GitHub Action's `run:` steps as GitHub's runner would, with a fake GITHUB_* environment:
 * conditions (`if:`), `env:` and `working-directory:` with their expressions, step outcomes, GITHUB_ENV and
 * GITHUB_PATH between steps, `bash --noprofile --norc -eo pipefail`. `uses:` steps cannot run here: they
 * are recorded as skipped-by-the-harness. Only the expressions the action needs are understood (context
 * values, `==`/`!=` with a quoted string, `&&`, `!cancelled()`); any other is an error, so the action cannot
 * grow a condition this harness does not test.
 */

export interface ActionStep {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  "working-directory"?: string;
}

export interface CompositeAction {
  name: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs?: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export type Outcome = "success" | "failure" | "skipped";

export interface StepRun {
  name: string;
  outcome: Outcome;
  /** `uses:` steps: the action that a real runner would run here. */
  uses?: string;
  output: string;
}

export interface RunOptions {
  actionPath: string;
  workspace: string;
  /** Files for GITHUB_ENV, GITHUB_PATH, the event and RUNNER_TEMP go here. */
  runnerTemp: string;
  inputs: Record<string, string>;
  github: Record<string, string>;
  /** The process environment the runner starts from (PATH, HOME, …) plus GITHUB_* variables. */
  env: Record<string, string>;
}

export async function runCompositeAction(
  action: CompositeAction,
  options: RunOptions,
): Promise<{ steps: StepRun[]; failed: boolean }> {
  const envFile = path.join(options.runnerTemp, "github-env");
  const pathFile = path.join(options.runnerTemp, "github-path");
  writeFileSync(envFile, "");
  writeFileSync(pathFile, "");
  const outcomes = new Map<string, Outcome>();
  const inputs: Record<string, string> = {};
  const context = (name: string): string => {
    const [scope, key, field] = name.split(".");
    if (scope === "inputs" && key !== undefined) return inputs[key] ?? "";
    if (scope === "github" && key === "action_path") return options.actionPath;
    if (scope === "github" && key !== undefined && key in options.github) return options.github[key]!;
    if (scope === "steps" && key !== undefined && field === "outcome") return outcomes.get(key) ?? "";
    throw new Error(`the harness does not know the expression \`${name}\``);
  };
  const substitute = (text: string): string =>
    text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_m, name: string) => context(name));
  for (const [name, input] of Object.entries(action.inputs)) {
    inputs[name] = options.inputs[name] ?? substitute(input.default ?? "");
  }

  const steps: StepRun[] = [];
  let failed = false;
  for (const step of action.runs.steps) {
    const name = step.name ?? step.uses ?? step.run ?? "";
    const record = (outcome: Outcome, output = "", uses?: string): void => {
      if (step.id !== undefined) outcomes.set(step.id, outcome);
      steps.push({ name, outcome, output, ...(uses === undefined ? {} : { uses }) });
      if (outcome === "failure") failed = true;
    };
    if (!condition(step.if, failed, context)) {
      record("skipped");
      continue;
    }
    if (step.uses !== undefined) {
      record("success", "", step.uses);
      continue;
    }
    if (step.shell !== "bash") throw new Error(`${name}: composite steps must say \`shell: bash\``);
    const env: Record<string, string> = { ...options.env, ...readEnvFile(envFile) };
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = substitute(value);
    const added = readFileSync(pathFile, "utf8").split("\n").filter(Boolean).reverse();
    env.PATH = [...added, env.PATH ?? ""].join(path.delimiter);
    Object.assign(env, {
      GITHUB_ENV: envFile,
      GITHUB_PATH: pathFile,
      GITHUB_ACTION_PATH: options.actionPath,
      GITHUB_WORKSPACE: options.workspace,
      RUNNER_TEMP: options.runnerTemp,
    });
    const script = path.join(options.runnerTemp, `step-${steps.length}.sh`);
    writeFileSync(script, step.run ?? "");
    const cwd = path.resolve(options.workspace, substitute(step["working-directory"] ?? "."));
    const run = await runBash(script, cwd, env);
    record(run.status === 0 ? "success" : "failure", run.output);
  }
  return { steps, failed };
}

/** Asynchronously, so that a server in the test's own process (the fake GitHub API) can answer the step. */
function runBash(
  script: string,
  cwd: string,
  env: Record<string, string>,
): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd,
      env,
      timeout: 120_000,
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}

const STATUS_FUNCTIONS = /\b(success|failure|always|cancelled)\(\)/;

/** An `if:`: GitHub adds `success()` (no earlier step failed) unless the condition calls a status function. */
function condition(text: string | undefined, failed: boolean, context: (name: string) => string): boolean {
  if (text === undefined) return !failed;
  const expression = text.trim().replace(/^\$\{\{\s*([\s\S]*?)\s*\}\}$/, "$1");
  const holds = expression.split("&&").every((term) => evaluate(term.trim(), context));
  return STATUS_FUNCTIONS.test(expression) ? holds : holds && !failed;
}

function evaluate(term: string, context: (name: string) => string): boolean {
  if (term === "!cancelled()") return true;
  const comparison = /^([a-z_.-]+)\s*(==|!=)\s*'([^']*)'$/i.exec(term);
  if (comparison !== null) {
    const equal = context(comparison[1]!) === comparison[3];
    return comparison[2] === "==" ? equal : !equal;
  }
  throw new Error(`the harness does not understand the condition \`${term}\``);
}

function readEnvFile(file: string): Record<string, string> {
  const env: Record<string, string> = {};
  if (!existsSync(file)) return env;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const at = line.indexOf("=");
    if (at > 0) env[line.slice(0, at)] = line.slice(at + 1);
  }
  return env;
}

/** A program on PATH that only records how it was called (for `npm`, which must not really run). */
export function fakeProgram(dir: string, name: string, log: string, body = ""): void {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\nprintf '%s %s\\n' "$PWD" "$*" >> '${log}'\n${body}`, { mode: 0o755 });
  appendFileSync(log, "");
}
