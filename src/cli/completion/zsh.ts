import type { CompletionCommand, CompletionOption } from "./model.js";

/**
 * The zsh completion script: `source <(leadscore completion zsh)` in ~/.zshrc, or saved as `_leadscore`
 * in a directory of $fpath. Native `_arguments` specs: options with their descriptions, option values from
 * their lists, `_files` for paths, and the commands described.
 */
export function zshCompletion(model: { global: CompletionOption[]; commands: CompletionCommand[] }): string {
  const top = model.commands.filter((c) => c.path.length === 1);
  const describe = (commands: readonly CompletionCommand[]) =>
    commands.map((c) => quote(`${c.path.at(-1)}:${plain(c.description)}`)).join(" ");
  const specs = (command: CompletionCommand) => {
    const lines = [...command.options, ...model.global].flatMap((option) =>
      option.flags.map((flag) => quote(`${flag}[${bracketed(option.description)}]${valueSpec(option)}`)),
    );
    if (command.takesPaths) lines.push(quote("*:file:_files"));
    if (command.argumentChoices !== null) lines.push(quote(`1:value:(${command.argumentChoices.join(" ")})`));
    return lines.join(" \\\n          ");
  };
  const leaf = (command: CompletionCommand, indent: string) =>
    `${indent}${command.path.at(-1)}) _arguments -s \\\n          ${specs(command)} ;;`;
  const cases = top.map((command) => {
    if (command.subcommands.length === 0) return leaf(command, "      ");
    const subs = model.commands.filter((c) => c.path.length === 2 && c.path[0] === command.path[0]);
    return `      ${command.path[0]})
        if (( CURRENT == 2 )); then
          local -a subcommands=(${describe(subs)})
          _describe -t commands 'leadscore ${command.path[0]} command' subcommands
        else
          shift words; (( CURRENT-- ))
          case $words[1] in
${subs.map((sub) => leaf(sub, "            ")).join("\n")}
          esac
        fi ;;`;
  });
  return `#compdef leadscore
# leadscore completion for zsh. Load it from ~/.zshrc:  source <(leadscore completion zsh)
_leadscore() {
  local curcontext="$curcontext" state line
  local -a commands=(${describe(top)})
  _arguments -C \\
    ${model.global.flatMap((option) => option.flags.map((flag) => quote(`${flag}[${bracketed(option.description)}]${valueSpec(option)}`))).join(" \\\n    ")} \\
    '(- *)'{-V,--version}'[output the version number]' \\
    '(- *)'{-h,--help}'[display help]' \\
    '1: :->command' \\
    '*:: :->argument'
  case $state in
    command) _describe -t commands 'leadscore command' commands ;;
    argument)
      case $words[1] in
${cases.join("\n")}
      esac ;;
  esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _leadscore "$@"
else
  compdef _leadscore leadscore
fi
`;
}

function valueSpec(option: CompletionOption): string {
  if (option.value === null) return "";
  if (option.value === "path") return ":file:_files";
  if (option.value === "value") return ":value: ";
  return `:value:(${option.value.join(" ")})`;
}

/** Descriptions are one line of plain words (they come from the program, not from files). */
function plain(text: string): string {
  return text.replace(/\s+/g, " ").replace(/`/g, "");
}

/** In `--flag[description]`, a closing bracket and a colon would end the description early. */
function bracketed(text: string): string {
  return plain(text).replace(/\\/g, "\\\\").replace(/\]/g, "\\]").replace(/\[/g, "\\[");
}

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
