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
  arith,
  call,
  cast,
  cmp,
  col,
  cte,
  isNotNull,
  isNull,
  num,
  or,
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

/** The columns of one side's result a diff counts: besides these, `r<i>` of the rules kept (see decode.ts). */
const RESULT_KEYS = ["model", "excluded", "bucket", "score", "unclamped"] as const;

/**
 * The query, as text. Its rows: `b_<key>`, `h_<key>`, `outcome`, `moved_row`, `b_fired<i>` and `h_fired<i>`
 * (1 when rule `i` fired for one of the row's leads), `leads`, `first_row`: see pairColumns.
 */
export function pairQuery(options: PairQueryOptions): string {
  const { dialect } = options;
  const sides = sideColumns(options, options.kept);
  const ctes: SqlQuery["ctes"] = [];
  const parts = options.parts.map((part, k) => {
    const tag = k === 0 ? "" : String(k);
    const [base, head] = partCtes(options, part, `b${tag}_`, `h${tag}_`);
    ctes.push(...base, ...head, narrowed(sides.base, `b${tag}_`), narrowed(sides.head, `h${tag}_`));
    return joinedSides(sides, `b${tag}_pair`, `h${tag}_pair`);
  });
  // One part is the pairs; several are read as one (printed by this printer: a template it vouches for).
  const union: SqlSource = {
    kind: "template",
    text: `(${parts.map((part) => printSelect(part, dialect)).join(" UNION ALL ")})`,
  };
  ctes.push({
    name: "ls_pairs",
    select:
      parts.length === 1
        ? parts[0]!
        : select({
            columns: [{ expr: { kind: "star", table: "u" }, as: "" }],
            from: { source: union, alias: "u" },
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
    firedMasks(side.rules).map((_, m) => ({
      expr: call("bit_or", p(`${prefix}fired${m}`)),
      as: `${prefix}fired${m}`,
    }));
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
        ...firedMasks(side.rules).map((mask, m) => ({ expr: mask, as: `fired${m}` })),
      ],
      from: { source: cte(`${prefix}result`), alias: "o" },
    }),
  };
}

/** Both sides of a part side by side, each lead once: `b_<column>`, `h_<column>`, `__row`, `outcome`. */
function joinedSides(sides: { base: SideColumns; head: SideColumns }, base: string, head: string): SqlSelect {
  const columns = (side: SideColumns, alias: "b" | "h") => [
    ...[...side.kept, "actions"].map((name) => ({ expr: col(alias, name), as: `${alias}_${name}` })),
    ...firedMasks(side.rules).map((_, m) => ({ expr: col(alias, `fired${m}`), as: `${alias}_fired${m}` })),
  ];
  return select({
    columns: [
      { expr: col("b", ROW), as: ROW },
      { expr: col("b", OUTCOME), as: "outcome" },
      ...columns(sides.base, "b"),
      ...columns(sides.head, "h"),
    ],
    from: { source: cte(base), alias: "b" },
    joins: [{ source: cte(head), alias: "h", on: cmp("=", col("h", ROW), col("b", ROW)) }],
  });
}

/**
 * Rules per packed integer: bit `k` is worth 2^k, printed as a literal, and a double (what the printer
 * holds a number in) writes integers exactly up to 2^53.
 */
const RULES_PER_MASK = 52;

/** Each group of RULES_PER_MASK rules as one BIGINT, bit `k` set when the group's `k`-th rule fired. */
function firedMasks(rules: SideColumns["rules"]): SqlExpr[] {
  const masks: SqlExpr[] = [];
  for (let first = 0; first < rules.length; first += RULES_PER_MASK) {
    const bits = rules
      .slice(first, first + RULES_PER_MASK)
      .map(({ index }, k) => when([{ when: isNotNull(col("o", `r${index}`)), result: num(2 ** k) }], num(0)));
    masks.push(
      cast(
        "bigint",
        bits.reduce((sum, bit) => arith("+", sum, bit)),
      ),
    );
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
  const bits = (rules: SideColumns["rules"]): FiredBit[] => {
    const first = at;
    at += Math.ceil(rules.length / RULES_PER_MASK);
    return rules.map(({ rule }, i) => ({
      id: rule.id,
      at: first + Math.floor(i / RULES_PER_MASK),
      bit: i % RULES_PER_MASK,
    }));
  };
  const fired = { base: bits(sides.base.rules), head: bits(sides.head.rules) };
  return { base, head, outcome, movedRow, fired, leads: at };
}

interface SideColumns {
  /** The columns a row keeps of the side's result, as the decoder names them. */
  kept: string[];
  /** Every rule, with its detail column's number (`r<index>`). */
  rules: Array<{ rule: Rule; index: number }>;
}

/** Each side's columns: the result keys and the kept rules' points, in one order for the query and its reader. */
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

/** A score query's CTEs renamed with a prefix, its final SELECT last as `<prefix>result` (unordered). */
function prefixed(query: SqlQuery, prefix: string): SqlQuery["ctes"] {
  const names = new Set(query.ctes.map((c) => c.name));
  const rename = (source: SqlSource): SqlSource =>
    source.kind === "table" && source.path.length === 1 && names.has(source.path[0]!)
      ? cte(`${prefix}${source.path[0]}`)
      : source;
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
    const name =
      source.kind === "table" && source.path.length === 1 ? readFrom.get(source.path[0]!) : undefined;
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
