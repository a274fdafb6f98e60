import type { Artifact } from "../compile/artifact.js";
import { round2 } from "../eval/round.js";
import { clampContribution, decodedRules, ruleContribution, type Decayed } from "./decode.js";
import { dialectNamed } from "./dialect.js";

/**
 * The NDJSON line of each result, written by DuckDB itself over the rows of a query built with `detail`
 * (the columns decode.ts reads), so that a million results need not become JavaScript objects to be
 * written. A line is exactly `JSON.stringify(decode(row))`, or NULL where the SQL cannot prove it would
 * be: the caller then decodes that row in JavaScript, so the output is byte-identical either way.
 *
 * What is proven, and how:
 *   - everything the rules fix (rule texts, ids, locations, model and bucket names, actions, the clamp)
 *     is JSON.stringify's own text, written here once per rule as a literal;
 *   - text from the data (id, grade, bucket, exclusion) is DuckDB's `to_json`, which escapes exactly as
 *     JSON.stringify does except for control characters (it writes `\u001F`, JSON.stringify `\u001f`):
 *     text holding any character below U+0020 is left to JavaScript (test/sql/result-lines.test.ts
 *     compares both on every code point);
 *   - a double is DuckDB's shortest round-trip spelling in plain decimal form (`12.5`, `100.0`), which is
 *     JavaScript's once `.0` is dropped, when it has at most 15 significant digits: there is only one such
 *     decimal for a double, so both shortest spellings are that one. Exponent forms, NaN, infinities,
 *     and longer spellings (`0.30000000000000004`) are left to JavaScript;
 *   - the decay of an explanation: the factor shown and whether it is 1 come from the decoder's own
 *     functions, tabulated per number of periods; beyond the table the row is left to JavaScript;
 *   - rounding of computed points (decay before/after, the clamp) is round2's arithmetic on doubles,
 *     except near a half, where round2 re-reads the decimal: those rows are left to JavaScript.
 * Rows left to JavaScript keep their place: the caller writes every row in query order.
 */

const duckdb = dialectNamed("duckdb");
const t = duckdb.quoteText;
const column = (name: string) => `q.${duckdb.quoteIdentifier(name)}`;

/** Periods of decay tabulated for explanations (as decay.ts tabulates them); older events go to JS. */
const DECAY_PERIODS = 64;
const DAY_MS = 86_400_000;

/** Marks a part SQL cannot prove; a line holding it is left to JavaScript (JSON escapes U+0001). */
const UNPROVEN = "chr(1)";

/**
 * Macros the line expressions use (created once per connection). Each returns NULL when it cannot prove
 * its text is JavaScript's. Their arguments are columns: a macro repeats its argument where it uses it.
 */
