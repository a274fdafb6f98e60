import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Artifact } from "../../src/compile/artifact.js";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import { createRuleset } from "../../src/eval/ruleset.js";
import type { ScoringEvent } from "../../src/eval/event-index.js";
import type { SqlEngine } from "../../src/sql/engines/engine.js";
import { openPostgres } from "../../src/sql/engines/postgres.js";
import { loadTables, type LoadedLead } from "../../src/sql/load.js";
import { RULES_DIR } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";
import { POSTGRES_URL, requirePostgresInCi } from "./support/databases.js";

requirePostgresInCi();

const AS_OF = "2026-11-01T00:00:00Z";
const SCHEMA = `ls_upsert_${process.pid}`;
const lead = (id: string | null, title: string, employees: number | null, country = "US") => ({
  id,
  email: `${id ?? "none"}@bigco.com`,
  title,
  industry: "software",
  employees,
  country,
  stage: "lead",
});
const LEADS: LoadedLead[] = [
  { lead: lead("L1", "CEO", 5000), events: [{ type: "demo_request", at: "2026-10-30T10:00:00Z" }] },
  {
    lead: lead("L2", "VP Engineering", 800),
    events: [{ type: "page_view", at: "2026-10-31T12:00:00Z", url: "/pricing", seconds: 30 }],
  },
  { lead: lead("L3", "Engineer", 40, "IN"), events: [] },
  { lead: lead("L4", "Founder", 12), events: [{ type: "email_open", at: "2026-10-20T08:00:00Z" }] },
];

