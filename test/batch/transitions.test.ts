import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { generatePopulation } from "../../examples/population.js";
import { outcomeLabel } from "../../src/batch/previous.js";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import type { ScoringEvent } from "../../src/eval/event-index.js";
import { createRuleset } from "../../src/eval/ruleset.js";
import { expectGolden } from "../support/golden.js";
import { PROJECT_ROOT, RULES_DIR } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";

/**
 * Runs over time, on the bundled generator's leads scored a day apart: a later as-of time lets the
 * events of the day in (new events) and ages the others (decay, windows closing), which is what moves
 * leads between buckets from one day to the next.
 */

const GOLDEN = path.join(PROJECT_ROOT, "test/golden/score");
const DAY1 = "2026-10-30T00:00:00Z";
const DAY2 = "2026-10-31T00:00:00Z";
const population = generatePopulation({ seed: 19, leads: 300 });

/** The population's leads as NDJSON with their events embedded; `keep` chooses the leads by index. */
function leadsFile(keep: (index: number) => boolean): string {
  return population.leads
    .map((lead, index) => ({ lead, index }))
    .filter(({ index }) => keep(index))
    .map(({ lead }) => {
      const { converted: _converted, ...fields } = lead;
      const events = population.events
        .filter((event) => event.lead_id === lead.id)
        .map(({ lead_id: _id, ...event }) => event);
      return `${JSON.stringify({ ...fields, events })}\n`;
    })
    .join("");
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "leadscore-daily-"));
  cpSync(RULES_DIR, path.join(dir, "rules"), {
    recursive: true,
    filter: (source) => !source.includes("tests"),
  });
  // Day 1 has the first 280 leads; day 2 has 20 new ones and has lost leads 5, 6 and 7.
  writeFileSync(
    path.join(dir, "day1.ndjson"),
    leadsFile((index) => index < 280),
  );
  writeFileSync(
    path.join(dir, "day2.ndjson"),
    leadsFile((index) => index < 5 || index > 7),
  );
});

async function score(day: string, asOf: string, ...more: string[]) {
  return runLeadscore(["score", "--rules", "rules", "--leads", day, "--as-of", asOf, ...more], dir);
}

/** Day 1 scored to r1.ndjson, then day 2 against it: results in r2.ndjson, transitions in c2.ndjson. */
async function dayOneThenTwo() {
  expect((await score("day1.ndjson", DAY1, "--out", "r1.ndjson")).code).toBe(0);
  return score(
    "day2.ndjson",
    DAY2,
    "--previous",
    "r1.ndjson",
    "--out",
    "r2.ndjson",
    "--changes",
    "c2.ndjson",
  );
}

