import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** The service's Prometheus metrics, in a registry of its own (several servers can share a process). */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: "leadscore_http_requests_total",
    help: "HTTP requests, by route, method and status code",
    labelNames: ["route", "method", "status"] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: "leadscore_http_request_duration_seconds",
    help: "HTTP request latency, by route, method and status code",
    labelNames: ["route", "method", "status"] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly leadsScored = new Counter({
    name: "leadscore_leads_scored_total",
    help: "Leads scored (a batch counts each of its leads)",
    registers: [this.registry],
  });
  readonly leadsRejected = new Counter({
    name: "leadscore_leads_rejected_total",
    help: "Leads refused because they do not match the ruleset's schema",
    registers: [this.registry],
  });
  readonly rulesetInfo = new Gauge({
    name: "leadscore_ruleset_info",
    help: "The active ruleset (value 1), by name, version and content hash",
    labelNames: ["name", "version", "hash"] as const,
    registers: [this.registry],
  });
  readonly reloads = new Counter({
    name: "leadscore_ruleset_reloads_total",
    help: "Rulesets loaded and swapped in (the first load included)",
    registers: [this.registry],
  });
  readonly failedReloads = new Counter({
    name: "leadscore_ruleset_reload_failures_total",
    help: "Rulesets refused or sources unreadable; the last good ruleset stayed active",
    labelNames: ["reason"] as const,
    registers: [this.registry],
  });

  constructor(options: { processMetrics: boolean }) {
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: "leadscore_" });
  }

  activeRuleset(name: string, version: number | null, hash: string): void {
    this.rulesetInfo.reset();
    this.rulesetInfo.set({ name, version: version === null ? "" : String(version), hash }, 1);
  }
}
