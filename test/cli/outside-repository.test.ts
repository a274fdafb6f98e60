import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import { OutsideRepositoryError } from "../../src/compile/confined-files.js";
import { RULES_DIR } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";

const EXTRA_MODEL =
  'model extra "Linked in" when employees >= 100000 {\n  fit {\n    when country = US add 1\n  }\n}\n';
const LEADS = "id,email,title,employees,country,industry,stage,is_partner,annual_revenue\n";

/**
 * A repository (`repo/`, with a `.git` marker and the reference rules) beside a directory outside it
 * (`outside/`, holding what a pull request should never reach), inside one temporary directory.
 */
function repositoryBesideOutside(config: string | null | ((outside: string) => string)): {
  repo: string;
  outside: string;
} {
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), "leadscore-outside-")));
  const repo = path.join(base, "repo");
  const outside = path.join(base, "outside");
  mkdirSync(path.join(repo, ".git"), { recursive: true });
  cpSync(RULES_DIR, path.join(repo, "rules"), { recursive: true });
  mkdirSync(path.join(outside, "rules"), { recursive: true });
  cpSync(RULES_DIR, path.join(outside, "rules"), { recursive: true });
  writeFileSync(path.join(outside, "extra.score"), EXTRA_MODEL);
  writeFileSync(path.join(outside, "leads.csv"), LEADS);
  writeFileSync(path.join(outside, "secret.test.yaml"), "leads: []\n");
  const text = typeof config === "function" ? config(outside) : config;
  if (text !== null) writeFileSync(path.join(repo, "leadscore.yaml"), text);
  return { repo, outside };
}

const hint = ": not read (--allow-outside-repo allows it)\n";

describe("issue 9 item 3: paths from leadscore.yaml stay inside the repository", () => {
  test("a `..` rules directory is refused, naming the key and the path (exit 2)", async () => {
    const { repo } = repositoryBesideOutside("rules: ../outside/rules\n");
    const run = await runLeadscore(["check"], repo);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: `leadscore: leadscore.yaml: \`rules\` names \`../outside/rules\`, outside the repository (\`${repo}\`)${hint}`,
    });
  });

  test("an absolute population path is refused before anything is read", async () => {
    const { repo, outside } = repositoryBesideOutside(
      (outside) => `population:\n  - leads: ${path.join(outside, "leads.csv")}\n`,
    );
    const run = await runLeadscore(["test"], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `leadscore: leadscore.yaml: \`population[0].leads\` names \`${path.join(outside, "leads.csv")}\`, outside the repository (\`${repo}\`)${hint}`,
    );
  });

  test("a population path through a symbolic link is checked on its real path", async () => {
    const { repo, outside } = repositoryBesideOutside(
      "population:\n  - leads: rules/tests/leads.csv\n    events: data/events.ndjson\n",
    );
    writeFileSync(path.join(repo, "rules/tests/leads.csv"), LEADS);
    symlinkSync(outside, path.join(repo, "data"));
    const run = await runLeadscore(["test"], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `leadscore: leadscore.yaml: \`population[0].events\` names \`data/events.ndjson\` (its real path is \`${path.join(outside, "events.ndjson")}\`), outside the repository (\`${repo}\`)${hint}`,
    );
  });

  test("a fixture glob leading out of the repository is refused", async () => {
    const { repo } = repositoryBesideOutside(
      "fixtures:\n  - rules/**/*.test.yaml\n  - ../outside/*.test.yaml\n",
    );
    const run = await runLeadscore(["test"], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `leadscore: leadscore.yaml: \`fixtures[1]\` names \`../outside/*.test.yaml\`, outside the repository (\`${repo}\`)${hint}`,
    );
  });

  test("a fixture file that links out of the repository is refused, not read", async () => {
    const { repo, outside } = repositoryBesideOutside(null);
    symlinkSync(path.join(outside, "secret.test.yaml"), path.join(repo, "rules/tests/secret.test.yaml"));
    const run = await runLeadscore(["test"], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `leadscore: \`rules/tests/secret.test.yaml\` is a symbolic link to \`${path.join(outside, "secret.test.yaml")}\`, outside the repository (\`${repo}\`)${hint}`,
    );
  });

  test("only the command line can allow paths outside the repository", async () => {
    const { repo } = repositoryBesideOutside("rules: ../outside/rules\n");
    const allowed = await runLeadscore(["check", "--allow-outside-repo"], repo);
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain("../outside/rules: 0 errors");
    // The configuration cannot allow it: an unknown key is a configuration error.
    writeFileSync(path.join(repo, "leadscore.yaml"), "rules: ../outside/rules\nallow_outside_repo: true\n");
    expect((await runLeadscore(["check"], repo)).code).toBe(2);
  });

  test("paths inside the repository, also through an inside link, are read as before", async () => {
    const { repo } = repositoryBesideOutside("rules: linked-rules\n");
    symlinkSync(path.join(repo, "rules"), path.join(repo, "linked-rules"));
    const run = await runLeadscore(["check"], repo);
    expect(run.code).toBe(0);
  });
});

