import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { initProject } from "../../src/init/scaffold.js";
import {
  LEADSCORE_VERSION,
  TEMPLATES_DIR,
  VERSION_PLACEHOLDER,
  scaffoldFiles,
  targetPathOf,
} from "../../src/init/templates.js";
import { PROJECT_ROOT } from "../support/paths.js";

const SCAFFOLD_PATHS = [
  ".github/CODEOWNERS",
  ".github/workflows/leadscore.yml",
  ".gitignore",
  "README.md",
  "leadscore.yaml",
  "population/events.ndjson",
  "population/leads.csv",
  "rules/model.score",
  "rules/routing.score",
  "rules/schema.score",
  "rules/tests/example.test.yaml",
];

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "leadscore-init-"));
}

/** Every file below `dir`, as sorted posix paths. */
function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

describe("scaffold files", () => {
  test("are the files of a rules repository, in path order", async () => {
    const files = await scaffoldFiles();
    expect(files.map((file) => file.path)).toEqual(SCAFFOLD_PATHS);
  });

  test("store .gitignore and .github without their dot, so that npm packs them", () => {
    expect(targetPathOf("gitignore")).toBe(".gitignore");
    expect(targetPathOf("github/CODEOWNERS")).toBe(".github/CODEOWNERS");
    expect(targetPathOf("github/workflows/leadscore.yml")).toBe(".github/workflows/leadscore.yml");
    expect(targetPathOf("githubby.md")).toBe("githubby.md");
    expect(targetPathOf("rules/gitignore")).toBe("rules/gitignore");
    expect(
      listTree(TEMPLATES_DIR).filter((file) => file.split("/").some((part) => part.startsWith("."))),
    ).toEqual([]);
  });

  test("name this package's version, in the workflow's one constant and the README", async () => {
    expect(LEADSCORE_VERSION).toBe(
      (JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string })
        .version,
    );
    const files = await scaffoldFiles("9.8.7");
    for (const file of files) expect(file.text, file.path).not.toContain(VERSION_PLACEHOLDER);
    const workflow = files.find((file) => file.path === ".github/workflows/leadscore.yml")!.text;
    expect(workflow.match(/9\.8\.7/g)).toEqual(["9.8.7"]);
    expect(workflow).toContain('  LEADSCORE_VERSION: "9.8.7"\n');
    expect(workflow).toContain('"leadscore@${LEADSCORE_VERSION}"');
    const readme = files.find((file) => file.path === "README.md")!.text;
    expect(readme).toContain("npx leadscore@9.8.7 check");
  });

  test("end every text file with exactly one line break", async () => {
    for (const file of await scaffoldFiles()) {
      expect(file.text.endsWith("\n") && !file.text.endsWith("\n\n"), file.path).toBe(true);
      expect(file.text, file.path).not.toContain("\r");
    }
  });
});

describe("initProject", () => {
  test("creates a missing directory, parents included, and writes every file", async () => {
    const dir = path.join(tempDir(), "deep", "rules-repo");
    const outcome = await initProject(dir, { force: false });
    expect(outcome).toEqual({
      kind: "created",
      files: SCAFFOLD_PATHS.map((file) => ({ path: file, overwritten: false })),
    });
    expect(listTree(dir)).toEqual(SCAFFOLD_PATHS);
    const expected = await scaffoldFiles();
    for (const file of expected) expect(await readFile(path.join(dir, file.path), "utf8")).toBe(file.text);
  });

  test("writes into an existing directory and leaves its other files alone", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "notes.txt"), "keep me\n");
    const outcome = await initProject(dir, { force: false });
    expect(outcome.kind).toBe("created");
    expect(listTree(dir)).toEqual([...SCAFFOLD_PATHS, "notes.txt"].sort());
    expect(readFileSync(path.join(dir, "notes.txt"), "utf8")).toBe("keep me\n");
  });

  test("refuses to overwrite, lists every file in the way and writes nothing", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "rules"));
    writeFileSync(path.join(dir, "rules", "model.score"), "# mine\n");
    writeFileSync(path.join(dir, "README.md"), "# mine\n");
    const outcome = await initProject(dir, { force: false });
    expect(outcome).toEqual({ kind: "files-exist", existing: ["README.md", "rules/model.score"] });
    expect(listTree(dir)).toEqual(["README.md", "rules/model.score"]);
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toBe("# mine\n");
  });

  test("overwrites with force and says which files it replaced", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "leadscore.yaml"), "rules: mine\n");
    const outcome = await initProject(dir, { force: true });
    expect(outcome).toEqual({
      kind: "created",
      files: SCAFFOLD_PATHS.map((file) => ({ path: file, overwritten: file === "leadscore.yaml" })),
    });
    const expected = (await scaffoldFiles()).find((file) => file.path === "leadscore.yaml")!.text;
    expect(readFileSync(path.join(dir, "leadscore.yaml"), "utf8")).toBe(expected);
  });

  test("refuses a target that is a file", async () => {
    const file = path.join(tempDir(), "taken");
    writeFileSync(file, "");
    expect(await initProject(file, { force: true })).toEqual({ kind: "not-a-directory" });
  });

  test("reports the file it could not write, and the files written before it", async () => {
    const dir = tempDir();
    // A file where the scaffold needs a directory: nothing is "in the way" by name, but rules/ cannot be made.
    writeFileSync(path.join(dir, "rules"), "");
    const outcome = await initProject(dir, { force: false });
    expect(outcome).toMatchObject({ kind: "write-failed", path: "rules/model.score" });
    expect(outcome.kind === "write-failed" && outcome.written.map((file) => file.path)).toEqual(
      SCAFFOLD_PATHS.slice(0, SCAFFOLD_PATHS.indexOf("rules/model.score")),
    );
  });
});
