import { mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  listFilesAtCommit,
  openGitProject,
  readRulesAtRevision,
  resolveCommit,
} from "../../src/git/revision.js";
import { GIT_ENV, commitAll, createRepository, git, writeFiles } from "../support/git-helpers.js";

let repo: string;
let first: string;

beforeAll(() => {
  for (const [name, value] of Object.entries(GIT_ENV)) vi.stubEnv(name, value);
  repo = createRepository();
  writeFiles(repo, {
    "rules/a.score": "# a at first\n",
    "rules/sub/b.score": "# b\n",
    "rules/.drafts/c.score": "# hidden: not a rule file\n",
    "rules/node_modules/d.score": "# not a rule file\n",
    "rules/notes.txt": "not a rule file\n",
    "other/e.score": "# outside the rules directory\n",
    "project/rules/p.score": "# a project in a subdirectory\n",
  });
  first = commitAll(repo, "first");
  writeFiles(repo, { "rules/a.score": "# a, second commit\n" });
  commitAll(repo, "second");
  // Uncommitted work that reading a revision must neither see nor touch.
  writeFiles(repo, { "rules/a.score": "# a, being edited\n", "rules/new.score": "# not committed\n" });
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(repo, { recursive: true, force: true });
});

describe("readRulesAtRevision", () => {
  it("reads the .score files of the rules directory at a revision, with the display prefix", async () => {
    const result = await readRulesAtRevision(repo, "main", "rules", "rules");
    expect(result).toEqual({
      ok: true,
      value: {
        commit: git(repo, "rev-parse", "main").trim(),
        sources: [
          { path: "rules/a.score", text: "# a, second commit\n" },
          { path: "rules/sub/b.score", text: "# b\n" },
        ],
      },
    });
  });

  it("reads older revisions by any name git knows", async () => {
    for (const revision of ["HEAD~1", first, first.slice(0, 10)]) {
      const result = await readRulesAtRevision(repo, revision, "./rules/", "rules");
      expect(result.ok && result.value.sources[0]).toEqual({ path: "rules/a.score", text: "# a at first\n" });
    }
  });

  it("never touches the working tree or the index", async () => {
    const before = git(repo, "status", "--porcelain");
    await readRulesAtRevision(repo, "HEAD~1", "rules", "rules");
    expect(git(repo, "status", "--porcelain")).toBe(before);
    expect(before).toBe(" M rules/a.score\n?? rules/new.score\n");
    expect(readFileSync(path.join(repo, "rules/a.score"), "utf8")).toBe("# a, being edited\n");
  });

  it("reads a project that lives in a subdirectory of the repository", async () => {
    const result = await readRulesAtRevision(path.join(repo, "project"), "main", "rules", "rules");
    expect(result.ok && result.value.sources).toEqual([
      { path: "rules/p.score", text: "# a project in a subdirectory\n" },
    ]);
  });

  it("names the paths with another display prefix", async () => {
    const result = await readRulesAtRevision(repo, "main", "rules/sub", "shown");
    expect(result.ok && result.value.sources.map((s) => s.path)).toEqual(["shown/b.score"]);
  });

  it("says when the revision is unknown, or not a revision at all", async () => {
    expect(await readRulesAtRevision(repo, "no-such-branch", "rules", "rules")).toEqual({
      ok: false,
      error: "unknown revision `no-such-branch`: no such branch, tag or commit",
    });
    expect(await readRulesAtRevision(repo, "--output=x", "rules", "rules")).toEqual({
      ok: false,
      error: "`--output=x` is not a git revision",
    });
  });

  it("says when the directory is not in a git repository", async () => {
    const outside = mkdtempSync(path.join(tmpdir(), "leadscore-nogit-"));
    try {
      expect(await readRulesAtRevision(outside, "main", "rules", "rules")).toEqual({
        ok: false,
        error: `\`${outside}\` is not in a git repository`,
      });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe("git plumbing", () => {
  it("lists regular files below a directory at a commit, relative to the project", async () => {
    const project = await openGitProject(path.join(repo, "project"));
    expect(project).toEqual({ ok: true, value: { top: expect.any(String), prefix: "project" } });
    if (!project.ok) return;
    const commit = await resolveCommit(project.value, "main");
    expect(commit.ok).toBe(true);
    if (!commit.ok) return;
    expect(await listFilesAtCommit(project.value, commit.value, ".")).toEqual({
      ok: true,
      value: ["rules/p.score"],
    });
  });
});

describe("issue 9 item 4: symbolic links among .score files at a revision", () => {
  /** A repository whose rules directory holds the given links (name → target) besides one rule file. */
  function repositoryWithLinks(links: Record<string, string>): string {
    const dir = createRepository();
    writeFiles(dir, {
      "rules/a.score": "# a\n",
      "shared/b.score": "# b, shared\n",
      "shared/c.score": "# c\n",
    });
    for (const [name, target] of Object.entries(links)) symlinkSync(target, path.join(dir, name));
    commitAll(dir, "links");
    return dir;
  }

  it("follows a linked .score file inside the repository, as the working tree does", async () => {
    const dir = repositoryWithLinks({ "rules/b.score": "../shared/b.score", "rules/again.score": "b.score" });
    const result = await readRulesAtRevision(dir, "main", "rules", "rules");
    expect(result.ok && result.value.sources).toEqual([
      { path: "rules/a.score", text: "# a\n" },
      { path: "rules/again.score", text: "# b, shared\n" },
      { path: "rules/b.score", text: "# b, shared\n" },
    ]);
  });

  it("a linked .score file leaving the repository, or dangling, is an error", async () => {
    const outside = repositoryWithLinks({ "rules/evil.score": "../../../etc/evil.score" });
    const commit = git(outside, "rev-parse", "HEAD").trim().slice(0, 12);
    expect(await readRulesAtRevision(outside, "main", "rules", "rules")).toEqual({
      ok: false,
      error: `\`rules/evil.score\` at ${commit} is a symbolic link to \`../../../etc/evil.score\`, outside the repository`,
    });
    const dangling = repositoryWithLinks({ "rules/ghost.score": "gone.score" });
    const second = git(dangling, "rev-parse", "HEAD").trim().slice(0, 12);
    expect(await readRulesAtRevision(dangling, "main", "rules", "rules")).toEqual({
      ok: false,
      error: `\`rules/ghost.score\` at ${second} is a symbolic link to a file that does not exist`,
    });
  });

  it("a linked directory is an error at a revision; a link that is no rule file is ignored", async () => {
    const dir = repositoryWithLinks({ "rules/shared": "../shared" });
    const commit = git(dir, "rev-parse", "HEAD").trim().slice(0, 12);
    expect(await readRulesAtRevision(dir, "main", "rules", "rules")).toEqual({
      ok: false,
      error: `\`rules/shared\` at ${commit} is a symbolic link to a directory, which is not followed in a revision`,
    });
    const readme = repositoryWithLinks({ "rules/README.md": "../../elsewhere/README.md" });
    const result = await readRulesAtRevision(readme, "main", "rules", "rules");
    expect(result.ok && result.value.sources.map((source) => source.path)).toEqual(["rules/a.score"]);
  });
});
