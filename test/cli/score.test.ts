import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULES_DIR } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";

const AS_OF = "2026-11-01T00:00:00Z";

/**
 * The fixture leads of rules/tests/acme.test.yaml as a CSV export (L5's title spans two lines), with four
 * bad records mixed in; their events in one unsorted events file, with three bad lines and one event of a
 * lead that is not in the leads file.
 */
const LEADS_CSV = [
  "id,email,title,industry,employees,country,stage,plan",
  "L1,jane@bigco.com,CEO,software,5000,US,lead,",
  "L2,bob@rivalytics.com,VP Engineering,software,800,US,lead,",
  "L3,sam@uni.edu,PhD student,,,IN,subscriber,",
  "L4,ana@payco.de,VP Sales,fintech,1200,DE,lead,",
  'L5,kim@smallshop.co.uk,"Marketing',
  'Manager",,40,GB,lead,',
  "L6,lee@growco.com,Head of Data,,300,US,customer,team",
  "B1,x@example.com,CEO,software,lots,US,lead,",
  "B2,y@example.com,CEO,software,50,US,prospect,",
  "",
  "B3,too,many,columns,here,1,2,3,4,5",
  "L8,pat@clinic.org,Director of IT,healthcare,900,US,lead,",
  "B4,z@example.com,CEO,software,50,US,lead,",
  "L7,max@gmail.com,Software Engineer,,20,US,lead,",
].join("\r\n");

const EVENTS = [
  { lead_id: "L1", type: "demo_request", at: "2026-10-30T10:00:00Z" },
  { lead_id: "L2", type: "page_view", at: "2026-10-31T12:00:00Z", url: "/pricing", seconds: 30 },
  { lead_id: "L1", type: "page_view", at: "2026-10-29T09:00:00Z", url: "/pricing", seconds: 240 },
  { lead_id: "L3", type: "email_open", at: "2026-06-01T08:00:00Z" },
  null,
  { lead_id: "L1", type: "email_open", at: "2026-10-20T08:00:00Z" },
  { lead_id: "L1", type: "email_open", at: "2026-09-25T08:00:00Z" },
  { lead_id: "L4", type: "webinar_attended", at: "2026-09-15T00:00:00Z" },
  { lead_id: "L4", type: "content_download", at: "2026-08-20T00:00:00Z", asset: "roi-guide" },
  { lead_id: "L4", type: "email_click", at: "2026-10-25T00:00:00Z", campaign: "fall" },
  { lead_id: "L4", type: "email_click", at: "2026-10-05T00:00:00Z", campaign: "fall" },
  { lead_id: "L5", type: "unsubscribe", at: "2026-10-28T00:00:00Z" },
  { lead_id: "L5", type: "email_click", at: "2026-10-27T00:00:00Z" },
  { lead_id: "B4", type: "page_view", at: "2026-02-30T00:00:00Z", url: "/pricing" },
  { lead_id: "L5", type: "page_view", at: "2026-10-30T00:00:00Z", url: "/pricing/teams" },
  { lead_id: "L5", type: "page_view", at: "2026-10-31T00:00:00Z", url: "/pricing" },
  { lead_id: "L6", type: "page_view", at: "2026-10-20T00:00:00Z", url: "/pricing" },
  { lead_id: "NOPE", type: "email_open", at: "2026-10-20T00:00:00Z" },
  { lead_id: "L6", type: "page_view", at: "2026-10-22T00:00:00Z", url: "/enterprise/security" },
  { type: "email_open", at: "2026-10-20T00:00:00Z" },
  { lead_id: "L7", type: "job_application", at: "2026-10-15T00:00:00Z" },
  { lead_id: "L7", type: "page_view", at: "2026-10-16T00:00:00Z", url: "/careers", seconds: 300 },
  { lead_id: "L8", type: "email_open", at: "2026-07-01T00:00:00Z" },
  "not json",
  { lead_id: "L8", type: "email_bounce", at: "2026-07-24T00:00:00Z" },
]
  .map((event) => (event === null ? "" : typeof event === "string" ? event : JSON.stringify(event)))
  .join("\n");

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "leadscore-score-"));
  // A copy of the reference rules beside the data, so that results name them `rules/…` as in a project.
  cpSync(RULES_DIR, path.join(dir, "rules"), {
    recursive: true,
    filter: (source) => !source.includes("tests"),
  });
  writeFileSync(path.join(dir, "leads.csv"), LEADS_CSV);
  writeFileSync(path.join(dir, "events.ndjson"), EVENTS);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const score = (...args: string[]) =>
  runLeadscore(
    ["score", "--rules", "rules", "--leads", "leads.csv", "--events", "events.ndjson", ...args],
    dir,
  );