describe("issue 9 item 4: symbolic links among .score files", () => {
  test("a linked .score file inside the repository is followed: its model is compiled", async () => {
    const { repo } = repositoryBesideOutside(null);
    mkdirSync(path.join(repo, "shared"));
    writeFileSync(path.join(repo, "shared/extra.score"), EXTRA_MODEL);
    symlinkSync(path.join(repo, "shared/extra.score"), path.join(repo, "rules/extra.score"));
    const run = await runLeadscore(["compile", "-o", "ruleset.json"], repo);
    expect(run.code).toBe(0);
    const artifact = JSON.parse(readFileSync(path.join(repo, "ruleset.json"), "utf8")) as {
      models: Array<{ name: string }>;
    };
    expect(artifact.models.map((model) => model.name)).toContain("extra");
  });

  test("a linked .score file outside the repository is an error, never a silent skip", async () => {
    const { repo, outside } = repositoryBesideOutside(null);
    symlinkSync(path.join(outside, "extra.score"), path.join(repo, "rules/extra.score"));
    for (const command of [["check"], ["compile", "-o", "ruleset.json"], ["fmt", "--check"], ["test"]]) {
      const run = await runLeadscore(command, repo);
      expect({ command, code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
        command,
        code: 2,
        stdout: "",
        stderr: `leadscore: \`rules/extra.score\` is a symbolic link to \`${path.join(outside, "extra.score")}\`, outside the repository (\`${repo}\`)${hint}`,
      });
    }
    const allowed = await runLeadscore(["compile", "-o", "ruleset.json", "--allow-outside-repo"], repo);
    expect(allowed.code).toBe(0);
    expect(readFileSync(path.join(repo, "ruleset.json"), "utf8")).toContain('"name": "extra"');
  });

  test("a broken link named .score is an error: a model never vanishes silently", async () => {
    const { repo } = repositoryBesideOutside(null);
    symlinkSync(path.join(repo, "gone.score"), path.join(repo, "rules/ghost.score"));
    const run = await runLeadscore(["check"], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `leadscore: \`rules/ghost.score\` is a symbolic link to a file that does not exist${hint}`,
    );
  });

  test("linked directories are followed inside the repository, and a link cycle ends", async () => {
    const { repo } = repositoryBesideOutside(null);
    mkdirSync(path.join(repo, "shared"));
    writeFileSync(path.join(repo, "shared/extra.score"), EXTRA_MODEL);
    symlinkSync(path.join(repo, "shared"), path.join(repo, "rules/shared"));
    symlinkSync(path.join(repo, "rules"), path.join(repo, "rules/loop"));
    const run = await runLeadscore(["check", "--json"], repo);
    expect(run.code).toBe(0);
    const compiled = await compileDirectory(path.join(repo, "rules"), {
      displayPrefix: "rules",
      within: repo,
    });
    expect(compiled.sources.map((source) => source.path)).toEqual([
      "rules/customers.score",
      "rules/enterprise.score",
      "rules/routing.score",
      "rules/schema.score",
      "rules/shared/extra.score",
      "rules/smb.score",
    ]);
  });

  test("the library confines links to the rules directory unless told otherwise", async () => {
    const { repo, outside } = repositoryBesideOutside(null);
    symlinkSync(path.join(outside, "extra.score"), path.join(repo, "rules/extra.score"));
    await expect(compileDirectory(path.join(repo, "rules"))).rejects.toThrow(OutsideRepositoryError);
    const anywhere = await compileDirectory(path.join(repo, "rules"), { within: null });
    expect(anywhere.artifact?.models.map((model) => model.name)).toContain("extra");
  });
});
