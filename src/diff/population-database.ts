/**
 * `leadscore diff --engine duckdb|postgres`: the population scored under both rulesets inside a
 * database, with the report the JS engine gives, byte for byte.
 *
 * The population is read, validated and rejected by the shared input layer (population-load.ts), as for
 * the JS engine, and loaded into two tables as it is read (leads with their position, events filed under
 * it). One query per run of leads with the same as-of time scores them under both rulesets and counts
 * the leads per pair of results (sql/diff-query.ts); each distinct pair is decoded once and counted as
 * many times as it occurs, by the same PopulationDiff the JS engine fills lead by lead — so every count,
 * the transition matrix, routing, score changes, per-rule tallies and outcome statistics have one meaning.
 *
 * The leads that moved are the exception: their row names the rule changes that moved them, which takes
 * trying each change undone on the lead (attribution.ts). The query gives their positions; the input is
 * read a second time, up to the last of them, and only those leads are scored again, in JS, for their
 * rows. A change that moves no one costs no second reading.
 *
 * A Parquet population file (with Parquet events, or none) on DuckDB is mostly not read by JavaScript at
 * all: DuckDB reads it and SQL takes every record it can prove the input layer accepts as it is
 * (batch/parquet-certain.ts, as `score --engine duckdb` does) and scores those leads where they lie, their
 * events read from the file itself (a part of the pair query of their own); the input layer reads only the
 * others, into the tables. A lead of such a file is placed by its record number, so both kinds keep the
 * file's order; the values the rules probe are then observed in SQL over the whole file, in that order.
 * Read again, such a file gives the input layer only the records of the leads that moved.
 */
import { observeProbedValues } from "../batch/probed-values.js";
import type { Artifact, FieldSchema, FieldType } from "../compile/artifact.js";
import {
  certainEvents,
  eventsUnderKey,
  certainLeads,
  IN_LEADS,
  IN_EVENTS,
  LEAD_PATH,
  SCRATCH,
  planParquetInput,
  sortedProperties,
  sortParquetRecords,
  uncertainEventRows,
  uncertainLeadRows,
  type ParquetFiles,
  type ParquetLayout,
  type ScratchTables,
} from "../batch/parquet-certain.js";
import { parquetRelation } from "../batch/parquet-input.js";
import { idKey } from "../batch/parquet-row-checks.js";
import type { InputOptions } from "../io/input-options.js";
import { toInstant } from "../eval/instant.js";
import { dialectNamed, type Dialect } from "../sql/dialect.js";
import { rowsOf, type ColumnKind, type ColumnValue, type SqlEngine } from "../sql/engines/engine.js";
import { createDecoder } from "../sql/decode.js";
import { pairColumns, pairQuery, type FiredBit, type PairPart } from "../sql/diff-query.js";
import { raiseWorkMem } from "../sql/upsert.js";
import { columnType, idText, insert, kindOf, storable, typedValue } from "../sql/load.js";
import { eventProperties } from "../sql/relations.js";
import type { PopulationLead, PopulationDiff } from "./population.js";
import { sameSchemas, StopReading, type ParquetSink, type PopulationSink } from "./population-load.js";
import { TablePopulation, type LeadTables } from "./population-tables.js";

/** Why a population cannot be diffed on a database engine (the CLI says it as a usage error). */
export class DatabaseDiffError extends Error {}

/** Leads loaded at once: a batch of rows in memory, whatever the population's size. */
const BATCH = 5_000;

const LEADS_TABLE = "ls_diff_leads";
const EVENTS_TABLE = "ls_diff_events";

/** Leads in a row of the population scored as of the same instants (fixture files carry their own). */
interface Segment {
  asOf: number | undefined;
  baseAsOf: number;
  headAsOf: number;
}

/**
 * Scores the population `read` hands over inside `engine` and counts it into `diff`; `sink` takes the
 * sources and rejects (the first reading's).
 */
