/**
 * `leadscore tune` on the bundled example data, whose outcome follows a known model that the reference
 * rules only roughly match (examples/README.md): fitted points rank better on held-out leads, and the
 * change is a reviewable diff of points alone.
 */
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { PROJECT_ROOT } from "../support/paths.js";
import { runLeadscore, type CliRun } from "../support/run-cli.js";

const TIMEOUT_MS = 60_000;
const ARGS = [
  "tune",
  "--rules",
  "rules",
  "--leads",
  "examples/data/leads.csv",
  "--events",
  "examples/data/events.ndjson",
  "--as-of",
  "2026-11-01T00:00:00Z",
  "--outcome",
  "converted",
];

let diffRun: CliRun;
beforeAll(async () => {
  diffRun = await runLeadscore(ARGS, PROJECT_ROOT);
}, TIMEOUT_MS);

describe("leadscore tune on the example data", () => {
  test("improves the 5-fold cross-validated AUC", () => {
    expect(diffRun.code).toBe(0);
    const lines = diffRun.stderr.split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "tune: 916 leads measured against `converted` (294 converted), 36 rules; L2 penalty 1",
      "  5-fold cross-validated AUC: 0.8129 → 0.8326 (+0.0197)",
      "  in-sample AUC: 0.8115 → 0.8595",
    ]);
    expect(diffRun.stderr).toContain(
      "    when title contains any [student, intern] subtract 30                                  fires for no lead: kept",
    );
  });

  test("prints a diff that changes points only", () => {
    const changed = diffRun.stdout.split("\n").filter((line) => /^[-+] /.test(line));
    expect(changed.length).toBeGreaterThan(0);
    const withoutPoints = (line: string) =>
      line
        .slice(1)
        .replace(/\b(add|subtract) \d+/, "POINTS")
        .replace(/max \d+/, "max M");
    const removed = changed.filter((line) => line.startsWith("-")).map(withoutPoints);
    const added = changed.filter((line) => line.startsWith("+")).map(withoutPoints);
    expect(added).toEqual(removed);
  });

  test(
    "--write rewrites the files to what the diff shows; the result checks, is formatted, and scores better",
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "leadscore-tune-"));
      cpSync(path.join(PROJECT_ROOT, "rules"), path.join(dir, "rules"), { recursive: true });
      cpSync(path.join(PROJECT_ROOT, "examples/data"), path.join(dir, "examples/data"), { recursive: true });
      const written = await runLeadscore([...ARGS, "--write"], dir);
      expect(written.code).toBe(0);
      expect(written.stdout).toBe("");
      expect(written.stderr).toContain("rewrote 3 files (34 rules)");
      const smb = readFileSync(path.join(dir, "rules/smb.score"), "utf8");
      expect(smb.split("\n")[0]).toBe(
        "# Everyone else: founders and managers at small and mid-size teams. No condition: the default model.",
      );
      expect((await runLeadscore(["check", "--strict", "rules"], dir)).code).toBe(0);
      expect((await runLeadscore(["fmt", "--check", "rules"], dir)).code).toBe(0);
      const report = async (cwd: string) => {
        const run = await runLeadscore(["report", ...ARGS.slice(1), "--format", "json"], cwd);
        return (JSON.parse(run.stdout) as { ranking: { auc: number } }).ranking.auc;
      };
      expect(await report(PROJECT_ROOT)).toBe(0.806);
      expect(await report(dir)).toBe(0.845);
    },
    TIMEOUT_MS,
  );

  test("refuses what it cannot do", async () => {
    const folds = await runLeadscore([...ARGS, "--folds", "1"], PROJECT_ROOT);
    expect(folds.code).toBe(2);
    expect(folds.stderr).toContain("--folds takes a whole number from 2 to 20, not `1`");
    const artifact = await runLeadscore(
      ["tune", "--rules", "x.json", "--leads", "l.csv", "--outcome", "c"],
      PROJECT_ROOT,
    );
    expect(artifact.code).toBe(2);
    expect(artifact.stderr).toContain("give --rules a rules directory, not a compiled artifact");
  });
});
