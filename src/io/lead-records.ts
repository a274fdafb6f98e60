import { closestName } from "../diagnostics/suggest.js";
import { setOwnField } from "../eval/own-field.js";
import type { RulesetSchema } from "../eval/validate-input.js";
import { InputFileError, planColumns, type ColumnPlan } from "./column-plan.js";
import type { Delimiter, InputOptions } from "./input-options.js";
import { readCsv } from "./read-csv.js";
import { shortenRaw, type ByteSource, type ReadItem } from "./read-item.js";
import type { LeadsFormat } from "./leads-format.js";
import { grow, LeadIdTable } from "./lead-id-table.js";
import { embeddedEventsProblem, idText } from "./read-leads.js";
import { readNdjson, type JsonObject } from "./read-ndjson.js";

/** A lead record as read, keyed by field names, before it is typed and validated (see LeadPreparer). */
export interface LeadRecord {
  fields: Record<string, unknown>;
  /** Events embedded in an NDJSON lead (`events: [...]`). */
  events: JsonObject[];
  /** Every value is text as written (CSV). */
  fromText: boolean;
  /** The outcome value, when an outcome column was named (undefined when the record has none). */
  outcome: unknown;
  /** The lead's id as text, the key for events and duplicates; null without one. */
  id: string | null;
  /** The record as read: every column by its header (CSV) or every key (NDJSON), before any mapping. */
  raw: Readonly<Record<string, unknown>>;
}

/** What reading a file found that is no single record's fault: the summary says it. */
export interface InputReport {
  format: LeadsFormat;
  /** CSV only: the delimiter used (given or detected). */
  delimiter: Delimiter | null;
  /** CSV only: the column mapping, one line per field (`--verbose` prints it). */
  mapping: string[];
  /** CSV columns that fill no field. */
  unusedColumns: string[];
  warnings: string[];
  /** NDJSON keys that are no lead field: how many records have each, and the field it may mean. */
  unknownKeys: Record<string, { records: number; suggestion: string | null }>;
  /** Records whose lead id an earlier (or, keeping the last, a later) record has too. */
  duplicates: { records: number; ids: number; examples: string[] };
}

export interface LeadFileInput {
  /** Opens the file anew (keeping the last of duplicate ids reads it twice: ids first, then records). */
  open(): ByteSource;
  /**
   * A file a database reads for us (Parquet): its column names and its rows as text, mapped to fields
   * exactly as CSV columns are (and `open` is not called). Each call of `rows` reads from the start.
   */
  table?: TableRows;
  /** The file as the user named it, for messages. */
  name: string;
  format: LeadsFormat;
}

/** Rows of named columns, each value as text (`""` for none), as a CSV row holds them. */
export interface TableRows {
  columns: readonly string[];
  rows(): AsyncIterable<ReadItem<Record<string, string>>>;
}

const DUPLICATE_EXAMPLES = 5;

export function emptyInputReport(format: LeadsFormat): InputReport {
  return {
    format,
    delimiter: null,
    mapping: [],
    unusedColumns: [],
    warnings: [],
    unknownKeys: Object.create(null) as InputReport["unknownKeys"],
    duplicates: { records: 0, ids: 0, examples: [] },
  };
}

/**
 * Reads a leads file (CSV or NDJSON) into lead records keyed by field names, as the reading options say:
 * the delimiter, the column mapping (resolved once, from the header: a problem with it throws
 * InputFileError before any record), the outcome column, and duplicate lead ids (keep the first, keep
 * the last, or reject them all; memory holds the ids, never the records). Every logical record is yielded
 * once, as a record or a reject with its reason.
 */
export async function* readLeadRecords(
  input: LeadFileInput,
  schema: RulesetSchema,
  options: InputOptions,
  report: InputReport,
): AsyncGenerator<ReadItem<LeadRecord>> {
  // Keeping the last record of an id, or rejecting every record of a repeated id, needs to know the
  // future: a first pass counts the ids (and nothing else).
  let counts: Map<string, { count: number; last: number }> | null = null;
  if (options.onDuplicate !== "keep-first") {
    counts = new Map();
    for await (const item of readMapped(input, schema, options, emptyInputReport(input.format))) {
      if (item.kind === "reject" || item.value.id === null) continue;
      const entry = counts.get(item.value.id);
      if (entry === undefined) counts.set(item.value.id, { count: 1, last: item.record });
      else {
        entry.count += 1;
        entry.last = item.record;
      }
    }
  }
  // Every id met and the record it was first met in, off the JavaScript heap: a million ids in a Map
  // are tens of MB that every garbage collection walks.
  const firstAt = new FirstRecords();
  const duplicateIds = new Set<string>();
  for await (const item of readMapped(input, schema, options, report)) {
    const id = item.kind === "record" ? item.value.id : null;
    if (item.kind === "reject" || id === null) {
      yield item;
      continue;
    }
    let reason: string | null = null;
    if (counts === null) {
      const first = firstAt.add(id, item.record);
      if (first !== item.record)
        reason = `duplicate lead id \`${id}\`: record ${first} has it too and is kept (--on-duplicate keep-first)`;
    } else {
      const entry = counts.get(id);
      if (entry !== undefined && entry.count > 1) {
        if (options.onDuplicate === "reject")
          reason = `duplicate lead id \`${id}\`: ${entry.count} records have it, all are rejected (--on-duplicate reject)`;
        else if (entry.last !== item.record)
          reason = `duplicate lead id \`${id}\`: record ${entry.last} has it too and is kept (--on-duplicate keep-last)`;
      }
    }
    if (reason === null) {
      yield item;
      continue;
    }
    report.duplicates.records += 1;
    if (!duplicateIds.has(id)) {
      duplicateIds.add(id);
      report.duplicates.ids += 1;
      if (report.duplicates.examples.length < DUPLICATE_EXAMPLES) report.duplicates.examples.push(id);
    }
    yield {
      kind: "reject",
      record: item.record,
      line: item.line,
      reason,
      raw: shortenRaw(JSON.stringify(item.value.fields)),
    };
  }
}

