import { fileURLToPath, pathToFileURL } from "node:url";
import type { Connection, TextDocuments } from "vscode-languageserver/node.js";
import type { TextDocument } from "vscode-languageserver-textdocument";
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
    const layout = await projectLayout(root);
    const workspace = new Workspace(root, layout.rulesDir, layout.fixtureGlobs);
    this.current = {
      workspace,
      publisher: new DiagnosticsPublisher(
        workspace,
        (uri, diagnostics) => void this.connection.sendDiagnostics({ uri, diagnostics }),
        (file) => this.uriOf(file),
        (error) => this.logError(error),
      ),
    };
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

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