export async function scoreInDatabase(
  engine: SqlEngine,
  diff: PopulationDiff,
  read: (sink: PopulationSink) => Promise<void>,
  sink: Omit<PopulationSink, "leads">,
  leadTables?: LeadTables,
): Promise<void> {
  const { artifacts, asOf } = diff;
  const tables = new PopulationTables(engine, artifacts);
  await tables.create();
  // As for `score --engine postgres`: the scoring query sorts and hashes every lead and event.
  if (engine.dialect === "postgres") await engine.run(raiseWorkMem("session"));
  /** The leads scored as of the run's own instants (a fixture case may carry its own). */
  const runSegment: Segment = { asOf: undefined, baseAsOf: asOf.base, headAsOf: asOf.head };
  const segments: Segment[] = [];
  /** The segment a lead scored as of `own` (undefined: the run's as-of) joins: the last one, or a new one. */
  const segmentOf = (own: number | undefined): number => {
    const last = segments.at(-1);
    if (last === undefined || last.asOf !== own) {
      segments.push(own === undefined ? runSegment : { asOf: own, baseAsOf: own, headAsOf: own });
    }
    return segments.length - 1;
  };
  const places = new Places(engine, artifacts);
  const { routing } = diff.observers;
  /** The segments the leads read by JavaScript joined (the others are only a taken file's certain leads). */
  const readByJs = new Set<number>();
  /** The taken files' certain leads, scored where they lie (their scratch relations kept until counted). */
  const certain: CertainPart[] = [];
  const kept = new KeptScratch(engine);
  // Dropped whatever happens: a caller may go on with the same session.
  await withCleanup(
    async () => {
      await read({
        ...sink,
        leads: {
          push(entry) {
            const position = places.of(entry);
            // The leads of a file the database took part of are observed in SQL with the others (see below).
            if (places.within === null) diff.observe(entry);
            else routing.noteCreation(entry.lead);
            const own = entry.asOf === undefined ? undefined : toInstant(entry.asOf);
            const segment = segmentOf(own);
            readByJs.add(segment);
            return tables.add(entry, position, segment);
          },
        },
        ...places.firstReading(async (file, taken) => {
          await tables.flush();
          const scratch = await kept.keep(file);
          await observeFile(engine, diff, { file, scratch }, taken);
          if (taken > 0) certain.push({ segment: segmentOf(undefined), file, scratch });
        }),
      });
      await tables.flush();
      // Counts the population loaded (segments) and the tables' leads, then adds the moved leads' rows.
      // Tables of the database itself (population-tables.ts): their leads come after those read. Every
      // statement from here on reads them in one snapshot (REPEATABLE READ), so that rows written meanwhile
      // (a CRM sync) are in every step or in none: the counts and the moved leads read back agree.
      const count = async (): Promise<void> => {
        const inTables =
          leadTables === undefined
            ? null
            : await TablePopulation.load(engine, diff, leadTables, places.placed, sink, tables.fields);

        const moved: number[] = [];
        const q = dialectNamed(engine.dialect).quoteIdentifier;
        for (const [index, segment] of segments.entries()) {
          const parts: PairPart[] = [];
          if (readByJs.has(index)) {
            parts.push({
              leads: {
                kind: "template",
                text: `(SELECT * FROM ${q(LEADS_TABLE)} WHERE ${q("__segment")} = ${index})`,
              },
              events: { kind: "table", path: [EVENTS_TABLE] },
            });
          }
          for (const part of certain)
            if (part.segment === index) parts.push(certainPart(artifacts.head, part));
          await countSegment(engine, diff, artifacts, segment, moved, parts);
        }
        // Not read again: their memory goes to what follows.
        await kept.drop();
        if (inTables !== null) {
          const sources = { leads: inTables.leadsSource, events: inTables.eventsSource, eventsById: true };
          await countSegment(engine, diff, artifacts, runSegment, moved, [sources]);
        }
        moved.sort((a, b) => a - b);
        if (inTables !== null) {
          const fromTables = moved.filter((place) => place >= inTables.base);
          moved.length -= fromTables.length;
          await inTables.addMoves(diff, fromTables);
        }
        if (moved.length === 0) return;

        await readMovedAgain(read, places, diff, moved);
      };
      if (leadTables === undefined) await count();
      else await engine.transaction!(count, { isolation: "REPEATABLE READ" });
    },
    () => kept.drop(),
  );
}

/**
 * The second reading: only the leads that moved (`moved`, their places in order) are read again, for their
 * rows; it stops after the last.
 */
