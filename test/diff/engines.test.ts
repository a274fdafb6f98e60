import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { populationLeads, POPULATION_AS_OF } from "../../examples/population.js";
import { RULES_DIR } from "../support/paths.js";
import { BASE_RULES, edit, writeReferenceSides } from "./helpers.js";
import { runLeadscore } from "../support/run-cli.js";
import { POSTGRES_URL, requirePostgresInCi } from "../sql/support/databases.js";

requirePostgresInCi();

/**
 * `leadscore diff --engine duckdb|postgres` gives the JS engine's report byte for byte: every format, the
 * full report, on a population with everything a report counts — fixture cases scored as of their own
 * time (ids repeated), two population files (events embedded; events in a file of their own, in no
 * order), rejected records, an outcome column, a creation date, moves by threshold, by a new rule, by
 * changed points, by a model's condition, by an exclusion, by a bucket's actions.
 */
let project: string;

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
  writeFileSync(path.join(project, file), text);
};

/** The head's changes, on the reference rules. */
const CHANGES: Record<string, Array<[string, string]>> = {
  "schema.score": [["  plan: string?\n", "  plan: string?\n  created_at: date?\n"]],
  "routing.score": [
    ["bucket MQL >= 100", "bucket MQL >= 90"],
    ['say "Send a personal email with a webinar invite"', 'say "Call within two days"'],
    [
      'because "job seeker"',
      'because "job seeker"\nexclude when title contains "recruiter" because "recruiter"',
    ],
  ],
  "enterprise.score": [
    [
      'model enterprise "Enterprise decision makers" when employees >= 500',
      'model enterprise "Enterprise decision makers" when employees >= 400',
    ],
    [
      "    decay 50% every 30d",
      '    when event = page_view where url starts with "/enterprise" add 10 within 30d\n    decay 50% every 30d',
    ],
  ],
  "smb.score": [
    ["when event = content_download add 10 within 60d", "when event = content_download add 12 within 60d"],
  ],
};

const DAY = 86_400_000;

/**
 * The population of examples/population.ts as NDJSON records: a creation date, an outcome (`won`, some
 * unknown), a few records rejected (employees not a number) and a few recruiters (a new exclusion).
 */
function records(seed: number, count: number, embedEvents: boolean) {
  const leads: string[] = [];
  const events: string[] = [];
  let n = 0;
  for (const { lead, events: own } of populationLeads({ seed, leads: count })) {
    const { converted, ...fields } = lead;
    const record: Record<string, unknown> = {
      ...fields,
      created_at: new Date(Date.parse(POPULATION_AS_OF) - ((n * 7919) % 200) * DAY).toISOString(),
      won: n % 11 === 0 ? "" : converted === 1 ? "yes" : "no",
    };
    if (n % 97 === 5) record.employees = "many";
    if (n % 53 === 7) record.title = "Senior Recruiter";
    if (embedEvents) record.events = own.map(({ lead_id: _id, ...event }) => event);
    else for (const event of own) events.push(JSON.stringify(event));
    leads.push(JSON.stringify(record));
    n += 1;
  }
  return { leads, events };
}

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), "leadscore-diff-engines-"));
  writeReferenceSides(project, CHANGES);
  copyFileSync(path.join(RULES_DIR, "tests/acme.test.yaml"), path.join(project, "acme.test.yaml"));
  // A second fixture file with another as_of, and the first one's ids.
  write(
    "more.test.yaml",
    readFileSync(path.join(RULES_DIR, "tests/acme.test.yaml"), "utf8").replace(
      "as_of: 2026-11-01T00:00:00Z",
      "as_of: 2026-10-15T00:00:00Z",
    ),
  );
  write("data/embedded.ndjson", `${records(7, 700, true).leads.join("\n")}\n`);
  // The same ids as the first file, other leads: each lead must see only its own file's events.
  const split = records(8, 500, false);
  write("data/leads.ndjson", `${split.leads.join("\n")}\n`);
  // Events in no order, and one for a lead the file does not have.
  const shuffled = split.events.map((line, i) => [(i * 7919) % split.events.length, line] as const);
  shuffled.sort((a, b) => a[0] - b[0]);
  write(
    "data/events.ndjson",
    `${[...shuffled.map(([, line]) => line), '{"lead_id":"nobody","type":"email_open","at":"2026-10-01T00:00:00Z"}'].join("\n")}\n`,
  );
  write(
    "leadscore.yaml",
    [
      "rules: rules",
      "fixtures: [acme.test.yaml, more.test.yaml]",
      `as_of: ${POPULATION_AS_OF}`,
      "population:",
      "  - leads: data/embedded.ndjson",
      "    outcome: won",
      "  - leads: data/leads.ndjson",
      "    events: data/events.ndjson",
      "    outcome: won",
      "",
    ].join("\n"),
  );
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

const FORMATS = ["markdown", "text", "json"] as const;

