import type { Artifact } from "../compile/artifact.js";
import type { ScoreResult } from "../eval/result.js";
import { createDecoder } from "./decode.js";
import { dialectNamed } from "./dialect.js";
import type { SqlEngine } from "./engines/engine.js";
import { buildScoreQuery } from "./generate.js";
import { cte } from "./ir.js";
import { loadTables, type LoadedLead } from "./load.js";
import { printQuery } from "./printer.js";

/** The query an engine runs over tables `loadTables` filled: in input order, with the detail to decode. */
export function engineQuery(
  artifact: Artifact,
  dialect: SqlEngine["dialect"],
  asOf: number,
  tables = { leads: "leads", events: "events" },
): string {
  const query = buildScoreQuery(artifact, {
    dialect: dialectNamed(dialect),
    asOf,
    leads: cte(tables.leads),
    events: cte(tables.events),
    detail: true,
    rowColumn: "__row",
  });
  return printQuery(query, dialectNamed(dialect));
}

/**
 * Scores leads inside a database: loads them (already read and validated by the shared input layer),
 * runs the generated SQL and decodes its rows into results, one per lead, in input order.
 */
export async function scoreLoaded(
  engine: SqlEngine,
  artifact: Artifact,
  leads: readonly LoadedLead[],
  asOf: number,
): Promise<ScoreResult[]> {
  await loadTables(engine, artifact, leads);
  const rows = await engine.query(engineQuery(artifact, engine.dialect, asOf));
  const decode = createDecoder(artifact, asOf);
  return rows.map(decode);
}

/** A lead to score on its own, as of its own time (fixture cases). */
export interface SeparateLead extends LoadedLead {
  asOf: number;
}

/**
 * Scores leads that must not see each other's events, each as of its own time (fixture cases, where
 * many leads share an id): one load and query per group of leads with the same time and distinct ids.
 */
export async function scoreSeparately(
  engine: SqlEngine,
  artifact: Artifact,
  leads: readonly SeparateLead[],
): Promise<ScoreResult[]> {
  const results = new Array<ScoreResult>(leads.length);
  const groups: Array<{ asOf: number; ids: Set<string>; members: number[] }> = [];
  leads.forEach((lead, index) => {
    const id = typeof lead.lead.id === "string" ? lead.lead.id.trim() : String(lead.lead.id);
    let group = groups.find((g) => g.asOf === lead.asOf && !g.ids.has(id));
    if (group === undefined) {
      group = { asOf: lead.asOf, ids: new Set(), members: [] };
      groups.push(group);
    }
    group.ids.add(id);
    group.members.push(index);
  });
  for (const group of groups) {
    const scored = await scoreLoaded(
      engine,
      artifact,
      group.members.map((i) => leads[i]!),
      group.asOf,
    );
    group.members.forEach((leadIndex, i) => {
      results[leadIndex] = scored[i]!;
    });
  }
  return results;
}