/** Lead ids with the record each was first met in (told apart as text: see LeadIdTable). */
class FirstRecords {
  readonly #ids = new LeadIdTable();
  #records = new Float64Array(1024);

  /** The record `id` was first met in: `record` when this is the first time. */
  add(id: string, record: number): number {
    const known = this.#ids.size;
    const slot = this.#ids.addText(id);
    if (slot < known) return this.#records[slot]!;
    if (slot >= this.#records.length) this.#records = grow(this.#records, 2 * this.#records.length);
    this.#records[slot] = record;
    return record;
  }
}

/** A row of text by column name, as the lead record the column plan makes of it. */
function mappedRow(
  columns: Readonly<Record<string, string>>,
  headers: readonly string[],
  plan: ColumnPlan,
): LeadRecord {
  const { targets, outcomeColumn } = plan;
  // By the header's names, not Object.values: an object lists integer-like keys (`2026`) first.
  const row = headers.map((name) => columns[name]);
  const fields: Record<string, unknown> = {};
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i];
    if (target !== null && target !== undefined) setOwnField(fields, target, row[i] ?? "");
  }
  return {
    fields,
    events: [],
    fromText: true,
    outcome: outcomeColumn === null ? undefined : row[outcomeColumn],
    id: idText(fields.id),
    raw: columns,
  };
}

async function* readMapped(
  input: LeadFileInput,
  schema: RulesetSchema,
  options: InputOptions,
  report: InputReport,
): AsyncGenerator<ReadItem<LeadRecord>> {
  if (input.table !== undefined) {
    const headers = input.table.columns;
    const plan = planColumns(headers, schema.lead, options, input.name);
    report.mapping = plan.lines;
    report.warnings.push(...plan.warnings);
    report.unusedColumns = plan.unused;
    for await (const item of input.table.rows()) {
      yield item.kind === "reject" ? item : { ...item, value: mappedRow(item.value, headers, plan) };
    }
    return;
  }
  if (input.format === "csv") {
    let plan: ColumnPlan | null = null;
    let headers: readonly string[] = [];
    const rows = readCsv(input.open(), {
      delimiter: options.delimiter,
      onHeader(names, problem, delimiter) {
        report.delimiter = delimiter;
        if (problem !== null) {
          const hint =
            problem.includes("has no name") && names.length > 1 && names[names.length - 1] === ""
              ? " (a delimiter at the end of the header line?)"
              : "";
          throw new InputFileError(`cannot read \`${input.name}\`: the header ${problem}${hint}`);
        }
        headers = names;
        plan = planColumns(names, schema.lead, options, input.name);
        report.mapping = plan.lines;
        report.warnings.push(...plan.warnings);
        report.unusedColumns = plan.unused;
      },
    });
    for await (const item of rows) {
      if (item.kind === "reject" || plan === null) {
        yield item as ReadItem<LeadRecord>;
        continue;
      }
      yield { ...item, value: mappedRow(item.value, headers, plan as ColumnPlan) };
    }
    return;
  }
  const fieldNames = new Set(schema.lead.map((field) => field.name));
  const outcome = options.outcome?.column ?? null;
  for await (const item of readNdjson(input.open())) {
    if (item.kind === "reject") {
      yield item;
      continue;
    }
    const { events, ...fields } = item.value;
    const problem = embeddedEventsProblem(events);
    if (problem !== null) {
      yield {
        kind: "reject",
        record: item.record,
        line: item.line,
        reason: problem,
        raw: shortenRaw(JSON.stringify(item.value)),
      };
      continue;
    }
    for (const key of Object.keys(fields)) {
      if (fieldNames.has(key) || key === outcome) continue;
      const seen = Object.hasOwn(report.unknownKeys, key) ? report.unknownKeys[key] : undefined;
      if (seen !== undefined) seen.records += 1;
      else report.unknownKeys[key] = { records: 1, suggestion: closestName(key, fieldNames) ?? null };
    }
    let outcomeValue: unknown;
    if (outcome !== null) {
      outcomeValue = Object.hasOwn(fields, outcome) ? fields[outcome] : undefined;
      if (!fieldNames.has(outcome)) delete fields[outcome];
    }
    yield {
      ...item,
      value: {
        fields,
        events: (events ?? []) as JsonObject[],
        fromText: false,
        outcome: outcomeValue,
        id: idText(fields.id),
        raw: item.value,
      },
    };
  }
}
