import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { PROJECT_ROOT, RULES_DIR } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";

const L4_CASE = `name: older engagement decays by half every 30 days
lead: {id: L4, email: ana@payco.de, title: VP Sales, industry: fintech, employees: 1200, country: DE, stage: lead}
events:
  - {type: webinar_attended, at: 2026-09-15T00:00:00Z}
  - {type: content_download, at: 2026-08-20T00:00:00Z, asset: roi-guide}
  - {type: email_click, at: 2026-10-25T00:00:00Z, campaign: fall}
  - {type: email_click, at: 2026-10-05T00:00:00Z, campaign: fall}
expect: {model: enterprise}
`;

/** A temporary project holding a copy of the reference rules and the given files. */
function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "leadscore-explain-"));
  cpSync(RULES_DIR, path.join(dir, "rules"), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

const golden = (name: string) => readFileSync(path.join(PROJECT_ROOT, "test/golden/explain", name), "utf8");

describe("leadscore explain", () => {
  test("explains a fixture-shaped lead file", async () => {
    const dir = tempProject({ "l4.yaml": L4_CASE });
    const run = await runLeadscore(["explain", "--lead", "l4.yaml", "--as-of", "2026-11-01T00:00:00Z"], dir);
    expect(run).toEqual({ code: 0, stdout: golden("L4.txt"), stderr: "" });
  });

  test("a bare lead with an events key, as JSON, scored as of the file's as_of", async () => {
    const lead = {
      as_of: "2026-11-01T00:00:00Z",
      id: "L9",
      email: "cto@shopify-like.fr",
      title: "cto",
      industry: "retail",
      employees: 600,
      country: "FR",
      stage: "lead",
      events: Array.from({ length: 7 }, (_, i) => ({
        type: "email_open",
        at: `2026-10-${31 - i}T00:00:00Z`,
      })),
    };
    const dir = tempProject({ "lead.json": JSON.stringify(lead) });
    const run = await runLeadscore(["explain", "--rules", "rules", "--lead", "lead.json"], dir);
    expect(run).toEqual({ code: 0, stdout: golden("L9.txt"), stderr: "" });
  });

  test("--json prints the result", async () => {
    const dir = tempProject({ "l4.yaml": L4_CASE });
    const run = await runLeadscore(
      ["explain", "--lead", "l4.yaml", "--as-of", "2026-11-01T00:00:00Z", "--json"],
      dir,
    );
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({
      id: "L4",
      model: "enterprise",
      fit: 35,
      engagement: 20,
      score: 55,
      grade: "B3",
      bucket: "Warm",
    });
    expect(run.stdout).toBe(`${JSON.stringify(result, null, 2)}\n`);
  });

  test("an invalid lead is listed problem by problem, each at its line and column, exit 2", async () => {
    const dir = tempProject({
      "bad.yaml": `lead: {id: B1, email: b@x.com, title: CEO, employees: lots, stage: prospect}
events:
  - {type: emial_open, at: 2026-10-01T00:00:00Z}
  - {type: email_open, at: 2026-13-01}
`,
    });
    const run = await runLeadscore(["explain", "--lead", "bad.yaml", "--as-of", "2026-11-01"], dir);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        "bad.yaml:1:44: lead.employees: must be a number",
        "bad.yaml:1:61: lead.stage: `prospect` is not one of subscriber, lead, mql, sql, customer",
        "bad.yaml:3:6: events[0].type: unknown event type `emial_open` (did you mean `email_open`?)",
        "bad.yaml:4:24: events[1].at: `2026-13-01` is not an ISO-8601 timestamp",
        "bad.yaml: the lead cannot be scored as given (4 problems)",
        "",
      ].join("\n"),
    });
  });

  test("a misspelt key of the file is a problem with the closest key, with the others, exit 2", async () => {
    const dir = tempProject({
      "lead2.yaml": [
        "lead:",
        "  id: L2",
        "  employees: many", //                                   3
        "  email: b@x.com",
        "  title: CEO",
        "  stage: lead",
        "evnts:", //                                              7
        "  - {type: demo_request, at: 2026-10-30T10:00:00Z}",
        "asof: 2026-11-01T00:00:00Z", //                          9
        "owner: jane", //                                        10
        "",
      ].join("\n"),
    });
    const run = await runLeadscore(["explain", "--lead", "lead2.yaml"], dir);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        "lead2.yaml:3:3: lead.employees: must be a number",
        "lead2.yaml:7:1: unknown key `evnts`: did you mean `events`?",
        "lead2.yaml:9:1: unknown key `asof`: did you mean `as_of`?",
        "lead2.yaml:10:1: unknown key `owner` (known keys: name, as_of, lead, events, expect)",
        "lead2.yaml: the lead cannot be scored as given (4 problems)",
        "",
      ].join("\n"),
    });
  });

  test("in a bare lead, a key that is no lead field is a problem, with the field or key it likely means", async () => {
    const dir = tempProject({
      "bare.yaml": [
        "id: L3",
        "email: c@x.com",
        "title: CEO",
        "stage: lead",
        "countri: US", //                       5: a misspelt field would silently read as missing
        "event: []", //                         6
        "",
      ].join("\n"),
    });
    const run = await runLeadscore(
      ["explain", "--lead", "bare.yaml", "--as-of", "2026-11-01T00:00:00Z"],
      dir,
    );
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        "bare.yaml:5:1: lead.countri: no such lead field (did you mean `country`?)",
        "bare.yaml:6:1: unknown key `event`: did you mean `events`?",
        "bare.yaml: the lead cannot be scored as given (2 problems)",
        "",
      ].join("\n"),
    });
  });

  test("an unknown event type suggests the type it most likely means", async () => {
    const dir = tempProject({
      "webinar.yaml": [
        "lead: {id: W1, email: w@x.com, title: CEO, stage: lead}",
        "events:",
        "  - {type: webinar, at: 2026-10-20T08:00:00Z}",
        "",
      ].join("\n"),
    });
    const run = await runLeadscore(
      ["explain", "--lead", "webinar.yaml", "--as-of", "2026-11-01T00:00:00Z"],
      dir,
    );
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        "webinar.yaml:3:6: events[0].type: unknown event type `webinar` (did you mean `webinar_attended`?)",
        "webinar.yaml: the lead cannot be scored as given (1 problem)",
        "",
      ].join("\n"),
    });
  });

  test("a JSON lead file gets positions too", async () => {
    const lead = {
      lead: { id: "J1", email: "j@x.com", title: "CEO", stage: "lead", employees: "many" },
      events: [{ type: "demo_request", at: "2026-10-30T10:00:00Z" }],
    };
    const dir = tempProject({ "lead.json": JSON.stringify(lead, null, "\t") });
    const run = await runLeadscore(
      ["explain", "--lead", "lead.json", "--as-of", "2026-11-01T00:00:00Z"],
      dir,
    );
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        "lead.json:7:3: lead.employees: must be a number",
        "lead.json: the lead cannot be scored as given (1 problem)",
        "",
      ].join("\n"),
    });
  });

  test("JSON that is not also YAML (a key given twice) gets its problems without a position", async () => {
    const dir = tempProject({
      "twice.json":
        '{"lead": {"id": "J1", "id": "J2", "email": "j@x.com", "title": "CEO", "stage": "lead", "employees": "many"}}',
    });
    const run = await runLeadscore(
      ["explain", "--lead", "twice.json", "--as-of", "2026-11-01T00:00:00Z"],
      dir,
    );
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        "twice.json: lead.employees: must be a number",
        "twice.json: the lead cannot be scored as given (1 problem)",
        "",
      ].join("\n"),
    });
  });

  test("bad usage and unreadable input exit 2", async () => {
    const dir = tempProject({
      "l4.yaml": L4_CASE,
      "list.yaml": "- 1\n- 2\n",
      "broken.yaml": "lead: {id: [\n",
    });
    const asOf = await runLeadscore(["explain", "--lead", "l4.yaml", "--as-of", "yesterday"], dir);
    expect(asOf.code).toBe(2);
    expect(asOf.stderr).toBe(
      "leadscore: --as-of `yesterday` is not an ISO-8601 time (for example 2026-11-01T00:00:00Z)\n",
    );
    const missing = await runLeadscore(["explain", "--lead", "nope.yaml"], dir);
    expect(missing).toEqual({
      code: 2,
      stdout: "",
      stderr: "leadscore: cannot read `nope.yaml`: no such file or directory\n",
    });
    const list = await runLeadscore(["explain", "--lead", "list.yaml"], dir);
    expect(list.stderr).toBe("leadscore: `list.yaml` must hold a lead: {lead: {...}, events: [...]}\n");
    expect(list.code).toBe(2);
    const broken = await runLeadscore(["explain", "--lead", "broken.yaml"], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^leadscore: cannot read `broken.yaml`: /);
    const noLead = await runLeadscore(["explain"], dir);
    expect(noLead.code).toBe(2);
  });

  test("rules with errors exit 1", async () => {
    const dir = tempProject({
      "l4.yaml": L4_CASE,
      "rules/zz.score": "model broken when nonsense = 1 {\n}\n",
    });
    const run = await runLeadscore(["explain", "--lead", "l4.yaml"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("rules/zz.score:1:");
  });
});
