import type { Artifact } from "../compile/artifact.js";
import {
  addPopulationFiles,
  PopulationFileError,
  readsParquet,
  type LoadedPopulation,
} from "../diff/population-load.js";
import type { PopulationSource, ProjectConfig } from "../project/config.js";
import { UsageError } from "./exit-codes.js";
import { inputOptionsOrUsage } from "./input-options-for-command.js";
import { resolveInputOptions } from "../io/input-options.js";
import type { CommandIO } from "./io.js";
import { displayPath } from "./rules-input.js";
import { openDuckDbSession } from "./duckdb-session.js";

export interface PopulationInput {
  loaded: LoadedPopulation;
  /** The files read, as the user named them: `examples/data/leads.csv + examples/data/events.ndjson`. */
  label: string;
  /** The `--from`/`--events` options to repeat in a command line, or [] when the configuration named them. */
  options: string[];
}

/**
 * The leads `fixture add` and `fixture suggest` pick from: `--from <leads> [--events <file>]`, else the
 * `population` files of leadscore.yaml. Read with the input layer `diff` uses, so a lead is valid or
 * rejected for the same reasons everywhere; rejected records are counted, never picked.
 */
export async function loadPopulationInput(
  io: CommandIO,
  config: ProjectConfig,
  artifact: Artifact,
  from: { leads?: string | undefined; events?: string | undefined },
): Promise<PopulationInput> {
  let sources: PopulationSource[];
  let root: string;
  let options: string[] = [];
  if (from.leads !== undefined) {
    sources = [{ leads: from.leads, ...(from.events === undefined ? {} : { events: from.events }) }];
    root = io.cwd;
    options = ["--from", displayPath(io, from.leads)];
    if (from.events !== undefined) options.push("--events", displayPath(io, from.events));
  } else if (from.events !== undefined) {
    throw new UsageError("--events goes with --from <leads file>");
  } else if (config.population.length > 0) {
    sources = config.population;
    root = config.root;
  } else {
    throw new UsageError(
      "no population to take leads from: pass --from <leads file> (and --events <file>), or list `population` in leadscore.yaml",
    );
  }
  const loaded: LoadedPopulation = { leads: [], sources: [], rejects: [] };
  // Parquet files are read by DuckDB into the same input layer, as `diff` reads them on every engine.
  const parquet = readsParquet(sources) ? await openDuckDbSession() : null;
  try {
    // Each file with leadscore.yaml's input: and its entry's own keys, as score and diff read it.
    const inputFor = (entry: PopulationSource) =>
      inputOptionsOrUsage(() => resolveInputOptions([config.input, entry]));
    await addPopulationFiles(
      sources,
      { base: artifact, head: artifact },
      { root, inputFor, ...(parquet === null ? {} : { parquet }) },
      loaded,
    );
  } catch (error) {
    if (error instanceof PopulationFileError) throw new UsageError(error.message);
    throw error;
  } finally {
    await parquet?.close();
  }
  const label = sources
    .map((s) => (s.events === undefined ? s.leads : `${s.leads} + ${s.events}`))
    .join(", ");
  return { loaded, label, options };
}
