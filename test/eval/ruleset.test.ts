import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { Artifact } from "../../src/compile/artifact.js";
import { contentHashOf } from "../../src/compile/hash.js";
import { serializeArtifact } from "../../src/compile/load-artifact.js";
import {
  InvalidAsOfError,
  InvalidInputError,
  LeadValidationError,
  RulesetLoadError,
  createRuleset,
  loadRuleset,
  type Lead,
  type ScoreOptions,
} from "../../src/index.js";
import { readEventTimes } from "../../src/eval/event-times.js";
import { RULES_DIR } from "../support/paths.js";
import { artifact as buildArtifact, model, profileRule, ref, x } from "../support/artifact-builder.js";

const L1: Lead = {
  id: "L1",
  email: "jane@bigco.com",
  title: "CEO",
  industry: "software",
  employees: 5000,
  country: "US",
  stage: "lead",
};
const L1_EVENTS = [
  { type: "demo_request", at: "2026-10-30T10:00:00Z" },
  { type: "page_view", at: "2026-10-29T09:00:00Z", url: "/pricing", seconds: 240 },
  { type: "email_open", at: "2026-10-20T08:00:00Z" },
];
const AS_OF: ScoreOptions = { asOf: "2026-11-01T00:00:00Z" };

let acme: Artifact;
let dir: string;

beforeAll(async () => {
  acme = (await loadRuleset(RULES_DIR)).artifact;
  dir = mkdtempSync(path.join(tmpdir(), "leadscore-ruleset-"));
});