async function diff(engine: string[], format: string) {
  const full = path.join(project, `full-${engine.join("-").replace(/[^a-z]/g, "")}-${format}`);
  const run = await runLeadscore(
    ["diff", "--base-dir", "base", "--format", format, "--full-report", full, ...engine],
    project,
  );
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return { stdout: run.stdout, full: readFileSync(full, "utf8") };
}

describe("leadscore diff on the SQL engines", () => {
  const reference = new Map<string, { stdout: string; full: string }>();
  beforeAll(async () => {
    for (const format of FORMATS) reference.set(format, await diff([], format));
  }, 180_000);

  it("the population exercises every part of the report", () => {
    const report = JSON.parse(reference.get("json")!.stdout);
    expect(report.summary.leads).toBeGreaterThan(1_000);
    expect(report.summary.moved).toBeGreaterThan(50);
    expect(report.population.rejected).toBeGreaterThan(5);
    expect(report.outcomes.unknown).toBeGreaterThan(0);
    expect(report.outcomes.verdict).not.toBe("not measurable");
    expect(report.routing.span).not.toBeNull();
    const reasons = new Set(report.moved.map((lead: { after: { bucket: string } }) => lead.after.bucket));
    expect(reasons.has("(excluded)")).toBe(true);
    expect(report.changes.filter((change: { moved: number }) => change.moved > 0).length).toBeGreaterThan(3);
  });

  const engines: Array<[string, string[]]> = [["duckdb", ["--engine", "duckdb"]]];
  if (POSTGRES_URL !== null) engines.push(["postgres", ["--engine", "postgres", "--database", POSTGRES_URL]]);
  for (const [name, flags] of engines) {
    it(`${name}: the comment, the full report, text and JSON are the JS engine's, byte for byte`, async () => {
      for (const format of FORMATS) {
        const run = await diff(flags, format);
        expect(run.stdout).toBe(reference.get(format)!.stdout);
        expect(run.full).toBe(reference.get(format)!.full);
      }
    }, 180_000);
  }

  it("a threshold and a points change (the head reads the base's scored leads: one chain of steps for both sides): the JS engine's report", async () => {
    for (const name of readdirSync(path.join(project, "base"))) {
      const text = readFileSync(path.join(project, "base", name), "utf8");
      const changed =
        name === "routing.score"
          ? edit(text, ["bucket MQL >= 100", "bucket MQL >= 90"])
          : name === "smb.score"
            ? edit(text, CHANGES["smb.score"]![0]!)
            : text;
      write(`routed/${name}`, changed);
    }
    const run = (flags: string[]) =>
      runLeadscore(
        ["diff", "--base-dir", "base", "--head-dir", "routed", "--format", "json", ...flags],
        project,
      );
    const js = await run([]);
    const report = JSON.parse(js.stdout);
    expect(report.summary.moved).toBe(6);
    expect(report.changes.map((change: { leads: number | null }) => change.leads)).toEqual([152, null]);
    for (const [name, flags] of engines) {
      const other = await run(flags);
      expect(other.stderr, name).toBe("");
      expect(other.stdout, name).toBe(js.stdout);
    }
  }, 180_000);

  it("a change that moves no one: the same report, and no second reading; DuckDB's scratch removed", async () => {
    const js = await runLeadscore(["diff", "--base-dir", "rules", "--format", "json"], project);
    // A temporary directory of this test's own: other runs on the machine make scratch directories too.
    const own = mkdtempSync(path.join(tmpdir(), "leadscore-diff-engines-tmp-"));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = own;
    try {
      const duckdb = await runLeadscore(
        ["diff", "--base-dir", "rules", "--format", "json", "--engine", "duckdb"],
        project,
      );
      expect(duckdb.code).toBe(0);
      expect(JSON.parse(duckdb.stdout).summary.moved).toBe(0);
      expect(duckdb.stdout).toBe(js.stdout);
      expect(readdirSync(own)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(own, { recursive: true, force: true });
    }
  });
});

describe("leadscore diff --engine: usage", () => {
  it("on a terminal, the progress line says the population is loaded, then read again for the moves", async () => {
    const out = path.join(project, "progress.md");
    const result = await runLeadscore(
      ["diff", "--base-dir", "base", "--engine", "duckdb", "--format", "markdown", "--out", out],
      project,
      true,
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("loading data/embedded.ndjson into duckdb");
    expect(result.stderr).toContain("reading data/embedded.ndjson again for the leads that moved");
  }, 120_000);

  const run = (...args: string[]) => runLeadscore(["diff", "--base-dir", "base", ...args], project);

  it("needs --database for postgres, and takes --database and --memory-limit only with their engine", async () => {
    const cases: Array<[string[], string]> = [
      [
        ["--engine", "postgres"],
        "--engine postgres diffs inside a PostgreSQL: name it with --database <url>",
      ],
      [
        ["--database", "postgres://localhost/x"],
        "--database names the PostgreSQL to diff in: use it with --engine postgres",
      ],
      [
        ["--engine", "js", "--memory-limit", "1GB"],
        "--memory-limit is DuckDB's: use it with --engine duckdb",
      ],
      [
        ["--engine", "duckdb", "--memory-limit", "lots"],
        "leadscore: --memory-limit: DuckDB cannot read `lots` as a size; write it like 2GB or 512MiB\n",
      ],
    ];
    for (const [args, message] of cases) {
      const result = await run(...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe("");
    }
  });

  it("names a PostgreSQL it cannot reach without its password", async () => {
    const result = await run("--engine", "postgres", "--database", "postgres://ls:s3cret@127.0.0.1:1/db");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("cannot connect to PostgreSQL at postgres://ls:***@127.0.0.1:1/db");
    expect(result.stderr).not.toContain("s3cret");
  });

  it("refuses a field whose type differs between the sides: a column has one type", async () => {
    const schema = readFileSync(path.join(project, "rules/schema.score"), "utf8");
    write("retyped/schema.score", schema.replace("  created_at: date?", "  created_at: string?"));
    for (const name of readdirSync(path.join(project, "rules")).filter((f) => f !== "schema.score")) {
      copyFileSync(path.join(project, "rules", name), path.join(project, "retyped", name));
    }
    const result = await runLeadscore(
      ["diff", "--base-dir", "base", "--head-dir", "retyped", "--engine", "duckdb"],
      project,
    );
    expect(result.stderr).toContain(
      "the lead field `created_at` is a string in the head rules and a date in the base rules: a database column has one type, so this change can be diffed with --engine js only",
    );
    expect(result.code).toBe(2);
    const js = await runLeadscore(["diff", "--base-dir", "base", "--head-dir", "retyped"], project);
    expect(js.code).toBe(0);
  });
});

describe("leadscore diff on the SQL engines: clamps, unscored leads, per-model buckets", () => {
  let small: string;
  beforeAll(() => {
    small = mkdtempSync(path.join(tmpdir(), "leadscore-diff-engines-small-"));
    const put = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(small, file)), { recursive: true });
      writeFileSync(path.join(small, file), text);
    };
    put("base/main.score", BASE_RULES);
    put(
      "rules/main.score",
      edit(
        BASE_RULES,
        ["bucket Hot >= 100", "clamp score between 0 and 95\n\nbucket Hot >= 90"],
        ["model main {", "model main when country is present {"],
        ["add 15 each max 30 within 30d", "add 20 each max 40 within 30d"],
      ),
    );
    const titles = ["CEO", "CTO", "Intern", "Engineer", " ceo "];
    const leads = Array.from({ length: 300 }, (_, n) => {
      const events: Array<Record<string, unknown>> = [];
      for (let i = 0; i < n % 7; i++) {
        const type = ["email_open", "page_view", "demo_request"][(n + i) % 3]!;
        const at = new Date(Date.parse("2026-11-01T00:00:00Z") - ((n * 13 + i * 17) % 70) * DAY);
        events.push(
          type === "page_view"
            ? { type, at: at.toISOString(), url: i % 2 ? "/pricing" : "/docs" }
            : { type, at: at.toISOString() },
        );
      }
      return JSON.stringify({
        id: `S${n % 250}`,
        email: n % 23 === 0 ? `x${n}@rival.com` : `p${n}@example.com`,
        title: titles[n % titles.length],
        ...(n % 5 === 0 ? {} : { employees: (n * 37) % 1200 }),
        ...(n % 4 === 0 ? {} : { country: ["US", "CA", "DE"][n % 3] }),
        stage: n % 6 === 0 ? "customer" : "lead",
        events,
      });
    });
    put("leads.ndjson", `${leads.join("\n")}\n`);
    put(
      "leadscore.yaml",
      "rules: rules\nfixtures: []\nas_of: 2026-11-01T00:00:00Z\npopulation:\n  - leads: leads.ndjson\n    on_duplicate: keep-last\n",
    );
  });
  afterAll(() => rmSync(small, { recursive: true, force: true }));

  it("gives the JS engine's report", async () => {
    const engines: string[][] = [["--engine", "duckdb"]];
    if (POSTGRES_URL !== null) engines.push(["--engine", "postgres", "--database", POSTGRES_URL]);
    for (const format of ["json", "markdown"]) {
      const args = ["diff", "--base-dir", "base", "--format", format];
      const js = await runLeadscore(args, small);
      expect(js.code).toBe(0);
      if (format === "json") {
        const report = JSON.parse(js.stdout);
        expect(report.summary.moved).toBeGreaterThan(20);
        expect(report.buckets.map((b: { bucket: string }) => b.bucket)).toContain("(unscored)");
        expect(js.stdout).toContain('"section": "clamp"');
      }
      for (const flags of engines) {
        const run = await runLeadscore([...args, ...flags], small);
        expect(run.stderr).toBe("");
        expect(run.stdout).toBe(js.stdout);
      }
    }
  }, 120_000);
});
