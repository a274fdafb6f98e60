import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { scaffoldFiles } from "../../src/init/templates.js";
import { PROJECT_ROOT } from "../support/paths.js";

/**
 * GitHub cannot run here, so these tests pin the structure of the workflows: triggers, permissions, the
 * steps and their order, the conditions that keep the report coming when a check fails, and the script
 * that posts the sticky comment (the GitHub Action's, which action.test.ts runs against a fake API).
 */

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  "continue-on-error"?: unknown;
}

interface Job {
  if?: string;
  "runs-on": string;
  permissions?: Record<string, string>;
  strategy?: { matrix: Record<string, unknown> };
  steps: Step[];
}

interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const VERSION = "1.2.3";
const files = await scaffoldFiles(VERSION);
const workflowText = files.find((file) => file.path === ".github/workflows/leadscore.yml")!.text;
const workflow = parse(workflowText) as Workflow;
const review = workflow.jobs.review!;
const publish = workflow.jobs.publish!;

function stepNamed(job: Job, name: string): Step {
  const step = job.steps.find((candidate) => candidate.name === name);
  if (!step) throw new Error(`no step named ${name}`);
  return step;
}

/** What a step does: the action it uses, or its command. */
function describeStep(step: Step): string {
  return step.uses ?? step.run!.trim();
}

const PINNED_ACTIONS = new Set([
  "actions/checkout@v4",
  "actions/setup-node@v4",
  "actions/upload-artifact@v4",
]);

const AFTER_INSTALL = "${{ !cancelled() && steps.install.outcome == 'success' }}";

