import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { parse } from "yaml";
import { CLI, RULES } from "../dist.js";
import type { BenchContext, GroupResult } from "./context.js";

/*
 * `leadscore serve` under load, measured with autocannon from this process against the built command in
 * another (or, with --workers 2, three: a primary and two workers). Load generator and server share the
 * machine's 2 cores, so the numbers are a floor for a server with a machine of its own.
 */

interface Case {
  lead: Record<string, unknown>;
  events: unknown[];
}

interface Server {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

function startServer(args: string[], workers = 1): Promise<Server> {
  const child = spawn(
    process.execPath,
    [CLI, "serve", "--port", "0", "--no-state", "--log-level", "info", ...args],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    let seen = 0;
    let buffered = "";
    child.once("exit", (code) => reject(new Error(`leadscore serve exited with ${code}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const line of lines) {
        const match = /"msg":"Server listening at (http:\/\/[^"]+)"/.exec(line);
        if (match && ++seen === workers) {
          child.stdout!.resume();
          resolve({
            child,
            url: match[1]!,
            stop: () =>
              new Promise((done) => {
                child.removeAllListeners("exit");
                child.once("exit", () => done());
                child.kill("SIGTERM");
              }),
          });
        }
      }
    });
  });
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
const count = (value: number) => Math.round(value).toLocaleString("en-US");

function latencyLine(label: string, result: autocannon.Result): string {
  const { latency, requests, non2xx, errors, timeouts } = result;
  return (
    `  ${label.padEnd(44)} ${count(requests.average).padStart(7)} req/s  p50 ${ms(latency.p50)}  p99 ${ms(latency.p99)}  max ${ms(latency.max)}` +
    `  (${count(requests.total)} requests, ${non2xx} non-2xx, ${errors} errors, ${timeouts} timeouts)`
  );
}

export async function runServe(context: BenchContext): Promise<GroupResult> {
  const seconds = context.quick ? 2 : 10;
  const artifact = path.join(context.tempDir, "ruleset.json");
  spawnSync(process.execPath, [CLI, "compile", RULES, "-o", artifact], { stdio: "ignore" });
  const fixture = parse(readFileSync(path.join(RULES, "tests/acme.test.yaml"), "utf8")) as {
    as_of: string;
    cases: Case[];
  };
  const asOf = fixture.as_of;
  const cases = fixture.cases;
  const lines: string[] = [`  ${seconds} s per run; leads are the reference fixtures, in turn`, ""];

  // 0. CPU time per request, in process (Fastify's inject: no sockets, no load generator). On a shared
  // machine this is the number that holds still: capacity per core = 1 s / CPU time per request.
  {
    const { startServer: startInProcess } = (await import(
      new URL("../../dist/serve/server.js", import.meta.url).href
    )) as typeof import("../../src/serve/server.js");
    const server = await startInProcess({
      ruleset: artifact,
      keys: [],
      host: "127.0.0.1",
      port: 0,
      limits: { maxBodyBytes: 20_000_000, maxBatch: 1000, maxEvents: 1000 },
      pollMs: 60_000,
      maxBackoffMs: 60_000,
      stateDir: null,
      decisionLog: null,
      logger: false,
      processMetrics: false,
    });
    const batchBody = JSON.stringify({
      leads: Array.from({ length: 1000 }, (_, i) => ({
        lead: { ...cases[i % cases.length]!.lead, id: `L${i}` },
        events: cases[i % cases.length]!.events,
      })),
      asOf,
    });
    const singleBody = JSON.stringify({ lead: cases[0]!.lead, events: cases[0]!.events, asOf });
    const runs = [
      { name: "single lead", url: "/v1/score", body: singleBody, n: context.quick ? 500 : 5000, leads: 1 },
      {
        name: "batch of 1,000 leads",
        url: "/v1/score/batch",
        body: batchBody,
        n: context.quick ? 10 : 100,
        leads: 1000,
      },
    ];
    for (const run of runs) {
      const inject = () =>
        server.app.inject({
          method: "POST",
          url: run.url,
          payload: run.body,
          headers: { "content-type": "application/json" },
        });
      for (let i = 0; i < run.n / 5; i++) await inject();
      const before = process.cpuUsage();
      for (let i = 0; i < run.n; i++) await inject();
      const used = process.cpuUsage(before);
      const perRequestUs = (used.user + used.system) / run.n;
      lines.push(
        `  CPU per request, ${run.name.padEnd(22)} ${(perRequestUs / 1000).toFixed(3).padStart(8)} ms  = ${count((1e6 / perRequestUs) * run.leads).padStart(9)} leads per CPU second (in process, ${count(run.n)} requests)`,
      );
    }
    await server.close();
    lines.push("");
  }

  // 1. Single leads at a fixed 2,000 requests/s.
  {
    const server = await startServer(["--ruleset", artifact]);
    const bodies = cases.map((c) => JSON.stringify({ lead: c.lead, events: c.events, asOf }));
    await autocannon({
      url: `${server.url}/v1/score`,
      method: "POST",
      duration: 1,
      connections: 10,
      body: bodies[0],
    });
    const result = await autocannon({
      url: server.url,
      connections: 20,
      overallRate: 2000,
      duration: seconds,
      requests: bodies.map((body) => ({
        method: "POST" as const,
        path: "/v1/score",
        headers: { "content-type": "application/json" },
        body,
      })),
    });
    lines.push(latencyLine("single lead at 2,000 req/s (1 process)", result));
    await server.stop();
  }

  // 2. Batches of 1,000 leads, 2 workers, as fast as they go.
  {
    const server = await startServer(
      ["--ruleset", artifact, "--workers", "2", "--max-batch", "1000", "--max-body", "20000000"],
      2,
    );
    const leads = Array.from({ length: 1000 }, (_, i) => {
      const c = cases[i % cases.length]!;
      return { lead: { ...c.lead, id: `L${i}` }, events: c.events };
    });
    const body = JSON.stringify({ leads, asOf });
    const result = await autocannon({
      url: `${server.url}/v1/score/batch`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      connections: 4,
      duration: seconds,
    });
    lines.push(latencyLine("batch of 1,000 leads (2 workers)", result));
    lines.push(
      `  ${"  = leads/s".padEnd(44)} ${count(result.requests.average * 1000).padStart(7)} (request body ${(body.length / 1024).toFixed(0)} KiB)`,
    );
    await server.stop();
  }

  // 3. 100 hot reloads during sustained load: no failed request, every answer from one published ruleset.
  {
    const reloads = context.quick ? 10 : 100;
    const versions = [readFileSync(artifact, "utf8")];
    // A second version (another version number, so another content hash, computed by the built library).
    const { contentHashOf } = (await import(
      new URL("../../dist/compile/content-hash.js", import.meta.url).href
    )) as typeof import("../../src/compile/content-hash.js");
    const v2: Record<string, unknown> = {
      ...(JSON.parse(versions[0]!) as Record<string, unknown>),
      version: 2,
    };
    v2.contentHash = contentHashOf(v2);
    versions.push(`${JSON.stringify(v2, null, 2)}\n`);
    const hashes = new Set(versions.map((text) => (JSON.parse(text) as { contentHash: string }).contentHash));
    const live = path.join(context.tempDir, "live.json");
    writeFileSync(live, versions[0]!);
    const server = await startServer(["--ruleset", live]);
    let inconsistent = 0;
    const seenHashes = new Set<string>();
    const body = JSON.stringify({ lead: cases[0]!.lead, events: cases[0]!.events, asOf });
    const load = autocannon({
      url: server.url,
      connections: 10,
      overallRate: 1000,
      duration: Math.max(seconds, reloads * 0.1 + 2),
      requests: [
        {
          method: "POST",
          path: "/v1/score",
          headers: { "content-type": "application/json" },
          body,
          onResponse: (status, responseBody, _context, headers) => {
            if (status !== 200) return;
            const hash = (JSON.parse(responseBody) as { ruleset: { contentHash: string } }).ruleset
              .contentHash;
            seenHashes.add(hash);
            if (!hashes.has(hash) || (headers && headers["x-leadscore-ruleset"] !== hash)) inconsistent++;
          },
        },
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (let i = 1; i <= reloads; i++) {
      const temporary = `${live}.tmp`;
      writeFileSync(temporary, versions[i % 2]!);
      renameSync(temporary, live);
      // Each reload is seen through before the next: 100 swaps, not 100 writes coalesced into fewer.
      const expected = (JSON.parse(versions[i % 2]!) as { contentHash: string }).contentHash;
      while (
        ((await (await fetch(`${server.url}/v1/ruleset`)).json()) as { contentHash: string }).contentHash !==
        expected
      ) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const result = await load;
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const swapped = Number(/leadscore_ruleset_reloads_total (\d+)/.exec(metrics)?.[1]) - 1;
    const failedReloads = [
      ...metrics.matchAll(/leadscore_ruleset_reload_failures_total\{[^}]*\} (\d+)/g),
    ].reduce((n, m) => n + Number(m[1]), 0);
    lines.push(latencyLine(`${reloads} hot reloads at 1,000 req/s (1 process)`, result));
    lines.push(
      `  ${"  = reloads".padEnd(44)} ${swapped} swapped in, ${failedReloads} failed; ${result.non2xx + result.errors} failed requests; ` +
        `${seenHashes.size} ruleset hashes answered, ${inconsistent} answers not from a published ruleset or naming two`,
    );
    await server.stop();
  }
  return { title: "serve: leadscore serve under load (autocannon)", lines };
}
