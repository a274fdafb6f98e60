/**
 * Two rulesets over the same leads in one query, for `leadscore diff` on a database engine: each
 * ruleset's score query (generate.ts) becomes a chain of CTEs of its own (`b_…` and `h_…`), the two
 * results are joined on the lead's position, and the leads are counted per pair of results. Only what a
 * diff counts is kept of a result — model, exclusion, bucket, score, the points of the rules a change can
 * be tied to — so leads with the same results on both sides become one row with their number, whatever
 * the population's size. Of every other rule a row says only whether it fired for any of its leads: the
 * points of all rules made most pairs of results unique (313,000 rows for 1M leads where these keys give
 * 25,000), and reading the rows into JavaScript cost as much as the query (BENCHMARKS.md).
 *
 * A lead whose model, exclusion, bucket or actions differ between the sides may have moved: it keeps a
 * row of its own, with its position (`moved_row`), so that it can be read again and shown with the rule
 * changes that moved it. Rows come in the order of the first lead of each (`first_row`), the order the
 * JS engine meets them in.
 */
import type { Artifact, Rule } from "../compile/artifact.js";
import { decodedRules } from "./decode.js";
import type { Dialect } from "./dialect.js";
import { buildScoreQueriesSharingFacts, buildScoreQuery, type SqlOptions } from "./generate.js";
import {
  and,
  call,
  cast,
  cmp,
  col,
  cte,
  isNotNull,
  isNull,
  num,
  or,
  packedBits,
  replaceColumns,
  select,
  when,
  type SqlExpr,
  type SqlQuery,
  type SqlSelect,
  type SqlSource,
} from "./ir.js";
import { printQuery, printSelect } from "./printer.js";

export interface PairQueryOptions {
  dialect: Dialect;
  base: Artifact;
  head: Artifact;
  /** Each side's as-of instant (epoch ms): the base may read its own `as_of`. */
  baseAsOf: number;
  headAsOf: number;
  /**
   * The population, in parts each scored by CTEs of its own (`b_…`/`h_…` for the first, `b1_…`/`h1_…`
   * for the second, …) and counted together: the leads a diff loaded into its tables, and each Parquet
   * file's leads SQL took, read where they lie.
   */
  parts: PairPart[];
  /**
   * The rules (ids, per side) whose points a row keeps (PopulationDiff.changedRules): those whose points a
   * change's impact counts.
   */
  kept: PairRules;
}

export interface PairPart {
  /** The leads, with `__row` (their position) and `__outcome` (1, 0, -1 unknown, NULL none) columns. */
  leads: SqlSource;
  /**
   * The events: filed under their lead's position (`__row`), or with `eventsById` under its id
   * (`lead_id`), as a table of leads with one row per id files them (lead-table.ts).
   */
  events: SqlSource;
  eventsById?: boolean;
}

/** Rule ids of each side. */
export interface PairRules {
  base: ReadonlySet<string>;
  head: ReadonlySet<string>;
}

const ROW = "__row";
const OUTCOME = "__outcome";

/** The columns of one side's result a diff counts; besides these, `r<i>` of the rules kept (decode.ts). */
const RESULT_KEYS = ["model", "excluded", "bucket", "score", "unclamped"] as const;

/**
 * The query, as text. Its rows: `b_<key>`, `h_<key>`, `outcome`, `moved_row`, `b_fired<m>` and `h_fired<m>`
 * (bit k set when the k-th rule of the m-th group of RULES_PER_MASK fired for one of the row's leads),
 * `leads`, `first_row`: see pairColumns.
 */
