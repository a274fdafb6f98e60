/**
 * `leadscore lsp`: the language server. It speaks the Language Server Protocol on a pair of streams (stdin
 * and stdout for the command) and answers from the same parser, checker and formatter as `leadscore check`
 * and `leadscore fmt`, so the editor and CI never disagree.
 *
 * Every handler runs inside a guard: a bug met on one request is logged and answered with nothing, and
 * the session goes on (the user's next keystroke should not find the server gone).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type MessageReader,
  type MessageWriter,
} from "vscode-languageserver/node.js";
import { TextDocument } from "vscode-languageserver-textdocument";
import { CONFIG_FILE } from "../project/config.js";
import { registerFeatures } from "./features.js";
import { Session } from "./session.js";

export interface ServerStreams {
  reader: MessageReader;
  writer: MessageWriter;
}

/** Runs a server on the given streams (stdin/stdout when none); resolves when the client ends the session. */
export function runServer(streams?: ServerStreams): Promise<void> {
  const connection = streams
    ? createConnection(streams.reader, streams.writer)
    : createConnection(process.stdin, process.stdout);
  const documents = new TextDocuments(TextDocument);
  const session = new Session(connection, documents);

  let watchFiles = false;
  connection.onInitialize(async (params) => {
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    await session.start(workspaceRoot(params));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentFormattingProvider: true,
        documentSymbolProvider: true,
        completionProvider: { triggerCharacters: [" ", "[", ",", "="] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: ["quickfix"] },
      },
      serverInfo: { name: "leadscore" },
    };
  });
  documents.onDidOpen((event) => session.bufferChanged(event.document.uri, event.document.getText()));
  documents.onDidChangeContent((event) =>
    session.bufferChanged(event.document.uri, event.document.getText()),
  );
  documents.onDidClose((event) => session.bufferChanged(event.document.uri, null));
  // Rule files and leadscore.yaml changed by other programs (git checkout, a formatter): asked of the
  // client when it can watch files for the server; VS Code's extension also asks for them itself.
  connection.onInitialized(() => {
    if (!watchFiles) return;
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: "**/*.score" }, { globPattern: `**/${CONFIG_FILE}` }],
      })
      .catch((error: unknown) => session.logError(error));
  });
  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) session.diskChanged(change.uri);
  });
  registerFeatures(connection, session);

  const ended = new Promise<void>((resolve) => connection.onExit(() => resolve()));
  documents.listen(connection);
  connection.listen();
  return ended;
}

/** The workspace folder the editor opened (the first, when several), else the working directory. */
function workspaceRoot(params: InitializeParams): string {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  if (uri?.startsWith("file:")) return fileURLToPath(uri);
  return path.resolve(params.rootPath ?? process.cwd());
}
