import { runServer } from "../../lsp/server.js";

/** `leadscore lsp`: loaded only when the command runs (see lsp.ts). Ends when the editor ends the session. */
export async function runLsp(): Promise<void> {
  await runServer();
}