const EXPECTED_CSV = [
  "id,model,fit,engagement,score,grade,bucket,excluded,actions,top_reasons",
  'L1,enterprise,55,65,120,A1,SQL,,"route sales within 4h say ""Offer a product demo""","event = demo_request (+50); title in [CEO, CTO, CFO, COO] (+30); industry in [software, fintech, healthcare] (+15)"',
  'L2,enterprise,35,10,45,B3,,competitor,,"title starts with ""VP"" (+20); industry in [software, fintech, healthcare] (+15); event = page_view where url starts with ""/pricing"" (+10)"',
  'L3,smb,-30,0,-30,D4,Dead,,disqualify,"title contains any [student, intern] (-30)"',
  'L4,enterprise,35,20,55,B3,Warm,,"route sales within 48h say ""Send a personal email with a webinar invite""","title starts with ""VP"" (+20); industry in [software, fintech, healthcare] (+15); event = email_click (+10)"',
  'L5,smb,25,4,29,C4,Nurture,,"nurture ""monthly-digest""","event = page_view where url starts with ""/pricing"" (+16); event = unsubscribe (-15); title contains ""Manager"" (+10)"',
  'L6,customer,30,35,65,B2,Expansion,,"route account_management within 24h say ""Discuss the Enterprise plan""","plan in [starter, team] (+20); event = page_view where url starts with ""/enterprise"" (+20); event = page_view where url starts with ""/pricing"" (+15)"',
  'L8,enterprise,25,-21.25,3.75,C4,Dead,,disqualify,"no event within 90d (-20); industry in [software, fintech, healthcare] (+15); title contains ""Director"" (+10)"',
  "L7,smb,15,0,15,C4,,job seeker,,employees between 10 and 499 (+10); country in target_countries (+5)",
  "",
].join("\n");

