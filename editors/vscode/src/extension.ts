/**
 * The leadscore extension: starts `leadscore lsp` for the workspace and connects VS Code to it. The
 * language (`*.score`), its colours (the TextMate grammar) and the fixture schema are declared in
 * package.json; everything the editor learns about the rules comes from the server.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { window, workspace, type ExtensionContext } from "vscode";
import {
  LanguageClient,
  TransportKind,
  type Executable,
  type LanguageClientOptions,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const run = serverCommand();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: "file", language: "leadscore" }],
    // Rule files, and leadscore.yaml (it says where the rules and fixtures are).
    synchronize: { fileEvents: workspace.createFileSystemWatcher("**/{*.score,leadscore.yaml}") },
  };
  client = new LanguageClient("leadscore", "leadscore", { run, debug: run }, clientOptions);
  context.subscriptions.push(client);
  try {
    await client.start();
  } catch (error) {
    void window.showErrorMessage(
      `leadscore: the language server did not start (${String(error)}). Install leadscore in the workspace (npm install --save-dev leadscore) or set leadscore.server.path.`,
    );
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/**
 * How to run the server, first found wins: the `leadscore.server.path` setting; the package installed in
 * the workspace (node_modules/leadscore); the workspace itself when it is leadscore's own repository (a
 * built dist/); the `leadscore` command on the PATH.
 */
function serverCommand(): Executable {
  const settings = workspace.getConfiguration("leadscore");
  const node = settings.get<string>("server.node") || "node";
  const configured = settings.get<string>("server.path");
  const args = ["lsp", "--stdio"];
  if (configured) return { command: node, args: [configured, ...args], transport: TransportKind.stdio };
  for (const folder of workspace.workspaceFolders ?? []) {
    const root = folder.uri.fsPath;
    const installed = path.join(root, "node_modules", "leadscore", "dist", "cli", "main.js");
    if (existsSync(installed))
      return { command: node, args: [installed, ...args], transport: TransportKind.stdio };
    const own = path.join(root, "dist", "cli", "main.js");
    if (existsSync(own) && isLeadscore(path.join(root, "package.json"))) {
      return { command: node, args: [own, ...args], transport: TransportKind.stdio };
    }
  }
  return { command: "leadscore", args, transport: TransportKind.stdio };
}

function isLeadscore(packageJson: string): boolean {
  try {
    return (JSON.parse(readFileSync(packageJson, "utf8")) as { name?: unknown }).name === "leadscore";
  } catch {
    return false;
  }
}
