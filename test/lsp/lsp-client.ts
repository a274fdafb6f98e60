/**
 * A real Language Server Protocol client for the tests: it starts `leadscore lsp` as the editor does (a
 * child process, messages over its stdin and stdout) and speaks to it through vscode-jsonrpc's protocol
 * connection. Published diagnostics are kept by URI, and waited for.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
} from "vscode-languageserver-protocol/node.js";
import { PROJECT_ROOT, RULES_DIR } from "../support/paths.js";

export interface LspClient {
  connection: ProtocolConnection;
  root: string;
  /** The URI of a file of the project (`rules/enterprise.score`). */
  uri(relative: string): string;
  /** The latest diagnostics published for a file (undefined: none published yet). */
  diagnostics(relative: string): Diagnostic[] | undefined;
  /** Waits for the next publication for a file after `action` ran (it must come within 10 s). */
  nextDiagnostics(relative: string, action: () => void | Promise<void>): Promise<Diagnostic[]>;
  /** Waits until the latest publication for a file satisfies `until` (within 10 s). */
  settledDiagnostics(relative: string, until: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  /** The messages the server logged (window/logMessage). */
  logged(): string[];
  open(relative: string, text: string): void;
  change(relative: string, text: string, version: number): void;
  stop(): Promise<void>;
  stderr(): string;
}

/** A copy of the reference rules in a scratch project, and a server started on it. */
export async function startLspClient(): Promise<LspClient> {
  const root = mkdtempSync(path.join(tmpdir(), "leadscore-lsp-"));
  cpSync(RULES_DIR, path.join(root, "rules"), { recursive: true });
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join(PROJECT_ROOT, "src/cli/main.ts"), "lsp", "--stdio"],
    {
      cwd: PROJECT_ROOT,
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const published = new Map<string, Diagnostic[]>();
  const waiting = new Map<string, Array<(diagnostics: Diagnostic[]) => void>>();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.set(params.uri, params.diagnostics);
    const waiters = waiting.get(params.uri) ?? [];
    waiting.delete(params.uri);
    for (const resolve of waiters) resolve(params.diagnostics);
  });
  const logged: string[] = [];
  connection.onNotification(LogMessageNotification.type, (params) => logged.push(params.message));
  connection.listen();
  const uri = (relative: string) => pathToFileURL(path.join(root, relative)).href;
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: "rules-repo" }],
    capabilities: {},
  });
  await connection.sendNotification("initialized", {});
  return {
    connection,
    root,
    uri,
    diagnostics: (relative) => published.get(uri(relative)),
    async nextDiagnostics(relative, action) {
      const target = uri(relative);
      const next = new Promise<Diagnostic[]>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no diagnostics for ${relative}; stderr: ${stderr}`)),
          10_000,
        );
        const list = waiting.get(target) ?? [];
        list.push((diagnostics) => {
          clearTimeout(timer);
          resolve(diagnostics);
        });
        waiting.set(target, list);
      });
      await action();
      return next;
    },
    async settledDiagnostics(relative, until) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const latest = published.get(uri(relative));
        if (latest !== undefined && until(latest)) return latest;
        if (Date.now() > deadline)
          throw new Error(`diagnostics for ${relative} never settled: ${JSON.stringify(latest)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    logged: () => logged,
    open(relative, text) {
      void connection.sendNotification("textDocument/didOpen", {
        textDocument: { uri: uri(relative), languageId: "leadscore", version: 1, text },
      });
    },
    change(relative, text, version) {
      void connection.sendNotification("textDocument/didChange", {
        textDocument: { uri: uri(relative), version },
        contentChanges: [{ text }],
      });
    },
    async stop() {
      await connection.sendRequest("shutdown");
      await connection.sendNotification("exit");
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else child.on("exit", () => resolve());
      });
      connection.dispose();
      rmSync(root, { recursive: true, force: true });
    },
    stderr: () => stderr,
  };
}
