/** `leadscore profile` on a population small enough to check by hand. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { informationValue, weightOfEvidence } from "../../src/report/profile/information-value.js";
import { runLeadscore } from "../support/run-cli.js";

describe("weight of evidence and information value", () => {
  test("are computed with half a lead added to each count", () => {
    // 10 leads, 4 converted. Group: 3 of 4 converted. WoE = ln((3.5/4.5) / (1.5/6.5)).
    const total = { leads: 10, converted: 4 };
    expect(weightOfEvidence({ leads: 4, converted: 3 }, total)).toBe(Math.log(3.5 / 4.5 / (1.5 / 6.5)));
    // Two groups (3 of 4, 1 of 6): IV = (3/4 − 1/6)·WoE₁ + (1/4 − 5/6)·WoE₂.
    const woe1 = Math.log(3.5 / 4.5 / (1.5 / 6.5));
    const woe2 = Math.log(1.5 / 4.5 / (5.5 / 6.5));
    const iv = informationValue(
      [
        { leads: 4, converted: 3 },
        { leads: 6, converted: 1 },
      ],
      total,
    )!;
    expect(iv).toBeCloseTo((3 / 4 - 1 / 6) * woe1 + (1 / 4 - 5 / 6) * woe2, 12);
    expect(weightOfEvidence({ leads: 1, converted: 1 }, { leads: 3, converted: 0 })).toBeNull();
  });
});

describe("leadscore profile", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "leadscore-profile-"));
    const rows = ["Prospect ID,Lead Origin,Visits,Converted"];
    // 40 leads: "Lead Add Form" converts 18 of 20, "Landing Page" 2 of 20; visits 1..40.
    for (let i = 1; i <= 40; i++) {
      const form = i <= 20;
      const converted = form ? i <= 18 : i <= 22;
      rows.push(`P${i},${form ? "Lead Add Form" : "Landing Page"},${i},${converted ? "Yes" : "No"}`);
    }
    rows.push("P41,Select,,maybe");
    writeFileSync(path.join(dir, "leads.csv"), `${rows.join("\n")}\n`);
  });

  test("ranks the columns, shows each value and suggests a rule for the strongest", async () => {
    const run = await runLeadscore(
      ["profile", "--leads", "leads.csv", "--outcome", "Converted", "--json"],
      dir,
    );
    expect(run.code).toBe(0);
    const profile = JSON.parse(run.stdout);
    expect(profile).toMatchObject({ leads: 40, converted: 20, baseRate: 0.5, withoutOutcome: 1 });
    // Visits separate best: converters are leads 1–18 and 21–22, so the top two bins hold only converters.
    expect(profile.columns.map((c: { column: string }) => c.column)).toEqual([
      "Visits",
      "Lead Origin",
      "Prospect ID",
    ]);
    const origin = profile.columns[1];
    // WoE of "Lead Add Form": ln((18.5/20.5) / (2.5/20.5)) = ln 7.4 = 2.0015; 10 points per unit: 20.
    expect(origin.groups[0]).toEqual({
      group: "Landing Page",
      leads: 20,
      converted: 2,
      rate: 0.1,
      lift: 0.2,
      woe: -2.0015,
    });
    expect(origin.suggestion).toBe('when lead_origin = "Lead Add Form" add 20');
    // Visits 1..40 in five bins of eight.
    expect(profile.columns[0].groups.map((g: { group: string }) => g.group)).toEqual([
      "1 to 8",
      "9 to 16",
      "17 to 24",
      "25 to 32",
      "33 to 40",
    ]);
    const text = await runLeadscore(["profile", "--leads", "leads.csv", "--outcome", "Converted"], dir);
    expect(text.stdout).toContain('  suggested rule: when lead_origin = "Lead Add Form" add 20\n');
  });

  test("an outcome column that no lead has is a usage error", async () => {
    const run = await runLeadscore(["profile", "--leads", "leads.csv", "--outcome", "Won"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "has the outcome column `Won` (columns: Prospect ID, Lead Origin, Visits, Converted)",
    );
  });

  test("reads the outcome with the values leadscore.yaml configures for the column", async () => {
    const project = mkdtempSync(path.join(tmpdir(), "leadscore-profile-config-"));
    const rows = [
      "Prospect ID,Lead Origin,Stage",
      "P1,Form,Closed Won",
      "P2,Form,Closed Lost",
      "P3,Page,Open",
    ];
    writeFileSync(path.join(project, "leads.csv"), `${rows.join("\n")}\n`);
    writeFileSync(
      path.join(project, "leadscore.yaml"),
      "population:\n  - leads: leads.csv\n    outcome: {column: Stage, converted: [Closed Won], not_converted: [Closed Lost]}\n",
    );
    const run = await runLeadscore(
      ["profile", "--leads", "leads.csv", "--outcome", "Stage", "--json"],
      project,
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ leads: 2, converted: 1, withoutOutcome: 1 });
  });
  test("reads the file with the delimiter leadscore.yaml names, as every other command does", async () => {
    const project = mkdtempSync(path.join(tmpdir(), "leadscore-profile-delimiter-"));
    // Detection alone would split on `;` (two of them in the header, as many as `|`).
    const rows = ["Prospect ID|Origin; Source; Detail|Converted", "P1|Form; a; b|1", "P2|Page; c; d|0"];
    writeFileSync(path.join(project, "leads.csv"), `${rows.join("\n")}\n`);
    writeFileSync(path.join(project, "leadscore.yaml"), 'input:\n  delimiter: "|"\n');
    const run = await runLeadscore(
      ["profile", "--leads", "leads.csv", "--outcome", "Converted", "--json"],
      project,
    );
    expect(run.code).toBe(0);
    const profile = JSON.parse(run.stdout);
    expect(profile).toMatchObject({ leads: 2, converted: 1, withoutOutcome: 0 });
    expect(profile.columns.map((c: { column: string }) => c.column)).toEqual([
      "Origin; Source; Detail",
      "Prospect ID",
    ]);
  });
});
