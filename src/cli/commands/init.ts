import type { Command } from "commander";
import type { InitOptions } from "./init-action.js";
import type { RegisterCommand } from "./register.js";

export const registerInit: RegisterCommand = (program: Command, io) => {
  program
    .command("init")
    .description(
      "Create a rules repository: example rules, fixture tests, a sample population and a CI workflow.",
    )
    .argument("[dir]", "the directory to create it in, made when missing", ".")
    .option("--force", "overwrite files that exist already")
    .option(
      "--action <owner/repo@ref>",
      "the workflow uses this leadscore GitHub Action, pinned to that tag or commit, instead of installing the npm package",
    )
    .addHelpText(
      "after",
      "\nNothing is written when any of the files exists already, unless --force is given." +
        "\nExit codes: 0 created, 2 bad usage, existing files or a directory that cannot be written.",
    )
    .action(async (dir: string, options: InitOptions) => {
      const { runInit } = await import("./init-action.js");
      await runInit(io, dir, options);
    });
};