export function pairQuery(options: PairQueryOptions): string {
  const { dialect } = options;
  const sides = sideColumns(options, options.kept);
  const ctes: SqlQuery["ctes"] = [];
  const parts = options.parts.map((part, k) => {
    const tag = k === 0 ? "" : String(k);
    const [base, head] = partCtes(options, part, `b${tag}_`, `h${tag}_`);
    const basePair = narrowed(sides.base, `b${tag}_`);
    const headPair = narrowed(sides.head, `h${tag}_`);
    const together = sideBySide(base, head, basePair, headPair, `b${tag}_`);
    if (together !== null) {
      ctes.push(...together.ctes);
      return together.pairs;
    }
    ctes.push(...base, ...head, basePair, headPair);
    return joinedSides(basePair, headPair);
  });
  // One part is the pairs; several are read as one (printed by this printer: a template it vouches for).
  const union = (): SqlSource => ({
    kind: "template",
    text: `(${parts.map((part) => printSelect(part, dialect)).join(" UNION ALL ")})`,
  });
  ctes.push({
    name: "ls_pairs",
    select:
      parts.length === 1
        ? parts[0]!
        : select({
            columns: [{ expr: { kind: "star", table: "u" }, as: "" }],
            from: { source: union(), alias: "u" },
          }),
  });
  const p = (name: string) => col("p", name);
  const mayHaveMoved = or(
    ...["model", "excluded", "bucket", "actions"].map((key) => distinct(p(`b_${key}`), p(`h_${key}`))),
  );
  const grouped: Array<{ expr: SqlExpr; as: string }> = [
    ...sides.base.kept.map((name) => ({ expr: p(`b_${name}`), as: `b_${name}` })),
    ...sides.head.kept.map((name) => ({ expr: p(`h_${name}`), as: `h_${name}` })),
    { expr: p("outcome"), as: "outcome" },
    { expr: when([{ when: mayHaveMoved, result: p(ROW) }]), as: "moved_row" },
  ];
  const fired = (side: SideColumns, prefix: string): Array<{ expr: SqlExpr; as: string }> =>
    maskNames(side).map((name) => ({ expr: call("bit_or", p(`${prefix}${name}`)), as: `${prefix}${name}` }));
  const pairs: SqlSelect = select({
    columns: [
      ...grouped,
      ...fired(sides.base, "b_"),
      ...fired(sides.head, "h_"),
      { expr: cast("bigint", call("sum", num(1))), as: "leads" },
      { expr: call("min", p(ROW)), as: "first_row" },
    ],
    from: { source: cte("ls_pairs"), alias: "p" },
    groupBy: grouped.map((column) => column.expr),
    orderBy: [col(null, "first_row")],
  });
  return printQuery({ ctes, select: pairs }, dialect);
}

/** One part's CTEs of each side: the head's without those computing what the base's do. */
function partCtes(
  options: PairQueryOptions,
  part: PairPart,
  basePrefix: string,
  headPrefix: string,
): [SqlQuery["ctes"], SqlQuery["ctes"]] {
  const { dialect } = options;
  const sideOptions = (asOf: number): SqlOptions => ({
    dialect,
    asOf,
    leads: part.leads,
    events: part.events,
    detail: "points",
    rowColumn: ROW,
    carry: [OUTCOME],
    eventsByRow: part.eventsById !== true,
  });
  let queries = [
    buildScoreQuery(options.base, sideOptions(options.baseAsOf)),
    buildScoreQuery(options.head, sideOptions(options.headAsOf)),
  ];
  // As of the same instant over the same events step, one plan of event facts serves both sides: a rule
  // added or changed then costs its aggregates, not a second pass aggregating every event.
  if (options.baseAsOf === options.headAsOf && sameEventsStep(queries[0]!, queries[1]!, dialect)) {
    queries = buildScoreQueriesSharingFacts([options.base, options.head], sideOptions(options.baseAsOf));
  }
  const base = prefixed(queries[0]!, basePrefix);
  return [base, readingTheSame(base, prefixed(queries[1]!, headPrefix), dialect)];
}

/**
 * A side's result narrowed to what the pairs group by, the rules that fired packed into integers, before
 * the sides are joined: the join of two ten-million-row results carrying every rule's points took 157 of
 * the query's 339 s of CPU at 10M leads (BENCHMARKS.md).
 */
function narrowed(side: SideColumns, prefix: string): SqlQuery["ctes"][number] {
  return {
    name: `${prefix}pair`,
    select: select({
      columns: [
        { expr: col("o", ROW), as: ROW },
        { expr: col("o", OUTCOME), as: OUTCOME },
        ...[...side.kept, "actions"].map((name) => ({ expr: col("o", name), as: name })),
        ...firedMasks(side.rules).map((mask, m) => ({ expr: mask, as: maskNames(side)[m]! })),
      ],
      from: { source: cte(`${prefix}result`), alias: "o" },
    }),
  };
}

/** Both sides of a part joined, each lead once: `__row`, `outcome`, `b_<column>`, `h_<column>`. */
function joinedSides(basePair: SqlQuery["ctes"][number], headPair: SqlQuery["ctes"][number]): SqlSelect {
  return select({
    columns: [
      { expr: col("b", ROW), as: ROW },
      { expr: col("b", OUTCOME), as: "outcome" },
      ...sideColumnsOf(basePair, "b", (name) => col("b", name)),
      ...sideColumnsOf(headPair, "h", (name) => col("h", name)),
    ],
    from: { source: cte(basePair.name), alias: "b" },
    joins: [{ source: cte(headPair.name), alias: "h", on: cmp("=", col("h", ROW), col("b", ROW)) }],
  });
}

