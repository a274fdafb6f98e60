import type { Command } from "commander";
import type { FmtOptions } from "./fmt-action.js";
import type { RegisterCommand } from "./register.js";
import { githubFormatOption } from "./annotation-option.js";

export const registerFmt: RegisterCommand = (program: Command, io, setExitCode) => {
  program
    .command("fmt")
    .description("Rewrite rule files in the canonical layout, listing the files it changed.")
    .argument("[paths...]", "rule directories or .score files", [])
    .option(
      "--check",
      "change nothing; print what formatting would change (a diff), and fail if a file is not formatted",
    )
    .option("--diff", "change nothing; print what formatting would change (a diff)")
    .option("--stdin", "format standard input and print the result (for editors)")
    .addOption(githubFormatOption())
    .addHelpText(
      "after",
      [
        "",
        "Files with syntax errors are reported and left unchanged. Changes a diff cannot show are said in",
        "words: `rules/a.score: line endings CRLF → LF`.",
        "Exit codes: 0 done (with --check: every file is formatted), 1 a file is not formatted (--check)",
        "or has syntax errors, 2 bad usage or unreadable files.",
      ].join("\n"),
    )
    .action(async (paths: string[], options: FmtOptions) => {
      const { runFmt } = await import("./fmt-action.js");
      await runFmt(io, paths, options, setExitCode);
    });
};
