import path from "node:path";
import { runServe } from "../../serve/run.js";
import { UsageError } from "../exit-codes.js";
import type { CommandIO } from "../io.js";

export interface ServeCommandOptions {
  ruleset: string;
  signature?: string;
  key: string[];
  host: string;
  port: string;
  workers: string;
  maxBody: string;
  maxBatch: string;
  maxEvents: string;
  poll: string;
  stateDir: string;
  state: boolean;
  decisionLog?: string;
  logLevel: string;
}

function whole(text: string, option: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min)
    throw new UsageError(`${option} must be a whole number of at least ${min} (got \`${text}\`)`);
  return value;
}

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace"];

export async function runServeCommand(
  io: CommandIO,
  options: ServeCommandOptions,
  _setExitCode: (code: number) => void,
): Promise<void> {
  if (!LEVELS.includes(options.logLevel))
    throw new UsageError(`--log-level must be one of ${LEVELS.join(", ")}`);
  const local = (file: string) => (/^https?:\/\//i.test(file) ? file : path.resolve(io.cwd, file));
  await runServe(
    {
      ruleset: local(options.ruleset),
      ...(options.signature ? { signature: local(options.signature) } : {}),
      keys: options.key.map(local),
      host: options.host,
      port: whole(options.port, "--port", 0),
      limits: {
        maxBodyBytes: whole(options.maxBody, "--max-body", 1),
        maxBatch: whole(options.maxBatch, "--max-batch", 1),
        maxEvents: whole(options.maxEvents, "--max-events", 0),
      },
      pollMs: whole(options.poll, "--poll", 1) * 1000,
      maxBackoffMs: 300_000,
      stateDir: options.state ? local(options.stateDir) : null,
      decisionLog: options.decisionLog ? local(options.decisionLog) : null,
      logger: { level: options.logLevel },
      processMetrics: true,
    },
    whole(options.workers, "--workers", 1),
  );
}
