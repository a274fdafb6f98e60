import { readFileSync } from "node:fs";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import { buildApp } from "./app.js";
import { DecisionLog } from "./decision-log.js";
import { ServiceMetrics } from "./metrics.js";
import { Reloader } from "./reloader.js";
import type { RequestLimits } from "./requests.js";
import { keyRing, readPublicKey } from "./signing.js";
import { fileSource, urlSource, type RulesetSource } from "./sources.js";

export interface ServeOptions {
  /** A compiled artifact: a file path (watched) or an http(s) URL (polled). */
  ruleset: string;
  /** Its detached signature; default `<ruleset>.sig`. */
  signature?: string;
  /** Public key files (PEM). Any key at all makes every ruleset need a valid signature by one of them. */
  keys: string[];
  host: string;
  port: number;
  limits: RequestLimits;
  pollMs: number;
  maxBackoffMs: number;
  /** Where the last good ruleset is kept for restarts; null keeps none. */
  stateDir: string | null;
  decisionLog: string | null;
  /** pino logger options, or false for none (tests). */
  logger: { level: string } | false;
  /** Process metrics (CPU, memory, event loop) in /metrics. */
  processMetrics: boolean;
  metricsText?: () => Promise<string>;
}

export interface RunningServer {
  app: FastifyInstance;
  reloader: Reloader;
  metrics: ServiceMetrics;
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Stops taking requests, lets those in flight finish, and releases everything. */
  close(): Promise<void>;
}

function sourceFor(options: ServeOptions): RulesetSource {
  return /^https?:\/\//i.test(options.ruleset)
    ? urlSource(options.ruleset, options.signature)
    : fileSource(options.ruleset, options.signature);
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const keys = keyRing(options.keys.map((file) => readPublicKey(readFileSync(file, "utf8"))));
  const metrics = new ServiceMetrics({ processMetrics: options.processMetrics });
  const decisionLog = options.decisionLog === null ? null : new DecisionLog(options.decisionLog);
  let log: FastifyBaseLogger | null = null;
  const reloader = new Reloader({
    source: sourceFor(options),
    keys,
    stateDir: options.stateDir,
    pollMs: options.pollMs,
    maxBackoffMs: options.maxBackoffMs,
    events: {
      loaded(active, previous) {
        const { name, version, contentHash } = active.ruleset.artifact;
        metrics.reloads.inc();
        metrics.activeRuleset(name, version, contentHash);
        log?.info(
          {
            event: "ruleset-loaded",
            name,
            version,
            contentHash,
            previous: previous?.ruleset.artifact.contentHash ?? null,
            signedBy: active.keyId,
            origin: active.document.origin,
          },
          `serving ruleset ${name} ${contentHash}`,
        );
      },
      failed(reason, message, origin) {
        metrics.failedReloads.inc({ reason });
        log?.warn({ event: "ruleset-refused", reason, origin }, `kept the last good ruleset: ${message}`);
      },
    },
  });
  const app = buildApp({
    reloader,
    metrics,
    limits: options.limits,
    logger: options.logger,
    decisionLog,
    ...(options.metricsText ? { metricsText: options.metricsText } : {}),
  });
  log = app.log;
  log.info(
    { event: "starting", ruleset: options.ruleset, keys: [...keys.keys()] },
    keys.size > 0
      ? `rulesets must be signed by one of ${keys.size} key(s)`
      : "rulesets are not signature-checked (no --key)",
  );
  await reloader.start();
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  return {
    app,
    reloader,
    metrics,
    url: `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${port}`,
    async close() {
      reloader.stop();
      await app.close();
      await decisionLog?.close();
    },
  };
}
