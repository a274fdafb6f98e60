/**
 * `leadscore diff --engine postgres --leads-table … --events-table …`: a population that is already
 * PostgreSQL tables, scored in place, with the meaning `score --engine postgres --leads-table` gives the
 * same tables (sql/lead-table.ts): a lead is a row with an id of its own; a row without an id, and every
 * row whose id another row has too, is not scored and is listed among the rejects; an event belongs to
 * the lead its `lead_id` names, and one without a `lead_id` or a time (`at`) counts for none and is
 * rejected. Columns are named as the fields, typed as the generated SQL reads them (sql/relations.ts).
 *
 * A table has no order of its own: its leads are taken in the order of their ids (bytewise), and each
 * lead's events in time order — the order of the report's lists, and of the values the rules probe.
 *
 * The accepted leads are copied once into a temporary table with their place in the population, the
 * pairs of results counted by the same query as the other database populations (sql/diff-query.ts), and
 * only the leads that moved are read into JavaScript, a batch at a time, for the rule changes that moved
 * them. Nothing is written to the user's tables: the copy is a temporary table of the session.
 */
import type { FieldSchema, FieldType } from "../compile/artifact.js";
import { observeProbedValues } from "../batch/probed-values.js";
import { dialectNamed } from "../sql/dialect.js";
import { rowsOf, type SqlEngine } from "../sql/engines/engine.js";
import { call, cast, col, type SqlExpr, type SqlSource } from "../sql/ir.js";
import {
  EVENTS_TABLE_NEEDED,
  leadTableCheck,
  leadTableCounts,
  sharedLeadIds,
  tableName,
} from "../sql/lead-table.js";
import { printExpr } from "../sql/printer.js";
import { idValue, readsEvents } from "../sql/relations.js";
import type { PopulationDiff } from "./population.js";
import type { PopulationSink } from "./population-load.js";

/** The tables of a population, as named on the command line (`[schema.]table`). */
export interface LeadTables {
  leads: string;
  /** Null: no events (only when neither side's rules read any). */
  events: string | null;
}

/** Why a pair of tables cannot be diffed (the CLI says it as a usage error). */
export class LeadTablesError extends Error {}

const postgres = dialectNamed("postgres");
const q = (name: string) => postgres.quoteIdentifier(name);
const sql = (expr: SqlExpr) => printExpr(expr, postgres);

/** The id an event `e` is filed under (compared with the copy's ids bytewise, as the scoring query does). */
const EVENT_LEAD = sql(call("bytewise", idValue(col("e", "lead_id"))));

/** An event `e` that is one: with a lead_id, a time and a type (blank text is none). */
const USABLE = [idValue(col("e", "lead_id")), col("e", "at"), idValue(col("e", "type"))]
  .map((value) => `${sql(value)} IS NOT NULL`)
  .join(" AND ");

/** The session's copy of the leads scored: `__row`, `__outcome` (none), `id`, the fields of both sides. */
const COPY = "ls_diff_table_leads";
/** The places of the leads that moved, to read them again. */
const MOVED = "ls_diff_table_moved";
/** Places inserted by one statement. */
const MOVED_BATCH = 10_000;

export class TablePopulation {
  readonly #engine: SqlEngine;
  readonly #tables: LeadTables;
  readonly #fields: FieldSchema[];
  readonly #properties: FieldSchema[];
  /** The place of the first lead: after the leads read before (fixture cases). */
  readonly base: number;

  private constructor(
    engine: SqlEngine,
    tables: LeadTables,
    fields: { lead: FieldSchema[]; events: FieldSchema[] },
    base: number,
  ) {
    this.#engine = engine;
    this.#tables = tables;
    this.#fields = fields.lead;
    this.#properties = fields.events;
    this.base = base;
  }

