import type { CompletionCommand, CompletionOption } from "./model.js";

/**
 * The bash completion script: `eval "$(leadscore completion bash)"` in ~/.bashrc. Completes command names,
 * each command's options, the values of options that have a list (`--dialect`, `--format`), and paths
 * where a command or option takes one.
 */
export function bashCompletion(model: { global: CompletionOption[]; commands: CompletionCommand[] }): string {
  const words = (list: readonly string[]) => list.join(" ");
  const key = (command: CompletionCommand) => command.path.join(" ");
  const top = model.commands.filter((c) => c.path.length === 1);
  const globalValues = model.global.filter((o) => o.value !== null).flatMap((o) => o.flags);
  const valueCases: string[] = [];
  // Each command's own options first; the program's (`--color`) after the command too.
  const scoped = [...model.commands, { path: null, options: model.global }];
  for (const command of scoped) {
    for (const option of command.options) {
      if (option.value === null) continue;
      const pattern = option.flags
        .map((flag) => (command.path === null ? `*:${flag}` : `"${command.path.join(" ")}:${flag}"`))
        .join("|");
      const action =
        option.value === "path"
          ? `compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))`
          : option.value === "value"
            ? "COMPREPLY=()"
            : `COMPREPLY=($(compgen -W "${words(option.value)}" -- "$cur"))`;
      valueCases.push(`    ${pattern}) ${action}; return ;;`);
    }
  }
  const optionCases = [
    `    "") opts="${words([...model.global.flatMap((o) => o.flags), "--help", "--version"])}" ;;`,
    ...model.commands.map(
      (c) => `    "${key(c)}") opts="${words([...c.options, ...model.global].flatMap((o) => o.flags))}" ;;`,
    ),
  ];
  const argumentCases = model.commands.map((c) => {
    const action =
      c.subcommands.length > 0
        ? `COMPREPLY=($(compgen -W "${words(c.subcommands)}" -- "$cur"))`
        : c.argumentChoices !== null
          ? `COMPREPLY=($(compgen -W "${words(c.argumentChoices)}" -- "$cur"))`
          : c.takesPaths
            ? `compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))`
            : "COMPREPLY=()";
    return `    "${key(c)}") ${action} ;;`;
  });
  return `# leadscore completion for bash. Load it from ~/.bashrc:  eval "$(leadscore completion bash)"
_leadscore() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local cmd="" word i opts
  # The command (and a subcommand of it) are the first words that are not options or their values.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case "$word" in
      ${globalValues.join("|")}) ((i++)) ;;
      -*) ;;
      *)
        if [[ -z "$cmd" ]]; then
          cmd="$word"
        else
          case "$cmd $word" in
${model.commands
  .filter((c) => c.path.length === 2)
  .map((c) => `            "${key(c)}") cmd="${key(c)}" ;;`)
  .join("\n")}
          esac
        fi
        ;;
    esac
  done
  case "$cmd:$prev" in
${valueCases.join("\n")}
  esac
  if [[ "$cur" == -* ]]; then
    case "$cmd" in
${optionCases.map((line) => `  ${line}`).join("\n")}
      *) opts="" ;;
    esac
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  case "$cmd" in
    "") COMPREPLY=($(compgen -W "${words(top.map((c) => c.path[0]!))}" -- "$cur")) ;;
${argumentCases.join("\n")}
  esac
}
complete -F _leadscore leadscore
`;
}