async function readMovedAgain(
  read: (sink: PopulationSink) => Promise<void>,
  places: Places,
  diff: PopulationDiff,
  moved: readonly number[],
): Promise<void> {
  let next = 0;
  try {
    await read({
      sources: [],
      rejects: { push: () => undefined },
      leads: {
        push(entry) {
          const position = places.of(entry);
          if (position === moved[next]) {
            diff.addMove(entry, position);
            next += 1;
            if (next === moved.length) throw new StopReading("every moved lead was read again");
          }
        },
      },
      ...places.secondReading(moved),
    });
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
  }
  if (next !== moved.length) {
    throw new Error(`internal: the population read again had ${next} of ${moved.length} moved leads`);
  }
}

/** Runs `work`, then `cleanup` whatever happens; an error of `cleanup` is reported only if `work` succeeded. */
async function withCleanup(work: () => Promise<void>, cleanup: () => Promise<void>): Promise<void> {
  let done = false;
  try {
    await work();
    done = true;
  } finally {
    await cleanup().catch((error: unknown) => {
      if (done) throw error;
    });
  }
}

/**
 * The scratch relations of the taken files (parquet-certain.ts), each file's kept under names of its own
 * until the pairs are counted: the next file's sorting fills the usual ones.
 */
class KeptScratch {
  readonly #engine: SqlEngine;
  #kept: Array<{ file: TakenFile; scratch: ScratchTables }> = [];
  #next = 0;

  constructor(engine: SqlEngine) {
    this.#engine = engine;
  }

  async keep(file: TakenFile): Promise<ScratchTables> {
    const n = this.#next++;
    const scratch = { leads: `${IN_LEADS}_${n}`, events: `${IN_EVENTS}_${n}`, path: `${LEAD_PATH}_${n}` };
    this.#kept.push({ file, scratch });
    for (const key of SCRATCH_KEYS)
      await this.#engine.run(`ALTER ${scratchKind(file, key)} ${SCRATCH[key]} RENAME TO ${scratch[key]}`);
    return scratch;
  }

  async drop(): Promise<void> {
    const kept = this.#kept;
    this.#kept = [];
    for (const { file, scratch } of kept)
      for (const key of SCRATCH_KEYS)
        await this.#engine.run(`DROP ${scratchKind(file, key)} IF EXISTS ${scratch[key]}`);
  }
}

const SCRATCH_KEYS = ["leads", "events", "path"] as const;

/** A taken file's certain leads: the segment they are scored in, and where its sorted records are. */
interface CertainPart {
  segment: number;
  file: TakenFile;
  scratch: ScratchTables;
}

/**
 * The certain leads of a taken file and their events as a part of the pair query, read where they lie:
 * copying ten million events into the diff's events table cost 45-57 s of a 10M-lead diff. Their events
 * are filed under the lead's id (no certain lead shares its key with another record).
 */
function certainPart(head: Artifact, part: CertainPart): PairPart {
  const leads = { kind: "template" as const, text: `(${certainLeadRows(head, part)})` };
  if (part.file.layout.eventColumns === null) {
    // No events file: an events relation with no rows, of the columns the query reads.
    return { leads, events: { kind: "template", text: `(SELECT * FROM ${EVENTS_TABLE} WHERE FALSE)` } };
  }
  return {
    leads,
    events: { kind: "template", text: `(${eventsUnderKey(head, part.scratch)})` },
    eventsById: true,
  };
}

/** A taken file's certain leads as the diff's leads table holds leads: `__row`, `__outcome`, `id`, typed fields. */
function certainLeadRows(head: Artifact, { file, scratch }: Pick<CertainPart, "file" | "scratch">): string {
  const d = dialectNamed("duckdb");
  const q = d.quoteIdentifier;
  const fields = head.schema.lead
    .filter((field) => field.name !== "id")
    .map((field) => `, CAST(l.${q(`v_${field.name}`)} AS ${columnType(d, field.type)}) AS ${q(field.name)}`)
    .join("");
  return (
    `SELECT ${file.base} + l.pos AS ${q("__row")}, CAST(NULL AS BIGINT) AS ${q("__outcome")}, ` +
    `CAST(l.${q("v_id")} AS ${d.types.text}) AS ${q("id")}${fields} FROM (${certainLeads(head, scratch)}) l`
  );
}