  /**
   * Counts and lists the rows that are no leads into `sink` (the sources' summaries, the rejects), and
   * copies the leads into the session's temporary table, placed from `base` on; then notes what the
   * leads themselves add to the report (probed values, creation times).
   */
  static async load(
    engine: SqlEngine,
    diff: PopulationDiff,
    tables: LeadTables,
    base: number,
    sink: Omit<PopulationSink, "leads">,
    fields: { lead: FieldSchema[]; events: FieldSchema[] },
  ): Promise<TablePopulation> {
    const { artifacts } = diff;
    if (tables.events === null && (readsEvents(artifacts.base) || readsEvents(artifacts.head))) {
      throw new LeadTablesError(EVENTS_TABLE_NEEDED);
    }
    const leads = tableName(tables.leads);
    const id = sql(idValue(col("l", "id")));

    if (tables.events !== null) {
      const events = tableName(tables.events);
      const eventId = sql(idValue(col("e", "lead_id")));
      const [counts] = await engine.query(
        `SELECT COUNT(*) AS "read", COUNT(*) FILTER (WHERE NOT (${USABLE})) AS "rejected" FROM ${events} AS "e"`,
      );
      const read = Number(counts!.read);
      const rejected = Number(counts!.rejected);
      sink.sources.push({ source: tables.events, read, accepted: read - rejected, rejected });
      if (rejected > 0) {
        const rows = await engine.query(
          `SELECT ${eventId} AS "id", "e"."at" IS NULL AS "no_time" FROM ${events} AS "e" WHERE NOT (${USABLE}) ` +
            `ORDER BY ${eventId} COLLATE "C" NULLS FIRST, 2`,
        );
        for (const row of rows) {
          sink.rejects.push(
            row.id === null
              ? {
                  source: `${tables.events} (an event without a lead_id)`,
                  reason: "no lead_id: the event belongs to no lead",
                }
              : {
                  source: `${tables.events} lead_id ${JSON.stringify(row.id)}`,
                  reason: `no ${row.no_time === true ? "time (at)" : "type"}: the event counts for no rule`,
                },
          );
        }
      }
    }

    const [check] = await engine.query(leadTableCheck(tables.leads));
    const { read, withoutId, sharingId, scored } = leadTableCounts(check!);
    sink.sources.push({
      source: tables.leads,
      read,
      accepted: scored,
      rejected: withoutId + sharingId,
    });
    for (let i = 0; i < withoutId; i++) {
      sink.rejects.push({
        source: `${tables.leads} (a row without an id)`,
        reason: "no id: a table's lead is the row of its id",
      });
    }
    if (sharingId > 0) {
      for (const row of await engine.query(sharedLeadIds(tables.leads))) {
        const rows = Number(row.rows);
        for (let i = 0; i < rows; i++) {
          sink.rejects.push({
            source: `${tables.leads} id ${JSON.stringify(row.id)}`,
            reason: `${rows} rows have this id: none of them is scored (a lead is one row per id)`,
          });
        }
      }
    }

    const columns = fields.lead.map((field) => `"l".${q(field.name)} AS ${q(field.name)}`);
    await engine.run(`DROP TABLE IF EXISTS pg_temp.${q(COPY)}`);
    await engine.run(
      [
        `CREATE TEMPORARY TABLE ${q(COPY)} AS`,
        `SELECT ${base - 1} + ROW_NUMBER() OVER (ORDER BY "c"."id" COLLATE "C") AS "__row", CAST(NULL AS BIGINT) AS "__outcome", "c".*`,
        `FROM (SELECT ${[`${id} AS "id"`, ...columns].join(", ")}, COUNT(*) OVER (PARTITION BY ${id}) AS "__n" FROM ${leads} AS "l") AS "c"`,
        `WHERE "c"."id" IS NOT NULL AND "c"."__n" = 1`,
      ].join("\n"),
    );
    await engine.run(`ANALYZE pg_temp.${q(COPY)}`);
    const population = new TablePopulation(engine, tables, fields, base);
    await population.#observe(diff);
    return population;
  }

  /** The leads, as the pair query reads them (placed, one row per id). */
  get leadsSource(): SqlSource {
    return { kind: "table", path: ["pg_temp", COPY] };
  }

