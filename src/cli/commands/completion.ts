import { Argument, type Command } from "commander";
import type { RegisterCommand } from "./register.js";
import { COMPLETION_SHELLS, type CompletionShell } from "./choices.js";

export const registerCompletion: RegisterCommand = (program: Command, io) => {
  program
    .command("completion")
    .description("Print the shell completion script for bash, zsh or fish.")
    .addArgument(new Argument("<shell>", "the shell").choices(COMPLETION_SHELLS))
    .addHelpText(
      "after",
      [
        "",
        "Load it:",
        '  bash  eval "$(leadscore completion bash)"      (in ~/.bashrc)',
        "  zsh   source <(leadscore completion zsh)       (in ~/.zshrc, after compinit)",
        "  fish  leadscore completion fish > ~/.config/fish/completions/leadscore.fish",
      ].join("\n"),
    )
    .action(async (shell: CompletionShell) => {
      const { runCompletion } = await import("./completion-action.js");
      runCompletion(io, program, shell);
    });
};
