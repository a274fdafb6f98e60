import Fastify, { LogController, type FastifyInstance, type FastifyReply } from "fastify";
import type { ScoreResult } from "../eval/result.js";
import { changeSince } from "../batch/transitions.js";
import type { ResultChange } from "../io/write-results.js";
import type { DecisionLog } from "./decision-log.js";
import { newDecisionId } from "./decision-log.js";
import type { ServiceMetrics } from "./metrics.js";
import type { Reloader } from "./reloader.js";
import {
  isProblem,
  readAsOf,
  readBatch,
  readItem,
  type RequestLimits,
  type RequestProblem,
} from "./requests.js";
import type { VerifiedRuleset } from "./verified-ruleset.js";

export interface AppOptions {
  reloader: Reloader;
  metrics: ServiceMetrics;
  limits: RequestLimits;
  /** pino options for JSON logs on stdout, or false for none. */
  logger: { level: string } | false;
  decisionLog: DecisionLog | null;
  /** The clock for a request without `asOf`. */
  now?: () => number;
  /** Prometheus text for /metrics; by default this process's registry (a cluster worker asks the primary). */
  metricsText?: () => Promise<string>;
}

function rulesetMeta(active: VerifiedRuleset) {
  const { name, version, contentHash } = active.ruleset.artifact;
  return { name, version, contentHash };
}

function refuse(reply: FastifyReply, problem: RequestProblem) {
  return reply.code(problem.status).send({
    error: problem.status === 413 ? "too-large" : "invalid-request",
    issues: problem.issues,
  });
}

/**
 * The HTTP API. Every request reads the active ruleset once, at its start, and is scored, validated and
 * answered with that one: a reload swaps the ruleset for later requests only, and every answer names the
 * hash it was scored with.
 */
