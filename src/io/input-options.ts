import { didYouMean } from "../diagnostics/suggest.js";
import type { LeadsFormat } from "./leads-format.js";

/**
 * How a leads file is read: one typed object, resolved once (from `leadscore.yaml`, then the command's
 * flags) and handed to every reader, so that `score`, `diff`, `test`, `explain` and the library read the
 * same file the same way. Every field has a value: nothing downstream guesses a default.
 */
export interface InputOptions {
  /** `csv` or `ndjson`; null: from the file's extension. */
  format: LeadsFormat | null;
  /** The CSV field separator; null: detected from the header line (`,` `;` tab `|`). */
  delimiter: Delimiter | null;
  /** CSV header → lead field, before any matching of headers by their words. */
  columns: ReadonlyMap<string, string>;
  /** Values that mean "missing" (compared trimmed, case-insensitively): for every field, and per field. */
  missingValues: MissingValues;
  /** The unit of timestamps written as numbers; null: a number is not a timestamp (the record is rejected). */
  epoch: EpochUnit | null;
  /** What to do with a second record of the same lead id. */
  onDuplicate: OnDuplicate;
  /** Reject records with keys that are no field of the schema (otherwise they are counted). */
  strictKeys: boolean;
  /** The column holding each lead's historical outcome, for conversion rates; null: none. */
  outcome: OutcomeOptions | null;
}

export type Delimiter = "," | ";" | "\t" | "|";

export type { EpochUnit } from "../eval/coerce.js";
import type { EpochUnit } from "../eval/coerce.js";

export type OnDuplicate = "keep-first" | "keep-last" | "reject";
export const ON_DUPLICATE: readonly OnDuplicate[] = ["keep-first", "keep-last", "reject"];

export interface MissingValues {
  all: readonly string[];
  byField: ReadonlyMap<string, readonly string[]>;
}

export interface OutcomeOptions {
  column: string;
  /** Values read as converted / not converted (lowercase); the defaults unless configured. */
  converted: readonly string[];
  notConverted: readonly string[];
}

export const DEFAULT_CONVERTED = ["1", "true", "yes", "y", "won", "converted"];
export const DEFAULT_NOT_CONVERTED = ["0", "false", "no", "n", "lost", "not converted"];

export const DEFAULT_INPUT_OPTIONS: InputOptions = {
  format: null,
  delimiter: null,
  columns: new Map(),
  missingValues: { all: [], byField: new Map() },
  epoch: null,
  onDuplicate: "keep-first",
  strictKeys: false,
  outcome: null,
};

/** A bad reading option: the caller reports it as bad usage (exit 2). */
export class InputOptionError extends Error {
  override readonly name = "InputOptionError";
}

/**
 * The reading options as `leadscore.yaml` writes them, per population entry or under `input:` (defaults
 * for every command). Keys are validated by the configuration schema; values are checked here.
 */
export interface InputConfig {
  format?: string;
  delimiter?: string;
  columns?: Record<string, string>;
  missing_values?: string[] | Record<string, string[]>;
  epoch?: string;
  on_duplicate?: string;
  strict_keys?: boolean;
  outcome?: string | { column: string; converted?: string[]; not_converted?: string[] };
}

export const INPUT_CONFIG_KEYS = [
  "format",
  "delimiter",
  "columns",
  "missing_values",
  "epoch",
  "on_duplicate",
  "strict_keys",
  "outcome",
];

/** The reading flags as commander gives them; every command that reads leads takes the same ones. */
export interface InputFlags {
  leadsFormat?: string;
  delimiter?: string;
  columns?: string;
  missingValues?: string[];
  epoch?: string;
  onDuplicate?: string;
  strictKeys?: boolean;
  outcome?: string;
}

/** Options from configuration layers, later layers overriding earlier ones key by key, then flags. */
export function resolveInputOptions(
  layers: ReadonlyArray<InputConfig | undefined>,
  flags: InputFlags = {},
): InputOptions {
  let options: InputOptions = DEFAULT_INPUT_OPTIONS;
  for (const layer of layers) if (layer !== undefined) options = applyConfig(options, layer);
  return applyFlags(options, flags);
}

function applyConfig(base: InputOptions, config: InputConfig): InputOptions {
  const options = { ...base };
  if (config.format !== undefined) options.format = formatOf(config.format, "format");
  if (config.delimiter !== undefined) options.delimiter = delimiterOf(config.delimiter, "delimiter");
  if (config.columns !== undefined) options.columns = new Map(Object.entries(config.columns));
  if (config.missing_values !== undefined) {
    const value = config.missing_values;
    options.missingValues = Array.isArray(value)
      ? { all: value, byField: new Map() }
      : {
          all: value["*"] ?? [],
          byField: new Map(Object.entries(value).filter(([field]) => field !== "*")),
        };
  }
  if (config.epoch !== undefined) options.epoch = epochOf(config.epoch, "epoch");
  if (config.on_duplicate !== undefined)
    options.onDuplicate = onDuplicateOf(config.on_duplicate, "on_duplicate");
  if (config.strict_keys !== undefined) options.strictKeys = config.strict_keys;
  if (config.outcome !== undefined) {
    const outcome = config.outcome;
    options.outcome =
      typeof outcome === "string"
        ? outcomeWithDefaults(outcome)
        : {
            column: outcome.column,
            converted: (outcome.converted ?? DEFAULT_CONVERTED).map(lower),
            notConverted: (outcome.not_converted ?? DEFAULT_NOT_CONVERTED).map(lower),
          };
  }
  return options;
}

