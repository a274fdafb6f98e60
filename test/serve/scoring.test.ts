import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { canonicalJson } from "../../src/compile/content-hash.js";
import { createRuleset, type Ruleset } from "../../src/eval/ruleset.js";
import { previousOfResult, type PreviousResults } from "../../src/batch/previous.js";
import { TransitionTracker } from "../../src/batch/transitions.js";
import type { RunningServer } from "../../src/serve/server.js";
import { loadReferenceFixture, type ReferenceFixture } from "../support/reference-fixture.js";
import { artifactText, eventually, request, scratchDir, serve } from "./serve-helpers.js";

/** The service scores exactly as the library does: the reference fixtures, one by one and in a batch. */
let fixture: ReferenceFixture;
let library: Ruleset;
let server: RunningServer;
const scratch = scratchDir();

beforeAll(async () => {
  fixture = await loadReferenceFixture();
  const file = path.join(scratch.dir, "ruleset.json");
  writeFileSync(file, artifactText(fixture.artifact));
  library = createRuleset(fixture.artifact);
  server = await serve({ ruleset: file, decisionLog: path.join(scratch.dir, "decisions.ndjson") });
});

afterAll(async () => {
  await server?.close();
  scratch.cleanup();
});

const meta = () => ({
  name: fixture.artifact.name,
  version: fixture.artifact.version,
  contentHash: fixture.artifact.contentHash,
});