/** What a scratch relation of a taken file is: its events a view over the file (when it has events). */
function scratchKind(file: TakenFile, key: keyof ScratchTables): "TABLE" | "VIEW" {
  return key === "events" && file.layout.eventColumns !== null ? "VIEW" : "TABLE";
}

/** A Parquet file the database took part of: its leads are at `base + record - 1`. */
interface TakenFile {
  files: ParquetFiles;
  layout: ParquetLayout;
  base: number;
  records: number;
}

/**
 * Every lead's place in the population, the same in both readings: the order leads are read in, except
 * in a Parquet file the database takes part of, whose leads are placed by their record numbers (the
 * records SQL takes are never read by JavaScript); the file then occupies as many places as it has records.
 */
class Places {
  readonly #engine: SqlEngine;
  readonly #artifact: Artifact;
  /** Whether SQL may take records: DuckDB, and one schema on both sides (else both sides must judge a lead). */
  readonly #takes: boolean;
  /** The Parquet files the database was offered, in reading order: taken, or not (null). */
  readonly #offered: Array<TakenFile | null> = [];
  #next = 0;
  within: TakenFile | null = null;

  /** Places given so far: the place of the next lead. */
  get placed(): number {
    return this.#next;
  }

  constructor(engine: SqlEngine, artifacts: { base: Artifact; head: Artifact }) {
    this.#engine = engine;
    this.#artifact = artifacts.head;
    this.#takes = engine.dialect === "duckdb" && sameSchemas(artifacts.base, artifacts.head);
  }

  of(entry: PopulationLead): number {
    const file = this.within;
    if (file === null) return this.#next++;
    if (entry.record === undefined) throw new Error("internal: a lead of a taken file without its record");
    return file.base + entry.record - 1;
  }