/** A side's pair columns (its pair step's but position and outcome) as `<alias>_<column>`, each `read`. */
function sideColumnsOf(
  pair: SqlQuery["ctes"][number],
  alias: "b" | "h",
  read: (name: string) => SqlExpr,
): SqlSelect["columns"] {
  return pair.select.columns
    .filter((c) => c.as !== ROW && c.as !== OUTCOME)
    .map((c) => ({ expr: read(c.as), as: `${alias}_${c.as}` }));
}

/**
 * Rules per packed integer: bit `k` is worth 2^k, printed as a literal, and a double (what the printer
 * holds a number in) writes integers exactly up to 2^53.
 */
const RULES_PER_MASK = 52;

/** A side's packed integers, one per group of RULES_PER_MASK rules: `fired0`, `fired1`, …. */
function maskNames(side: SideColumns): string[] {
  return Array.from({ length: Math.ceil(side.rules.length / RULES_PER_MASK) }, (_, m) => `fired${m}`);
}

/** Each group of RULES_PER_MASK rules as one BIGINT, bit `k` set when the group's `k`-th rule fired. */
function firedMasks(rules: SideColumns["rules"]): SqlExpr[] {
  const masks: SqlExpr[] = [];
  for (let first = 0; first < rules.length; first += RULES_PER_MASK) {
    const fired = rules
      .slice(first, first + RULES_PER_MASK)
      .map(({ index }) => isNotNull(col("o", `r${index}`)));
    masks.push(cast("bigint", packedBits(fired)));
  }
  return masks;
}

/** Where each value is in a row of `pairQuery`: each side's as the decoder names it, then the counts. */
export interface PairColumns {
  base: Array<[string, number]>;
  head: Array<[string, number]>;
  outcome: number;
  movedRow: number;
  /** Each side's rules (ids), each with the column of its packed integer and its bit there. */
  fired: { base: FiredBit[]; head: FiredBit[] };
  leads: number;
}

export interface FiredBit {
  id: string;
  at: number;
  bit: number;
}

export function pairColumns(artifacts: { base: Artifact; head: Artifact }, kept: PairRules): PairColumns {
  const sides = sideColumns(artifacts, kept);
  let at = 0;
  const place = <T>(items: readonly T[]): Array<[T, number]> => items.map((item) => [item, at++]);
  const base = place(sides.base.kept);
  const head = place(sides.head.kept);
  const outcome = at++;
  const movedRow = at++;
  const bits = (side: SideColumns): FiredBit[] => {
    const first = at;
    at += maskNames(side).length;
    return side.rules.map(({ rule }, i) => ({
      id: rule.id,
      at: first + Math.floor(i / RULES_PER_MASK),
      bit: i % RULES_PER_MASK,
    }));
  };
  const fired = { base: bits(sides.base), head: bits(sides.head) };
  return { base, head, outcome, movedRow, fired, leads: at };
}

interface SideColumns {
  /** The columns a row keeps of the side's result, as the decoder names them. */
  kept: string[];
  /** Every rule, with its detail column's number (`r<index>`). */
  rules: Array<{ rule: Rule; index: number }>;
}

/** Each side's columns, the result keys and the kept rules' points, in one order for query and reader. */
function sideColumns(
  artifacts: { base: Artifact; head: Artifact },
  kept: PairRules,
): { base: SideColumns; head: SideColumns } {
  const side = (artifact: Artifact, ids: ReadonlySet<string>): SideColumns => {
    const rules = decodedRules(artifact).map(({ rule, index }) => ({ rule, index }));
    const points = rules.filter(({ rule }) => ids.has(rule.id)).map(({ index }) => `r${index}`);
    return { kept: [...RESULT_KEYS, ...points], rules };
  };
  return { base: side(artifacts.base, kept.base), head: side(artifacts.head, kept.head) };
}

/** The name of the CTE (or one-part table name) a source reads; undefined for a dotted path or a template. */
function cteNameOf(source: SqlSource): string | undefined {
  return source.kind === "table" && source.path.length === 1 ? source.path[0]! : undefined;
}

