import type { Command } from "commander";
import { bashCompletion } from "../completion/bash.js";
import { fishCompletion } from "../completion/fish.js";
import { completionModel } from "../completion/model.js";
import { zshCompletion } from "../completion/zsh.js";
import type { CommandIO } from "../io.js";
import type { CompletionShell } from "./choices.js";

const SCRIPTS = { bash: bashCompletion, zsh: zshCompletion, fish: fishCompletion };

/** `leadscore completion <shell>`: the script, made from the program's own commands and options. */
export function runCompletion(io: CommandIO, program: Command, shell: CompletionShell): void {
  io.stdout(SCRIPTS[shell](completionModel(program)));
}
