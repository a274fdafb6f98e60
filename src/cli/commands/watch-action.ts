import { watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { ExitCode, UsageError } from "../exit-codes.js";
import type { CommandIO } from "../io.js";
import { runCheck } from "./check-action.js";
import { projectConfig } from "./defaults.js";
import { runExplain } from "./explain-action.js";
import { runTest } from "./test-action.js";

export interface WatchOptions {
  explain?: string;
  asOf?: string;
  maxRuns?: string;
}

/** Changes closer together than this are one change (an editor saving several files, or writing twice). */
const DEBOUNCE_MS = 100;

/** Clears the screen and its scrollback, and puts the cursor at the top: a terminal only. */
const CLEAR_SCREEN = "\x1b[2J\x1b[3J\x1b[H";

/**
 * `leadscore watch`: runs check and test (and explain) once, then again after every change of a file they
 * read, until Ctrl-C (or `--max-runs`). Each run starts from the files as they are: nothing is cached
 * between runs, so a run says exactly what `check` and `test` would.
 */
export async function runWatch(
  io: CommandIO,
  options: WatchOptions,
  setExitCode: (code: number) => void,
  stop?: AbortSignal,
): Promise<void> {
  const maxRuns = options.maxRuns === undefined ? Infinity : Number(options.maxRuns);
  if (!Number.isInteger(maxRuns) && maxRuns !== Infinity) {
    throw new UsageError(`--max-runs takes a whole number (found \`${options.maxRuns}\`)`);
  }
  if (maxRuns < 1) throw new UsageError("--max-runs must be at least 1");
  const config = await projectConfig(io);
  const explainFile = options.explain === undefined ? null : path.resolve(io.cwd, options.explain);
  const watched = (file: string) =>
    file.endsWith(".score") ||
    file.endsWith(".test.yaml") ||
    path.basename(file) === "leadscore.yaml" ||
    (explainFile !== null && path.resolve(config.root, file) === explainFile);

  let runs = 0;
  let lastCode: number = ExitCode.Ok;
  const runOnce = async () => {
    runs += 1;
    if (io.isTTY) (io.progress ?? io.stderr)(CLEAR_SCREEN);
    else if (runs > 1) io.stderr("\n");
    const started = performance.now();
    let code: number = ExitCode.Ok;
    const setCode = (c: number) => {
      code = Math.max(code, c);
    };
    const steps: Array<[string, () => Promise<void>]> = [
      ["check", () => runCheck(io, [], {}, setCode)],
      ["test", () => runTest(io, [], { reporter: "text" }, setCode)],
    ];
    if (options.explain !== undefined) {
      const lead = options.explain;
      steps.push([
        "explain",
        () =>
          runExplain(
            io,
            { rules: config.rules, lead, ...(options.asOf === undefined ? {} : { asOf: options.asOf }) },
            setCode,
          ),
      ]);
    }
    for (const [name, step] of steps) {
      // Rules with errors: check has shown them; test and explain would only show them again.
      if (name !== "check" && code >= ExitCode.Failed) {
        io.stderr(`${name}: not run (the rules have errors)\n`);
        continue;
      }
      try {
        await step();
      } catch (error) {
        // A run with a missing file or a bad lead file says so, and the watch goes on.
        if (!(error instanceof UsageError)) throw error;
        io.stderr(`leadscore: ${error.message}\n`);
        setCode(ExitCode.Usage);
      }
    }
    lastCode = code;
    const took = Math.round(performance.now() - started);
    const verdict =
      code === ExitCode.Ok
        ? (io.stylize?.("passed", "all good") ?? "all good")
        : (io.stylize?.("failed", "problems found") ?? "problems found");
    io.stderr(
      `\nwatch: run ${runs}: ${verdict} (${steps.map(([name]) => name).join(", ")} in ${took} ms)` +
        (runs < maxRuns ? "; watching for changes (Ctrl-C to stop)\n" : "\n"),
    );
  };

  const watcher = openWatcher(config.root, explainFile);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let pending = false;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const schedule = () => {
    if (runs >= maxRuns) return;
    if (running !== null) {
      pending = true;
      return;
    }
    running = runOnce()
      .catch((error: unknown) => {
        watcher.close();
        throw error;
      })
      .finally(() => {
        running = null;
        if (runs >= maxRuns) finish();
        else if (pending) {
          pending = false;
          schedule();
        }
      });
    running.catch(() => finish());
  };
  watcher.on("change", (_event, file) => {
    if (file === null || !watched(String(file)) || String(file).split(/[\\/]/).includes("node_modules"))
      return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      schedule();
    }, DEBOUNCE_MS);
  });
  const onSignal = () => finish();
  process.once("SIGINT", onSignal);
  stop?.addEventListener("abort", onSignal, { once: true });
  schedule();
  try {
    await finished;
    await running;
  } finally {
    if (timer !== null) clearTimeout(timer);
    watcher.close();
    process.off("SIGINT", onSignal);
  }
  if (maxRuns !== Infinity) setExitCode(lastCode);
}

/** The project directory, recursively (rules and fixtures may be anywhere below it), and the lead file. */
function openWatcher(root: string, explainFile: string | null): FSWatcher {
  try {
    const watcher = watch(root, { recursive: true });
    if (explainFile !== null && !explainFile.startsWith(root + path.sep)) {
      const extra = watch(explainFile);
      extra.on("change", () => watcher.emit("change", "change", path.relative(root, explainFile)));
      watcher.on("close", () => extra.close());
    }
    return watcher;
  } catch (error) {
    throw new UsageError(`cannot watch \`${root}\`: ${(error as Error).message}`);
  }
}
