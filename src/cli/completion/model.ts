import type { Command, Option } from "commander";
import { TEST_REPORTERS } from "../commands/choices.js";

/**
 * What a shell completes, read from the program itself (so completion never falls behind a new command or
 * option): the commands, their options, the values an option may take (`--dialect`, `--format`, `--color`,
 * from the same lists commander validates against), and which options and arguments are paths.
 */
export interface CompletionCommand {
  /** `score`, or `fixture add` for a subcommand. */
  path: string[];
  description: string;
  options: CompletionOption[];
  /** The command takes paths as arguments (rule files, fixture files, directories, revisions). */
  takesPaths: boolean;
  /** The values its argument may take (`completion bash|zsh|fish`), instead of paths. */
  argumentChoices: readonly string[] | null;
  subcommands: string[];
}

export interface CompletionOption {
  flags: string[];
  description: string;
  /** null: a flag; "path": a file or directory; "value": free text; or the values it may take. */
  value: null | "path" | "value" | readonly string[];
}

/**
 * Options whose values the command checks itself (with its own message) rather than through commander's
 * choices: their lists, for completion.
 */
const CHECKED_BY_THE_COMMAND: Record<string, readonly string[]> = {
  "test --reporter": TEST_REPORTERS,
  "--leads-format": ["csv", "ndjson"],
};

/** Value names (`--out <file>`) that name a file or a directory. */
const PATH_VALUES = new Set([
  "file",
  "dir",
  "dir|artifact.json",
  "file-or-url",
  "table|file",
  "leads",
  "results",
]);

export function completionModel(program: Command): {
  global: CompletionOption[];
  commands: CompletionCommand[];
} {
  const commands: CompletionCommand[] = [];
  const visit = (command: Command, path: string[]) => {
    for (const sub of command.commands) {
      const subPath = [...path, sub.name()];
      commands.push({
        path: subPath,
        description: sub.description(),
        options: [...sub.options.map((option) => optionOf(option, subPath.join(" "))), HELP],
        takesPaths:
          sub.registeredArguments.length > 0 && sub.registeredArguments[0]?.argChoices === undefined,
        argumentChoices: sub.registeredArguments[0]?.argChoices ?? null,
        subcommands: sub.commands.map((c) => c.name()),
      });
      visit(sub, subPath);
    }
  };
  visit(program, []);
  // `--version` is only for the program alone; `--color` goes with every command.
  const global = program.options
    .filter((option) => option.long !== "--version")
    .map((option) => optionOf(option, ""));
  return { global, commands };
}

const HELP: CompletionOption = {
  flags: ["-h", "--help"],
  description: "display help for command",
  value: null,
};

function optionOf(option: Option, command: string): CompletionOption {
  const flags = [option.short, option.long].filter((flag): flag is string => flag !== undefined);
  return { flags, description: option.description, value: completedValue(option, command) };
}

function completedValue(option: Option, command: string): CompletionOption["value"] {
  if (!option.required && !option.optional) return null;
  if (option.argChoices !== undefined) return option.argChoices;
  const long = option.long ?? "";
  const checked = CHECKED_BY_THE_COMMAND[`${command} ${long}`] ?? CHECKED_BY_THE_COMMAND[long];
  if (checked !== undefined) return checked;
  const name = /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1];
  return name !== undefined && PATH_VALUES.has(name) ? "path" : "value";
}