export const RESULT_LINE_MACROS = [
  // JSON.stringify of text, or null (a column the query leaves NULL may be typed otherwise: as text).
  `CREATE OR REPLACE TEMP MACRO ls_json_varchar(s) AS CASE WHEN s IS NULL THEN 'null' ` +
    `WHEN regexp_matches(s, '[\\x00-\\x1f]') THEN NULL ELSE CAST(to_json(s) AS VARCHAR) END`,
  `CREATE OR REPLACE TEMP MACRO ls_json_text(s) AS ls_json_varchar(CAST(s AS VARCHAR))`,
  // A double `x` given with `p`, its nearest decimal of 15 significant digits (printf's %.15g, trailing
  // zeros dropped): when `p` reads back as `x` and is plain, it is the only such decimal, so it is
  // JavaScript's shortest spelling too. 0 and -0 are both `0`. NULL stays NULL.
  `CREATE OR REPLACE TEMP MACRO ls_json_double(x, p) AS CASE WHEN x = 0 THEN '0' ` +
    `WHEN CAST(p AS DOUBLE) = x AND NOT contains(p, 'e') AND NOT contains(p, 'n') THEN p END`,
  `CREATE OR REPLACE TEMP MACRO ls_json_number(x, p) AS CASE WHEN x IS NULL THEN 'null' ELSE ls_json_double(x, p) END`,
  // A count: exact as a JavaScript number below 2^53.
  `CREATE OR REPLACE TEMP MACRO ls_json_count(x) AS CASE WHEN x IS NULL THEN 'null' ` +
    `WHEN abs(x) < 9007199254740992 THEN CAST(x AS VARCHAR) END`,
  // round2 (eval/round.ts) on a double, step by step. Near a half round2 re-reads the scaled value from
  // its 15-digit decimal: that changes nothing when it is exactly a half below 10^13 (a half of a whole
  // number of at most 14 digits is its own 15-digit decimal); other values near a half give NULL.
  `CREATE OR REPLACE TEMP MACRO ls_round2_scaled(v, scaled) AS CASE ` +
    `WHEN scaled - floor(scaled) <> 0 AND abs(scaled - floor(scaled) - CAST(0.5 AS DOUBLE)) < CAST('1e-6' AS DOUBLE) ` +
    `AND (scaled - floor(scaled) <> CAST(0.5 AS DOUBLE) OR scaled >= CAST('1e13' AS DOUBLE)) THEN NULL ` +
    `WHEN v < 0 AND floor(scaled + CAST(0.5 AS DOUBLE)) <> 0 ` +
    `THEN -(floor(scaled + CAST(0.5 AS DOUBLE)) / CAST(100 AS DOUBLE)) ` +
    `ELSE floor(scaled + CAST(0.5 AS DOUBLE)) / CAST(100 AS DOUBLE) END`,
  `CREATE OR REPLACE TEMP MACRO ls_round2(v) AS CASE ` +
    `WHEN isnan(v) OR isinf(v) THEN NULL ` +
    `WHEN floor(v) = v AND v < CAST('1e13' AS DOUBLE) AND v > CAST('-1e13' AS DOUBLE) THEN v + CAST(0 AS DOUBLE) ` +
    `ELSE ls_round2_scaled(v, abs(v) * CAST(100 AS DOUBLE)) END`,
];

/** A query whose rows carry their NDJSON line and tally first; see `resultLinesQuery`. */
export interface ResultLinesQuery {
  /**
   * Columns `ls_line` (a row's NDJSON line without its line break, or NULL: decode that row in
   * JavaScript), `ls_tally`, then the query's own columns. `ls_tally` is what the run's summary counts of
   * a row whose line is written: a `0`/`1` per entry of `fired` (whether the result has that
   * contribution), then its outcome: `u` (unscored), `x<reason>`, `n` (no bucket) or `b<bucket>`.
   */
  sql: string;
  /** The contribution ids, in the order of the tally's digits. */
  fired: string[];
  /** The scoring query's own columns, which follow `ls_line` and `ls_tally`. */
  columns: readonly string[];
}

/**
 * The rows of `sql` (a query built by `engineQuery(artifact, "duckdb", asOf)`, whose columns are
 * `columns`), in its order, with their lines and tallies. Built in layers (projections keep row order):
 * the rounded values, then their 15-digit spellings, then the lines, then the check for unproven parts.
 */