function applyFlags(base: InputOptions, flags: InputFlags): InputOptions {
  const options = { ...base };
  if (flags.leadsFormat !== undefined) options.format = formatOf(flags.leadsFormat, "--leads-format");
  if (flags.delimiter !== undefined) options.delimiter = delimiterOf(flags.delimiter, "--delimiter");
  if (flags.columns !== undefined) options.columns = parseColumnMapping(flags.columns);
  if (flags.missingValues !== undefined && flags.missingValues.length > 0)
    options.missingValues = parseMissingValues(flags.missingValues);
  if (flags.epoch !== undefined) options.epoch = epochOf(flags.epoch, "--epoch");
  if (flags.onDuplicate !== undefined)
    options.onDuplicate = onDuplicateOf(flags.onDuplicate, "--on-duplicate");
  if (flags.strictKeys === true) options.strictKeys = true;
  if (flags.outcome !== undefined) {
    // A flag names the column; values configured for the same column still apply.
    options.outcome =
      options.outcome !== null && options.outcome.column === flags.outcome
        ? options.outcome
        : outcomeWithDefaults(flags.outcome);
  }
  return options;
}

function outcomeWithDefaults(column: string): OutcomeOptions {
  return { column, converted: DEFAULT_CONVERTED, notConverted: DEFAULT_NOT_CONVERTED };
}

function lower(text: string): string {
  return text.trim().toLowerCase();
}

const DELIMITER_NAMES: ReadonlyMap<string, Delimiter> = new Map([
  [",", ","],
  ["comma", ","],
  [";", ";"],
  ["semicolon", ";"],
  ["\t", "\t"],
  ["\\t", "\t"],
  ["tab", "\t"],
  ["|", "|"],
  ["pipe", "|"],
]);

function delimiterOf(text: string, where: string): Delimiter {
  const delimiter = DELIMITER_NAMES.get(text.toLowerCase());
  if (delimiter === undefined)
    throw new InputOptionError(
      `${where} \`${text}\` is not a delimiter: write , ; | or tab (also comma, semicolon, pipe)`,
    );
  return delimiter;
}

function formatOf(text: string, where: string): LeadsFormat {
  if (text === "csv" || text === "ndjson") return text;
  throw new InputOptionError(`${where} \`${text}\` is not a leads format: write csv or ndjson`);
}

function epochOf(text: string, where: string): EpochUnit {
  if (text === "s" || text === "ms") return text;
  throw new InputOptionError(
    `${where} \`${text}\` is not a unit of epoch timestamps: write s (seconds) or ms (milliseconds)`,
  );
}

function onDuplicateOf(text: string, where: string): OnDuplicate {
  if ((ON_DUPLICATE as readonly string[]).includes(text)) return text as OnDuplicate;
  const hint = didYouMean(text, ON_DUPLICATE);
  throw new InputOptionError(
    `${where} \`${text}\` is not one of ${ON_DUPLICATE.join(", ")}${hint === undefined ? "" : ` (${hint})`}`,
  );
}

/** `--columns "Prospect ID=id,Lead Origin=origin"`: explicit CSV header → field names. */
export function parseColumnMapping(text: string): Map<string, string> {
  const mapping = new Map<string, string>();
  for (const pair of text.split(",")) {
    const at = pair.lastIndexOf("=");
    const header = pair.slice(0, at).trim();
    const field = pair.slice(at + 1).trim();
    if (at <= 0 || header === "" || field === "") {
      throw new InputOptionError(
        `--columns takes "CSV header=field" pairs separated by commas, not \`${pair.trim()}\``,
      );
    }
    mapping.set(header, field);
  }
  return mapping;
}

/**
 * `--missing-values "Select,N/A"` (every field) and `--missing-values "city=Select,Other"` (one field);
 * the flag may be given several times.
 */
export function parseMissingValues(texts: readonly string[]): MissingValues {
  const all: string[] = [];
  const byField = new Map<string, string[]>();
  for (const text of texts) {
    const at = text.indexOf("=");
    const field = at === -1 ? null : text.slice(0, at).trim();
    const values = (at === -1 ? text : text.slice(at + 1))
      .split(",")
      .map((value) => value.trim())
      .filter((value) => value !== "");
    if (field === null) all.push(...values);
    else if (field === "")
      throw new InputOptionError(`--missing-values \`${text}\`: name the field before =`);
    else byField.set(field, [...(byField.get(field) ?? []), ...values]);
  }
  return { all, byField };
}
