// Posts the impact report as the pull request's one leadscore comment, for the GitHub Action (action.yml):
// found by its marker and updated on every push, created the first time. Everything it needs arrives in
// the environment GitHub Actions gives a step (GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_EVENT_PATH,
// GITHUB_SERVER_URL, GITHUB_RUN_ID) and the step's own (GITHUB_TOKEN, CHECK/FMT/TEST/DIFF_OUTCOME).
//
//   node post-comment.mjs diff.md
//
// Plain JavaScript with no dependency, so that it runs as it is from the action's checkout.
import { existsSync, readFileSync } from "node:fs";

const MARKER = "<!-- leadscore-diff -->";
/** GitHub refuses comments over 65,536 characters. */
const LIMIT = 60000;
/** Pages of comments read at most (100 each) while looking for the earlier one. */
const MAX_PAGES = 50;

const env = process.env;
const reportFile = process.argv[2] ?? "diff.md";

function required(name) {
  const value = env[name];
  if (value === undefined || value === "") throw new Error(`${name} is not set`);
  return value;
}

const api = (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, "");
const repository = required("GITHUB_REPOSITORY");
const token = required("GITHUB_TOKEN");
const event = JSON.parse(readFileSync(required("GITHUB_EVENT_PATH"), "utf8"));
const number = event.pull_request?.number ?? event.issue?.number;
if (!Number.isInteger(number))
  throw new Error("this run is not for a pull request: there is nothing to comment on");
const runUrl = `${env.GITHUB_SERVER_URL ?? "https://github.com"}/${repository}/actions/runs/${env.GITHUB_RUN_ID ?? ""}`;

const icon = (outcome) => (outcome === "success" ? "✅" : outcome === "failure" ? "❌" : "⏭️");
const status = [
  ["check", env.CHECK_OUTCOME],
  ["fmt --check", env.FMT_OUTCOME],
  ["test", env.TEST_OUTCOME],
]
  .map(([name, outcome]) => `${icon(outcome)} \`leadscore ${name}\``)
  .join(" · ");

let report;
if (env.DIFF_OUTCOME === "success" && existsSync(reportFile)) {
  // The report may carry the marker itself; the comment starts with exactly one.
  report = readFileSync(reportFile, "utf8").split(MARKER).join("").trimStart();
  if (report.length > LIMIT) {
    report = `${report.slice(0, LIMIT)}\n\n… the report is cut short here: the whole of it is in the \`leadscore-diff\` artifact of [this run](${runUrl}).`;
  }
} else {
  report = `The impact of this change could not be computed: see the failed steps of [this run](${runUrl}).`;
}
const body = [
  MARKER,
  status,
  "",
  report,
  "",
  `[Workflow run](${runUrl}) · full report: \`leadscore-diff\` artifact`,
].join("\n");

async function request(method, path, payload) {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: {
      accept: "application/vnd.github+json",
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      "x-github-api-version": "2022-11-28",
      "user-agent": "leadscore-action",
    },
    ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** The comment this action wrote before: by the Actions bot, holding the marker. */
async function findEarlier() {
  for (let page = 1; page <= MAX_PAGES; page++) {
    const comments = await request(
      "GET",
      `/repos/${repository}/issues/${number}/comments?per_page=100&page=${page}`,
    );
    const found = comments.find(
      (comment) => comment.user?.login === "github-actions[bot]" && (comment.body ?? "").includes(MARKER),
    );
    if (found !== undefined) return found;
    if (comments.length < 100) return undefined;
  }
  return undefined;
}

const earlier = await findEarlier();
if (earlier !== undefined) {
  await request("PATCH", `/repos/${repository}/issues/comments/${earlier.id}`, { body });
  console.log(`updated the impact comment on pull request #${number}`);
} else {
  await request("POST", `/repos/${repository}/issues/${number}/comments`, { body });
  console.log(`posted the impact comment on pull request #${number}`);
}
