/**
 * The command as users run it: bundled by scripts/bundle-cli.ts (`npm run build`) into dist/cli/. Here it
 * is bundled into a temporary package that has package.json, schema/ and the init templates but no
 * node_modules, so every run proves the bundle needs nothing installed; its output must be the output
 * of the sources, byte for byte.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { bundleCli, type BundledCli } from "../../scripts/bundle-cli.js";
import { PROJECT_ROOT } from "../support/paths.js";
import { runLeadscore, type CliRun } from "../support/run-cli.js";
import { withoutOutputVariables } from "../support/terminal.js";

const TIMEOUT_MS = 60_000;
let packageDir = "";
let bundled: BundledCli;

beforeAll(async () => {
  packageDir = mkdtempSync(path.join(tmpdir(), "leadscore-bundle-"));
  for (const entry of ["package.json", "schema", "src"]) {
    symlinkSync(path.join(PROJECT_ROOT, entry), path.join(packageDir, entry));
  }
  bundled = await bundleCli(path.join(packageDir, "dist/cli"));
}, TIMEOUT_MS);

/**
 * The sources evaluated when the output built from `entry` is loaded: its own and those of every chunk it
 * imports statically (dynamic imports load only when a command runs).
 */
function loadedSources(entry: string): string[] {
  const { outputs } = bundled.metafile;
  const start = Object.keys(outputs).find((name) => outputs[name]!.entryPoint === entry);
  expect(start, entry).toBeDefined();
  const seen = new Set<string>();
  const pending = [start!];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const imported of outputs[name]!.imports) {
      if (imported.kind === "import-statement" && !imported.external) pending.push(imported.path);
    }
  }
  return [...seen].flatMap((name) => Object.keys(outputs[name]!.inputs)).sort();
}

function runBundled(argv: readonly string[], cwd: string): CliRun {
  // The in-process run reads no environment: the child gets none of the variables that change output
  // (GITHUB_ACTIONS adds annotations when the tests themselves run in GitHub Actions; colour variables).
  const run = spawnSync(process.execPath, [path.join(packageDir, "dist/cli/main.js"), ...argv], {
    cwd,
    env: withoutOutputVariables(process.env),
    encoding: "utf8",
  });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** The bundled command and the sources, run alike, give the same exit code and the same bytes. */
async function expectSameAsSources(argv: readonly string[], cwd = PROJECT_ROOT): Promise<CliRun> {
  const fromBundle = runBundled(argv, cwd);
  expect(fromBundle).toEqual(await runLeadscore(argv, cwd));
  return fromBundle;
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "leadscore-bundle-run-"));
}