/** A score query's CTEs renamed with a prefix, its final SELECT last as `<prefix>result` (unordered). */
function prefixed(query: SqlQuery, prefix: string): SqlQuery["ctes"] {
  const names = new Set(query.ctes.map((c) => c.name));
  const rename = (source: SqlSource): SqlSource => {
    const name = cteNameOf(source);
    return name !== undefined && names.has(name) ? cte(`${prefix}${name}`) : source;
  };
  const renamed = (s: SqlSelect): SqlSelect => ({
    ...s,
    from: { ...s.from, source: rename(s.from.source) },
    joins: s.joins.map((join) => ({ ...join, source: rename(join.source) })),
  });
  return [
    ...query.ctes.map((c) => ({ name: `${prefix}${c.name}`, select: renamed(c.select) })),
    { name: `${prefix}result`, select: { ...renamed(query.select), orderBy: [] } },
  ];
}

/**
 * The head's CTEs without those that compute exactly what one of the base's does, read from the base's
 * instead, so that the database computes them once (DuckDB and PostgreSQL materialise a CTE read twice).
 * Most changes leave the lead fields' normalisation, the events' and often every event fact alone: a
 * routing threshold or a fit rule changed leaves both sides aggregating the same events the same way.
 * The test is the printed select, once the head's references to dropped CTEs are renamed: the same
 * statement over the same relations gives the same rows. The head's last CTE (its result) always stays.
 */
function readingTheSame(base: SqlQuery["ctes"], head: SqlQuery["ctes"], dialect: Dialect): SqlQuery["ctes"] {
  const baseOf = new Map(base.map((c) => [printSelect(c.select, dialect), c.name]));
  const readFrom = new Map<string, string>();
  const rename = (source: SqlSource): SqlSource => {
    const name = readFrom.get(cteNameOf(source) ?? "");
    return name === undefined ? source : cte(name);
  };
  const kept: SqlQuery["ctes"] = [];
  head.forEach((c, i) => {
    const select: SqlSelect = {
      ...c.select,
      from: { ...c.select.from, source: rename(c.select.from.source) },
      joins: c.select.joins.map((join) => ({ ...join, source: rename(join.source) })),
    };
    const same = baseOf.get(printSelect(select, dialect));
    if (same !== undefined && i < head.length - 1) readFrom.set(c.name, same);
    else kept.push({ name: c.name, select });
  });
  return kept;
}

/** The prefix of the base's pair columns carried through the head's steps (no generated name starts so). */
const CARRIED = "b__";

/**
 * Both sides in one chain of steps, when the head reads exactly one step of the base and that step's
 * columns reach the base's last step unchanged (each step after it keeps every column, `s.*`): the base's
 * pair columns are then computed beside that step's columns (`b_side`), the head's steps read them there
 * and carry them to its own pair step, and each lead's two results are one row — no join of the sides, and
 * no step read twice. DuckDB writes out a step two others read, every column of it, and joins the sides by
 * hashing ten million rows: about 44 s of a 10M-lead diff's CPU (BENCHMARKS.md). A routing or points
 * change, or none, leaves the head reading the base's scored leads; a change to the models, exclusions or
 * lead fields makes the head read two base steps, and the sides are joined (joinedSides).
 */
