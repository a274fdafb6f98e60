import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ErrorObject } from "ajv";
import { isMap, parseDocument, LineCounter } from "yaml";
import { aliasExpansionProblem } from "./yaml-aliases.js";
import { compileGlobs, GlobError } from "./glob.js";
import { validate as generatedConfigValidator } from "../compile/generated/config-validator.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { INPUT_CONFIG_KEYS, type InputConfig } from "../io/input-options.js";

import { CONFIG_FILE } from "./config-file.js";

export { CONFIG_FILE };

/** A population file, with how to read it (each key overrides the same key under `input:`). */
export interface PopulationSource extends InputConfig {
  leads: string;
  events?: string;
}

/** The project configuration with defaults applied; paths stay relative to `root`. */
export interface ProjectConfig {
  /** Directory of the configuration file (or the working directory without one). */
  root: string;
  /** Whether a leadscore.yaml was found. */
  fromFile: boolean;
  rules: string;
  fixtures: string[];
  population: PopulationSource[];
  asOf: string | null;
  /** Lead fields `fixture add` redacts unless `--redact` says otherwise. */
  redact: string[];
  /** How lead files are read, for every command (`input:`). */
  input: InputConfig;
}

/** A configuration problem, located in the file for the user to fix. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

const DEFAULTS = { rules: "rules", fixtures: ["rules/**/*.test.yaml"] };

/**
 * The validator of schema/config.schema.json, generated as code by scripts/generate-validators.ts
 * (compiling the schema with ajv and its formats at run time cost every command about 75 ms).
 */
const validateConfig = generatedConfigValidator as ((value: unknown) => boolean) & {
  errors?: ErrorObject[] | null;
};

const KNOWN_KEYS = ["version", "rules", "fixtures", "population", "as_of", "redact", "input"];
const POPULATION_KEYS = ["leads", "events", ...INPUT_CONFIG_KEYS];

/** The conventional layout, for a project (or a revision of it) without a leadscore.yaml. */
export function defaultProjectConfig(root: string): ProjectConfig {
  return {
    root,
    fromFile: false,
    ...DEFAULTS,
    fixtures: [...DEFAULTS.fixtures],
    population: [],
    asOf: null,
    redact: [],
    input: {},
  };
}

/** Reads `leadscore.yaml` in `dir`, or returns the conventional layout when there is none. */
export async function loadProjectConfig(dir: string): Promise<ProjectConfig> {
  const file = path.join(dir, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return defaultProjectConfig(dir);
    throw new ConfigError(`cannot read ${CONFIG_FILE}: ${(error as Error).message}`);
  }
  return parseProjectConfig(text, dir);
}

/** Parses and validates configuration text; errors name the line and, for unknown keys, a likely fix. */
export async function parseProjectConfig(text: string, root: string): Promise<ProjectConfig> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const [yamlError] = document.errors;
  if (yamlError) {
    const { line, col } = lineCounter.linePos(yamlError.pos[0]);
    throw new ConfigError(`${CONFIG_FILE}:${line}:${col}: ${yamlError.message.split("\n")[0]}`);
  }
  const bomb = aliasExpansionProblem(document);
  if (bomb !== null) {
    const { line, col } = lineCounter.linePos(bomb.offset);
    throw new ConfigError(`${CONFIG_FILE}:${line}:${col}: ${bomb.message}`);
  }
  const value: unknown = document.toJS() ?? {};
  if (!validateConfig(value)) {
    const messages = (validateConfig.errors ?? []).map((error) => {
      const pathParts = error.instancePath.split("/").filter(Boolean);
      const node = document.getIn(pathParts, true) as { range?: [number, number] } | undefined;
      let where = CONFIG_FILE;
      let message = `${error.instancePath || "the configuration"} ${error.message ?? "is invalid"}`;
      if (error.keyword === "additionalProperties") {
        const key = String((error.params as { additionalProperty: string }).additionalProperty);
        const parent = pathParts.length === 0 ? document.contents : document.getIn(pathParts, true);
        const pair = isMap(parent)
          ? parent.items.find((item) => String((item.key as { value?: unknown })?.value) === key)
          : undefined;
        const range = (pair?.key as { range?: [number, number] } | undefined)?.range;
        if (range) {
          const { line, col } = lineCounter.linePos(range[0]);
          where = `${CONFIG_FILE}:${line}:${col}`;
        }
        const known =
          pathParts.length === 0
            ? KNOWN_KEYS
            : pathParts[0] === "input"
              ? INPUT_CONFIG_KEYS
              : pathParts.length === 2
                ? POPULATION_KEYS
                : ["column", "converted", "not_converted"];
        const hint = didYouMean(key, known);
        message = `unknown key \`${key}\`${hint ? `: ${hint}` : ` (known keys: ${known.join(", ")})`}`;
      } else if (error.keyword === "format") {
        message = `\`${pathParts.join(".")}\` must be an ISO-8601 date-time, like 2026-11-01T00:00:00Z`;
      }
      if (error.keyword !== "additionalProperties" && node?.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        where = `${CONFIG_FILE}:${line}:${col}`;
      }
      return `${where}: ${message}`;
    });
    throw new ConfigError(messages.join("\n"));
  }
  const config = value as {
    rules?: string;
    fixtures?: string[];
    population?: PopulationSource[];
    as_of?: string;
    redact?: string[];
    input?: InputConfig;
  };
  for (const [index, glob] of (config.fixtures ?? []).entries()) {
    try {
      compileGlobs([glob]);
    } catch (error) {
      if (error instanceof GlobError)
        throw new ConfigError(`${CONFIG_FILE}: \`fixtures[${index}]\`: ${error.message}`);
      throw error;
    }
  }
  const rules = config.rules ?? DEFAULTS.rules;
  return {
    root,
    fromFile: true,
    rules,
    fixtures: config.fixtures ?? [`${rules.replace(/\/+$/, "")}/**/*.test.yaml`],
    population: config.population ?? [],
    asOf: config.as_of ?? null,
    redact: config.redact ?? [],
    input: config.input ?? {},
  };
}