function writeJson(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** A copy of the artifact changed by `edit`, with its hash recomputed unless `rehash` is false. */
function edited(edit: (copy: Record<string, unknown>) => void, rehash = true): Artifact {
  const copy = structuredClone(acme) as unknown as Record<string, unknown>;
  edit(copy);
  if (rehash) copy.contentHash = contentHashOf(copy);
  return copy as unknown as Artifact;
}

async function loadError(source: string | Artifact): Promise<RulesetLoadError> {
  try {
    await loadRuleset(source);
  } catch (error) {
    expect(error).toBeInstanceOf(RulesetLoadError);
    return error as RulesetLoadError;
  }
  throw new Error("expected the ruleset to be refused");
}

describe("loading", () => {
  test("from a rules directory, an artifact file or an artifact object: the same scores", async () => {
    const file = writeJson("acme.json", serializeArtifact(acme));
    const fromFile = await loadRuleset(file);
    const fromObject = await loadRuleset(acme);
    const expected = { model: "enterprise", fit: 55, engagement: 65, score: 120, grade: "A1", bucket: "SQL" };
    expect(fromFile.score(L1, L1_EVENTS, AS_OF)).toMatchObject(expected);
    expect(fromObject.score(L1, L1_EVENTS, AS_OF)).toEqual(fromFile.score(L1, L1_EVENTS, AS_OF));
    expect(createRuleset(acme).score(L1, L1_EVENTS, AS_OF)).toMatchObject(expected);
  });

  test("from a single .score file", async () => {
    const file = path.join(dir, "one.score");
    writeFileSync(
      file,
      "lead { id: string\n title: string? }\nmodel all {\n  fit {\n    when title = CEO add 5\n  }\n}\n",
    );
    const ruleset = await loadRuleset(file);
    expect(ruleset.score({ id: "X", title: "ceo" }, [], AS_OF)).toMatchObject({
      model: "all",
      fit: 5,
      score: 5,
    });
  });

  test("hand-built test artifacts are valid artifacts", () => {
    const built = buildArtifact({
      models: [model("m", { fit: [profileRule(x.present(ref.lead("id")), 1)] })],
    });
    expect(createRuleset(built).score({ id: "A" }, [], AS_OF).score).toBe(1);
  });
});

describe("refusals name the reason", () => {
  test("a path that does not exist, or no path at all", async () => {
    expect((await loadError("/nonexistent/rules")).message).toBe(
      "cannot read /nonexistent/rules: no such file or directory",
    );
    expect((await loadError(undefined as unknown as string)).message).toBe(
      "loadRuleset takes the path of a rules directory or a compiled artifact (.json), or an artifact object",
    );
  });

  const cases: Array<[string, () => Artifact, RegExp]> = [
    ["wrong-format-version", () => edited((a) => (a.formatVersion = 2)), /format version 2 is not supported/],
    ["wrong-format", () => edited((a) => (a.format = "something.else")), /not a leadscore ruleset artifact/],
    ["schema", () => edited((a) => delete a.models), /does not match its schema/],
    [
      "hash-mismatch",
      () =>
        edited(
          (a) => ((a.models as Array<{ rules: Array<{ points: number }> }>)[1]!.rules[0]!.points = 300),
          false,
        ),
      /does not match its hash/,
    ],
  ];
  test.each(cases)("%s", async (reason, make, message) => {
    const artifact = make();
    const fromObject = await loadError(artifact);
    expect(fromObject.reason).toBe(reason);
    expect(fromObject.message).toMatch(message);
    const fromFile = await loadError(writeJson(`${reason}.json`, JSON.stringify(artifact)));
    expect(fromFile.reason).toBe(reason);
    expect(() => createRuleset(artifact)).toThrow(RulesetLoadError);
  });

  type Edit = (copy: Record<string, unknown>) => void;
  const models = (a: Record<string, unknown>) => a.models as Array<Record<string, unknown>>;
  const hardEdits: Array<[string, string, Edit, RegExp]> = [
    [
      "artifact loading: a dangling defaultModel",
      "inconsistent",
      (a) => (a.defaultModel = "ghost"),
      /inconsistent: defaultModel `ghost` names no model; recompile the rules$/,
    ],
    [
      "artifact loading: a lead schema without id",
      "inconsistent",
      (a) => {
        const schema = a.schema as { lead: Array<{ name: string }> };
        schema.lead = schema.lead.filter((field) => field.name !== "id");
      },
      /the lead schema has no required `id` field/,
    ],
    [
      "artifact loading: duplicate models",
      "inconsistent",
      (a) => models(a).push(structuredClone(models(a)[0]!)),
      /model `customer` appears twice/,
    ],
    [
      "artifact loading: a condition on an undeclared field",
      "inconsistent",
      (a) => (models(a)[0]!.when = { op: "present", ref: { scope: "lead", name: "ghost", type: "string" } }),
      /model `customer` reads lead field `ghost`, which is not declared/,
    ],
    [
      "issue 9 item 21: a rule whose text no longer says what it does",
      "inconsistent",
      (a) => {
        const rule = (models(a)[0]!.rules as Array<{ text: string }>)[0]!;
        rule.text = rule.text.replace(/add \d+/, "add 1");
      },
      /inconsistent: rule `customer\.fit\.1`'s text does not say what it does \(`when .* add \d+`\); recompile/,
    ],
    [
      "issue 9 item 21: a rule whose points changed under its text",
      "inconsistent",
      (a) => {
        const rule = (models(a)[0]!.rules as Array<{ points: number }>)[0]!;
        rule.points += 1;
      },
      /rule `customer\.fit\.1`'s text does not say what it does/,
    ],
    [
      "issue 9 item 21: a rule that counts another window than its `within` says",
      "inconsistent",
      (a) => {
        const rules = models(a).flatMap((m) => m.rules as Array<{ id: string; withinMs: number | null }>);
        rules.find((rule) => rule.withinMs !== null)!.withinMs = 1;
      },
      /rule `\w+\.engagement\.\d+` says `within \w+` but counts 1 ms/,
    ],
    [
      "issue 9 item 21: a bucket whose text no longer says what it does",
      "inconsistent",
      (a) => {
        const bucket = (a.buckets as Array<{ text: string }>)[1]!;
        bucket.text = bucket.text.replace(">= 100", ">= 10");
      },
      /inconsistent: bucket `MQL`'s text does not say what it does \(`bucket MQL >= 100 -> route sales within 4h`\); recompile/,
    ],
    [
      "issue 9 item 21: a model's own bucket whose threshold changed under its text",
      "inconsistent",
      (a) => {
        const bucket = (models(a)[0]!.buckets as Array<{ test: { value: number } }>)[0]!;
        bucket.test.value = 1;
      },
      /bucket `Expansion`'s text does not say what it does \(`bucket Expansion >= 1 -> route account_management within 24h say "Discuss the Enterprise plan"`\)/,
    ],
    [
      "issue 9 item 21: an exclusion whose reason changed under its text",
      "inconsistent",
      (a) => {
        const exclusion = (a.exclusions as Array<{ reason: string }>)[0]!;
        exclusion.reason = "partner";
      },
      /exclusion "partner"'s text does not say what it does \(`exclude when email ends with competitor_domains because "partner"`\)/,
    ],
    [
      "issue 9 item 21: an exclusion that counts another window than its `within` says",
      "inconsistent",
      (a) => {
        const exclusion = (a.exclusions as Array<{ withinMs: number | null }>)[1]!;
        exclusion.withinMs = 1;
      },
      /exclusion "job seeker" says `within 90d` but counts 1 ms/,
    ],
    [
      "issue 9 item 21: a route that counts another window than its `within` says",
      "inconsistent",
      (a) => {
        const bucket = (a.buckets as Array<{ actions: Array<{ withinMs?: number }> }>)[1]!;
        bucket.actions[0]!.withinMs = 1;
      },
      /bucket `MQL` routes `within 4h` but counts 1 ms/,
    ],
    [
      "artifact loading: an expression 1,000 deep",
      "schema",
      (a) => {
        let expr = models(a)[0]!.when;
        for (let i = 0; i < 1000; i++) expr = { op: "not", arg: expr };
        models(a)[0]!.when = expr;
      },
      /does not match its schema: a value is nested more than 256 levels deep/,
    ],
  ];
  test.each(hardEdits)("%s is refused with RulesetLoadError", async (_name, reason, edit, message) => {
    const artifact = edited(edit);
    const error = await loadError(artifact);
    expect([error.reason, error.message]).toEqual([reason, expect.stringMatching(message)]);
    expect(() => createRuleset(artifact)).toThrow(RulesetLoadError);
  });

  test("invalid-json", async () => {
    expect((await loadError(writeJson("broken.json", "{ nope"))).reason).toBe("invalid-json");
  });

  test("unreadable", async () => {
    const error = await loadError(path.join(dir, "missing.json"));
    expect(error.reason).toBe("unreadable");
    expect(error.message).toMatch(/^cannot read .*missing\.json: no such file or directory$/);
  });

  test("compile-errors, with the diagnostics", async () => {
    const rules = path.join(dir, "broken-rules");
    cpSync(RULES_DIR, rules, { recursive: true });
    writeFileSync(path.join(rules, "zz.score"), "model broken when nonsense = 1 {\n}\n");
    const error = await loadError(rules);
    expect(error.reason).toBe("compile-errors");
    expect(error.message).toMatch(/have 1 error: .*zz\.score:1:\d+ unknown lead field `nonsense`/);
    expect(error.diagnostics.map((d) => d.code)).toContain("LS201");
  });
});

describe("scoring through the API", () => {
  test("the as-of time is required", () => {
    const ruleset = createRuleset(acme);
    expect(() => ruleset.score(L1, [], undefined as unknown as ScoreOptions)).toThrow(InvalidAsOfError);
    expect(() => ruleset.score(L1, [], { asOf: "soon" })).toThrow(
      'as-of time "soon" is not an ISO-8601 timestamp, epoch milliseconds or a valid Date',
    );
    expect(() => ruleset.score(L1, [], { asOf: new Date(Number.NaN) })).toThrow(InvalidAsOfError);
  });

  test("asOf range: epoch milliseconds beyond the range of Date are refused, as are events at such times", () => {
    const ruleset = createRuleset(acme);
    expect(() => ruleset.score(L1, [], { asOf: 1e300 })).toThrow(
      "as-of time 1e+300 is not an ISO-8601 timestamp, epoch milliseconds or a valid Date",
    );
    expect(() => ruleset.score(L1, [], { asOf: -8.64e15 - 1 })).toThrow(InvalidAsOfError);
    expect(ruleset.score(L1, [], { asOf: 8.64e15 }).model).toBe("enterprise");
    expect(ruleset.validate(L1, [{ type: "email_open", at: 1e300 }])).toEqual([
      { path: "events[0].at", reason: "`1e+300` is not an ISO-8601 timestamp" },
    ]);
  });

  test("as-of as text, epoch ms or Date gives the same result", () => {
    const ruleset = createRuleset(acme);
    const asText = ruleset.score(L1, L1_EVENTS, AS_OF);
    expect(ruleset.score(L1, L1_EVENTS, { asOf: Date.UTC(2026, 10, 1) })).toEqual(asText);
    expect(ruleset.score(L1, L1_EVENTS, { asOf: new Date(Date.UTC(2026, 10, 1)) })).toEqual(asText);
  });

  test("missing events are no events", () => {
    const ruleset = createRuleset(acme);
    expect(ruleset.score(L1, undefined, AS_OF)).toEqual(ruleset.score(L1, [], AS_OF));
  });

  test("validate reports problems as data", () => {
    const ruleset = createRuleset(acme);
    expect(ruleset.validate(L1, L1_EVENTS)).toEqual([]);
    expect(
      ruleset.validate({ ...L1, employees: "many", email: undefined }, [{ type: "page_view", at: "x" }]),
    ).toEqual([
      { path: "lead.email", reason: "missing required field `email`" },
      { path: "lead.employees", reason: "must be a number" },
      { path: "events[0].url", reason: "missing required field `url`" },
      { path: "events[0].at", reason: "`x` is not an ISO-8601 timestamp" },
    ]);
  });

  test("a lead that is not an object, or events that are not an array, are refused, not disqualified", () => {
    const ruleset = createRuleset(acme);
    expect(() => ruleset.score(null as unknown as Lead, [], AS_OF)).toThrow(InvalidInputError);
    expect(() => ruleset.score([] as unknown as Lead, [], AS_OF)).toThrow(
      'score: the lead must be an object of fields, like { id: "L1", … }',
    );
    expect(() => ruleset.score(L1, "x" as unknown as [], AS_OF)).toThrow(
      "score: events must be an array of { type, at, … } objects (or left out)",
    );
  });

  test("validate: true refuses a lead that does not match the schema, listing every issue", () => {
    const ruleset = createRuleset(acme);
    expect(ruleset.score(L1, L1_EVENTS, { ...AS_OF, validate: true })).toEqual(
      ruleset.score(L1, L1_EVENTS, AS_OF),
    );
    let error: unknown;
    try {
      ruleset.score({ ...L1, employees: "5000" }, [{ type: "webinar", at: "2026-10-30T10:00:00Z" }], {
        ...AS_OF,
        validate: true,
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LeadValidationError);
    expect((error as LeadValidationError).issues.map((i) => i.path)).toEqual([
      "lead.employees",
      "events[0].type",
    ]);
  });

  test("results do not share mutable state between leads", () => {
    const ruleset = createRuleset(acme);
    const first = ruleset.score(L1, L1_EVENTS, AS_OF);
    const snapshot = JSON.stringify(first);
    ruleset.score({ id: "other", email: "x@y.z", title: "Intern", stage: "lead" }, [], AS_OF);
    expect(JSON.stringify(first)).toBe(snapshot);
    expect(Object.isFrozen(first.actions)).toBe(true);
    expect(Object.isFrozen(first.contributions[0]!.loc)).toBe(true);
  });
});

describe("scoring with the event times read already (ScoreOptions.eventTimes)", () => {
  test("gives the result scoring gives when it reads them itself", () => {
    const ruleset = createRuleset(acme);
    const own = ruleset.score(L1, L1_EVENTS, AS_OF);
    expect(own.score).toBe(120);
    expect(ruleset.score(L1, L1_EVENTS, { ...AS_OF, eventTimes: readEventTimes(L1_EVENTS) })).toEqual(own);
  });

  test("reads the times given, not the events' text: they are the times the lead was validated with", () => {
    // The demo request's time moved past the as-of time: it no longer counts (50 points less).
    const times = readEventTimes(L1_EVENTS);
    times[0] = Date.UTC(2026, 10, 2);
    const result = createRuleset(acme).score(L1, L1_EVENTS, { ...AS_OF, eventTimes: times });
    expect(result.score).toBe(70);
    expect(result.contributions.map((c) => c.id)).not.toContain("enterprise.engagement.7");
  });

  test("reads the events itself when the times given are not one per event", () => {
    const ruleset = createRuleset(acme);
    expect(ruleset.score(L1, L1_EVENTS, { ...AS_OF, eventTimes: [NaN] })).toEqual(
      ruleset.score(L1, L1_EVENTS, AS_OF),
    );
  });

  test("leaves the times given as they were, for the next ruleset scoring the lead", () => {
    // Also those of events it does not index: after the as-of time, or of a type it does not declare.
    const events = [...L1_EVENTS, { type: "trade_show", at: "2026-10-28T00:00:00Z" }];
    const times = readEventTimes(events);
    const copy = [...times];
    createRuleset(acme).score(L1, events, { asOf: "2026-10-25T00:00:00Z", eventTimes: times });
    expect(times).toEqual(copy);
  });

  test("validates with them too (validate: true)", () => {
    const times = readEventTimes(L1_EVENTS);
    times[2] = NaN;
    expect(() =>
      createRuleset(acme).score(L1, L1_EVENTS, { ...AS_OF, validate: true, eventTimes: times }),
    ).toThrow("events[2].at: `2026-10-20T08:00:00Z` is not an ISO-8601 timestamp");
  });
});
