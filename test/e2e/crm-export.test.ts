import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadRuleset } from "../../src/eval/load-ruleset.js";
import { resolveInputOptions } from "../../src/io/input-options.js";
import { emptyInputReport, readLeadRecords } from "../../src/io/lead-records.js";
import { LeadPreparer } from "../../src/io/prepare-lead.js";
import type { ScoringEvent } from "../../src/eval/event-index.js";
import { runLeadscore } from "../support/run-cli.js";
import { chunked } from "../support/read-helpers.js";
import { AS_OF, CRM_RULES, generateExport, toCsv, toNdjson, type ExportRow } from "../support/crm-export.js";

/**
 * One generated CRM export, written in every shape real exports come in, scored through every path —
 * `score`, `diff`, `test`, `explain` and the library — must give every lead the same result; and every
 * problem of a real export must be said (an error, a warning or a reject with its reason), never silent.
 */
const ROWS = generateExport(80, 20261101);
const MAPPING = ["--columns", "Prospect ID=id", "--missing-values", "Select", "--outcome", "Converted"];
let dir: string;
let baseline: string;

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return name;
}

async function score(file: string, ...extra: string[]) {
  const run = await runLeadscore(
    ["score", "--rules", "rules", "--leads", file, "--as-of", AS_OF, ...MAPPING, ...extra],
    dir,
  );
  return { ...run, results: run.stdout };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "leadscore-crm-"));
  write("rules/crm.score", CRM_RULES);
  const run = await score(write("export.csv", toCsv(ROWS, { delimiter: ",", eol: "\r\n", bom: true })));
  expect(run.code).toBe(0);
  baseline = run.results;
});