let artifact: Artifact;
let session: SqlEngine;
beforeAll(async () => {
  if (POSTGRES_URL === null) return;
  artifact = (await compileDirectory(RULES_DIR)).artifact!;
  session = await openPostgres(POSTGRES_URL);
  await session.run(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  await session.run(`CREATE SCHEMA "${SCHEMA}"`);
  await session.run(`SET search_path TO "${SCHEMA}"`);
  await loadTables(session, artifact, LEADS);
});
afterAll(async () => {
  if (POSTGRES_URL === null) return;
  await session.run(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  await session.close();
});

/** `score --engine postgres` over `<schema>.leads` and `<schema>.events`, upserting into `into`. */
const scoreArgs = (schema: string, into: string): string[] => [
  "score",
  "--engine",
  "postgres",
  "--database",
  POSTGRES_URL!,
  "--rules",
  RULES_DIR,
  "--leads-table",
  `${schema}.leads`,
  "--events-table",
  `${schema}.events`,
  "--into",
  into,
  "--as-of",
  AS_OF,
];

const score = (...extra: string[]) =>
  runLeadscore([...scoreArgs(SCHEMA, `${SCHEMA}.lead_scores`), ...extra], process.cwd());

const stored = async () =>
  (
    await session.query(
      `SELECT id, model, fit, engagement, score, grade, bucket, excluded, actions, ruleset, content_hash, CAST(EXTRACT(EPOCH FROM scored_at) AS TEXT) AS scored_at FROM "${SCHEMA}".lead_scores ORDER BY id`,
    )
  ).map((row) => ({
    ...(row as Record<string, unknown> & { id: string; bucket: string | null; scored_at: string }),
    fit: Number(row.fit),
    engagement: Number(row.engagement),
    score: Number(row.score),
  }));

function expected(leads: readonly LoadedLead[]) {
  const rules = createRuleset(artifact);
  return leads.map(({ lead: input, events }) => {
    const { contributions: _, ...result } = rules.score(input, events as ScoringEvent[], { asOf: AS_OF });
    return { ...result, ruleset: artifact.name, content_hash: artifact.contentHash };
  });
}

describe.skipIf(POSTGRES_URL === null)("score --engine postgres --into", () => {
  it("scores inside PostgreSQL and upserts the JS engine's results, then writes only what changed", async () => {
    const first = await score();
    expect(first).toMatchObject({ code: 0, stdout: "" });
    expect(first.stderr).toBe(
      `4 leads read from ${SCHEMA}.leads: 4 scored in PostgreSQL (as of ${AS_OF})\n` +
        `  4 written to ${SCHEMA}.lead_scores (4 new, 0 changed), 0 unchanged\n`,
    );
    const rows = await stored();
    expect(rows.map(({ scored_at: _, ...row }) => row)).toEqual(expected(LEADS));

    // The same day again: nothing to write, nothing touched.
    const again = await score();
    expect(again.stderr).toContain("0 written to");
    expect(again.stderr).toContain("(0 new, 0 changed), 4 unchanged");
    expect(await stored()).toEqual(rows);

    // L3 becomes a CEO: --dry-run says so and writes nothing; the run writes that row only.
    await session.run(`UPDATE "${SCHEMA}".leads SET title = 'CEO' WHERE id = 'L3'`);
    const dry = await score("--dry-run");
    const after = expected([{ ...LEADS[2]!, lead: { ...LEADS[2]!.lead, title: "CEO" } }])[0]!;
    expect(
      dry.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual([
      {
        id: "L3",
        kind: "changed",
        from: rows[2]!.bucket,
        to: after.bucket,
        score: { from: rows[2]!.score, to: after.score },
      },
    ]);
    expect(dry.stderr).toContain("1 would be written to");
    expect(await stored()).toEqual(rows);
    const changed = await score();
    expect(changed.stderr).toContain("(0 new, 1 changed), 3 unchanged");
    const now = await stored();
    expect(now.filter((row, i) => row.scored_at !== rows[i]!.scored_at).map((row) => row.id)).toEqual(["L3"]);
    expect({ ...now[2]!, scored_at: null }).toEqual({ ...after, scored_at: null });
  });

  it("reads an infinite event time as no time, instead of failing the whole run", async () => {
    const schema = `${SCHEMA}_inf`;
    await session.run(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await session.run(`CREATE SCHEMA "${schema}"`);
    const scoreInto = (table: string) => runLeadscore(scoreArgs(schema, `${schema}.${table}`), process.cwd());
    const results = (table: string) =>
      session.query(
        `SELECT id, model, fit, engagement, score, bucket, actions FROM "${schema}".${table} ORDER BY id`,
      );
    try {
      await session.run(`CREATE TABLE "${schema}".leads AS SELECT * FROM "${SCHEMA}".leads`);
      await session.run(`CREATE TABLE "${schema}".events AS SELECT * FROM "${SCHEMA}".events`);
      await session.run(
        `INSERT INTO "${schema}".events (lead_id, type, "at") VALUES ('L3', 'demo_request', 'infinity'), ` +
          `('L4', 'demo_request', '-infinity')`,
      );
      // One such row failed the whole statement ("cannot convert infinity to bigint").
      expect((await scoreInto("with_infinite")).code).toBe(0);
      await session.run(`DELETE FROM "${schema}".events WHERE NOT ISFINITE("at")`);
      expect((await scoreInto("without")).code).toBe(0);
      const withInfinite = await results("with_infinite");
      expect(withInfinite).toEqual(await results("without"));
      expect(withInfinite.length).toBe(4);
    } finally {
      await session.run(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  });

  it("does not score leads without an id or sharing one, and counts them", async () => {
    await session.run(
      `INSERT INTO "${SCHEMA}".leads ("__row", id, email, title, stage) VALUES (10, NULL, 'a@b.c', 'CEO', 'lead'), (11, 'L1', 'x@b.c', 'CEO', 'lead')`,
    );
    const run = await score("--json");
    expect(JSON.parse(run.stderr)).toMatchObject({
      leads: { read: 6, scored: 3, withoutId: 1, sharingId: 2 },
    });
    await session.run(`DELETE FROM "${SCHEMA}".leads WHERE "__row" >= 10`);
  });

  it("--changes compares with a previous table; its rows without an id or sharing one are rejects", async () => {
    const previous = `"${SCHEMA}".prev`;
    await session.run(
      `CREATE TABLE ${previous} AS SELECT id, model, score, bucket, excluded, actions FROM "${SCHEMA}".lead_scores WHERE id IN ('L2', 'L4')`,
    );
    await session.run(`UPDATE ${previous} SET bucket = 'Elsewhere' WHERE id = 'L4'`);
    await session.run(
      `INSERT INTO ${previous} VALUES (NULL, 'smb', 1, 'Cold', NULL, '[]'), ('L1', 'smb', 1, 'Cold', NULL, '[]'), ('L1', 'smb', 2, 'Cold', NULL, '[]'), ('L9', 'smb', 5, 'Dead', NULL, '[]')`,
    );
    const dir = mkdtempSync(path.join(tmpdir(), "leadscore-pg-changes-"));
    const changes = path.join(dir, "changes.ndjson");
    const before = await stored();
    const run = await score("--previous-table", `${SCHEMA}.prev`, "--changes", changes, "--dry-run");
    expect(run.code).toBe(0);
    expect(await stored()).toEqual(before);
    const records = readFileSync(changes, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: string; kind: string; from: string | null });
    expect(records.map((r) => `${r.id} ${r.kind} ${r.from}`)).toEqual([
      "L1 new null",
      "L3 new null",
      "L4 moved Elsewhere",
      "L9 gone Dead",
    ]);
    expect(run.stderr).toContain(
      `  previous: 6 results read from ${SCHEMA}.prev: 3 leads, 3 rejected\n` +
        "  transitions: 4 (2 new, 1 moved, 1 gone; 1 unchanged)\n",
    );
    expect(run.stderr).toContain(
      `  rejects (3):\n    ${SCHEMA}.prev row 1: a result needs an \`id\`\n` +
        `    ${SCHEMA}.prev row 2: lead \`L1\` has 2 rows in the previous table; none is used\n`,
    );
    for (const [flags, message] of [
      [["--previous", "r.ndjson"], "--previous-table <table>"],
      [["--changes-only"], "leave out --changes-only"],
    ] as const) {
      const refused = await score(...flags);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(message);
    }
  });

  it("keeps the rows of leads it no longer scores, marked gone_at, and clears it when they come back", async () => {
    const renameL4 = (from: string, to: string) =>
      session.run(`UPDATE "${SCHEMA}".leads SET id = '${to}' WHERE id = '${from}'`);
    const withChanges = () =>
      score("--changes", path.join(mkdtempSync(path.join(tmpdir(), "ls-gone-")), "c.ndjson"));
    const markedGone = () =>
      session.query(`SELECT id FROM "${SCHEMA}".lead_scores WHERE gone_at IS NOT NULL ORDER BY id`);
    await renameL4("L4", "L4-renamed");
    const gone = await withChanges();
    expect(gone.stderr).toContain("  1 row of leads not scored this run marked gone (gone_at; kept)\n");
    // L1 is back too: the run before shared its id with another lead, which marked its row gone.
    expect(gone.stderr).toContain("(1 new, 1 changed), 2 unchanged");
    expect(gone.stderr).toContain("transitions: 3 (2 new, 1 gone; 2 unchanged)");
    expect(await markedGone()).toEqual([{ id: "L4" }]);
    await renameL4("L4-renamed", "L4");
    const back = await withChanges();
    expect(back.stderr).toContain("(0 new, 1 changed)");
    expect(back.stderr).toContain("transitions: 2 (1 new, 1 gone; 3 unchanged)");
    expect(await markedGone()).toEqual([{ id: "L4-renamed" }]);
  });

  it("quotes every table name, and refuses bad input with exit 2 without printing the password", async () => {
    const hostile = await score("--into", `${SCHEMA}.x"; DROP TABLE leads; --`, "--dry-run");
    expect(hostile.code).toBe(0);
    expect((await session.query(`SELECT COUNT(*) AS n FROM "${SCHEMA}".leads`))[0]!.n).toBe("4");
    const missing = await score("--leads-table", `${SCHEMA}.nope`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("PostgreSQL refused the scoring statement:");
    expect(missing.stderr).toContain("nope");
    const url = new URL(POSTGRES_URL!);
    url.password = "s3cret-pw";
    url.port = "1";
    const refused = await score("--database", url.toString());
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("cannot connect to PostgreSQL at postgres://leadscore:***@127.0.0.1:1/");
    expect(refused.stderr).not.toContain("s3cret-pw");
  });
});