describe("POST /v1/score", () => {
  test("each reference fixture gets the library's result, with the ruleset and a decision id", async () => {
    for (const c of fixture.cases) {
      const answer = await request(`${server.url}/v1/score`, {
        body: { lead: c.lead, events: c.events, asOf: fixture.asOf },
      });
      const { contributions: _left, ...expected } = library.score(c.lead, c.events, { asOf: fixture.asOf });
      expect(answer.status).toBe(200);
      const { decisionId, ...rest } = answer.body;
      expect(decisionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(rest).toEqual({ ...expected, ruleset: meta() });
      expect(answer.headers.get("x-leadscore-ruleset")).toBe(fixture.artifact.contentHash);
    }
  });

  test("?explain=true adds the contributions with their source locations", async () => {
    const c = fixture.cases[0]!;
    const answer = await request(`${server.url}/v1/score?explain=true`, {
      body: { lead: c.lead, events: c.events, asOf: fixture.asOf },
    });
    expect(answer.body.contributions).toEqual(
      library.score(c.lead, c.events, { asOf: fixture.asOf }).contributions,
    );
    expect(answer.body.contributions[0].loc.file).toMatch(/^rules\//);
  });

  test("without asOf the lead is scored as of now", async () => {
    const c = fixture.cases[0]!;
    const before = Date.now();
    const answer = await request(`${server.url}/v1/score`, { body: { lead: c.lead, events: c.events } });
    expect(answer.status).toBe(200);
    const now = library.score(c.lead, c.events, { asOf: before });
    expect(answer.body.model).toBe(now.model);
  });
});

describe("the previous result: the transition, as score --previous reports it", () => {
  test("a request carrying the lead's previous result gets the same `change` as score --previous", async () => {
    for (const c of fixture.cases) {
      // Yesterday's result: the lead without today's events (an earlier run, as `score` wrote it).
      const previous = library.score(c.lead, [], { asOf: fixture.asOf });
      const answer = await request(`${server.url}/v1/score`, {
        body: { lead: c.lead, events: c.events, asOf: fixture.asOf, previous },
      });
      expect(answer.status).toBe(200);
      const tracker = new TransitionTracker({
        previous: previousOfResult(previous, fixture.artifact) as PreviousResults,
        source: "previous",
        artifact: fixture.artifact,
        asOfMs: Date.parse(fixture.asOf),
        threshold: null,
        keepRecords: false,
      });
      const today = library.score(c.lead, c.events, { asOf: fixture.asOf });
      expect(answer.body.change).toEqual(tracker.observe(today).change);
    }
  });

  test("L1 enters SQL from Warm: Sales has four hours", async () => {
    const c = fixture.cases.find((each) => each.lead.id === "L1")!;
    const previous = library.score(c.lead, [], { asOf: fixture.asOf });
    const answer = await request(`${server.url}/v1/score`, {
      body: { lead: c.lead, events: c.events, asOf: fixture.asOf, previous },
    });
    expect(answer.body.change).toEqual({
      from: previous.bucket,
      entered: "SQL",
      left: previous.bucket,
      scoreDelta: answer.body.score - previous.score!,
      due: "2026-11-01T04:00:00Z",
      rulesChanged: false,
    });
  });

  test("a previous result that cannot be read, or is another lead's, is a bad request", async () => {
    const c = fixture.cases[0]!;
    const body = (previous: unknown) => ({ lead: c.lead, events: c.events, asOf: fixture.asOf, previous });
    const noId = await request(`${server.url}/v1/score`, { body: body({ bucket: "SQL", actions: [] }) });
    expect([noId.status, noId.body.issues]).toEqual([
      400,
      [{ path: "previous", reason: "a result needs an `id`" }],
    ]);
    const other = await request(`${server.url}/v1/score`, {
      body: body({ ...library.score(c.lead, [], { asOf: fixture.asOf }), id: "someone-else" }),
    });
    expect([other.status, other.body.issues]).toEqual([
      400,
      [{ path: "previous", reason: "must be a result of the same lead (its `id`)" }],
    ]);
  });
});

describe("POST /v1/score/batch", () => {
  test("all the fixtures at once: one result per lead, in order, equal to the library's", async () => {
    const leads = fixture.cases.map((c) => ({ lead: c.lead, events: c.events }));
    const answer = await request(`${server.url}/v1/score/batch`, { body: { leads, asOf: fixture.asOf } });
    expect(answer.status).toBe(200);
    expect(answer.body.scored).toBe(fixture.cases.length);
    expect(answer.body.rejected).toBe(0);
    expect(answer.body.ruleset).toEqual(meta());
    const results = answer.body.results.map(
      ({ decisionId: _id, ruleset: _r, ...result }: Record<string, unknown>) => result,
    );
    expect(results).toEqual(
      fixture.cases.map((c) => {
        const { contributions: _left, ...result } = library.score(c.lead, c.events, { asOf: fixture.asOf });
        return result;
      }),
    );
  });

  test("a bad item is an error in its place; the others are scored", async () => {
    const c = fixture.cases[0]!;
    const leads = [
      { lead: c.lead, events: c.events },
      { lead: { ...c.lead, employees: "many" } },
      { lead: c.lead },
    ];
    const answer = await request(`${server.url}/v1/score/batch`, { body: { leads, asOf: fixture.asOf } });
    expect(answer.status).toBe(200);
    expect(answer.body.scored).toBe(2);
    expect(answer.body.rejected).toBe(1);
    expect(answer.body.results[1]).toEqual({
      error: "invalid-request",
      issues: [{ path: "leads[1].lead.employees", reason: "must be a number" }],
    });
    expect(answer.body.results[2].score).toEqual(expect.any(Number));
  });
});

describe("ruleset, health and metrics", () => {
  test("GET /v1/ruleset names the active ruleset, with its content hash as the ETag", async () => {
    const answer = await request(`${server.url}/v1/ruleset`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("etag")).toBe(`"${fixture.artifact.contentHash}"`);
    expect(answer.body).toMatchObject({
      ...meta(),
      models: ["customer", "enterprise", "smb"],
      signedBy: null,
    });
    const again = await request(`${server.url}/v1/ruleset`, {
      headers: { "if-none-match": `"${fixture.artifact.contentHash}"` },
    });
    expect(again.status).toBe(304);
  });

  test("/healthz and /readyz", async () => {
    expect((await request(`${server.url}/healthz`)).body).toEqual({ status: "alive" });
    expect((await request(`${server.url}/readyz`)).body).toEqual({ status: "ready", ruleset: meta() });
  });

  test("/metrics counts requests by route and status, leads scored and the active ruleset", async () => {
    const answer = await request(`${server.url}/metrics`);
    expect(answer.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = answer.body as string;
    expect(text).toMatch(
      /leadscore_http_requests_total\{route="\/v1\/score",method="POST",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /leadscore_http_request_duration_seconds_bucket\{le="0.005",route="\/v1\/score",method="POST",status="200"\} \d+/,
    );
    expect(text).toContain(
      `leadscore_ruleset_info{name="acme",version="1",hash="${fixture.artifact.contentHash}"} 1`,
    );
    expect(text).toContain("leadscore_ruleset_reloads_total 1");
    const scored = Number(/leadscore_leads_scored_total (\d+)/.exec(text)?.[1]);
    expect(scored).toBeGreaterThanOrEqual(fixture.cases.length * 2);
  });
});

test("the decision log keeps the decision and a hash of the input, never the lead itself", async () => {
  const c = fixture.cases.find((one) => typeof one.lead.email === "string")!;
  const answer = await request(`${server.url}/v1/score`, {
    body: { lead: c.lead, events: c.events, asOf: fixture.asOf },
  });
  const file = path.join(scratch.dir, "decisions.ndjson");
  const find = () =>
    readFileSync(file, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.decisionId === answer.body.decisionId);
  await eventually(() => find() !== undefined);
  const line = find()!;
  const { contributions: _left, ...result } = library.score(c.lead, c.events, { asOf: fixture.asOf });
  const input = { lead: c.lead, events: c.events, asOf: Date.parse(fixture.asOf) };
  expect(line).toEqual({
    decisionId: answer.body.decisionId,
    time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    rulesetHash: fixture.artifact.contentHash,
    inputHash: `sha256:${createHash("sha256").update(canonicalJson(input)).digest("hex")}`,
    result,
  });
  expect(JSON.stringify(line)).not.toContain(String(c.lead.email));
});