describe("leadscore score", () => {
  it("scores the valid leads in input order, as CSV", async () => {
    const run = await score("--as-of", AS_OF, "--format", "csv");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(EXPECTED_CSV);
  });

  it("writes NDJSON results (the result JSON, one per line) to --out, and every reject to --rejects", async () => {
    const run = await score("--as-of", AS_OF, "--out", "results.ndjson", "--rejects", "rejects.ndjson");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    const results = readFileSync(path.join(dir, "results.ndjson"), "utf8").trimEnd().split("\n");
    expect(
      results
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .map((r) => [r.id, r.bucket, r.score]),
    ).toEqual([
      ["L1", "SQL", 120],
      ["L2", null, 45],
      ["L3", "Dead", -30],
      ["L4", "Warm", 55],
      ["L5", "Nurture", 29],
      ["L6", "Expansion", 65],
      ["L8", "Dead", 3.75],
      ["L7", null, 15],
    ]);
    expect(results[2]).toBe(
      '{"id":"L3","model":"smb","fit":-30,"engagement":0,"score":-30,"grade":"D4","bucket":"Dead","excluded":null,' +
        '"actions":[{"disqualify":true}],"contributions":[{"rule":"when title contains any [student, intern] subtract 30",' +
        '"id":"smb.fit.4","section":"fit","points":-30,"loc":{"file":"rules/smb.score","line":7,"column":5}}]}',
    );

    const rejects = readFileSync(path.join(dir, "rejects.ndjson"), "utf8").trimEnd().split("\n");
    expect(rejects.map((line) => JSON.parse(line) as unknown)).toEqual([
      {
        record: 19,
        line: 20,
        source: "events.ndjson",
        reason: "`lead_id` is missing",
        raw: '{"type":"email_open","at":"2026-10-20T00:00:00Z"}',
      },
      {
        record: 23,
        line: 24,
        source: "events.ndjson",
        reason: expect.stringMatching(/^invalid JSON: /) as unknown,
        raw: "not json",
      },
      {
        record: 7,
        line: 9,
        source: "leads.csv",
        reason: "lead.employees: `lots` is not a number",
        raw: {
          id: "B1",
          email: "x@example.com",
          title: "CEO",
          industry: "software",
          employees: "lots",
          country: "US",
          stage: "lead",
          plan: "",
        },
      },
      {
        record: 8,
        line: 10,
        source: "leads.csv",
        reason: "lead.stage: `prospect` is not one of subscriber, lead, mql, sql, customer",
        raw: {
          id: "B2",
          email: "y@example.com",
          title: "CEO",
          industry: "software",
          employees: "50",
          country: "US",
          stage: "prospect",
          plan: "",
        },
      },
      {
        record: 9,
        line: 12,
        source: "leads.csv",
        reason: "expected 8 fields as in the header, found 10",
        raw: "B3,too,many,columns,here,1,2,3,4,5",
      },
      {
        record: 11,
        line: 14,
        source: "leads.csv",
        reason: "events[0].at: `2026-02-30T00:00:00Z` is not an ISO-8601 timestamp (events.ndjson line 14)",
        raw: {
          id: "B4",
          email: "z@example.com",
          title: "CEO",
          industry: "software",
          employees: "50",
          country: "US",
          stage: "lead",
          plan: "",
        },
      },
    ]);

    expect(run.stderr).toBe(
      [
        "12 leads read from leads.csv: 8 scored, 4 rejected (as of 2026-11-01T00:00:00Z)",
        "  buckets: SQL 1, Warm 1, Nurture 1, Dead 2, Expansion 1",
        "  excluded: competitor 1, job seeker 1",
        "  events: 24 read from events.ndjson: 21 attached, 2 rejected, 1 for 1 lead not in leads.csv (NOPE)",
        "  rules that fired for no lead: 12 of 36",
        "    when event = webinar_attended add 10 within 60d  (rules/customers.score:10)",
        "    when title contains any [student, intern] subtract 30  (rules/enterprise.score:7)",
        "    when industry is missing subtract 5  (rules/enterprise.score:9)",
        "    when country not in target_countries subtract 10  (rules/enterprise.score:11)",
        "    when event = content_download add 15 within 60d  (rules/enterprise.score:18)",
        "    when event = unsubscribe subtract 15  (rules/enterprise.score:21)",
        "    when title in [Founder, CEO, Owner] add 25  (rules/smb.score:4)",
        '    when (title contains "Head of" or title contains "Lead") and employees >= 50 add 10  (rules/smb.score:6)',
        "    when country = US and employees >= 100 add 5  (rules/smb.score:10)",
        "    when event = content_download add 10 within 60d  (rules/smb.score:15)",
        "    … 2 more (--json lists them all)",
        "  values in the rules that no lead has: 9",
        '    plan "starter" (rules/customers.score:4)',
        '    title "CTO" (rules/enterprise.score:4)',
        '    title "CFO" (rules/enterprise.score:4)',
        '    title "COO" (rules/enterprise.score:4)',
        '    country "CA" (list target_countries, rules/enterprise.score:11 and 1 more)',
        '    country "FR" (list target_countries, rules/enterprise.score:11 and 1 more)',
        '    country "NL" (list target_countries, rules/enterprise.score:11 and 1 more)',
        '    title "Founder" (rules/smb.score:4)',
        '    title "Owner" (rules/smb.score:4)',
        "  rejects: 6 written to rejects.ndjson",
        "",
      ].join("\n"),
    );
  });

  it("shows the first rejects in the summary when there is no rejects file, and writes a JSON summary whose counts add up", async () => {
    const run = await score("--as-of", AS_OF, "--out", "results.csv", "--summary", "summary.json");
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(dir, "results.csv"), "utf8")).toBe(EXPECTED_CSV);
    expect(run.stderr).toContain(
      [
        "  rejects (first 5 of 6; keep them all with --rejects <file>):",
        "    events.ndjson record 19 (line 20): `lead_id` is missing",
      ].join("\n"),
    );
    expect(run.stderr).toContain(
      "    leads.csv record 9 (line 12): expected 8 fields as in the header, found 10\n",
    );
    const summary = JSON.parse(readFileSync(path.join(dir, "summary.json"), "utf8")) as {
      leads: { read: number; scored: number; rejected: number };
      outcomes: {
        buckets: Record<string, number>;
        noBucket: number;
        unscored: number;
        excluded: Record<string, number>;
      };
      events: { read: number; rejected: number; attached: number; unmatched: number };
    };
    expect(summary).toEqual({
      asOf: AS_OF,
      leads: { source: "leads.csv", read: 12, scored: 8, rejected: 4 },
      outcomes: {
        buckets: { SQL: 1, Warm: 1, Nurture: 1, Dead: 2, Expansion: 1 },
        noBucket: 0,
        unscored: 0,
        excluded: { competitor: 1, "job seeker": 1 },
      },
      events: {
        source: "events.ndjson",
        read: 24,
        rejected: 2,
        attached: 21,
        unmatched: 1,
        unmatchedLeads: 1,
        unmatchedExamples: ["NOPE"],
      },
      input: {
        format: "csv",
        delimiter: ",",
        mapping: [
          "id ← id",
          "email ← email",
          "title ← title",
          "industry ← industry",
          "employees ← employees",
          "country ← country",
          "stage ← stage",
          "plan ← plan",
        ],
        unusedColumns: [],
        warnings: [],
        unknownKeys: {},
        duplicates: { records: 0, ids: 0, examples: [] },
        eventsAfterAsOf: 0,
        eventsBefore2000: 0,
      },
      usage: expect.objectContaining({ rules: 36 }) as unknown,
    });
    const { leads, outcomes, events } = summary;
    expect(leads.scored + leads.rejected).toBe(leads.read);
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(sum(outcomes.buckets) + outcomes.noBucket + outcomes.unscored + sum(outcomes.excluded)).toBe(
      leads.scored,
    );
    expect(events.attached + events.rejected + events.unmatched).toBe(events.read);
  });

  it("prints the summary as JSON with --json, and exits 1 on rejects with --fail-on-reject", async () => {
    const run = await score("--as-of", AS_OF, "--out", "results.ndjson", "--json", "--fail-on-reject");
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stderr)).toMatchObject({ leads: { read: 12, scored: 8, rejected: 4 } });
  });

  it("scores alike with a compiled artifact as --rules", async () => {
    const compiled = await runLeadscore(["compile", "rules", "--out", "acme.json"], dir);
    expect(compiled.code).toBe(0);
    const run = await runLeadscore(
      [
        "score",
        "--rules",
        "acme.json",
        "--leads",
        "leads.csv",
        "--events",
        "events.ndjson",
        "--as-of",
        AS_OF,
        "--format",
        "csv",
      ],
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(EXPECTED_CSV);
  });

  it("reads NDJSON leads with embedded events the same way", async () => {
    const lines = [
      JSON.stringify({
        id: "L1",
        email: "jane@bigco.com",
        title: "CEO",
        industry: "software",
        employees: 5000,
        country: "US",
        stage: "lead",
        events: [
          { type: "demo_request", at: "2026-10-30T10:00:00Z" },
          { type: "page_view", at: "2026-10-29T09:00:00Z", url: "/pricing", seconds: 240 },
          { type: "email_open", at: "2026-10-20T08:00:00Z" },
        ],
      }),
      "",
      JSON.stringify({ id: "L9", email: "a@b.com", title: "CEO", employees: "many", stage: "lead" }),
    ];
    writeFileSync(path.join(dir, "leads.jsonl"), `${lines.join("\n")}\n`);
    const run = await runLeadscore(
      [
        "score",
        "--rules",
        "rules",
        "--leads",
        "leads.jsonl",
        "--as-of",
        AS_OF,
        "--format",
        "csv",
        "--rejects",
        "bad.ndjson",
      ],
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[1]).toBe(EXPECTED_CSV.split("\n")[1]);
    expect(JSON.parse(readFileSync(path.join(dir, "bad.ndjson"), "utf8"))).toEqual({
      record: 2,
      line: 3,
      source: "leads.jsonl",
      reason: "lead.employees: must be a number",
      raw: { id: "L9", email: "a@b.com", title: "CEO", employees: "many", stage: "lead" },
    });
    expect(run.stderr.split("\n")[0]).toBe(
      "2 leads read from leads.jsonl: 1 scored, 1 rejected (as of 2026-11-01T00:00:00Z)",
    );
  });

  it("shows progress only on a terminal", async () => {
    const quiet = await score("--as-of", AS_OF, "--out", "results.ndjson");
    expect(quiet.stderr).not.toContain("\r");
    const tty = await runLeadscore(
      [
        "score",
        "--rules",
        "rules",
        "--leads",
        "leads.csv",
        "--events",
        "events.ndjson",
        "--as-of",
        AS_OF,
        "--out",
        "r.ndjson",
      ],
      dir,
      true,
    );
    expect(tty.code).toBe(0);
    // Each phase draws its bar when it starts (later redraws depend on the clock); the summary clears it.
    expect(tty.stderr.startsWith(`\r\x1b[Kreading events.ndjson  [${"░".repeat(24)}]    0%`)).toBe(true);
    expect(tty.stderr).toContain(`\r\x1b[Kscoring leads.csv  [${"░".repeat(24)}]    0%`);
    expect(tty.stderr).toContain("\r\x1b[K12 leads read from leads.csv");
  });

  describe("bad usage exits 2 with a message, not a stack trace", () => {
    it.each([
      [
        ["--as-of", "yesterday"],
        "leadscore: --as-of `yesterday` is not an ISO-8601 time (for example 2026-11-01T00:00:00Z)\n",
      ],
      [
        ["--as-of", "2026-02-30T00:00:00Z"],
        "leadscore: --as-of `2026-02-30T00:00:00Z` is not an ISO-8601 time (for example 2026-11-01T00:00:00Z)\n",
      ],
    ])("%j", async (args, message) => {
      const run = await score(...args);
      expect(run).toEqual({ code: 2, stdout: "", stderr: message });
    });

    it("a missing leads or events file", async () => {
      const leads = await runLeadscore(
        ["score", "--rules", "rules", "--leads", "missing.csv", "--as-of", AS_OF],
        dir,
      );
      expect(leads).toEqual({
        code: 2,
        stdout: "",
        stderr: "leadscore: cannot read `missing.csv`: no such file or directory\n",
      });
      const events = await score("--as-of", AS_OF, "--events", "nope.ndjson");
      expect(events.code).toBe(2);
      expect(events.stderr).toBe("leadscore: cannot read `nope.ndjson`: no such file or directory\n");
    });

    it("a directory as leads, a missing rules directory, an unknown leads format", async () => {
      expect(
        (await runLeadscore(["score", "--rules", "rules", "--leads", ".", "--leads-format", "csv"], dir))
          .stderr,
      ).toBe("leadscore: cannot read `.`: it is a directory\n");
      const rules = await runLeadscore(["score", "--rules", "no-rules", "--leads", "leads.csv"], dir);
      expect(rules).toEqual({
        code: 2,
        stdout: "",
        stderr: "leadscore: cannot read `no-rules`: no such file or directory\n",
      });
      const format = await runLeadscore(["score", "--rules", "rules", "--leads", "leads.txt"], dir);
      expect(format.code).toBe(2);
      expect(format.stderr).toBe(
        "leadscore: cannot tell the format of `leads.txt` from its extension; name it .csv, .ndjson or .jsonl, or pass --leads-format\n",
      );
    });

    it("an output file that is an input, or cannot be created", async () => {
      const same = await score("--as-of", AS_OF, "--out", "leads.csv");
      expect(same.stderr).toBe("leadscore: --out `leads.csv` is an input file; choose another file\n");
      expect(readFileSync(path.join(dir, "leads.csv"), "utf8")).toBe(LEADS_CSV);
      // A missing directory is created (`--out results/today.ndjson`); a path through a file cannot be.
      const nowhere = await score("--as-of", AS_OF, "--out", "leads.csv/out.ndjson");
      expect(nowhere).toEqual({
        code: 2,
        stdout: "",
        stderr:
          "leadscore: cannot write `leads.csv/out.ndjson`: a part of the path is a file, not a directory\n",
      });
    });

    it("a missing --leads option or a bad --format", async () => {
      const missing = await runLeadscore(["score", "--rules", RULES_DIR], dir);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("required option '--leads <file>' not specified");
      const format = await score("--format", "xml");
      expect(format.code).toBe(2);
      expect(format.stderr).toContain("argument 'xml' is invalid. Allowed choices are ndjson, csv, parquet.");
    });
  });

  it("exits 1 when the rules have errors, after reporting them", async () => {
    const rules = path.join(dir, "bad-rules");
    mkdirSync(rules);
    writeFileSync(path.join(rules, "schema.score"), "lead {\n  id: strin\n}\n");
    const run = await runLeadscore(
      ["score", "--rules", "bad-rules", "--leads", "leads.csv", "--as-of", AS_OF],
      dir,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("bad-rules/schema.score:2:");
  });
});

describe("a CSV header without the required fields", () => {
  it("is one usage error naming the missing fields and the columns, not a reject per row", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "leadscore-header-"));
    writeFileSync(path.join(dir, "leads.csv"), "Prospect ID,Job Title,stage\nZ1,CEO,lead\nZ2,CTO,lead\n");
    const run = await runLeadscore(
      ["score", "--rules", RULES_DIR, "--leads", "leads.csv", "--as-of", "2026-11-01T00:00:00Z"],
      dir,
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      [
        "leadscore: cannot read `leads.csv`:",
        '  - no column for the required field `id` (closest columns: `Prospect ID`); name it with --columns "Header=id"',
        '  - no column for the required field `email`; name it with --columns "Header=email"',
        '  - no column for the required field `title` (closest columns: `Job Title`); name it with --columns "Header=title"',
        "",
      ].join("\n"),
    );
  });
});
