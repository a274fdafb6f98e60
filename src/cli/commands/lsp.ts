import type { Command } from "commander";
import type { RegisterCommand } from "./register.js";

/** `leadscore lsp`: the language server editors start. */
export const registerLsp: RegisterCommand = (program: Command) => {
  program
    .command("lsp")
    .description("Run the language server for editors (Language Server Protocol on stdin and stdout).")
    .option("--stdio", "talk over stdin and stdout (the default and only transport; editors pass it)")
    .addHelpText(
      "after",
      "\nThe editor starts it; see editors/vscode for the VS Code extension. The rules directory is `rules:`\n" +
        "in the workspace's leadscore.yaml, else rules/. Diagnostics are those of `leadscore check`.",
    )
    .action(async () => {
      const { runLsp } = await import("./lsp-action.js");
      await runLsp();
    });
};