  /** The first reading: each Parquet file SQL can sort is sorted, and `load` told of it and its certain leads. */
  firstReading(load: (file: TakenFile, taken: number) => Promise<void>): { parquet?: ParquetSink } {
    if (!this.#takes) return {};
    return {
      parquet: {
        begin: async (files, input) => {
          const layout = await this.#layout(files, input);
          if (layout === null) {
            this.#offered.push(null);
            return null;
          }
          const engine = this.#engine;
          // The events are read a few times (deciding the leads' paths, counting, the JS input layer's,
          // scoring): a view over the file costs less than writing ten million of them to disk and reading
          // them back.
          await sortParquetRecords(engine, this.#artifact, input, files, layout, { events: "view" });
          const [counts] = await engine.query(
            `SELECT (SELECT COUNT(*) FROM ${IN_LEADS}) AS records, (SELECT COUNT(*) FROM ${LEAD_PATH} WHERE fast) AS taken, ` +
              `(SELECT COUNT(*) FROM ${IN_EVENTS}) AS events`,
          );
          const file: TakenFile = { files, layout, base: this.#next, records: Number(counts!.records) };
          const taken = Number(counts!.taken);
          this.#offered.push(file);
          this.within = file;
          return {
            leadRows: uncertainLeadRows,
            eventRows: uncertainEventRows,
            taken,
            eventsRead: Number(counts!.events),
            end: async () => {
              this.#leave(file);
              await load(file, taken);
            },
          };
        },
      },
    };
  }

  /** The second reading: of each file taken, only the records sharing an id with a lead that moved. */
  secondReading(moved: readonly number[]): { parquet?: ParquetSink } {
    this.#next = 0;
    if (!this.#takes) return {};
    let offered = 0;
    return {
      parquet: {
        begin: async () => {
          const file = this.#offered[offered++];
          if (file === undefined) throw new Error("internal: the population read again has other files");
          if (file === null) return null;
          const rows = moved.filter((at) => at >= file.base && at < file.base + file.records);
          this.within = file;
          const end = async () => this.#leave(file);
          if (rows.length === 0) {
            return { leadRows: "FALSE", eventRows: "FALSE", taken: 0, eventsRead: 0, end };
          }
          // Every record with a moved lead's id (the input layer judges duplicates among them), and their events.
          const ids =
            `SELECT ${file.layout.leadKey} FROM ${parquetRelation(file.files.leads.file, true)} ` +
            `WHERE file_row_number IN (${rows.map((at) => at - file.base).join(", ")})`;
          await this.#engine.run(`CREATE OR REPLACE TEMP TABLE ls_moved_ids AS ${ids}`);
          const eventKey = file.layout.eventColumns?.get("lead_id");
          return {
            leadRows: `(${file.layout.leadKey}) IN (SELECT * FROM ls_moved_ids)`,
            eventRows:
              eventKey === undefined ? "FALSE" : `(${idKey(eventKey)}) IN (SELECT * FROM ls_moved_ids)`,
            taken: 0,
            eventsRead: 0,
            end,
          };
        },
      },
    };
  }

  #leave(file: TakenFile): void {
    this.within = null;
    this.#next = file.base + file.records;
  }

  /** How SQL reads the files, or null when it takes none of them (an outcome column: read in JS). */
  async #layout(files: ParquetFiles, input: InputOptions): Promise<ParquetLayout | null> {
    if (input.outcome !== null) return null;
    return planParquetInput(this.#engine, this.#artifact, input, files);
  }
}

/**
 * What the leads of a taken file add to the report of themselves (PopulationDiff.observe): the values the
 * rules probe, over all of the file's leads in order (those read by JavaScript from the tables, the certain
 * ones where they lie), and the creation times of the certain ones (the others were noted as they were
 * read).
 */
async function observeFile(
  engine: SqlEngine,
  diff: PopulationDiff,
  part: Pick<CertainPart, "file" | "scratch">,
  taken: number,
): Promise<void> {
  const { file, scratch } = part;
  const d = dialectNamed("duckdb");
  const q = d.quoteIdentifier;
  const { usage, routing } = diff.observers;
  const rows = `__row BETWEEN ${file.base} AND ${file.base + file.records - 1}`;
  const head = diff.artifacts.head;
  const propertyType = new Map(sortedProperties(head).map((p) => [p.name, columnType(d, p.type)]));
  // The leads read by JavaScript are in the tables; the certain ones where they lie (certainPart).
  const relations = {
    leadColumns: new Set(head.schema.lead.map((field) => field.name)),
    eventColumns: new Set(propertyType.keys()),
    leads: (field: string) =>
      `SELECT ${q(field)} AS v, __row AS r1, 0 AS r2 FROM ${LEADS_TABLE} WHERE ${rows} UNION ALL ` +
      `SELECT ${q(field)} AS v, __row AS r1, 0 AS r2 FROM (${certainLeadRows(head, part)})`,
    events: (field: string) =>
      `SELECT ${q(field)} AS v, __row AS r1, __seq AS r2 FROM ${EVENTS_TABLE} WHERE ${rows}` +
      (file.layout.eventColumns === null
        ? ""
        : ` UNION ALL SELECT CAST(${q(`p_${field}`)} AS ${propertyType.get(field)}) AS v, ${file.base} + lead_pos AS r1, ` +
          `pos AS r2 FROM (${certainEvents(scratch)})`),
  };
  await observeProbedValues(engine, usage, relations);
  const creation = routing.creationField;
  const kind = creation === null ? undefined : file.layout.columnOf.get(creation)?.kind;
  // A date given as text or a timestamp; one in epoch units is a number to the input layer, not counted.
  if (taken > 0 && (kind === "text" || kind === "instant")) {
    const value = `EPOCH_MS(l.${q(`v_${creation}`)})`;
    const [span] = await engine.query(
      `SELECT MIN(${value}) AS first, MAX(${value}) AS last FROM (${certainLeads(head, scratch)}) l`,
    );
    if (span!.first !== null) routing.noteCreationSpan(Number(span!.first), Number(span!.last));
  }
}

/**
 * One segment's pairs of results (its leads and their events: `sources`), counted; the positions of its
 * leads that moved go to `moved`.
 */
async function countSegment(
  engine: SqlEngine,
  diff: PopulationDiff,
  artifacts: { base: Artifact; head: Artifact },
  segment: Segment,
  moved: number[],
  parts: PairPart[],
): Promise<void> {
  const dialect = dialectNamed(engine.dialect);
  const kept = diff.changedRules;
  const sql = pairQuery({
    dialect,
    ...artifacts,
    baseAsOf: segment.baseAsOf,
    headAsOf: segment.headAsOf,
    kept,
    parts,
  });
  const columns = pairColumns(artifacts, kept);
  const [baseUsage, headUsage] = diff.observers.usage;
  const decodeBase = createDecoder(artifacts.base, segment.baseAsOf, { eventFacts: false });
  const decodeHead = createDecoder(artifacts.head, segment.headAsOf, { eventFacts: false });
  const side = (row: readonly unknown[], names: ReadonlyArray<[string, number]>) => {
    const values: Record<string, unknown> = {};
    for (const [name, at] of names) values[name] = row[at];
    return values;
  };
  // DuckDB pushes the filter of the events no rule condition holds for down to the scan, with every
  // condition's expression (type, property normalised) written again in it: 50 s of the query's CPU at
  // 10M leads + 100M events read from Parquet, against 7 s computing each condition once and filtering
  // (BENCHMARKS.md). The setting changes how the query is planned, never its rows.
  const duckdb = engine.dialect === "duckdb";
  if (duckdb) await engine.run("SET disabled_optimizers = 'filter_pushdown'");
  await withCleanup(
    async () => {
      for await (const rows of rowsOf(engine, sql)) count(rows);
    },
    async () => {
      if (duckdb) await engine.run("RESET disabled_optimizers");
    },
  );
  function count(rows: readonly unknown[][]): void {
    for (const row of rows) {
      const before = decodeBase(side(row, columns.base));
      const after = decodeHead(side(row, columns.head));
      // The results hold only the kept rules' points: every rule that fired is noted here.
      for (const bit of columns.fired.base) if (isSet(row, bit)) baseUsage!.noteFired(bit.id);
      for (const bit of columns.fired.head) if (isSet(row, bit)) headUsage!.noteFired(bit.id);
      const move = diff.count(before, after, outcomeOf(row[columns.outcome]), Number(row[columns.leads]));
      if (move === null) continue;
      const position = row[columns.movedRow];
      if (position === null || position === undefined) {
        throw new Error("internal: a lead moved without a place in the population");
      }
      moved.push(Number(position));
    }
  }
}

/** Whether a rule's bit is set in its packed integer (a bigint from DuckDB, text from PostgreSQL). */
function isSet(row: readonly unknown[], { at, bit }: FiredBit): boolean {
  return ((BigInt(row[at] as bigint | string) >> BigInt(bit)) & 1n) === 1n;
}

/** The outcome column's code (see `outcomeCode`) as PopulationLead has it. */
function outcomeOf(code: unknown): boolean | null | undefined {
  if (code === null || code === undefined) return undefined;
  const value = Number(code);
  return value === -1 ? null : value === 1;
}

/** 1 converted, 0 not, -1 unknown (the file has an outcome column, the lead no readable value), NULL none. */
function outcomeCode(outcome: boolean | null | undefined): number | null {
  if (outcome === undefined) return null;
  return outcome === null ? -1 : outcome ? 1 : 0;
}

/**
 * The leads and events tables of a diff, typed by both rulesets' schemas (a field of either side is a
 * column), filled a batch at a time as the population is read.
 */
class PopulationTables {
  readonly #engine: SqlEngine;
  readonly #dialect: Dialect;
  readonly #fields: FieldSchema[];
  readonly #properties: FieldSchema[];
  #leads: ColumnValue[][] = [];
  #events: ColumnValue[][] = [];
  #loading: Promise<void> = Promise.resolve();

  constructor(engine: SqlEngine, artifacts: { base: Artifact; head: Artifact }) {
    this.#engine = engine;
    this.#dialect = dialectNamed(engine.dialect);
    const sides = [artifacts.head, artifacts.base];
    this.#fields = union(
      "lead field",
      sides.map((artifact) => artifact.schema.lead.filter((field) => field.name !== "id")),
    );
    this.#properties = union(
      "event property",
      sides.map((artifact) =>
        eventProperties(artifact).filter((p) => !["lead_id", "type", "at"].includes(p.name)),
      ),
    );
  }

  #leadColumns(): Array<[string, ColumnKind, string]> {
    const d = this.#dialect;
    return [
      ["__row", "integer", "BIGINT"],
      ["__segment", "integer", "BIGINT"],
      ["__outcome", "integer", "BIGINT"],
      ["id", "text", d.types.text],
      ...this.#fields.map(typed(d)),
    ];
  }

