import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PROJECT_ROOT } from "../support/paths.js";
import { loadReferenceFixture, type ReferenceFixture } from "../support/reference-fixture.js";
import { artifactText, request, scratchDir } from "./serve-helpers.js";

/*
 * `leadscore serve` as a process: JSON logs, SIGTERM finishes the request in flight and exits 0, with one
 * process and with workers (node:cluster, whose /metrics adds up every worker's).
 */
const scratch = scratchDir();
let fixture: ReferenceFixture;
let file: string;

beforeAll(async () => {
  fixture = await loadReferenceFixture();
  file = path.join(scratch.dir, "ruleset.json");
  writeFileSync(file, artifactText(fixture.artifact));
});

const running: ChildProcess[] = [];

afterAll(() => {
  // A failed test must not leave a server (or its workers) behind.
  for (const child of running) if (child.exitCode === null) child.kill("SIGKILL");
  scratch.cleanup();
});

interface Started {
  child: ChildProcess;
  url: string;
  logs: () => Array<Record<string, unknown>>;
  exited: Promise<number | null>;
}

/** Starts the command and resolves once every worker listens (their JSON log says where). */
function start(args: string[], listening = 1): Promise<Started> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "serve", "--ruleset", file, "--port", "0", "--no-state", ...args],
    {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  running.push(child);
  const lines: Array<Record<string, unknown>> = [];
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let buffered = "";
    const timer = setTimeout(() => reject(new Error("the server did not start within 20 s")), 20_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const complete = buffered.split("\n");
      buffered = complete.pop()!;
      for (const line of complete) lines.push(JSON.parse(line) as Record<string, unknown>);
      const ready = lines.filter((line) => String(line.msg).startsWith("Server listening at "));
      if (ready.length === listening) {
        clearTimeout(timer);
        resolve({
          child,
          url: String(ready[0]!.msg).slice("Server listening at ".length),
          logs: () => lines,
          exited,
        });
      }
    });
  });
}

/** A request whose body is only half sent: in flight until `finish` sends the rest. */
async function halfSentRequest(url: string, body: string) {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await new Promise((resolve) => socket.once("connect", resolve));
  let response = "";
  socket.on("data", (chunk) => {
    response += chunk.toString("utf8");
  });
  const closed = new Promise((resolve) => socket.once("close", resolve));
  socket.write(
    `POST /v1/score HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n`,
  );
  socket.write(body.slice(0, 10));
  // The server has read the request's headers (give a busy machine time): from here on it is in flight.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return {
    async finish(): Promise<string> {
      socket.end(body.slice(10));
      await closed;
      return response;
    },
  };
}

describe.each([
  ["one process", [] as string[], 1],
  ["two workers", ["--workers", "2"], 2],
])("SIGTERM with %s", (_name, args, workers) => {
  test("finishes the request in flight, refuses new connections, exits 0", async () => {
    const server = await start(args, workers);
    const c = fixture.cases[0]!;
    if (workers > 1) {
      // Every worker's counters in one scrape: each loaded the ruleset once.
      const metrics = (await request(`${server.url}/metrics`)).body as string;
      expect(metrics).toContain(`leadscore_ruleset_reloads_total ${workers}`);
    }
    const inFlight = await halfSentRequest(
      server.url,
      JSON.stringify({ lead: c.lead, events: c.events, asOf: fixture.asOf }),
    );
    server.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const response = await inFlight.finish();
    expect(response).toMatch(/^HTTP\/1.1 200 OK/);
    expect(response).toContain(`"contentHash":"${fixture.artifact.contentHash}"`);
    expect(await server.exited).toBe(0);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    const logs = server.logs();
    expect(
      logs.some(
        (line) => line.event === "ruleset-loaded" && line.contentHash === fixture.artifact.contentHash,
      ),
    ).toBe(true);
    expect(logs.some((line) => line.event === "draining")).toBe(true);
  });
});
