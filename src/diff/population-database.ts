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
 */
import type { Artifact, FieldSchema, FieldType } from "../compile/artifact.js";
import { toInstant } from "../eval/instant.js";
import { dialectNamed, type Dialect } from "../sql/dialect.js";
import type { ColumnKind, ColumnValue, SqlEngine } from "../sql/engines/engine.js";
import { createDecoder } from "../sql/decode.js";
import { pairColumns, pairQuery } from "../sql/diff-query.js";
import { columnType, idText, insert, kindOf, storable, typedValue } from "../sql/load.js";
import { eventProperties } from "../sql/relations.js";
import type { PopulationLead, PopulationDiff } from "./population.js";
import { StopReading, type PopulationSink } from "./population-load.js";

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
): Promise<void> {
  const { artifacts, asOf } = diff;
  const tables = new PopulationTables(engine, artifacts);
  await tables.create();
  const segments: Segment[] = [];
  await read({
    ...sink,
    leads: {
      push(entry) {
        diff.observe(entry);
        const own = entry.asOf === undefined ? undefined : toInstant(entry.asOf);
        const last = segments.at(-1);
        if (last === undefined || last.asOf !== own) {
          segments.push(
            own === undefined
              ? { asOf: undefined, baseAsOf: asOf.base, headAsOf: asOf.head }
              : { asOf: own, baseAsOf: own, headAsOf: own },
          );
        }
        return tables.add(entry, segments.length - 1);
      },
    },
  });
  await tables.flush();

  const moved: number[] = [];
  for (const [index, segment] of segments.entries()) {
    await countSegment(engine, diff, artifacts, segment, index, moved);
  }
  if (moved.length === 0) return;

  // The second reading: only the leads that moved are scored again, for their rows; it stops after the last.
  let order = 0;
  let next = 0;
  try {
    await read({
      sources: [],
      rejects: { push: () => undefined },
      leads: {
        push(entry) {
          if (order === moved[next]) {
            diff.addMove(entry, order);
            next += 1;
            if (next === moved.length) throw new StopReading("every moved lead was read again");
          }
          order += 1;
        },
      },
    });
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
  }
  if (next !== moved.length) {
    throw new Error(`internal: the population read again had ${order} leads, not the same as before`);
  }
}

/** One segment's pairs of results, counted; the positions of its leads that moved go to `moved`. */
async function countSegment(
  engine: SqlEngine,
  diff: PopulationDiff,
  artifacts: { base: Artifact; head: Artifact },
  segment: Segment,
  index: number,
  moved: number[],
): Promise<void> {
  const dialect = dialectNamed(engine.dialect);
  const q = dialect.quoteIdentifier;
  const sql = pairQuery({
    dialect,
    ...artifacts,
    baseAsOf: segment.baseAsOf,
    headAsOf: segment.headAsOf,
    leads: { kind: "template", text: `(SELECT * FROM ${q(LEADS_TABLE)} WHERE ${q("__segment")} = ${index})` },
    events: { kind: "table", path: [EVENTS_TABLE] },
  });
  const columns = pairColumns(artifacts);
  const decodeBase = createDecoder(artifacts.base, segment.baseAsOf, { eventFacts: false });
  const decodeHead = createDecoder(artifacts.head, segment.headAsOf, { eventFacts: false });
  const side = (row: readonly unknown[], names: ReadonlyArray<[string, number]>) => {
    const values: Record<string, unknown> = {};
    for (const [name, at] of names) values[name] = row[at];
    return values;
  };
  for await (const rows of rowsOf(engine, sql)) {
    for (const row of rows) {
      const before = decodeBase(side(row, columns.base));
      const after = decodeHead(side(row, columns.head));
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

async function* rowsOf(engine: SqlEngine, sql: string): AsyncGenerator<readonly unknown[][]> {
  if (engine.stream !== undefined) {
    yield* engine.stream(sql);
    return;
  }
  const rows = await engine.query(sql);
  yield rows.map((row) => Object.values(row));
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
  #position = 0;
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

  #eventColumns(): Array<[string, ColumnKind, string]> {
    const d = this.#dialect;
    return [
      ["__row", "integer", "BIGINT"],
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
  add(entry: PopulationLead, segment: number): Promise<void> | undefined {
    const position = this.#position++;
    const id = idText(entry.lead.id);
    this.#leads.push([
      position,
      segment,
      outcomeCode(entry.outcome),
      id,
      ...this.#fields.map((field) => typedValue(field.type, entry.lead[field.name])),
    ]);
    for (const event of entry.events) {
      this.#events.push([
        position,
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