  /** The events, filed by their `lead_id` (the leads table stands in when the rules read none). */
  get eventsSource(): SqlSource {
    return { kind: "table", path: (this.#tables.events ?? this.#tables.leads).split(".") };
  }

  /** `e`'s lead in the copy: the lead whose id the event's `lead_id` is. */
  #eventsJoin(): string {
    return `${tableName(this.#tables.events!)} AS "e" JOIN pg_temp.${q(COPY)} AS "l" ON "l"."id" = ${EVENT_LEAD}`;
  }

  /**
   * What PopulationDiff.observe notes of each lead, over all of them in SQL: the values the rules probe,
   * lead by lead (each lead's events in time order), and the span of creation times.
   */
  async #observe(diff: PopulationDiff): Promise<void> {
    const { usage, routing } = diff.observers;
    const v = (table: string, field: string) => sql(col(table, field));
    await observeProbedValues(this.#engine, usage, {
      leadColumns: new Set(this.#fields.map((field) => field.name)),
      eventColumns: new Set(
        this.#tables.events === null ? [] : this.#properties.map((property) => property.name),
      ),
      leads: (field) =>
        `SELECT ${v("l", field)} AS "v", "l"."__row" AS "r1", 0 AS "r2" FROM pg_temp.${q(COPY)} AS "l"`,
      events: (field) =>
        `SELECT ${v("e", field)} AS "v", "l"."__row" AS "r1", ${sql(call("epoch_ms", col("e", "at")))} AS "r2" ` +
        `FROM ${this.#eventsJoin()} WHERE ${USABLE}`,
    });
    const creation = routing.creationField;
    if (creation !== null && this.#fields.some((field) => field.name === creation && field.type === "date")) {
      const at = sql(cast("double", call("epoch_ms", col("l", creation))));
      const [span] = await this.#engine.query(
        `SELECT MIN(${at}) AS "first", MAX(${at}) AS "last" FROM pg_temp.${q(COPY)} AS "l"`,
      );
      if (span!.first !== null) routing.noteCreationSpan(Number(span!.first), Number(span!.last));
    }
  }

  /**
   * The leads at these places (all in this population) read into JavaScript with their events, in one
   * streamed query (one pass over the events, whatever the number of moved leads), and handed to
   * `diff.addMove` for their rows in the report.
   */
  async addMoves(diff: PopulationDiff, places: readonly number[]): Promise<void> {
    if (places.length === 0) return;
    const engine = this.#engine;
    await engine.run(`DROP TABLE IF EXISTS pg_temp.${q(MOVED)}`);
    await engine.run(`CREATE TEMPORARY TABLE ${q(MOVED)} ("__row" BIGINT PRIMARY KEY)`);
    // The places are this run's own integers, never data.
    for (let start = 0; start < places.length; start += MOVED_BATCH) {
      const values = places
        .slice(start, start + MOVED_BATCH)
        .map((place) => `(${String(Math.trunc(place))})`);
      await engine.run(`INSERT INTO pg_temp.${q(MOVED)} VALUES ${values.join(", ")}`);
    }
    const moved = `pg_temp.${q(COPY)} AS "l" JOIN pg_temp.${q(MOVED)} AS "m" ON "m"."__row" = "l"."__row"`;
    const fields = this.#fields.map(
      (field) => `, ${jsValue(col("l", field.name), field.type)} AS ${q(field.name)}`,
    );
    let events = `, CAST(NULL AS JSON) AS "events"`;
    let eventsJoin = "";
    if (this.#tables.events !== null) {
      // Each event as a JSON object of the values the JS engine takes (text, numbers, booleans, epoch ms).
      const at = jsValue(col("e", "at"), "date");
      const members = [
        `'type', CAST("e"."type" AS TEXT)`,
        `'at', ${at}`,
        ...this.#properties.map(
          (property) =>
            `${postgres.quoteText(property.name)}, ${jsValue(col("e", property.name), property.type)}`,
        ),
      ];
      const event = `json_build_object(${members.join(", ")})`;
      eventsJoin =
        ` LEFT JOIN (SELECT "l"."__row", json_agg(${event} ORDER BY ${at}, CAST(${event} AS TEXT)) AS "events" ` +
        `FROM ${tableName(this.#tables.events)} AS "e" JOIN ${moved} ON "l"."id" = ${EVENT_LEAD} ` +
        `WHERE ${USABLE} GROUP BY "l"."__row") AS "v" ON "v"."__row" = "l"."__row"`;
      events = `, "v"."events"`;
    }
    const query = `SELECT "l"."__row", "l"."id"${fields.join("")}${events} FROM ${moved}${eventsJoin} ORDER BY "l"."__row"`;
    const eventsAt = 2 + this.#fields.length;
    for await (const rows of rowsOf(engine, query)) {
      for (const row of rows) {
        const lead: Record<string, unknown> = { id: row[1] };
        this.#fields.forEach((field, i) => {
          const value = row[2 + i];
          if (value !== null && value !== undefined) lead[field.name] = value;
        });
        const given = (row[eventsAt] ?? []) as Array<Record<string, unknown>>;
        diff.addMove(
          {
            lead,
            // A property without a value is missing, as in a file that leaves it out.
            events: given.map((event) =>
              Object.fromEntries(Object.entries(event).filter(([, v]) => v !== null)),
            ),
            source: `${this.#tables.leads} id ${JSON.stringify(row[1])}`,
          },
          Number(row[0]),
        );
      }
    }
    await engine.run(`DROP TABLE IF EXISTS pg_temp.${q(MOVED)}`);
  }
}

/**
 * A column as the JS engine is handed it, read as the generated SQL reads it (relations.ts): text for
 * text fields (the JS engine trims and folds it as the SQL does), a double for numbers, a boolean, and
 * a time as epoch milliseconds (a double, so that it arrives as a JavaScript number).
 */
function jsValue(column: SqlExpr, type: FieldType): string {
  switch (type) {
    case "string":
    case "enum":
      return sql(cast("text", column));
    case "number":
      return sql(cast("double", column));
    case "boolean":
      return sql(column);
    case "date":
      return sql(cast("double", call("epoch_ms", column)));
  }
}