export function resultLinesQuery(
  artifact: Artifact,
  asOf: number,
  sql: string,
  columns: readonly string[],
): ResultLinesQuery {
  const rules = decodedRules(artifact);
  const rounded: string[] = [];
  const spelled = new Map<string, string>();
  const fired: string[] = [];
  const bits: string[] = [];
  const branches: string[] = [];
  /** A double column as JSON (`json_number`: NULL is `null`; `json_double`: NULL is unproven). */
  const number = (name: string, nullable: boolean) => {
    const p = `ls_p_${name}`;
    spelled.set(p, `printf('%.15g', ${column(name)}) AS ${duckdb.quoteIdentifier(p)}`);
    return `ls_json_${nullable ? "number" : "double"}(${column(name)}, ${column(p)})`;
  };
  /** A rounded double (round2 of `expr`), as JSON. */
  const roundedNumber = (name: string, expr: string) => {
    rounded.push(`ls_round2(${expr}) AS ${duckdb.quoteIdentifier(name)}`);
    return number(name, false);
  };
  for (const model of artifact.models) {
    const pieces: string[] = [];
    for (const { rule, model: owner, index, decay } of rules) {
      if (owner !== model) continue;
      const points = column(`r${index}`);
      const [prefix, suffix] = splitAtPoints(JSON.stringify(ruleContribution(rule, 0)));
      const parts = [t(`,${prefix}`), proven(number(`r${index}`, false)), t(suffix)];
      if (rule.match.kind === "event") {
        const total = column(`t${index}`);
        parts.push(`',"events":'`, proven(`ls_json_count(${column(`n${index}`)})`));
        if (decay !== null && model.decay !== null) {
          const after = roundedNumber(`ls_after${index}`, total);
          if (rule.each) {
            if (decay.percent !== 0) {
              const count = `CAST(${column(`n${index}`)} AS DOUBLE)`;
              const before = roundedNumber(`ls_before${index}`, `${double(rule.points)} * ${count}`);
              parts.push(
                proven(
                  `CASE WHEN ${column(`aged${index}`)} = 1 THEN concat(',"decay":{"before":', ${proven(before)}, ',"after":', ${proven(after)}, '}') ELSE '' END`,
                ),
              );
            }
          } else {
            parts.push(proven(onceDecay(model.decay.everyMs, decay, rule.points, index, asOf, after)));
          }
        }
        if (rule.max !== null)
          parts.push(
            proven(
              `CASE WHEN ${total} IS NULL THEN NULL WHEN abs(${total}) > ${double(rule.max)} THEN ',"capped":true' ELSE '' END`,
            ),
          );
      }
      parts.push("'}'");
      pieces.push(`CASE WHEN ${points} IS NULL THEN '' ELSE concat(${parts.join(", ")}) END`);
      fired.push(rule.id);
      bits.push(
        // A rule's points are NULL unless the lead is of its model and the rule fires (pointsSelect).
        `CASE WHEN ${points} IS NOT NULL THEN '1' ELSE '0' END`,
      );
    }
    const clamp = clampContribution(artifact, model, 0);
    if (clamp !== null) {
      const [prefix, suffix] = splitAtPoints(JSON.stringify(clamp));
      const moved = roundedNumber(`ls_clamp_${model.name}`, `${column("score")} - ${column("unclamped")}`);
      pieces.push(
        `CASE WHEN ${column("score")} = ${column("unclamped")} THEN '' ` +
          `ELSE concat(${t(`,${prefix}`)}, ${proven(moved)}, ${t(`${suffix}}`)}) END`,
      );
      fired.push(clamp.id);
      bits.push(
        `CASE WHEN ${column("model")} = ${t(model.name)} AND ${column("score")} <> ${column("unclamped")} THEN '1' ELSE '0' END`,
      );
    }
    // The contributions' first comma is dropped: `[` + pieces from their second character + `]`.
    const contributions =
      pieces.length === 0 ? "'[]'" : `concat('[', substr(concat(${pieces.map(proven).join(", ")}), 2), ']')`;
    branches.push(
      `WHEN ${column("model")} = ${t(model.name)} THEN concat('{"id":', ${proven(`ls_json_text(${column("id")})`)}, ` +
        `${t(`,"model":${JSON.stringify(model.name)},"fit":`)}, ${proven(number("fit", true))}, ` +
        `',"engagement":', ${proven(number("engagement", true))}, ',"score":', ${proven(number("score", true))}, ` +
        `',"grade":', ${proven(`ls_json_text(${column("grade")})`)}, ',"bucket":', ${proven(`ls_json_text(${column("bucket")})`)}, ` +
        `',"excluded":', ${proven(`ls_json_text(${column("excluded")})`)}, ',"actions":', ${column("actions")}, ` +
        `',"contributions":', ${contributions}, '}')`,
    );
  }
  const unscored =
    `concat('{"id":', ${proven(`ls_json_text(${column("id")})`)}, ',"model":null,"fit":null,"engagement":null,"score":null,` +
    `"grade":null,"bucket":null,"excluded":', ${proven(`ls_json_text(${column("excluded")})`)}, ',"actions":[],"contributions":[]}')`;
  const line = `CASE WHEN ${column("model")} IS NULL THEN ${unscored} ${branches.join(" ")} END`;
  const outcome =
    `CASE WHEN ${column("model")} IS NULL THEN 'u' WHEN ${column("excluded")} IS NOT NULL THEN concat('x', ${column("excluded")}) ` +
    `WHEN ${column("bucket")} IS NULL THEN 'n' ELSE concat('b', ${column("bucket")}) END`;
  const tally = `concat(${[...bits, outcome].join(", ")})`;
  const own = columns.map((name) => column(name)).join(", ");
  const layer = (select: string, from: string) => `SELECT ${select} FROM (${from}) AS q`;
  const withRounded = layer(["q.*", ...rounded].join(", "), sql);
  const withSpelled = layer(["q.*", ...spelled.values()].join(", "), withRounded);
  const withLine = layer(`${line} AS ls_raw, ${tally} AS ls_tally, ${own}`, withSpelled);
  return {
    sql: layer(
      `CASE WHEN contains(q.ls_raw, ${UNPROVEN}) THEN NULL ELSE q.ls_raw END AS ls_line, q.ls_tally, ${own}`,
      withLine,
    ),
    fired,
    columns,
  };
}