  /** Both sides' lead fields and event properties (id and the event's own columns aside). */
  get fields(): { lead: FieldSchema[]; events: FieldSchema[] } {
    return { lead: this.#fields, events: this.#properties };
  }

  #eventColumns(): Array<[string, ColumnKind, string]> {
    const d = this.#dialect;
    return [
      ["__row", "integer", "BIGINT"],
      // The event's place among its lead's events.
      ["__seq", "integer", "BIGINT"],
      ["lead_id", "text", d.types.text],
      ["type", "text", d.types.text],
      ["at", "instant", columnType(d, "date")],
      ...this.#properties.map(typed(d)),
    ];
  }

  async create(): Promise<void> {
    const q = this.#dialect.quoteIdentifier;
    // PostgreSQL: temporary tables, private to this session and gone with it.
    const create = this.#engine.dialect === "postgres" ? "CREATE TEMPORARY TABLE" : "CREATE TABLE";
    for (const [table, columns] of [
      [LEADS_TABLE, this.#leadColumns()],
      [EVENTS_TABLE, this.#eventColumns()],
    ] as const) {
      await this.#engine.run(`DROP TABLE IF EXISTS ${q(table)}`);
      await this.#engine.run(
        `${create} ${q(table)} (${columns.map(([name, , type]) => `${q(name)} ${type}`).join(", ")})`,
      );
    }
  }

  /** Adds a lead; returns a promise when a batch goes to the database (the reader waits for it). */
  add(entry: PopulationLead, position: number, segment: number): Promise<void> | undefined {
    const id = idText(entry.lead.id);
    this.#leads.push([
      position,
      segment,
      outcomeCode(entry.outcome),
      id,
      ...this.#fields.map((field) => typedValue(field.type, entry.lead[field.name])),
    ]);
    for (const [seq, event] of entry.events.entries()) {
      this.#events.push([
        position,
        seq,
        id,
        typeof event.type === "string" ? event.type : null,
        typedValue("date", event.at),
        ...this.#properties.map((property) => typedValue(property.type, event[property.name])),
      ]);
    }
    return this.#leads.length >= BATCH || this.#events.length >= 10 * BATCH ? this.flush() : undefined;
  }

  /** Sends the rows held to the database, after the batches before them. */
  flush(): Promise<void> {
    const leads = this.#leads;
    const events = this.#events;
    this.#leads = [];
    this.#events = [];
    const d = this.#dialect;
    const kinds = (columns: Array<[string, ColumnKind, string]>) => columns.map(([, kind]) => kind);
    this.#loading = this.#loading.then(async () => {
      await insert(this.#engine, d, LEADS_TABLE, kinds(this.#leadColumns()), storable(d, leads));
      await insert(this.#engine, d, EVENTS_TABLE, kinds(this.#eventColumns()), storable(d, events));
    });
    // Fixture leads are added without waiting: a failure is reported by the next flush awaited.
    this.#loading.catch(() => undefined);
    return this.#loading;
  }
}

function typed(dialect: Dialect): (field: FieldSchema) => [string, ColumnKind, string] {
  return (field) => [field.name, kindOf(field.type), columnType(dialect, field.type)];
}

/** The fields of both sides, each once; a field both declare must have one type on both. */
function union(what: string, sides: readonly FieldSchema[][]): FieldSchema[] {
  const fields = new Map<string, FieldType>();
  const all: FieldSchema[] = [];
  for (const side of sides) {
    for (const field of side) {
      const known = fields.get(field.name);
      if (known === undefined) {
        fields.set(field.name, field.type);
        all.push(field);
      } else if (known !== field.type) {
        throw new DatabaseDiffError(
          `the ${what} \`${field.name}\` is a ${known} in the head rules and a ${field.type} in the base rules: ` +
            "a database column has one type, so this change can be diffed with --engine js only",
        );
      }
    }
  }
  return all;
}
