import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { buildProgram } from "../../src/cli/program.js";
import { PROJECT_ROOT } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";

const has = (shell: string) => spawnSync(shell, ["-c", "true"]).status === 0;

async function script(shell: string): Promise<string> {
  const run = await runLeadscore(["completion", shell], PROJECT_ROOT);
  expect(run.code).toBe(0);
  return run.stdout;
}

/** A directory to complete paths in: a rules folder and a leads file. */
function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "leadscore-completion-"));
  mkdirSync(path.join(dir, "rules"));
  writeFileSync(path.join(dir, "leads.csv"), "id\n");
  return dir;
}

describe("completion scripts", () => {
  // The scripts are made from the program, so they are checked by what they complete (below) rather than
  // against a golden copy that every new option would make stale.
  test.each(["bash", "zsh", "fish"])(
    "%s: every command and every option of the program is in it",
    async (shell) => {
      const text = await script(shell);
      const program = buildProgram(
        { stdout: () => {}, stderr: () => {}, isTTY: false, cwd: PROJECT_ROOT },
        () => {},
      );
      for (const command of program.commands) {
        expect(text).toContain(command.name());
        for (const option of command.options) {
          const long = option.long!;
          expect(text).toContain(shell === "fish" ? `-l ${long.slice(2)}` : long);
        }
      }
    },
  );

  test("an unknown shell is bad usage", async () => {
    const run = await runLeadscore(["completion", "tcsh"], PROJECT_ROOT);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Allowed choices are bash, zsh, fish.");
  });
});

describe.skipIf(!has("bash"))("bash completes", () => {
  /** What bash offers for the line, the cursor at its end (`""` as the last word: a new word). */
  async function complete(words: string[]): Promise<string[]> {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "leadscore-completion-")), "leadscore.bash");
    writeFileSync(file, await script("bash"));
    const array = words.map((word) => `'${word}'`).join(" ");
    const run = spawnSync(
      "bash",
      [
        "-c",
        `source '${file}'; COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _leadscore; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ],
      { cwd: workspace(), encoding: "utf8" },
    );
    expect(run.stderr).toBe("");
    return run.stdout.split("\n").filter(Boolean).sort();
  }

  test("command names, subcommands, options, option values and paths", async () => {
    expect(await complete(["leadscore", "co"])).toEqual(["compile", "completion"]);
    expect(await complete(["leadscore", "fixture", ""])).toEqual(["add", "suggest"]);
    expect(await complete(["leadscore", "check", "--s"])).toEqual(["--strict"]);
    expect(await complete(["leadscore", "sql", "--dialect", ""])).toEqual([
      "bigquery",
      "duckdb",
      "postgres",
      "snowflake",
    ]);
    expect(await complete(["leadscore", "diff", "--format", "m"])).toEqual(["markdown"]);
    expect(await complete(["leadscore", "test", "--reporter", ""])).toEqual(["json", "junit", "text"]);
    expect(await complete(["leadscore", "score", "--leads-format", ""])).toEqual(["csv", "ndjson"]);
    expect(await complete(["leadscore", "--color", "always", "check", "--format", ""])).toEqual([
      "github",
      "text",
    ]);
    expect(await complete(["leadscore", "check", "--color", "n"])).toEqual(["never"]);
    expect(await complete(["leadscore", "score", "--leads", "le"])).toEqual(["leads.csv"]);
    expect(await complete(["leadscore", "check", "r"])).toEqual(["rules"]);
    expect(await complete(["leadscore", "score", "--as-of", ""])).toEqual([]);
    expect(await complete(["leadscore", "completion", ""])).toEqual(["bash", "fish", "zsh"]);
  });
});

describe.skipIf(!has("fish"))("fish completes", () => {
  async function complete(line: string): Promise<string[]> {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "leadscore-completion-")), "leadscore.fish");
    writeFileSync(file, await script("fish"));
    const run = spawnSync("fish", ["--no-config", "-c", `source '${file}'; complete -C '${line}'`], {
      cwd: workspace(),
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    return run.stdout
      .split("\n")
      .filter(Boolean)
      .map((entry) => entry.split("\t")[0]!)
      .sort();
  }

  test("command names, options, option values and paths", async () => {
    expect(await complete("leadscore co")).toEqual(["compile", "completion"]);
    expect(await complete("leadscore fixture ")).toEqual(["add", "suggest"]);
    expect(await complete("leadscore sql --dialect ")).toEqual([
      "bigquery",
      "duckdb",
      "postgres",
      "snowflake",
    ]);
    expect(await complete("leadscore check --st")).toEqual(["--strict"]);
    expect(await complete("leadscore score --leads le")).toEqual(["leads.csv"]);
    expect(await complete("leadscore check r")).toEqual(["rules/"]);
    expect(await complete("leadscore completion ")).toEqual(["bash", "fish", "zsh"]);
  });
});

describe.skipIf(!has("zsh"))("zsh", () => {
  test("the script parses, and defines the completion function when sourced", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "leadscore-completion-")), "_leadscore");
    writeFileSync(file, await script("zsh"));
    expect(spawnSync("zsh", ["-n", file]).status).toBe(0);
    const run = spawnSync(
      "zsh",
      [
        "-f",
        "-c",
        `autoload -Uz compinit && compinit -u -D; source '${file}'; whence -w _leadscore; print -r -- $_comps[leadscore]`,
      ],
      { encoding: "utf8" },
    );
    expect(run.stdout).toBe("_leadscore: function\n_leadscore\n");
  });
});