/** A contribution's JSON (its points 0) as the text before its points and the text after, without `}`. */
function splitAtPoints(json: string): [string, string] {
  const marker = ',"points":0,"loc":';
  const at = json.indexOf(marker);
  // Inside a JSON string a quote is escaped, so the marker can only be the keys themselves.
  if (at < 0 || json.indexOf(marker, at + 1) >= 0) throw new Error("internal: contribution layout");
  return [`${json.slice(0, at)},"points":`, json.slice(at + ',"points":0'.length, -1)];
}

/** A number as a DuckDB double, read from JavaScript's shortest spelling (exactly the same double). */
function double(value: number): string {
  return `CAST(${t(String(value))} AS DOUBLE)`;
}

/**
 * The `decay` of a once-only rule's contribution (decode.ts `describeEvents`), or `''` when its factor is
 * 1: the latest matching event's age in whole periods picks the factor shown, from the decoder's own
 * functions tabulated per number of periods (an older event, or a period that is not a whole number of
 * milliseconds, leaves the row to JavaScript).
 */
function onceDecay(
  everyMs: number,
  decay: Decayed,
  points: number,
  index: number,
  asOf: number,
  after: string,
): string {
  if (!Number.isSafeInteger(everyMs) || everyMs <= 0) return "NULL";
  const latest = column(`latest${index}`);
  const unchanged: string[] = [];
  const shown: string[] = [];
  for (let k = 0; k < DECAY_PERIODS; k++) {
    unchanged.push(decay.factor(k * everyMs) === 1 ? "true" : "false");
    shown.push(t(JSON.stringify(decay.shown(k * everyMs))));
  }
  const age = `(${asOf} - ${latest})`;
  const periods = `(${age} // ${everyMs})`;
  return (
    `CASE WHEN ${latest} IS NULL OR ${age} < 0 THEN NULL ` +
    `WHEN [${unchanged.join(", ")}][${periods} + 1] THEN '' ` +
    `ELSE concat(${t(`,"decay":{"before":${JSON.stringify(round2(points))},"after":`)}, ${proven(after)}, ',"factor":', ` +
    `${proven(`[${shown.join(", ")}][${periods} + 1]`)}, ',"ageDays":', CAST(${age} // ${DAY_MS} AS VARCHAR), '}') END`
  );
}

function proven(expr: string): string {
  return `coalesce(${expr}, ${UNPROVEN})`;
}
