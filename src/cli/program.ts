import { createRequire } from "node:module";
import { Command, CommanderError, Option } from "commander";
import { COLOR_WHEN, colorEnabled, styleMarks, type ColorWhen } from "./color.js";
import { neutralizeWorkflowCommands } from "./workflow-commands.js";
import { ExitCode, UsageError } from "./exit-codes.js";
import type { CommandIO } from "./io.js";
import { commands } from "./commands/index.js";

const ALLOW_OUTSIDE_REPO = "--allow-outside-repo";

/** Builds the `leadscore` program; each command registers itself from `commands/`. */
export function buildProgram(
  io: CommandIO,
  setExitCode: (code: number) => void,
  onColor: (when: ColorWhen) => void = () => {},
): Command {
  const program = new Command("leadscore")
    .description("Lead scoring as code: check, format, compile, test and run .score rule files.")
    .version(VERSION, "-V, --version")
    .addOption(
      new Option(
        "--color <when>",
        "colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)",
      )
        .choices(COLOR_WHEN)
        .default("auto"),
    )
    .hook("preAction", (command) => {
      onColor(command.optsWithGlobals().color as ColorWhen);
    })
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      "\nAnywhere on the command line:\n" +
        "  --debug               an internal error shows its stack\n" +
        `  ${ALLOW_OUTSIDE_REPO}  paths in leadscore.yaml and symbolic links may lead outside the repository\n`,
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
    });
  for (const register of commands) register(program, io, setExitCode);
  return program;
}

// src/cli and dist/cli are both two levels below the package root.
const VERSION = (createRequire(import.meta.url)("../../package.json") as { version: string }).version;

/** Runs the CLI in-process and resolves to the exit code. Never throws. */
export async function runCli(argv: readonly string[], rawIO: CommandIO): Promise<number> {
  const env = rawIO.env ?? {};
  let when: ColorWhen = "auto";
  const marks = styleMarks();
  const io: CommandIO = {
    ...rawIO,
    env,
    // Text from files reaches stderr escaped, styled or not; stdout carries data (results, SQL, JSON) as
    // it is, and only loses or shows the marks of the reports printed there.
    stdout: (text) =>
      rawIO.stdout(marks.render(text, colorEnabled(when, env, rawIO.stdoutIsTTY ?? false), false)),
    // Text reports for people (explain, test, diff text) are escaped like stderr: they quote files too.
    stdoutText: (text) =>
      rawIO.stdout(marks.render(text, colorEnabled(when, env, rawIO.stdoutIsTTY ?? false), true)),
    stderr: (text) => {
      const shown = marks.render(text, colorEnabled(when, env, rawIO.isTTY), true);
      // In GitHub Actions, no line of text from a file may read as a workflow command (annotations are
      // written on stdout by the commands that make them).
      rawIO.stderr(env.GITHUB_ACTIONS === "true" ? neutralizeWorkflowCommands(shown) : shown);
    },
    stylize: marks.stylize,
    progress: rawIO.progress ?? rawIO.stderr,
  };
  // `--debug` anywhere on the command line: internal errors then show their stack.
  const debug = argv.includes("--debug");
  // `--allow-outside-repo` anywhere: leadscore.yaml's paths and links may leave the repository.
  if (argv.includes(ALLOW_OUTSIDE_REPO)) io.allowOutsideRepo = true;
  const args = argv.filter((argument) => argument !== "--debug" && argument !== ALLOW_OUTSIDE_REPO);
  let exitCode: number = ExitCode.Ok;
  const program = buildProgram(
    io,
    (code) => {
      exitCode = Math.max(exitCode, code);
    },
    (chosen) => {
      when = chosen;
    },
  );
  try {
    await program.parseAsync(args, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage mistakes with 1 from commander → 2.
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`leadscore: ${error.message}\n`);
      return ExitCode.Usage;
    }
    // Known by name: its class lives in compile/, which `--version` and `--help` must not load.
    if (error instanceof Error && error.name === "OutsideRepositoryError") {
      io.stderr(`leadscore: ${error.message}: not read (${ALLOW_OUTSIDE_REPO} allows it)\n`);
      return ExitCode.Usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(
      `leadscore: internal error: ${message.split("\n")[0]} (a bug in leadscore: please report it with the command that ran${debug ? "" : "; --debug shows the details"})\n`,
    );
    if (debug && error instanceof Error && error.stack !== undefined) io.stderr(`${error.stack}\n`);
    return ExitCode.Internal;
  }
}
