import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Connection, TextDocuments } from "vscode-languageserver/node.js";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { CONFIG_FILE } from "../project/config.js";
import { projectLayout } from "./project-rules.js";
import { DiagnosticsPublisher } from "./publish.js";
import { Workspace } from "./workspace.js";

/** The state of one editing session: the workspace, the open documents, what was published. */
export class Session {
  private current: { workspace: Workspace; publisher: DiagnosticsPublisher } | null = null;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
  ) {}

  async start(root: string): Promise<void> {
    this.root = root;
    this.current = await this.open(root, null);
  }

  /**
   * leadscore.yaml changed: the rules directory and the fixture files are read again, as the commands
   * would read them now. Open buffers carry over; every ruleset that had diagnostics is published again
   * (a file that left it gets an empty list), with every ruleset that holds an open buffer.
   */
  async reloadConfig(): Promise<void> {
    const previous = this.current;
    if (this.root === null || previous === null) return;
    const next = await this.open(this.root, previous);
    this.current = next;
    const dirs = new Set(previous.publisher.publishedDirs());
    for (const [file, text] of previous.workspace.openBuffers()) {
      next.workspace.setBuffer(file, text);
      dirs.add(next.workspace.rulesetDirOf(file));
    }
    for (const dir of dirs) next.publisher.schedule(dir);
  }

  private root: string | null = null;

  private async open(
    root: string,
    previous: { publisher: DiagnosticsPublisher } | null,
  ): Promise<{ workspace: Workspace; publisher: DiagnosticsPublisher }> {
    const layout = await projectLayout(root);
    const workspace = new Workspace(root, layout.rulesDir, layout.fixtureGlobs);
    const publisher = new DiagnosticsPublisher(
      workspace,
      (uri, diagnostics) => void this.connection.sendDiagnostics({ uri, diagnostics }),
      (file) => this.uriOf(file),
      (error) => this.logError(error),
      previous?.publisher,
    );
    return { workspace, publisher };
  }

  /** The workspace, once the client has initialized the session. */
  get workspace(): Workspace | null {
    return this.current?.workspace ?? null;
  }

  /** The URI the editor uses for a file (the one it opened it with), else the file's own. */
  uriOf(file: string): string {
    for (const document of this.documents.all()) {
      if (document.uri.startsWith("file:") && fileURLToPath(document.uri) === file) return document.uri;
    }
    return pathToFileURL(file).href;
  }

  bufferChanged(uri: string, text: string | null): void {
    this.guard(() => {
      const file = ruleFileOf(uri);
      if (file === null || !this.current) return;
      if (text === null) this.current.workspace.closeBuffer(file);
      else this.current.workspace.setBuffer(file, text);
      this.current.publisher.schedule(this.current.workspace.rulesetDirOf(file));
    });
  }

  diskChanged(uri: string): void {
    this.guard(() => {
      if (this.root !== null && isProjectConfig(uri, this.root)) {
        this.reloadConfig().catch((error: unknown) => this.logError(error));
        return;
      }
      const file = ruleFileOf(uri);
      if (file === null || !this.current) return;
      this.current.workspace.fileChangedOnDisk(file);
      this.current.publisher.schedule(this.current.workspace.rulesetDirOf(file));
    });
  }

  /** Runs `work`; a bug is logged, and `fallback` answers instead. */
  guard<T>(work: () => T, fallback?: T): T | undefined {
    try {
      return work();
    } catch (error) {
      this.logError(error);
      return fallback;
    }
  }

  logError(error: unknown): void {
    this.connection.console.error(`leadscore: internal error: ${describe(error)}`);
  }
}

/** The path of a `.score` file the editor names, or null for anything else. */
export function ruleFileOf(uri: string): string | null {
  if (!uri.startsWith("file:")) return null;
  const file = fileURLToPath(uri);
  return file.endsWith(".score") ? file : null;
}

/** The workspace's leadscore.yaml, the file the commands read their layout from. */
function isProjectConfig(uri: string, root: string): boolean {
  return uri.startsWith("file:") && fileURLToPath(uri) === path.join(root, CONFIG_FILE);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