describe("the rules repository's workflow", () => {
  test("runs on pull requests that touch the rules, and on pushes of them to main", () => {
    expect(workflow.on).toEqual({
      pull_request: {
        paths: ["rules/**", "leadscore.yaml", "population/**", ".github/workflows/leadscore.yml"],
      },
      push: { branches: ["main"], paths: ["rules/**", "leadscore.yaml", ".github/workflows/leadscore.yml"] },
    });
    expect(review.if).toBe("github.event_name == 'pull_request'");
    expect(publish.if).toBe("github.event_name == 'push'");
  });

  test("asks for the least permissions each job needs", () => {
    expect(workflow.permissions).toEqual({ contents: "read" });
    expect(review.permissions).toEqual({ contents: "read", "pull-requests": "write" });
    expect(publish.permissions).toEqual({ contents: "write" });
  });

  test("names the leadscore version once, and installs that version in both jobs", () => {
    expect(workflow.env).toEqual({ LEADSCORE_VERSION: VERSION });
    expect(workflowText.split(VERSION)).toHaveLength(2);
    for (const job of [review, publish]) {
      expect(stepNamed(job, "Install leadscore").run).toBe(
        'npm install --no-save --no-audit --no-fund "leadscore@${LEADSCORE_VERSION}"',
      );
    }
  });

  test("uses only pinned major versions of widely used actions", () => {
    const used = [...review.steps, ...publish.steps].flatMap((step) => (step.uses ? [step.uses] : []));
    expect(used.filter((uses) => !PINNED_ACTIONS.has(uses))).toEqual([]);
    expect(new Set(used)).toEqual(PINNED_ACTIONS);
  });

  test("reviews a pull request in this order: check, format, test, diff, comment", () => {
    expect(review["runs-on"]).toBe("ubuntu-latest");
    expect(review.steps.map(describeStep)).toEqual([
      "actions/checkout@v4",
      "actions/setup-node@v4",
      'npm install --no-save --no-audit --no-fund "leadscore@${LEADSCORE_VERSION}"',
      "npx --no-install leadscore check --format github",
      "npx --no-install leadscore fmt --check --format github",
      "npx --no-install leadscore test --format github --reporter junit --output test-results.xml",
      "actions/upload-artifact@v4",
      'npx --no-install leadscore diff "origin/${BASE_REF}" --format markdown --out diff.md --full-report diff-full.md',
      "actions/upload-artifact@v4",
      "node node_modules/leadscore/action/post-comment.mjs diff.md",
    ]);
    expect(review.steps[0]!.with).toEqual({ "fetch-depth": 0 });
    expect(review.steps[1]!.with).toEqual({ "node-version": 20 });
    expect(stepNamed(review, "Compare with the base branch").env).toEqual({
      BASE_REF: "${{ github.base_ref }}",
    });
  });

  test("keeps reporting after a failed check, and still fails the job", () => {
    // No step swallows its failure: a failed check, format or test step fails the job.
    for (const step of review.steps) expect(step["continue-on-error"], step.name).toBeUndefined();
    expect(stepNamed(review, "Check the rules").if).toBeUndefined();
    // The later checks and the comment run whatever failed before them, once leadscore is installed…
    for (const name of [
      "Check the formatting",
      "Run the fixture tests",
      "Upload the test results",
      "Post the impact as a pull request comment",
    ]) {
      expect(stepNamed(review, name).if, name).toBe(AFTER_INSTALL);
    }
    // …the impact needs rules that compile, and the full report a diff that ran.
    expect(stepNamed(review, "Compare with the base branch").if).toBe(
      "${{ !cancelled() && steps.check.outcome == 'success' }}",
    );
    expect(stepNamed(review, "Upload the full impact report").if).toBe(
      "${{ !cancelled() && steps.diff.outcome == 'success' }}",
    );
    // Every step that an `if` refers to has that id.
    const ids = review.steps.map((step) => step.id).filter(Boolean);
    expect(ids).toEqual(["install", "check", "fmt", "test", "diff"]);
  });

  test("uploads the test results and the full impact report", () => {
    expect(stepNamed(review, "Upload the test results").with).toEqual({
      name: "test-results",
      path: "test-results.xml",
      "if-no-files-found": "ignore",
    });
    expect(stepNamed(review, "Upload the full impact report").with).toEqual({
      name: "leadscore-diff",
      path: "diff-full.md",
    });
  });

  describe("the sticky comment", () => {
    const step = stepNamed(review, "Post the impact as a pull request comment");

    test("is given the token and the outcome of every check", () => {
      expect(step.env).toEqual({
        GITHUB_TOKEN: "${{ github.token }}",
        CHECK_OUTCOME: "${{ steps.check.outcome }}",
        FMT_OUTCOME: "${{ steps.fmt.outcome }}",
        TEST_OUTCOME: "${{ steps.test.outcome }}",
        DIFF_OUTCOME: "${{ steps.diff.outcome }}",
      });
    });

    test("is posted by the script the GitHub Action runs (action.test.ts runs it), shipped in the package", () => {
      const action = readFileSync(path.join(PROJECT_ROOT, "action.yml"), "utf8");
      expect(action).toContain('node "$ACTION_PATH/action/post-comment.mjs" diff.md');
      expect(step.run).toBe("node node_modules/leadscore/action/post-comment.mjs diff.md");
      const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8"));
      expect(manifest.files).toContain("action/post-comment.mjs");
    });
  });

  test("publishes the compiled ruleset from main, named by its content hash", () => {
    expect(publish.steps.map(describeStep)).toEqual([
      "actions/checkout@v4",
      "actions/setup-node@v4",
      'npm install --no-save --no-audit --no-fund "leadscore@${LEADSCORE_VERSION}"',
      "npx --no-install leadscore test",
      [
        "mkdir -p dist",
        "npx --no-install leadscore compile -o dist/ruleset.json",
        `hash=$(node -p "require('./dist/ruleset.json').contentHash.replace(/^sha256:/, '').slice(0, 12)")`,
        'echo "hash12=${hash}" >> "$GITHUB_OUTPUT"',
      ].join("\n"),
      [
        'if [ -n "$LEADSCORE_SIGNING_KEY" ]; then',
        "  npx --no-install leadscore sign --key - dist/ruleset.json",
        "else",
        '  echo "No LEADSCORE_SIGNING_KEY secret: the ruleset is published unsigned."',
        "fi",
      ].join("\n"),
      "actions/upload-artifact@v4",
      expect.stringContaining('gh release create "$TAG" dist/ruleset.json* '),
    ]);
    expect(stepNamed(publish, "Sign the compiled ruleset").env).toEqual({
      LEADSCORE_SIGNING_KEY: "${{ secrets.LEADSCORE_SIGNING_KEY }}",
    });
    expect(stepNamed(publish, "Compile the ruleset").id).toBe("compile");
    expect(stepNamed(publish, "Upload the compiled ruleset").with).toEqual({
      name: "ruleset-${{ steps.compile.outputs.hash12 }}",
      path: "dist/ruleset.json*",
      overwrite: true,
    });
    expect(stepNamed(publish, "Attach the compiled ruleset to a release").env).toEqual({
      GH_TOKEN: "${{ github.token }}",
      TAG: "ruleset-${{ steps.compile.outputs.hash12 }}",
    });
  });
});

