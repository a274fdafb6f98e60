import type { Command } from "commander";
import type { RegisterCommand } from "./register.js";
import type { ServeCommandOptions } from "./serve-action.js";

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `leadscore serve`: the HTTP scoring service. */
export const registerServe: RegisterCommand = (program: Command, io, setExitCode) => {
  program
    .command("serve")
    .description("Serve a compiled ruleset over HTTP: score leads, reload the ruleset when it changes.")
    .requiredOption(
      "--ruleset <file-or-url>",
      "the compiled artifact: a file (watched) or an http(s) URL (polled)",
    )
    .option("--signature <file-or-url>", "its detached signature (default <ruleset>.sig)")
    .option(
      "--key <file>",
      "a public key (PEM) rulesets must be signed by; repeat for several (rotation)",
      collect,
      [],
    )
    .option("--host <address>", "the address to listen on", "127.0.0.1")
    .option("--port <n>", "the port to listen on (0: any free port)", "8080")
    .option("--workers <n>", "worker processes sharing the port (node:cluster)", "1")
    .option("--max-body <bytes>", "largest request body, in bytes", "1048576")
    .option("--max-batch <n>", "most leads in one batch request", "1000")
    .option("--max-events <n>", "most events with one lead", "1000")
    .option("--poll <seconds>", "how often a URL ruleset is polled", "30")
    .option("--state-dir <dir>", "where the last good ruleset is kept for restarts", ".leadscore-serve")
    .option("--no-state", "keep no last good ruleset on disk")
    .option("--decision-log <file>", "append one NDJSON line per decision (input hashed, never stored)")
    .option("--log-level <level>", "fatal, error, warn, info, debug", "info")
    .addHelpText(
      "after",
      "\nRoutes: POST /v1/score, POST /v1/score/batch, GET /v1/ruleset, /healthz, /readyz, /metrics.\n" +
        "With any --key, a ruleset without a valid signature by one of the keys is refused (the last good stays).\n" +
        "SIGTERM finishes the requests in flight, then exits. Logs are JSON lines on stdout.",
    )
    .action(async (options: ServeCommandOptions) => {
      const { runServeCommand } = await import("./serve-action.js");
      await runServeCommand(io, options, setExitCode);
    });
};