function lines(file: string): Array<Record<string, unknown>> {
  return readFileSync(path.join(dir, file), "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("score --previous: runs a day apart", () => {
  test("re-running the same day produces no transitions", async () => {
    expect((await score("day1.ndjson", DAY1, "--out", "r1.ndjson")).code).toBe(0);
    const again = await score(
      "day1.ndjson",
      DAY1,
      "--previous",
      "r1.ndjson",
      "--out",
      "r1b.ndjson",
      "--changes",
      "c1.ndjson",
    );
    expect(again.code).toBe(0);
    expect(readFileSync(path.join(dir, "c1.ndjson"), "utf8")).toBe("");
    expect(again.stderr).toContain(
      "  previous: 280 results read from r1.ndjson: 280 leads, 0 rejected\n  transitions: none (280 unchanged)\n",
    );
    for (const result of lines("r1b.ndjson")) {
      const { change, ...rest } = result;
      expect(change).toMatchObject({
        entered: null,
        left: null,
        scoreDelta: 0,
        due: null,
        rulesChanged: false,
      });
      expect(rest).toEqual(lines("r1.ndjson").find((r) => r.id === result.id));
    }
  });

  test("a day later: the entries and exits are exactly the leads whose bucket the new day changes", async () => {
    const run = await dayOneThenTwo();
    expect(run.code).toBe(0);
    expectGolden(path.join(GOLDEN, "day2-summary.txt"), run.stderr);
    const changes = readFileSync(path.join(dir, "c2.ndjson"), "utf8");
    expectGolden(path.join(GOLDEN, "day2-changes.ndjson"), changes);

    // The same, worked out independently: each lead scored with the library as of both days.
    const compiled = await compileDirectory(path.join(dir, "rules"), { displayPrefix: "rules" });
    const ruleset = createRuleset(compiled.artifact!);
    const expected: string[] = [];
    population.leads.forEach((lead, index) => {
      const events = population.events.filter((e) => e.lead_id === lead.id) as unknown as ScoringEvent[];
      const label = (asOf: string) => {
        const r = ruleset.score({ ...lead }, events, { asOf });
        return outcomeLabel(r.model, r.excluded, r.bucket);
      };
      const inDay1 = index < 280;
      const inDay2 = index < 5 || index > 7;
      if (inDay1 && !inDay2) expected.push(`${lead.id} gone ${label(DAY1)} → null`);
      else if (!inDay1) expected.push(`${lead.id} new null → ${label(DAY2)}`);
      else if (label(DAY1) !== label(DAY2)) expected.push(`${lead.id} moved ${label(DAY1)} → ${label(DAY2)}`);
    });
    const records = lines("c2.ndjson");
    expect(records.map((r) => `${r.id} ${r.kind} ${r.from} → ${r.to}`).sort()).toEqual(expected.sort());
    expect(records.filter((r) => r.kind === "moved").length).toBeGreaterThan(0);
  });

  test("a week of daily runs: new events make leads enter buckets, decay makes leads leave them", async () => {
    const compiled = await compileDirectory(path.join(dir, "rules"), { displayPrefix: "rules" });
    const ruleset = createRuleset(compiled.artifact!);
    const days = [
      "2026-10-26",
      "2026-10-27",
      "2026-10-28",
      "2026-10-29",
      "2026-10-30",
      "2026-10-31",
      "2026-11-01",
    ];
    const entries: string[] = [];
    const exits: string[] = [];
    for (const [index, day] of days.entries()) {
      const asOf = `${day}T00:00:00Z`;
      const previous = index === 0 ? [] : ["--previous", `week-${days[index - 1]}.ndjson`];
      const run = await score(
        "day1.ndjson",
        asOf,
        ...previous,
        "--out",
        `week-${day}.ndjson`,
        "--changes",
        `week-changes-${day}.ndjson`,
      );
      expect(run.code).toBe(0);
      if (index === 0) continue;
      const before = `${days[index - 1]}T00:00:00Z`;
      // Every move is a lead whose bucket differs between the two days, scored independently.
      const expected = population.leads.slice(0, 280).flatMap((lead) => {
        const events = population.events.filter((e) => e.lead_id === lead.id) as unknown as ScoringEvent[];
        const label = (at: string) => {
          const r = ruleset.score({ ...lead }, events, { asOf: at });
          return outcomeLabel(r.model, r.excluded, r.bucket);
        };
        return label(before) === label(asOf) ? [] : [`${lead.id} ${label(before)} → ${label(asOf)}`];
      });
      const records = lines(`week-changes-${day}.ndjson`);
      expect(records.map((r) => `${r.id} ${r.from} → ${r.to}`)).toEqual(expected);
      for (const record of records) {
        const causes = record.because as Array<{ rule: string; before: number | null; after: number | null }>;
        const lead = population.leads.find((l) => l.id === record.id)!;
        const newEvents = population.events.filter(
          (e) => e.lead_id === lead.id && e.at > before && e.at <= asOf,
        );
        const rule = causes.map((c) => `${c.rule}: ${c.before} → ${c.after}`).join("; ");
        if (newEvents.length > 0 && causes.some((c) => (c.after ?? 0) > (c.before ?? 0)))
          entries.push(
            `${day} ${record.id} ${record.from} → ${record.to} (${newEvents.map((e) => e.type).join(", ")}): ${rule}`,
          );
        const decayed = causes.every(
          (c) => c.before !== null && c.after !== null && Math.abs(c.after) < Math.abs(c.before),
        );
        if (newEvents.length === 0 && decayed)
          exits.push(`${day} ${record.id} ${record.from} → ${record.to}: ${rule}`);
      }
    }
    // Entries: the day's new events fire rules (or replace a decayed event by a fresh one, L35).
    expect(entries).toEqual([
      "2026-10-27 L70 Nurture → MQL (email_click, email_click): when event = email_click add 5 each max 20 within 30d: 5 → 15",
      '2026-10-27 L78 Cold → Nurture (email_open, page_view): when event = page_view where url starts with "/pricing" add 8 each max 24 within 14d: null → 8',
      "2026-10-28 L118 Cold → Nurture (content_download, page_view): when event = page_view where seconds >= 120 add 3 each max 15 within 30d: null → 3; when event = content_download add 15 within 60d: null → 15",
      '2026-10-28 L219 Nurture → Warm (page_view, page_view): when event = page_view where url starts with "/pricing" add 10 each max 30 within 14d: null → 10',
      "2026-10-29 L39 Nurture → Warm (content_download): when event = content_download add 15 within 60d: null → 15",
      '2026-10-29 L260 Nurture → MQL (page_view): when event = page_view where url starts with "/pricing" add 10 each max 30 within 14d: null → 10',
      "2026-10-29 L277 Nurture → Warm (content_download): when event = content_download add 10 within 60d: null → 10",
      "2026-10-30 L35 Nurture → Warm (content_download): when event = content_download add 10 within 60d: 3.16 → 10",
      '2026-10-30 L131 Nurture → Warm (page_view): when event = page_view where url starts with "/pricing" add 10 each max 30 within 14d: null → 10',
      "2026-10-30 L197 Cold → Nurture (email_click): when event = email_click add 5 each max 20 within 30d: null → 5",
      '2026-10-30 L248 Nurture → Warm (page_view): when event = page_view where url starts with "/pricing" add 8 each max 24 within 14d: null → 8',
      '2026-10-31 L164 Nurture → Warm (page_view, page_view, email_open): when event = page_view where url starts with "/pricing" add 8 each max 24 within 14d: null → 8',
      "2026-10-31 L204 Dead → Cold (email_click): when event = email_click add 5 each max 20 within 30d: 5 → 10",
      "2026-10-31 L247 Cold → Nurture (demo_request): when event = demo_request add 40 within 30d: null → 40",
    ]);
    // Exits without a new event: decay (smb: 25% every 14 days, 10 → 7.5) and events leaving a window.
    expect(exits).toEqual([
      "2026-10-27 L121 Nurture → Cold: when event = email_open add 2 each max 10 within 30d: 6 → 4",
      "2026-10-27 L151 Warm → Nurture: when event = email_open add 2 each max 10 within 30d: 4 → 2",
      "2026-10-28 L61 Warm → Nurture: when event = content_download add 10 within 60d: 10 → 7.5",
      "2026-10-28 L204 Cold → Dead: when event = email_click add 5 each max 20 within 30d: 10 → 5",
      "2026-10-30 L269 Nurture → Cold: when event = content_download add 10 within 60d: 10 → 7.5",
    ]);
  });

  test("--changes-only writes only the transitions, or the leads whose score moved at least the threshold", async () => {
    await dayOneThenTwo();
    const arrived = lines("c2.ndjson")
      .filter((r) => r.kind !== "gone")
      .map((r) => r.id);
    await score("day2.ndjson", DAY2, "--previous", "r1.ndjson", "--out", "only.ndjson", "--changes-only");
    expect(lines("only.ndjson").map((r) => r.id)).toEqual(arrived);
    await score(
      "day2.ndjson",
      DAY2,
      "--previous",
      "r1.ndjson",
      "--out",
      "only10.ndjson",
      "--changes-only",
      "10",
    );
    const all = lines("r2.ndjson");
    const expected = all
      .filter((r) => {
        const change = r.change as { entered: string | null; scoreDelta: number | null };
        return arrived.includes(r.id) || (change.scoreDelta !== null && Math.abs(change.scoreDelta) >= 10);
      })
      .map((r) => r.id);
    expect(lines("only10.ndjson").map((r) => r.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(arrived.length);
  });

  test("a previous CSV gives the same transitions (without causes: CSV holds no contributions)", async () => {
    expect((await score("day1.ndjson", DAY1, "--out", "r1.csv")).code).toBe(0);
    await score(
      "day2.ndjson",
      DAY2,
      "--previous",
      "r1.csv",
      "--out",
      "r2csv.ndjson",
      "--changes",
      "c2csv.ndjson",
    );
    await dayOneThenTwo();
    const strip = (r: Record<string, unknown>) => ({ ...r, because: null });
    expect(lines("c2csv.ndjson")).toEqual(lines("c2.ndjson").map(strip));
    const csv = await score("day2.ndjson", DAY2, "--previous", "r1.ndjson", "--out", "r2.csv");
    expect(csv.code).toBe(0);
    expect(readFileSync(path.join(dir, "r2.csv"), "utf8").split("\n")[0]).toBe(
      "id,model,fit,engagement,score,grade,bucket,excluded,actions,top_reasons,previous_bucket,entered,left,score_delta,due,rules_changed",
    );
  });
});

describe("score --previous: bad previous files", () => {
  test("unreadable and repeated records are counted rejects; the first of a repeated id is kept", async () => {
    const [first, second] = readFileSync(path.join(dir, "day1.ndjson"), "utf8").split("\n");
    writeFileSync(path.join(dir, "two.ndjson"), `${first}\n${second}\n`);
    await score("two.ndjson", DAY1, "--out", "two-results.ndjson");
    const [a, b] = readFileSync(path.join(dir, "two-results.ndjson"), "utf8").split("\n");
    writeFileSync(
      path.join(dir, "bad-previous.ndjson"),
      `${a}\n{"id": "L1", broken\n${a}\n{"score": 3}\n${b}\n`,
    );
    const run = await score(
      "two.ndjson",
      DAY1,
      "--previous",
      "bad-previous.ndjson",
      "--out",
      "x.ndjson",
      "--rejects",
      "rejects.ndjson",
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      "  previous: 5 results read from bad-previous.ndjson: 2 leads, 3 rejected\n  transitions: none (2 unchanged)\n",
    );
    expect(run.stderr).toContain("  rejects: 3 written to rejects.ndjson\n");
    expect(
      lines("rejects.ndjson").map((r) => `${r.source} ${r.line}: ${String(r.reason).split(":")[0]}`),
    ).toEqual([
      "bad-previous.ndjson 2: invalid JSON",
      "bad-previous.ndjson 3: lead `L1` was already read at line 1; the first is kept",
      "bad-previous.ndjson 4: a result needs an `id`",
    ]);
  });

  test("a lead rejected today is gone for that reason, after the others; without --previous every lead is new", async () => {
    const [first, second] = readFileSync(path.join(dir, "day1.ndjson"), "utf8").split("\n");
    writeFileSync(path.join(dir, "pair.ndjson"), `${first}\n${second}\n`);
    await score("pair.ndjson", DAY1, "--out", "pair-results.ndjson");
    const broken = JSON.parse(first!) as Record<string, unknown>;
    writeFileSync(
      path.join(dir, "pair-today.ndjson"),
      `${JSON.stringify({ ...broken, stage: "prospect" })}\n${second}\n`,
    );
    const run = await score(
      "pair-today.ndjson",
      DAY1,
      "--previous",
      "pair-results.ndjson",
      "--changes",
      "pair-changes.ndjson",
      "--out",
      "x.ndjson",
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("  transitions: 1 (1 gone; 1 unchanged)\n");
    expect(lines("pair-changes.ndjson").map((r) => [r.id, r.kind, r.from, r.to, r.reason])).toEqual([
      [broken.id, "gone", lines("pair-results.ndjson")[0]!.bucket, null, "rejected today"],
    ]);
    const fresh = await score(
      "pair.ndjson",
      DAY1,
      "--changes",
      "fresh.ndjson",
      "--out",
      "fresh-results.ndjson",
    );
    expect(fresh.code).toBe(0);
    expect(lines("fresh.ndjson").map((r) => [r.kind, r.from])).toEqual([
      ["new", null],
      ["new", null],
    ]);
  });

  test("a previous file from other rules is accepted and said; its transitions are marked", async () => {
    await score("day1.ndjson", DAY1, "--out", "r1.ndjson");
    const other = path.join(dir, "other-rules");
    cpSync(path.join(dir, "rules"), other, { recursive: true });
    const smb = path.join(other, "smb.score");
    writeFileSync(
      smb,
      readFileSync(smb, "utf8").replace(
        "when title in [Founder, CEO, Owner] add 25",
        "when title in [Founder, CEO, Owner] add 60",
      ),
    );
    const run = await runLeadscore(
      [
        "score",
        "--rules",
        "other-rules",
        "--leads",
        "day1.ndjson",
        "--as-of",
        DAY1,
        "--previous",
        "r1.ndjson",
        "--changes",
        "c-other.ndjson",
        "--out",
        "r-other.ndjson",
      ],
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      / {2}previous results from other rules: \d+ leads were scored by rules these rules do not have \(smb\.fit\.1: when title in \[Founder, CEO, Owner\] add 25\); their transitions are marked rulesChanged\n/,
    );
    const records = lines("c-other.ndjson");
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.rulesChanged === true)).toBe(true);
  });

  test("--out cannot be the previous file, which it would empty before it is read", async () => {
    const run = await score("day1.ndjson", DAY1, "--previous", "r1.ndjson", "--out", "r1.ndjson");
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: "leadscore: --out `r1.ndjson` is an input file; choose another file\n",
    });
  });
});