describe("one export, every shape: the same results", () => {
  it("scores every lead of the baseline, with placeholders read as missing", async () => {
    const results = baseline
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(results).toHaveLength(ROWS.length);
    // A `Select` specialization is missing when the user says so: the rule for a missing one fires.
    const index = ROWS.findIndex((row) => row.specialization === "Select");
    expect(results[index].contributions.map((c: { rule: string }) => c.rule)).toContain(
      "when specialization is missing subtract 5",
    );
  });

  it.each([
    ["semicolons, CR-only lines", { delimiter: ";", eol: "\r" }, []],
    ["tabs, LF, epoch seconds", { delimiter: "\t", eol: "\n", epoch: "s" }, ["--epoch", "s"]],
    ["pipes, CRLF, epoch milliseconds", { delimiter: "|", eol: "\r\n", epoch: "ms" }, ["--epoch", "ms"]],
  ] as const)("%s", async (name, shape, flags) => {
    const file = write(`${name.replace(/\W+/g, "-")}.csv`, toCsv(ROWS, shape));
    const run = await score(file, ...flags);
    expect(run.code).toBe(0);
    expect(run.results).toBe(baseline);
  });

  it("NDJSON with field names and epoch milliseconds", async () => {
    const run = await score(write("export.ndjson", toNdjson(ROWS)), "--epoch", "ms");
    expect(run.code).toBe(0);
    expect(run.results).toBe(baseline);
  });

  it("a named delimiter is used as given", async () => {
    const file = write("named.csv", toCsv(ROWS, { delimiter: ";", eol: "\n" }));
    expect((await score(file, "--delimiter", ";")).results).toBe(baseline);
  });

  it("duplicated ids: the first of each is kept and the others are rejected with the reason", async () => {
    const copies: ExportRow[] = [ROWS[3]!, ROWS[10]!].map((row) => ({ ...row, origin: "API" }));
    const file = write("dups.csv", toCsv([...ROWS, ...copies], { delimiter: ",", eol: "\n" }));
    const run = await score(file, "--rejects", "dups-rejects.ndjson");
    expect(run.code).toBe(0);
    expect(run.results).toBe(baseline);
    expect(run.stderr).toContain(
      "  warning: 2 records repeat the id of another (2 ids: P-1003, P-1010); rejected as duplicates (--on-duplicate keep-first|keep-last|reject)\n",
    );
    const rejects = readFileSync(path.join(dir, "dups-rejects.ndjson"), "utf8").trim().split("\n");
    expect(JSON.parse(rejects[0]!).reason).toBe(
      "duplicate lead id `P-1003`: record 4 has it too and is kept (--on-duplicate keep-first)",
    );
    // Keeping the last instead: the copies are scored, the originals rejected.
    const last = await score(file, "--on-duplicate", "keep-last");
    const lines = last.results.trim().split("\n");
    expect(lines).toHaveLength(ROWS.length);
    expect(JSON.parse(lines[lines.length - 1]!).id).toBe("P-1010");
    const all = await score(file, "--on-duplicate", "reject");
    expect(all.results.trim().split("\n")).toHaveLength(ROWS.length - 2);
  });

  it("the library, through the same input layer", async () => {
    const rules = await loadRuleset(path.join(dir, "rules"));
    const input = resolveInputOptions([
      { columns: { "Prospect ID": "id" }, missing_values: ["Select"], outcome: "Converted" },
    ]);
    const text = toCsv(ROWS, { delimiter: ",", eol: "\n" });
    const file = { open: () => chunked(text), name: "export.csv", format: "csv" as const };
    const preparer = new LeadPreparer(rules.artifact.schema, input);
    let lines = "";
    for await (const item of readLeadRecords(file, rules.artifact.schema, input, emptyInputReport("csv"))) {
      if (item.kind === "reject") throw new Error(item.reason);
      const prepared = preparer.prepare(item.value.fields, item.value.events, item.value.fromText);
      expect(prepared.issues).toEqual([]);
      lines += `${JSON.stringify(rules.score(prepared.lead, prepared.events as ScoringEvent[], { asOf: AS_OF }))}\n`;
    }
    expect(lines).toBe(baseline);
  });

  it("fixture cases and explain: the same leads give the same results", async () => {
    const results = baseline
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    const leads = JSON.parse(`[${toNdjson(ROWS).trim().split("\n").join(",")}]`) as Array<
      Record<string, unknown>
    >;
    const cases = leads.map((lead, i) => {
      const { Converted: _outcome, ...fields } = lead;
      return {
        name: `lead ${String(fields.id)}`,
        lead: fields,
        expect: { score: results[i].score, grade: results[i].grade, bucket: results[i].bucket },
      };
    });
    write("fixtures/export.test.yaml", stringify({ as_of: AS_OF, cases }));
    const test = await runLeadscore(
      [
        "test",
        "fixtures/export.test.yaml",
        "--rules",
        "rules",
        "--epoch",
        "ms",
        "--missing-values",
        "Select",
      ],
      dir,
    );
    expect(test.stdout.trim().split("\n").at(-1)).toBe(`${ROWS.length} passed, 0 failed`);
    expect(test.code).toBe(0);

    for (const i of [0, 7, 42]) {
      write(`lead-${i}.yaml`, stringify({ as_of: AS_OF, lead: cases[i]!.lead }));
      const explain = await runLeadscore(
        [
          "explain",
          "--rules",
          "rules",
          "--lead",
          `lead-${i}.yaml`,
          "--epoch",
          "ms",
          "--missing-values",
          "Select",
          "--json",
        ],
        dir,
      );
      expect(explain.code).toBe(0);
      expect(JSON.parse(explain.stdout)).toEqual(results[i]);
    }
  });

  it("diff on the CSV with human headers moves exactly the leads two score runs move", async () => {
    const project = mkdtempSync(path.join(tmpdir(), "leadscore-crm-diff-"));
    const put = (name: string, text: string) => {
      mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
      writeFileSync(path.join(project, name), text);
    };
    put("old-rules/crm.score", CRM_RULES);
    const changed = CRM_RULES.replace('= "Lead Add Form" add 40', '= "Lead Add Form" add 25');
    put("rules/crm.score", changed);
    put("data/export.csv", toCsv(ROWS, { delimiter: ";", eol: "\r\n", bom: true }));
    put(
      "leadscore.yaml",
      [
        "rules: rules",
        "fixtures: [rules/**/*.test.yaml]",
        `as_of: ${AS_OF}`,
        "population:",
        "  - leads: data/export.csv",
        '    columns: {"Prospect ID": id}',
        "    missing_values: [Select]",
        "",
      ].join("\n"),
    );
    const diff = await runLeadscore(["diff", "--base-dir", "old-rules", "--format", "json"], project);
    expect(diff.stderr).toBe("");
    expect(diff.code).toBe(0);
    const report = JSON.parse(diff.stdout) as {
      summary: { leads: number };
      moved: Array<{ id: string }>;
      population: { rejected: number };
    };
    expect(report.summary.leads).toBe(ROWS.length);
    expect(report.population.rejected).toBe(0);

    // The same file through `score`, under each side, with the options leadscore.yaml gives it.
    const bucketsUnder = async (rules: string) => {
      const run = await runLeadscore(
        ["score", "--rules", rules, "--leads", "data/export.csv", "--as-of", AS_OF],
        project,
      );
      expect(run.code).toBe(0);
      return run.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { id: string; bucket: string | null; excluded: string | null });
    };
    const before = await bucketsUnder("old-rules");
    const after = await bucketsUnder("rules");
    const moved = before
      .filter((lead, i) => lead.bucket !== after[i]!.bucket || lead.excluded !== after[i]!.excluded)
      .map((lead) => lead.id)
      .sort();
    expect(moved.length).toBeGreaterThan(0);
    expect(report.moved.map((lead) => lead.id).sort()).toEqual(moved);
  });
});