export function buildApp(options: AppOptions): FastifyInstance {
  const { reloader, metrics, limits, decisionLog } = options;
  const now = options.now ?? Date.now;
  const app = Fastify({
    bodyLimit: limits.maxBodyBytes,
    // Requests are counted in /metrics and decisions in the decision log; a log line each would be noise.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    forceCloseConnections: "idle",
    logger: options.logger,
  });

  app.addHook("onResponse", (request, reply, done) => {
    const labels = {
      route: request.routeOptions.url ?? "unknown",
      method: request.method,
      status: String(reply.statusCode),
    };
    metrics.requests.inc(labels);
    metrics.latency.observe(labels, reply.elapsedTime / 1000);
    done();
  });

  // Bad input is the client's to fix: 4xx with what is wrong, never a 500 (no stack traces either).
  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const status =
      error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500
        ? error.statusCode
        : 500;
    if (status === 500) {
      request.log.error({ err: error }, "request failed");
      return reply
        .code(500)
        .send({ error: "internal", message: "the service failed to answer; see its logs" });
    }
    const kind = status === 413 ? "too-large" : status === 415 ? "unsupported-media-type" : "invalid-request";
    return reply.code(status).send({ error: kind, issues: [{ path: "body", reason: error.message }] });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: "not-found", message: `no route ${request.method} ${request.url.split("?")[0]}` }),
  );

  const notReady = (reply: FastifyReply) =>
    reply.code(503).send({ error: "not-ready", message: "no verified ruleset is active yet" });

  const answer = (
    active: VerifiedRuleset,
    result: ScoreResult,
    input: unknown,
    explain: boolean,
    change: ResultChange | null = null,
  ) => {
    const decisionId = newDecisionId();
    decisionLog?.write(decisionId, active.ruleset.artifact.contentHash, input, result);
    const { contributions, ...decision } = result;
    return {
      decisionId,
      ...decision,
      ...(change === null ? {} : { change }),
      ruleset: rulesetMeta(active),
      ...(explain ? { contributions } : {}),
    };
  };

  /** The lead's change since the previous result the request carries (none without one), or the issue. */
  const changeOf = (
    value: unknown,
    prefix: string,
    active: VerifiedRuleset,
    result: ScoreResult,
    asOf: number,
  ): ResultChange | null | RequestProblem => {
    const previous = (value as { previous?: unknown }).previous;
    if (previous === undefined) return null;
    const change = changeSince(previous, result, active.ruleset.artifact, asOf);
    return typeof change === "string"
      ? { status: 400, issues: [{ path: `${prefix}previous`, reason: change }] }
      : change;
  };

  const wantsExplain = (query: unknown) => (query as { explain?: string }).explain === "true";

  app.post("/v1/score", (request, reply) => {
    const active = reloader.active;
    if (active === null) return notReady(reply);
    reply.header("x-leadscore-ruleset", active.ruleset.artifact.contentHash);
    const body = request.body;
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      return refuse(reply, {
        status: 400,
        issues: [{ path: "body", reason: "must be an object { lead, events, asOf }" }],
      });
    }
    const asOf = readAsOf(body as Record<string, unknown>, now);
    const item = readItem(body, "", active.ruleset, limits, ["asOf", "previous"]);
    if (typeof asOf !== "number") {
      metrics.leadsRejected.inc();
      const issues = isProblem(item) ? item.issues : [];
      return refuse(reply, { status: isProblem(item) ? item.status : 400, issues: [asOf, ...issues] });
    }
    if (isProblem(item)) {
      metrics.leadsRejected.inc();
      return refuse(reply, item);
    }
    const result = active.ruleset.score(item.lead, item.events, { asOf });
    const change = changeOf(body, "", active, result, asOf);
    if (change !== null && "issues" in change) {
      metrics.leadsRejected.inc();
      return refuse(reply, change);
    }
    metrics.leadsScored.inc();
    return answer(
      active,
      result,
      { lead: item.lead, events: item.events, asOf },
      wantsExplain(request.query),
      change,
    );
  });

  app.post("/v1/score/batch", (request, reply) => {
    const active = reloader.active;
    if (active === null) return notReady(reply);
    reply.header("x-leadscore-ruleset", active.ruleset.artifact.contentHash);
    const leads = readBatch(request.body, limits);
    if (isProblem(leads)) return refuse(reply, leads);
    const asOf = readAsOf(request.body as Record<string, unknown>, now);
    if (typeof asOf !== "number") return refuse(reply, { status: 400, issues: [asOf] });
    const explain = wantsExplain(request.query);
    let scored = 0;
    const results = leads.map((value, i) => {
      const item = readItem(value, `leads[${i}].`, active.ruleset, limits, ["previous"]);
      if (isProblem(item))
        return { error: item.status === 413 ? "too-large" : "invalid-request", issues: item.issues };
      const result = active.ruleset.score(item.lead, item.events, { asOf });
      const change = changeOf(value, `leads[${i}].`, active, result, asOf);
      if (change !== null && "issues" in change) return { error: "invalid-request", issues: change.issues };
      scored++;
      return answer(active, result, { lead: item.lead, events: item.events, asOf }, explain, change);
    });
    metrics.leadsScored.inc(scored);
    if (scored < leads.length) metrics.leadsRejected.inc(leads.length - scored);
    return { ruleset: rulesetMeta(active), scored, rejected: leads.length - scored, results };
  });

  app.get("/v1/ruleset", (request, reply) => {
    const active = reloader.active;
    if (active === null) return notReady(reply);
    const { artifact } = active.ruleset;
    const etag = `"${artifact.contentHash}"`;
    reply.header("etag", etag);
    if (request.headers["if-none-match"] === etag) return reply.code(304).send();
    return {
      ...rulesetMeta(active),
      sourceHash: artifact.sourceHash,
      models: artifact.models.map((model) => model.name),
      signedBy: active.keyId,
      origin: active.document.origin,
    };
  });

  app.get("/healthz", () => ({ status: "alive" }));
  app.get("/readyz", (_request, reply) => {
    const active = reloader.active;
    if (active === null) return notReady(reply);
    return { status: "ready", ruleset: rulesetMeta(active) };
  });
  app.get("/metrics", async (_request, reply) => {
    const text = options.metricsText ? await options.metricsText() : await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(text);
  });
  return app;
}
