import type { CompletionCommand, CompletionOption } from "./model.js";

/**
 * The fish completion script: `leadscore completion fish > ~/.config/fish/completions/leadscore.fish`.
 * Commands with their descriptions, each command's options, option values from their lists, and paths
 * where a command or an option takes one.
 */
export function fishCompletion(model: { global: CompletionOption[]; commands: CompletionCommand[] }): string {
  const lines = [
    "# leadscore completion for fish. Install it:  leadscore completion fish > ~/.config/fish/completions/leadscore.fish",
    "complete -c leadscore -f",
  ];
  const top = model.commands.filter((c) => c.path.length === 1);
  for (const command of top) {
    lines.push(
      `complete -c leadscore -n '__fish_use_subcommand' -a ${command.path[0]} -d ${quote(plain(command.description))}`,
    );
  }
  for (const option of model.global) lines.push(`complete -c leadscore ${flagsOf(option)}`);
  for (const command of model.commands) {
    const condition =
      command.path.length === 1
        ? `__fish_seen_subcommand_from ${command.path[0]}`
        : `__fish_seen_subcommand_from ${command.path[0]}; and __fish_seen_subcommand_from ${command.path[1]}`;
    if (command.subcommands.length > 0) {
      const subs = model.commands.filter((c) => c.path.length === 2 && c.path[0] === command.path[0]);
      for (const sub of subs) {
        lines.push(
          `complete -c leadscore -n ${quote(`${condition}; and not __fish_seen_subcommand_from ${command.subcommands.join(" ")}`)} -a ${sub.path[1]} -d ${quote(plain(sub.description))}`,
        );
      }
    }
    const scope =
      command.path.length === 1 && command.subcommands.length > 0
        ? `${condition}; and not __fish_seen_subcommand_from ${command.subcommands.join(" ")}`
        : condition;
    for (const option of command.options)
      lines.push(`complete -c leadscore -n ${quote(scope)} ${flagsOf(option)}`);
    if (command.takesPaths) lines.push(`complete -c leadscore -n ${quote(scope)} -F`);
    if (command.argumentChoices !== null) {
      lines.push(`complete -c leadscore -n ${quote(scope)} -a ${quote(command.argumentChoices.join(" "))}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function flagsOf(option: CompletionOption): string {
  const parts = option.flags.map((flag) =>
    flag.startsWith("--") ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`,
  );
  if (option.value === "path") parts.push("-r -F");
  else if (option.value === "value") parts.push("-x");
  else if (option.value !== null) parts.push(`-x -a ${quote(option.value.join(" "))}`);
  parts.push(`-d ${quote(plain(option.description))}`);
  return parts.join(" ");
}

function plain(text: string): string {
  return text.replace(/\s+/g, " ").replace(/`/g, "");
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
