import cluster, { type Worker } from "node:cluster";
import { AggregatorRegistry } from "prom-client";
import { startServer, type RunningServer, type ServeOptions } from "./server.js";

/*
 * `leadscore serve` as a process: one server, or with `--workers N` a primary that forks N workers sharing
 * the port (node:cluster). Each worker loads, verifies and reloads the ruleset itself (the service is
 * stateless); the primary only supervises, relays SIGTERM, and gathers /metrics from every worker so a
 * scrape sees the whole process group, whichever worker answers it.
 */

const METRICS_REQUEST = "leadscore:metrics-request";
const METRICS_REPLY = "leadscore:metrics-reply";

interface MetricsMessage {
  type: string;
  id: number;
  text?: string;
}

/** SIGTERM or SIGINT: stop taking requests, finish those in flight, exit 0. */
function drainOnSignal(server: RunningServer): void {
  let closing = false;
  const drain = (signal: string) => {
    if (closing) return;
    closing = true;
    server.app.log.info(
      { event: "draining", signal },
      `${signal}: finishing requests in flight, then exiting`,
    );
    void server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", () => drain("SIGTERM"));
  process.once("SIGINT", () => drain("SIGINT"));
}

/** In a worker: /metrics asks the primary, which asks every worker. */
function clusterMetricsText(): () => Promise<string> {
  let next = 0;
  const waiting = new Map<number, (text: string) => void>();
  process.on("message", (message: MetricsMessage) => {
    if (message?.type !== METRICS_REPLY) return;
    waiting.get(message.id)?.(message.text ?? "");
    waiting.delete(message.id);
  });
  return () =>
    new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      process.send?.({ type: METRICS_REQUEST, id });
    });
}

function superviseWorkers(count: number, log: (line: object) => void): void {
  const aggregator = new AggregatorRegistry();
  let stopping = false;
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on("message", (message: MetricsMessage) => {
      if (message?.type !== METRICS_REQUEST) return;
      void aggregator.clusterMetrics().then(
        (text) => worker.send({ type: METRICS_REPLY, id: message.id, text }),
        (error: Error) => worker.send({ type: METRICS_REPLY, id: message.id, text: `# ${error.message}\n` }),
      );
    });
    return worker;
  };
  for (let i = 0; i < count; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log({
      level: 50,
      event: "worker-exited",
      pid: worker.process.pid,
      code,
      signal,
      msg: "a worker exited; starting another",
    });
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log({ level: 30, event: "draining", signal, msg: `${signal}: stopping ${count} workers` });
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

/** Runs until SIGTERM. Resolves once the server (or, in the primary, the workers) has started. */
export async function runServe(options: ServeOptions, workers: number): Promise<RunningServer | null> {
  if (workers > 1 && cluster.isPrimary) {
    const log = (line: object) =>
      process.stdout.write(
        `${JSON.stringify({ time: Date.now(), pid: process.pid, role: "primary", ...line })}\n`,
      );
    superviseWorkers(workers, log);
    return null;
  }
  const inCluster = cluster.isWorker;
  const server = await startServer({
    ...options,
    ...(inCluster ? { metricsText: clusterMetricsText() } : {}),
  });
  if (inCluster) {
    // Constructing one is what makes a worker answer the primary's requests for its metrics.
    new AggregatorRegistry();
    AggregatorRegistry.setRegistries([server.metrics.registry]);
  }
  drainOnSignal(server);
  return server;
}
