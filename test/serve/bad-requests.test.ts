import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { RunningServer } from "../../src/serve/server.js";
import { loadReferenceFixture, type ReferenceFixture } from "../support/reference-fixture.js";
import { artifactText, request, scratchDir, serve } from "./serve-helpers.js";

/** Every kind of bad request gets a 4xx saying what is wrong and where; none gets a 500. */
let fixture: ReferenceFixture;
let server: RunningServer;
let lead: Record<string, unknown>;
const scratch = scratchDir();
const AS_OF = "2026-11-01T00:00:00Z";

beforeAll(async () => {
  fixture = await loadReferenceFixture();
  lead = fixture.cases[0]!.lead;
  const file = path.join(scratch.dir, "ruleset.json");
  writeFileSync(file, artifactText(fixture.artifact));
  server = await serve({ ruleset: file, limits: { maxBodyBytes: 4096, maxBatch: 3, maxEvents: 2 } });
});

afterAll(async () => {
  await server?.close();
  scratch.cleanup();
});

const score = (body: unknown) => request(`${server.url}/v1/score`, { body });

describe("400: each problem with its field path", () => {
  test("lead fields of the wrong type, missing or outside the enumeration", async () => {
    const answer = await score({
      lead: { ...lead, employees: "many", stage: "prospectt", title: undefined },
      asOf: AS_OF,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: "invalid-request",
      issues: [
        { path: "lead.title", reason: "missing required field `title`" },
        { path: "lead.employees", reason: "must be a number" },
        { path: "lead.stage", reason: "`prospectt` is not one of subscriber, lead, mql, sql, customer" },
      ],
    });
  });

  test("events: an unknown type, a bad timestamp, not a list", async () => {
    const unknown = await score({
      lead,
      events: [
        { type: "demo_requets", at: AS_OF },
        { type: "email_open", at: "soon" },
      ],
      asOf: AS_OF,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues).toEqual([
      { path: "events[0].type", reason: "unknown event type `demo_requets` (did you mean `demo_request`?)" },
      { path: "events[1].at", reason: "`soon` is not an ISO-8601 timestamp" },
    ]);
    const notList = await score({ lead, events: { type: "email_open" }, asOf: AS_OF });
    expect(notList.body.issues).toEqual([{ path: "events", reason: "must be a list of events" }]);
  });

  test("the body's own shape: not an object, no lead, an unknown field, a bad asOf", async () => {
    expect((await score([lead])).body.issues).toEqual([
      { path: "body", reason: "must be an object { lead, events, asOf }" },
    ]);
    expect((await score({ events: [] })).body.issues).toEqual([
      { path: "lead", reason: "must be an object with the lead's fields" },
    ]);
    expect((await score({ lead, asOf: AS_OF, explain: true })).body.issues).toEqual([
      { path: "explain", reason: "unknown field (expected lead, events, asOf, previous)" },
    ]);
    expect((await score({ lead, asOf: "yesterday" })).body.issues).toEqual([
      { path: "asOf", reason: "must be an ISO-8601 timestamp or epoch milliseconds" },
    ]);
  });

  test("JSON that is not JSON, an empty body, a prototype-polluting key", async () => {
    const broken = await request(`${server.url}/v1/score`, { raw: '{"lead": {' });
    expect(broken.status).toBe(400);
    expect(broken.body.error).toBe("invalid-request");
    const empty = await request(`${server.url}/v1/score`, { raw: "" });
    expect(empty.status).toBe(400);
    const proto = await request(`${server.url}/v1/score`, {
      raw: '{"__proto__": {"admin": true}, "lead": {}}',
    });
    expect(proto.status).toBe(400);
  });

  test("batch: not a list of leads, an unknown field", async () => {
    const batch = (body: unknown) => request(`${server.url}/v1/score/batch`, { body });
    expect((await batch({ leads: "all" })).body.issues).toEqual([
      { path: "leads", reason: "must be a list of { lead, events }" },
    ]);
    expect((await batch({ leads: [], as_of: AS_OF })).body.issues).toEqual([
      { path: "as_of", reason: "unknown field (expected leads, asOf)" },
    ]);
    expect((await batch({ leads: [], asOf: "never" })).status).toBe(400);
  });
});

describe("413: too large", () => {
  test("a body over --max-body", async () => {
    const answer = await score({ lead: { ...lead, notes: "x".repeat(5000) }, asOf: AS_OF });
    expect(answer.status).toBe(413);
    expect(answer.body.error).toBe("too-large");
  });

  test("a batch over --max-batch", async () => {
    const answer = await request(`${server.url}/v1/score/batch`, {
      body: { leads: [{ lead }, { lead }, { lead }, { lead }], asOf: AS_OF },
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({
      error: "too-large",
      issues: [{ path: "leads", reason: "at most 3 leads per batch" }],
    });
  });

  test("more events than --max-events", async () => {
    const events = [1, 2, 3].map(() => ({ type: "email_open", at: AS_OF }));
    const answer = await score({ lead, events, asOf: AS_OF });
    expect(answer.status).toBe(413);
    expect(answer.body.issues).toEqual([{ path: "events", reason: "at most 2 events per lead" }]);
  });
});

describe("other classes", () => {
  test("404 for an unknown route or method", async () => {
    const unknown = await request(`${server.url}/v1/scores`, { body: {} });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: "not-found", message: "no route POST /v1/scores" });
    expect((await request(`${server.url}/v1/score`)).status).toBe(404);
  });

  test("415 for a body that is not JSON", async () => {
    const answer = await request(`${server.url}/v1/score`, {
      raw: "lead=1",
      headers: { "content-type": "text/csv" },
    });
    expect(answer.status).toBe(415);
    expect(answer.body.error).toBe("unsupported-media-type");
  });

  test("no bad request above was answered with a 500", async () => {
    const metrics = (await request(`${server.url}/metrics`)).body as string;
    expect(metrics).toMatch(/status="400"/);
    expect(metrics).not.toMatch(/status="5\d\d"/);
  });
});