describe("every problem of a real export is said, never silent", () => {
  it("a delimiter at the end of every line: one error about the header, exit 2", async () => {
    const file = write("trailing.csv", toCsv(ROWS, { delimiter: ",", eol: "\n", trailingDelimiter: true }));
    const run = await score(file);
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toBe(
      "leadscore: cannot read `trailing.csv`: the header column 10 has no name (a delimiter at the end of the header line?)\n",
    );
  });

  it("two columns for one field, a mapping to no field, an unknown outcome column: exit 2, each named", async () => {
    const twice = toCsv(ROWS.slice(0, 2), { delimiter: ",", eol: "\n" }).replace(
      "Specialization",
      "Lead origin",
    );
    const run = await score(write("twice.csv", twice));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'leadscore: cannot read `twice.csv`: columns `Lead Origin` (2) and `Lead origin` (5) would both fill `lead_origin`; say which with --columns "Lead Origin=lead_origin"\n',
    );
    const mapping = await runLeadscore(
      [
        "score",
        "--rules",
        "rules",
        "--leads",
        "export.csv",
        "--columns",
        "Prospect ID=idd",
        "--as-of",
        AS_OF,
      ],
      dir,
    );
    expect(mapping.code).toBe(2);
    expect(mapping.stderr).toContain(
      "the mapping sends `Prospect ID` to `idd`, which is no lead field: did you mean `id`?",
    );
    const outcome = await score("export.csv", "--outcome", "Convertd");
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toBe(
      "leadscore: cannot read `export.csv`: the outcome column `Convertd` is no column of the file (did you mean `Converted`?)\n",
    );
  });

  it("epoch numbers without a unit: every record rejected with the reason, and the run fails saying why", async () => {
    const dated = ROWS.filter((row) => row.lastActivity !== null);
    const file = write("epoch.csv", toCsv(dated, { delimiter: ",", eol: "\n", epoch: "s" }));
    const run = await score(file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`: 0 scored, ${dated.length} rejected`);
    expect(run.stderr).toContain(
      `no lead could be scored: every record was rejected (the first because lead.last_activity_at: \`${dated[0]!.lastActivity! / 1000}\` is a number, and the unit of epoch timestamps is not declared: write ISO-8601, or declare it with --epoch s|ms (epoch: in leadscore.yaml))`,
    );
  });

  it("with an outcome column and nothing scored, the summary shows no conversion table", async () => {
    const dated = ROWS.filter((row) => row.lastActivity !== null);
    const file = write("epoch-outcome.csv", toCsv(dated, { delimiter: ",", eol: "\n", epoch: "s" }));
    const run = await score(file, "--outcome", "Converted");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("no lead could be scored: every record was rejected");
    expect(run.stderr).not.toContain("conversion");
    expect(run.stderr).not.toContain("by bucket");
  });

  it("an optional field no column feeds is a warning; --verbose prints the mapping", async () => {
    const text = toCsv(ROWS.slice(0, 3), { delimiter: ",", eol: "\n" }).replace("TotalVisits", "Visits");
    const run = await score(write("no-visits.csv", text), "--verbose");
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n").slice(0, 14)).toEqual([
      "3 leads read from no-visits.csv: 3 scored, 0 rejected (as of 2026-11-01T00:00:00Z)",
      '  columns (delimiter ","):',
      "    id ← Prospect ID (mapped)",
      "    lead_origin ← Lead Origin (by its words)",
      "    lead_source ← Lead Source (by its words)",
      "    total_visits ← (no column)",
      "    specialization ← Specialization (by its words)",
      "    do_not_email ← Do Not Email (by its words)",
      "    last_activity_at ← Last Activity At (by its words)",
      "    notes ← Notes (by its words)",
      "    outcome ← Converted",
      "    not used: Visits",
      "  warning: no column for the optional field `total_visits`: it is missing for every lead (closest columns: `Visits`)",
      expect.stringMatching(/^ {2}buckets: /),
    ]);
  });

  it("NDJSON keys that are no field are counted with a suggestion; --strict-keys rejects them", async () => {
    const text = toNdjson(ROWS.slice(0, 4)).replace(/"notes"/g, '"note"');
    const file = write("keys.ndjson", text);
    const run = await score(file, "--epoch", "ms");
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      "  warning: keys that are no lead field, ignored: `note` in 4 records (did you mean `notes`?) (--strict-keys rejects such records)\n",
    );
    const strict = await score(file, "--epoch", "ms", "--strict-keys");
    expect(strict.stderr).toContain("lead.note: no such lead field (did you mean `notes`?)");
  });
});