describe("the bundled command", () => {
  test(
    "closed pipe (EPIPE): score | head stops at once, quietly, with the SIGPIPE status 141",
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), "leadscore-pipe-"));
      const rows = Array.from({ length: 100_000 }, (_, i) => `L${i},a${i}@b.com,CEO,lead`);
      writeFileSync(path.join(dir, "leads.csv"), ["id,email,title,stage", ...rows, ""].join("\n"));
      const main = path.join(packageDir, "dist/cli/main.js");
      const rules = path.join(PROJECT_ROOT, "rules");
      const script = `"$0" "${main}" score --rules "${rules}" --leads leads.csv --as-of 2026-11-01T00:00:00Z 2>stderr.txt | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`;
      const run = spawnSync("bash", ["-c", script, process.execPath], { cwd: dir, encoding: "utf8" });
      expect(run.stdout).toBe("141\n");
      expect(readFileSync(path.join(dir, "stderr.txt"), "utf8")).toBe("");
    },
    TIMEOUT_MS,
  );

  test("is main.js and chunks, all in one directory", () => {
    expect(bundled.files).toContain("main.js");
    expect(bundled.files.every((file) => file.endsWith(".js"))).toBe(true);
    expect(bundled.files.some((file) => file.startsWith("check-action-"))).toBe(true);
  });

  test("--version and --help load the command registrations and commander, nothing else", () => {
    const loaded = loadedSources("src/cli/main.ts");
    expect(loaded).toContain("src/cli/commands/check.ts");
    expect(
      loaded.filter((p) => p.startsWith("node_modules/") && !p.startsWith("node_modules/commander/")),
    ).toEqual([]);
    expect(
      loaded.filter((p) =>
        /^src\/(syntax|check|compile|project|git|fixtures|diff|init|diagnostics)\//.test(p),
      ),
    ).toEqual([]);
  });

  test("check loads the parser and the checker, not the configuration, ajv's compiler or the runtime", () => {
    const loaded = loadedSources("src/cli/commands/check-action.ts");
    expect(loaded).toContain("node_modules/chevrotain/lib/src/api.js");
    expect(loaded).toContain("src/check/check-program.ts");
    expect(
      loaded.filter((p) =>
        /^node_modules\/(yaml|ajv\/dist\/compile|diff)\/|^src\/(eval|io|batch|project|git|fixtures|diff|init)\//.test(
          p,
        ),
      ),
    ).toEqual([]);
  });

  test(
    "--version reads package.json and --help lists every command",
    async () => {
      const { version } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8"));
      expect(await expectSameAsSources(["--version"])).toEqual({
        code: 0,
        stdout: `${version}\n`,
        stderr: "",
      });
      await expectSameAsSources(["--help"]);
      await expectSameAsSources(["help", "score"]);
    },
    TIMEOUT_MS,
  );

  test(
    "checks the reference rules and a broken file",
    async () => {
      expect((await expectSameAsSources(["check", "rules"])).code).toBe(0);
      const cwd = tempDir();
      mkdirSync(path.join(cwd, "rules"));
      const broken = "model m {\n  fit {\n    when titel = CEO add 5\n  }\n}\n";
      writeFileSync(path.join(cwd, "rules", "m.score"), broken);
      expect((await expectSameAsSources(["check"], cwd)).code).toBe(1);
      expect((await expectSameAsSources(["check", "--json"], cwd)).code).toBe(1);
    },
    TIMEOUT_MS,
  );

  test(
    "compiles the reference rules to the reviewed artifact",
    async () => {
      const run = await expectSameAsSources(["compile", "rules"]);
      expect(run.stdout).toBe(
        readFileSync(path.join(PROJECT_ROOT, "test/golden/compile/acme.ruleset.json"), "utf8"),
      );
    },
    TIMEOUT_MS,
  );

  test(
    "formats, tests the fixtures and reports bad usage like the sources",
    async () => {
      await expectSameAsSources(["fmt", "--check", "rules"]);
      expect((await expectSameAsSources(["test", "--coverage"])).code).toBe(0);
      expect((await expectSameAsSources(["check", "nowhere"])).code).toBe(2);
      expect((await expectSameAsSources(["score"])).code).toBe(2);
    },
    TIMEOUT_MS,
  );

  test(
    "init writes the templates it finds next to the bundle",
    async () => {
      const fromBundle = tempDir();
      const fromSources = tempDir();
      const run = runBundled(["init", "repo"], fromBundle);
      expect(run).toEqual(await runLeadscore(["init", "repo"], fromSources));
      expect(run.code).toBe(0);
      const files = (dir: string) => readdirSync(path.join(dir, "repo"), { recursive: true }).sort();
      expect(files(fromBundle)).toEqual(files(fromSources));
    },
    TIMEOUT_MS,
  );

  test(
    "reads leadscore.yaml, and reports a bad one, like the sources",
    async () => {
      const repo = path.join(tempDir(), "repo");
      expect(runBundled(["init", repo], PROJECT_ROOT).code).toBe(0);
      expect((await expectSameAsSources(["check", "--strict"], repo)).code).toBe(0);
      expect((await expectSameAsSources(["test"], repo)).code).toBe(0);
      writeFileSync(path.join(repo, "leadscore.yaml"), "version: 1\nrule: rules\nas_of: yesterday\n");
      const run = await expectSameAsSources(["check"], repo);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("unknown key `rule`");
    },
    TIMEOUT_MS,
  );
});
