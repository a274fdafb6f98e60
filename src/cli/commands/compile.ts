import type { Command } from "commander";
import type { CompileOptions } from "./compile-action.js";
import type { RegisterCommand } from "./register.js";

export const registerCompile: RegisterCommand = (program: Command, io, setExitCode) => {
  program
    .command("compile")
    .description("Compile a ruleset into the JSON artifact that runtime services load.")
    .argument("[paths...]", "rule directory or .score files", [])
    .option("-o, --out <file>", "write the artifact to this file instead of stdout")
    .addHelpText(
      "after",
      "\nThe artifact is validated against schema/ruleset.schema.json; the same sources always give the same bytes.",
    )
    .action(async (paths: string[], options: CompileOptions) => {
      const { runCompile } = await import("./compile-action.js");
      await runCompile(io, paths, options, setExitCode);
    });
};