function sideBySide(
  base: SqlQuery["ctes"],
  head: SqlQuery["ctes"],
  basePair: SqlQuery["ctes"][number],
  headPair: SqlQuery["ctes"][number],
  prefix: string,
): { ctes: SqlQuery["ctes"]; pairs: SqlSelect } | null {
  const byName = new Map(base.map((c) => [c.name, c]));
  // The one base step the head reads, from the `from` of one of its steps.
  const reads = head.flatMap((c, i) =>
    [c.select.from.source, ...c.select.joins.map((join) => join.source)]
      .map((source, j) => ({ at: i, join: j > 0, name: cteNameOf(source) }))
      .filter((read) => read.name !== undefined && byName.has(read.name)),
  );
  if (reads.length !== 1 || reads[0]!.join) return null;
  const shared = reads[0]!.name!;
  const result = byName.get(`${prefix}result`);
  // The base's last step: the one its result reads.
  const last = result === undefined ? undefined : cteNameOf(result.select.from.source);
  if (result === undefined || last === undefined) return null;
  if (!keepsEveryColumn(last, shared, byName)) return null;
  const columns = columnNames(shared, byName);
  if (columns === null) return null;
  // The base's pair columns, written over its last step: the pair step's expressions over the result's.
  const resultColumn = new Map(result.select.columns.map((c) => [c.as, c.expr]));
  const side: SqlQuery["ctes"][number] = {
    name: `${prefix}side`,
    select: select({
      columns: [
        ...columns.map((name) => ({ expr: col(result.select.from.alias, name), as: name })),
        ...basePair.select.columns.map((c) => ({
          expr: replaceColumns(c.expr, (name) => resultColumn.get(name)),
          as: `${CARRIED}${c.as}`,
        })),
      ],
      from: { source: cte(last), alias: result.select.from.alias },
    }),
  };
  // The head's steps read the side step instead, and carry its pair columns to the head's pair step.
  const carried = basePair.select.columns.map((c) => `${CARRIED}${c.as}`);
  const steps = head.map((c, i) => {
    const from = i === reads[0]!.at ? { ...c.select.from, source: cte(side.name) } : c.select.from;
    return { name: c.name, select: { ...c.select, from } };
  });
  const headResult = steps.at(-1)!;
  const headLast = cteNameOf(headResult.select.from.source);
  const headByName = new Map([...steps, side].map((c) => [c.name, c]));
  if (headLast === undefined || !keepsEveryColumn(headLast, side.name, headByName)) return null;
  const carry = (c: SqlQuery["ctes"][number]): SqlQuery["ctes"][number] => ({
    name: c.name,
    select: {
      ...c.select,
      columns: [
        ...c.select.columns,
        ...carried.map((name) => ({ expr: col(c.select.from.alias, name), as: name })),
      ],
    },
  });
  // The head's pair step reads its result step, which now carries the base's pair columns too.
  const pair = carry(headPair);
  return {
    ctes: [...base.filter((c) => c !== result), side, ...steps.slice(0, -1), carry(headResult), pair],
    pairs: select({
      columns: [
        { expr: col("h", ROW), as: ROW },
        { expr: col("h", OUTCOME), as: "outcome" },
        ...sideColumnsOf(basePair, "b", (name) => col("h", `${CARRIED}${name}`)),
        ...sideColumnsOf(headPair, "h", (name) => col("h", name)),
      ],
      from: { source: cte(pair.name), alias: "h" },
    }),
  };
}

/**
 * Whether each step from `last` back to `first` keeps every column of the step it reads (`s.*` first, no
 * join, filter or grouping), so that `first`'s columns reach `last` unchanged.
 */
function keepsEveryColumn(
  last: string,
  first: string,
  steps: ReadonlyMap<string, SqlQuery["ctes"][number]>,
): boolean {
  for (let name = last; name !== first;) {
    const step = steps.get(name);
    if (step === undefined) return false;
    const { from, joins, where, groupBy, columns } = step.select;
    const star = columns[0]?.expr;
    const keeps =
      joins.length === 0 &&
      where === null &&
      groupBy.length === 0 &&
      star?.kind === "star" &&
      star.table === from.alias;
    const before = keeps ? cteNameOf(from.source) : undefined;
    if (before === undefined) return false;
    name = before;
  }
  return true;
}

/** The names of a step's columns, or null when a `*` reads a relation that is not a step. */
function columnNames(name: string, steps: ReadonlyMap<string, SqlQuery["ctes"][number]>): string[] | null {
  const step = steps.get(name);
  if (step === undefined) return null;
  const names: string[] = [];
  for (const column of step.select.columns) {
    if (column.expr.kind !== "star") {
      names.push(column.as);
      continue;
    }
    const alias = column.expr.table;
    const source = [step.select.from, ...step.select.joins].find((s) => s.alias === alias)?.source;
    const read = source === undefined ? undefined : cteNameOf(source);
    const inner = read === undefined ? null : columnNames(read, steps);
    if (inner === null) return null;
    names.push(...inner);
  }
  return names;
}

/** The CTEs that read and filter the events, through which the event facts see them. */
const EVENTS_STEP = ["ls_events_read", "ls_events"];

/** Whether both queries read the events, and read them alike (the same statements, so the same rows). */
function sameEventsStep(base: SqlQuery, head: SqlQuery, dialect: Dialect): boolean {
  const printed = (query: SqlQuery, name: string) => {
    const step = query.ctes.find((c) => c.name === name);
    return step === undefined ? undefined : printSelect(step.select, dialect);
  };
  return EVENTS_STEP.every((name) => {
    const step = printed(base, name);
    return step !== undefined && step === printed(head, name);
  });
}

/** `a IS DISTINCT FROM b`, spelled with the operators every dialect has (never unknown). */
function distinct(a: SqlExpr, b: SqlExpr): SqlExpr {
  return or(and(isNull(a), isNotNull(b)), and(isNotNull(a), isNull(b)), cmp("<>", a, b));
}