const ACTION = "acme/leadscore@0123456789abcdef0123456789abcdef01234567";
const actionWorkflowText = (await scaffoldFiles(VERSION, ACTION)).find(
  (file) => file.path === ".github/workflows/leadscore.yml",
)!.text;

describe("the rules repository's workflow with `init --action owner/repo@ref`", () => {
  const text = actionWorkflowText;
  const withAction = parse(text) as Workflow;

  test("keeps the triggers and permissions, and installs nothing from a registry by name", () => {
    expect(withAction.on).toEqual(workflow.on);
    expect(withAction.permissions).toEqual(workflow.permissions);
    expect(withAction.env).toBeUndefined();
    expect(text).not.toContain("npm install");
    expect(text).not.toContain("npx");
    expect(text).not.toContain(VERSION);
    expect(text.split(ACTION)).toHaveLength(3);
  });

  test("reviews a pull request with the pinned action, after a full checkout", () => {
    const job = withAction.jobs.review!;
    expect([job.if, job.permissions]).toEqual([review.if, review.permissions]);
    expect(job.steps.map(describeStep)).toEqual(["actions/checkout@v4", ACTION]);
    expect(job.steps[0]!.with).toEqual({ "fetch-depth": 0 });
    expect(job.steps[1]!.with).toBeUndefined();
  });

  test("publishes with the action in install mode and the same steps as the default workflow", () => {
    const job = withAction.jobs.publish!;
    expect(job.steps.map(describeStep)).toEqual([
      "actions/checkout@v4",
      ACTION,
      ...publish.steps
        .slice(3)
        .map((step) => describeStep(step).replaceAll("npx --no-install leadscore", "leadscore")),
    ]);
    expect(job.steps[1]!.with).toEqual({ mode: "install" });
  });
});

describe("this project's CI", () => {
  const ci = parse(readFileSync(path.join(PROJECT_ROOT, ".github/workflows/ci.yml"), "utf8")) as Workflow;
  const runScript = readFileSync(path.join(PROJECT_ROOT, ".ci/run"), "utf8");

  test("runs .ci/run on pushes to main and on pull requests, on Node 20 and 22", () => {
    expect(ci.on).toEqual({ push: { branches: ["main"] }, pull_request: null });
    expect(ci.permissions).toEqual({ contents: "read" });
    const job = ci.jobs.test!;
    expect(job["runs-on"]).toBe("ubuntu-latest");
    expect(job.strategy!.matrix).toEqual({ node: ["20.x", "22.x"] });
    expect(job.steps.map(describeStep)).toEqual([
      "actions/checkout@v4",
      "actions/setup-node@v4",
      "bash .ci/run",
    ]);
    expect(job.steps[1]!.with).toEqual({ "node-version": "${{ matrix.node }}", cache: "npm" });
  });

  test(".ci/run stops at the first failure and runs install, tests, formatting and the smoke tests in order, the packed package last", () => {
    expect(runScript.startsWith("#!/usr/bin/env bash\n")).toBe(true);
    expect(runScript).toContain("\nset -euo pipefail\n");
    expect(runScript).toContain("\nexport CI=true\n");
    const order = [
      "npm ci ",
      "npm test ",
      "npm run format:check ",
      "leadscore check rules ",
      "leadscore compile rules -o ",
      "leadscore test ",
      "leadscore init ",
      "npm pack ",
      "npx --no-install leadscore init rules-repo ",
    ].map((command) => runScript.indexOf(command));
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test(".ci/run is valid bash", () => {
    const result = spawnSync("bash", ["-n", path.join(PROJECT_ROOT, ".ci/run")], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
