/**
 * Language server: how long after a keystroke the editor has the diagnostics. The built `leadscore lsp`
 * runs as an editor starts it (a child process speaking LSP on stdin/stdout, a real protocol client here);
 * a workspace holds the ruleset; one file is open. Each round is one keystroke that changes the file's
 * diagnostics (a field name gets a typo, then loses it), timed from sending `didChange` to receiving that
 * file's `publishDiagnostics` — parse of the changed file, check of the whole ruleset, publication. Rounds
 * follow one another, as keystrokes do. Two rulesets: the reference rules, and the generated 5,000-rule one.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-languageserver-protocol/node.js";
import { CLI, RULES } from "../dist.js";
import { generateRuleset, type GeneratedSource } from "../generate-ruleset.js";
import { formatMs, goal, median, progress, table } from "../harness.js";
import type { BenchContext, GroupResult } from "./context.js";

const GOAL_MS = 100;

interface Measured {
  name: string;
  rules: number;
  files: number;
  /** Open → first diagnostics (the first check of the whole ruleset). */
  firstMs: number;
  keystrokes: number[];
}

export async function runLsp(context: BenchContext): Promise<GroupResult> {
  const reference = readdirSync(RULES)
    .filter((name) => name.endsWith(".score"))
    .map((name) => ({ path: name, text: readFileSync(path.join(RULES, name), "utf8") }));
  const generated = generateRuleset({ seed: 20261101, rules: 5000 });
  const rounds = context.quick ? 5 : 40;
  const results = [
    await measure(context, "reference rules", reference, countRules(reference), rounds),
    await measure(context, "generated ruleset", generated.sources, generated.rules, rounds),
  ];
  const rows = results.map((r) => [
    r.name,
    `${r.rules}`,
    `${r.files}`,
    formatMs(r.firstMs),
    formatMs(median(r.keystrokes)),
    `${formatMs(Math.min(...r.keystrokes))}–${formatMs(Math.max(...r.keystrokes))}`,
  ]);
  const large = results[1]!;
  const largeMedian = median(large.keystrokes);
  return {
    title: "Language server: diagnostics after a keystroke (leadscore lsp over stdio)",
    lines: [
      `${rounds} keystrokes per ruleset, each making or fixing a typo in a field name of the open file;`,
      "timed from didChange sent to the file's publishDiagnostics received (parse + whole-ruleset check + publish)",
      "",
      table(["ruleset", "rules", "files", "open → diagnostics", "keystroke median", "min–max"], rows),
      "",
      goal(
        `diagnostics after one keystroke in a ${large.rules}-rule ruleset < ${GOAL_MS} ms`,
        largeMedian < GOAL_MS,
        `${formatMs(largeMedian)} (${(largeMedian / GOAL_MS).toFixed(2)}× the goal)`,
      ),
    ],
  };
}

/** Rules are the lines of a section that start with `when`. */
function countRules(sources: readonly GeneratedSource[]): number {
  return sources.reduce((sum, source) => sum + (source.text.match(/^\s+when\b/gm)?.length ?? 0), 0);
}

async function measure(
  context: BenchContext,
  name: string,
  sources: readonly GeneratedSource[],
  rules: number,
  rounds: number,
): Promise<Measured> {
  const root = path.join(context.tempDir, `lsp-${name.replace(/\W+/g, "-")}`);
  for (const source of sources) {
    const file = path.join(root, "rules", source.path);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, source.text);
  }
  // The file that is edited: the first with a rule on `employees` (every ruleset here has one).
  const edited = sources.find((source) => source.text.includes("when employees"))!;
  const uri = pathToFileURL(path.join(root, "rules", edited.path)).href;
  const child = spawn(process.execPath, [CLI, "lsp", "--stdio"], {
    cwd: root,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  let resolveNext: ((count: number) => void) | null = null;
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    if (params.uri === uri && resolveNext) resolveNext(params.diagnostics.length);
  });
  connection.listen();
  const published = () => new Promise<number>((resolve) => (resolveNext = resolve));
  try {
    await connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      capabilities: {},
    });
    await connection.sendNotification("initialized", {});
    progress(`lsp: ${name}, ${rules} rules in ${sources.length} files`);
    let started = performance.now();
    let next = published();
    await connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "leadscore", version: 1, text: edited.text },
    });
    await next;
    const firstMs = performance.now() - started;
    const typo = edited.text.replace("when employees", "when employes");
    const keystrokes: number[] = [];
    for (let round = 0; round < rounds + 3; round++) {
      next = published();
      started = performance.now();
      await connection.sendNotification("textDocument/didChange", {
        textDocument: { uri, version: round + 2 },
        contentChanges: [{ text: round % 2 === 0 ? typo : edited.text }],
      });
      await next;
      // The first three are warm-up: the server's JIT settles as an editor's does in the first seconds.
      if (round >= 3) keystrokes.push(performance.now() - started);
    }
    return { name, rules, files: sources.length, firstMs, keystrokes };
  } finally {
    await connection.sendRequest("shutdown");
    await connection.sendNotification("exit");
    connection.dispose();
    await new Promise<void>((resolve) =>
      child.exitCode !== null ? resolve() : child.on("exit", () => resolve()),
    );
  }
}
