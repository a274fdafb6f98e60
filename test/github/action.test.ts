/**
 * The GitHub Action (action.yml) run as a script: its `run:` steps, in order, with a fake GITHUB_*
 * environment, against a rules repository scaffolded by `leadscore init --action`, with a fake GitHub API
 * on 127.0.0.1 for the comment. `npm ci` is faked (it would reinstall this project); the fake "builds"
 * the action's dist/cli/main.js as a launcher of this project's build, so every command the steps run is
 * this leadscore.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { GIT_ENV, commitAll, git } from "../support/git-helpers.js";
import { PROJECT_ROOT } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";
import { type CompositeAction, fakeProgram, runCompositeAction } from "../support/composite-action.js";

const action = parse(readFileSync(path.join(PROJECT_ROOT, "action.yml"), "utf8")) as CompositeAction;
const PINNED = "acme/leadscore@0123456789abcdef0123456789abcdef01234567";
const MARKER = "<!-- leadscore-diff -->";

describe("action.yml", () => {
  it("is a composite action whose steps check, format-check, test, diff and comment, in that order", () => {
    expect(action.runs.using).toBe("composite");
    expect(action.runs.steps.map((step) => step.name)).toEqual([
      "Set up Node.js",
      "Install leadscore from this action's checkout",
      "Check the rules",
      "Check the formatting",
      "Run the fixture tests",
      "Upload the test results",
      "Compare with the base branch",
      "Upload the full impact report",
      "Post the impact as a pull request comment",
    ]);
    expect(action.runs.steps.flatMap((step) => (step.uses === undefined ? [] : [step.uses]))).toEqual([
      "actions/setup-node@v4",
      "actions/upload-artifact@v4",
      "actions/upload-artifact@v4",
    ]);
    expect(Object.keys(action.inputs)).toEqual([
      "mode",
      "base-ref",
      "working-directory",
      "comment",
      "github-token",
      "node-version",
    ]);
  });

  it("never pastes an expression into a shell script, and installs only with npm ci from its own checkout", () => {
    for (const step of action.runs.steps) {
      if (step.run !== undefined) expect(step.run, step.name).not.toContain("${{");
    }
    const install = action.runs.steps[1]!;
    expect(install.run).toContain('(cd "$ACTION_PATH" && npm ci --no-audit --no-fund)');
    expect(install.run).not.toMatch(/npm (install|i) /);
    expect(install.env).toEqual({ ACTION_PATH: "${{ github.action_path }}" });
  });
});

interface Comment {
  id: number;
  user: { login: string };
  body: string;
}

describe("the action's steps, run against a scaffolded rules repository", () => {
  let root: string;
  let repo: string;
  let actionPath: string;
  let npmLog: string;
  let server: Server;
  let api: string;
  const comments: Comment[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "leadscore-action-"));

    // The action's checkout: its own files, and an `npm ci` that "builds" a launcher of the sources.
    actionPath = path.join(root, "action-checkout");
    mkdirSync(path.join(actionPath, "action"), { recursive: true });
    cpSync(path.join(PROJECT_ROOT, "action.yml"), path.join(actionPath, "action.yml"));
    cpSync(
      path.join(PROJECT_ROOT, "action/post-comment.mjs"),
      path.join(actionPath, "action/post-comment.mjs"),
    );
    // This project's built CLI (`npm ci` built it, as the action's own `npm ci` builds the action's).
    const built = path.join(PROJECT_ROOT, "dist/cli/main.js");
    expect(existsSync(built), "dist/cli/main.js: run npm run build first").toBe(true);
    const launcher = path.join(root, "launcher.mjs");
    writeFileSync(launcher, `import ${JSON.stringify(pathToFileURL(built).href)};\n`);
    const fakeBin = path.join(root, "bin");
    mkdirSync(fakeBin);
    npmLog = path.join(root, "npm.log");
    fakeProgram(fakeBin, "npm", npmLog, `mkdir -p dist/cli && cp '${launcher}' dist/cli/main.js\n`);

    // The rules repository: scaffolded with the action pinned, main pushed to its origin, a change on a branch.
    const init = await runLeadscore(["init", "rules-repo", "--action", PINNED], root);
    expect(init.code).toBe(0);
    repo = path.join(root, "rules-repo");
    git(root, "init", "--quiet", "--bare", "--initial-branch=main", "origin.git");
    git(repo, "init", "--quiet", "--initial-branch=main");
    git(repo, "config", "user.name", "Rev Ops");
    git(repo, "config", "user.email", "revops@example.com");
    git(repo, "config", "commit.gpgsign", "false");
    commitAll(repo, "Lead scoring rules");
    git(repo, "remote", "add", "origin", path.join(root, "origin.git"));
    git(repo, "push", "--quiet", "origin", "main");
    git(repo, "checkout", "--quiet", "-b", "recycle-more-leads");
    const routing = path.join(repo, "rules/routing.score");
    writeFileSync(
      routing,
      readFileSync(routing, "utf8").replace("bucket Recycle >= 0", "bucket Recycle >= -10"),
    );
    commitAll(repo, "Recycle slightly negative leads");

    // The GitHub API, for the comment: one earlier comment by a person that quotes the marker.
    comments.push({ id: 1, user: { login: "rev-ops" }, body: `quoting ${MARKER}` });
    server = createServer((request, response) => {
      void readBody(request).then((body) => {
        requests.push(`${request.method} ${request.url} ${request.headers.authorization}`);
        const reply = (status: number, value: unknown) => {
          response.writeHead(status, { "content-type": "application/json" });
          response.end(JSON.stringify(value));
        };
        if (
          request.method === "GET" &&
          request.url === "/repos/acme/rules/issues/7/comments?per_page=100&page=1"
        )
          return reply(200, comments);
        if (request.method === "POST" && request.url === "/repos/acme/rules/issues/7/comments") {
          const comment = {
            id: comments.length + 1,
            user: { login: "github-actions[bot]" },
            body: body.body,
          };
          comments.push(comment);
          return reply(201, comment);
        }
        const patch = /^\/repos\/acme\/rules\/issues\/comments\/(\d+)$/.exec(request.url ?? "");
        if (request.method === "PATCH" && patch !== null) {
          const comment = comments.find((c) => c.id === Number(patch[1]))!;
          comment.body = body.body;
          return reply(200, comment);
        }
        return reply(404, { message: "Not Found" });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const event = path.join(root, "event.json");
    writeFileSync(event, JSON.stringify({ pull_request: { number: 7 } }));
    environment = {
      PATH: `${fakeBin}${path.delimiter}${process.env.PATH ?? ""}`,
      HOME: process.env.HOME ?? root,
      ...GIT_ENV,
      GITHUB_API_URL: api,
      GITHUB_REPOSITORY: "acme/rules",
      GITHUB_EVENT_PATH: event,
      GITHUB_SERVER_URL: "https://github.example",
      GITHUB_RUN_ID: "42",
    };
  }, 60_000);

  let environment: Record<string, string>;

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(root, { recursive: true, force: true });
  });

  const run = (runnerTemp: string) =>
    runCompositeAction(action, {
      actionPath,
      workspace: repo,
      runnerTemp,
      inputs: {},
      github: { base_ref: "main", token: "test-token" },
      env: environment,
    });

  it("installs from its checkout, runs every check, and posts the impact as one comment, updated on the next push", async () => {
    const first = await run(mkdtempSync(path.join(root, "runner-")));
    expect(first.steps.map((step) => [step.name, step.outcome, step.uses ?? null])).toEqual([
      ["Set up Node.js", "success", "actions/setup-node@v4"],
      ["Install leadscore from this action's checkout", "success", null],
      ["Check the rules", "success", null],
      ["Check the formatting", "success", null],
      ["Run the fixture tests", "success", null],
      ["Upload the test results", "success", "actions/upload-artifact@v4"],
      ["Compare with the base branch", "success", null],
      ["Upload the full impact report", "success", "actions/upload-artifact@v4"],
      ["Post the impact as a pull request comment", "success", null],
    ]);
    expect(first.failed).toBe(false);
    expect(readFileSync(npmLog, "utf8")).toBe(`${actionPath} ci --no-audit --no-fund\n`);
    expect(readFileSync(path.join(repo, "test-results.xml"), "utf8")).toContain("<testsuites");
    const report = readFileSync(path.join(repo, "diff.md"), "utf8");
    expect(report).toContain("## Lead scoring impact");

    expect(comments).toHaveLength(2);
    const posted = comments[1]!;
    expect(posted.body.split("\n").slice(0, 3)).toEqual([
      MARKER,
      "✅ `leadscore check` · ✅ `leadscore fmt --check` · ✅ `leadscore test`",
      "",
    ]);
    expect(posted.body.split(MARKER)).toHaveLength(2);
    expect(posted.body).toContain(report.split(MARKER).join("").trimStart());
    expect(
      posted.body.endsWith(
        "[Workflow run](https://github.example/acme/rules/actions/runs/42) · full report: `leadscore-diff` artifact",
      ),
    ).toBe(true);

    // A broken format on the next push: the action fails, and the same comment says so.
    const score = path.join(repo, "rules/routing.score");
    writeFileSync(
      score,
      readFileSync(score, "utf8").replace("bucket Recycle >= -10", "bucket Recycle   >= -10"),
    );
    commitAll(repo, "Recycle: spacing");
    const second = await run(mkdtempSync(path.join(root, "runner-")));
    expect(second.failed).toBe(true);
    expect(second.steps.filter((step) => step.outcome !== "success").map((step) => step.name)).toEqual([
      "Check the formatting",
    ]);
    expect(comments).toHaveLength(2);
    expect(comments[1]!.body.split("\n")[1]).toBe(
      "✅ `leadscore check` · ❌ `leadscore fmt --check` · ✅ `leadscore test`",
    );
    expect(requests).toEqual([
      "GET /repos/acme/rules/issues/7/comments?per_page=100&page=1 Bearer test-token",
      "POST /repos/acme/rules/issues/7/comments Bearer test-token",
      "GET /repos/acme/rules/issues/7/comments?per_page=100&page=1 Bearer test-token",
      "PATCH /repos/acme/rules/issues/comments/2 Bearer test-token",
    ]);
  }, 240_000);

  it("in install mode only puts leadscore on the PATH, for the job's own steps", async () => {
    const installOnly = await runCompositeAction(action, {
      actionPath,
      workspace: repo,
      runnerTemp: mkdtempSync(path.join(root, "runner-")),
      inputs: { mode: "install" },
      github: { base_ref: "main", token: "test-token" },
      env: environment,
    });
    expect(installOnly.steps.filter((step) => step.outcome === "success").map((step) => step.name)).toEqual([
      "Set up Node.js",
      "Install leadscore from this action's checkout",
    ]);
    expect(installOnly.failed).toBe(false);
  });
});

async function readBody(request: IncomingMessage): Promise<{ body: string }> {
  let text = "";
  for await (const chunk of request) text += String(chunk);
  return text === "" ? { body: "" } : (JSON.parse(text) as { body: string });
}
