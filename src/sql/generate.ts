import type { Artifact, Bucket, Expr, GradeScale, Model, Ref, Rule } from "../compile/artifact.js";
import { everyBucket } from "../compile/every-bucket.js";
import { exprRefs } from "../compile/expr-refs.js";
import { resultAction } from "../eval/compile-buckets.js";
import { DECISION_KEYS } from "../eval/result.js";
import { foldCase } from "../eval/normalize.js";
import { round2 } from "../eval/round.js";
import { conditionSql, type ConditionContext } from "./conditions.js";
import { clampContribution } from "./decode.js";
import type { Dialect } from "./dialect.js";
import { EventFacts, NO_FACT, decayOf, decayPower, double, periods, type EventItem } from "./event-facts.js";
import {
  NULL,
  and,
  arith,
  call,
  cast,
  cmp,
  col,
  concat,
  cte,
  inTexts,
  isNotNull,
  num,
  select,
  text,
  when,
  type SqlExpr,
  type SqlQuery,
  type SqlSelect,
  type SqlSource,
} from "./ir.js";
import {
  eventProperties,
  eventType,
  fieldColumn,
  idValue,
  knownEventTypes,
  normalizedValue,
  propertyColumn,
  propertyReaders,
  readsEvents,
} from "./relations.js";

export interface SqlOptions {
  dialect: Dialect;
  /** The as-of instant in epoch ms, or "now": the database's current time when the query runs. */
  asOf: number | "now";
  leads: SqlSource;
  events: SqlSource;
  /** Add the contributions (rule, id, section, location, points) as a JSON text column. */
  explain?: boolean;
  /**
   * Add per-rule columns an engine decodes into full results (see decode.ts); `"points"`: only each
   * rule's points (`r<i>`), the position and the unclamped score, for a caller that compares results
   * without their events (a diff on a database).
   */
  detail?: boolean | "points";
  /** A column of the leads relation giving each lead's position (kept, and the output's order). */
  rowColumn?: string | null;
  /**
   * The events relation files each event under its lead's position (a `__row` column matching the leads'
   * `rowColumn`) instead of under its id: every lead sees exactly the events it was given, even when two
   * leads share an id (a population read from several files, fixture cases).
   */
  eventsByRow?: boolean;
  /**
   * Columns of the leads relation handed through unchanged to every result row (after the others): what
   * a caller would otherwise join the results with the leads again for (a diff's outcome column).
   */
  carry?: readonly string[];
}

/** The output columns, in order (then `contributions` with `explain`, then the detail columns). */
export const RESULT_COLUMNS = ["id", ...DECISION_KEYS, "ruleset", "version", "content_hash"] as const;

const ROW = "__row";

/** The lead key and time of an event of table `e`, which every events step after the first keeps. */
const EVENT_KEY_AND_TIME: SqlSelect["columns"] = [
  { expr: col("e", "lead_key"), as: "lead_key" },
  { expr: col("e", "at_ms"), as: "at_ms" },
];

/** No text: typed, so that a ruleset without grades, buckets or exclusions still gives text columns. */
const NO_TEXT: SqlExpr = cast("text", NULL);

/**
 * The ruleset as one SQL query over the leads and events relations, returning one row per lead with the
 * same result the JS engine gives (src/eval): built from the artifact's expressions into the SQL
 * intermediate form (ir.ts), then printed by a dialect's printer. The CTEs follow the scoring steps:
 * normalise inputs, aggregate each lead's events per rule, choose the model and the exclusion, give each
 * rule its rounded points, add them up, clamp, grade, bucket.
 */
export function buildScoreQuery(artifact: Artifact, options: SqlOptions): SqlQuery {
  return new QueryBuilder(artifact, options, null).build();
}

/**
 * Several rulesets' score queries as of the same instant over the same events step (the two sides of a
 * diff, when their `ls_events` read the same): their event facts are planned as one (event-facts.ts), so
 * every query's `ls_event_flags` and `ls_facts` are the same statement, aggregating each lead's events for
 * all the rulesets at once, and each query's `ls_chosen` reads its own items from them. The caller must
 * check that the events steps are the same: a `where` of one ruleset is computed over the other's events.
 */
export function buildScoreQueriesSharingFacts(
  artifacts: readonly Artifact[],
  options: SqlOptions,
): SqlQuery[] {
  let shared: EventFacts | null = null;
  const builders = artifacts.map((artifact) => {
    const builder: QueryBuilder = new QueryBuilder(artifact, options, shared);
    shared = builder.facts;
    return builder;
  });
  // Every ruleset's items are planned before any query is built: each takes the whole plan's columns.
  return builders.map((builder) => builder.build());
}

class QueryBuilder {
  private readonly ctes: SqlQuery["ctes"] = [];
  private readonly asOf: SqlExpr;
  private readonly items: EventItem[] = [];
  private readonly itemOf = new Map<object, EventItem>();
  private readonly rules: Array<{ rule: Rule; model: Model; index: number }> = [];
  /** The decimal type of points, totals and scores: narrow when no score can reach 10^15. */
  private readonly points: "decimal2" | "decimal2_small";
  /**
   * The decimal type a rule's points are rounded in: narrow when no rule's points can reach 10^8 − 1. On
   * DuckDB, 128-bit decimals made a tenth of the query's time at 1M leads + 10M events (BENCHMARKS.md).
   */
  private readonly fractions: "decimal10" | "decimal10_small";
  /** The aggregates of the events per lead, and each item's facts from them (maybe shared with other rulesets). */
  readonly facts: EventFacts;

  constructor(
    private readonly artifact: Artifact,
    private readonly options: SqlOptions,
    shared: EventFacts | null,
  ) {
    this.asOf = options.asOf === "now" ? call("epoch_ms", { kind: "now" }) : num(options.asOf);
    for (const model of artifact.models) {
      for (const rule of model.rules) {
        this.rules.push({ rule, model, index: this.rules.length + 1 });
        if (rule.match.kind !== "profile") this.addItem(rule, rule.match, rule.withinMs, rule, model);
      }
    }
    for (const exclusion of artifact.exclusions) {
      if (exclusion.match.kind !== "profile")
        this.addItem(exclusion, exclusion.match, exclusion.withinMs, null, null);
    }
    const bound = pointsBound(artifact);
    this.points = bound < 1e15 ? "decimal2_small" : "decimal2";
    // Under 10^8 − 1, not 10^8: PostgreSQL reads a double as 15 significant digits, and 99999999.99999999
    // read so is 10^8, which DECIMAL(18, 10) cannot hold.
    this.fractions = bound < 1e8 - 1 ? "decimal10_small" : "decimal10";
    if (shared !== null) shared.add(this.items);
    this.facts =
      shared ??
      new EventFacts(this.items, {
        asOf: this.asOf,
        packFlags: options.dialect.clusterEvents === true,
        detail: options.detail === true,
        where: (expr) => this.condition(expr, null, "e"),
      });
  }

  /** A number as an exact decimal of points (points and totals are added as decimals, exactly). */
  private decimal(value: number): SqlExpr {
    return cast(this.points, num(value));
  }

  /**
   * Rounds a double to 2 decimals half away from zero, as the JS engine's round2: first to 10 decimals as
   * a DECIMAL, which removes binary noise (1.005 is stored as 1.00499999…), then to 2.
   */
  private roundPoints(value: SqlExpr): SqlExpr {
    return cast(this.points, call("round", call("round", cast(this.fractions, value), num(10)), num(2)));
  }

  private addItem(
    owner: object,
    match: EventItem["match"],
    withinMs: number | null,
    rule: Rule | null,
    model: Model | null,
  ) {
    const item: EventItem = { key: `e${this.items.length + 1}`, match, withinMs, rule, model };
    this.items.push(item);
    this.itemOf.set(owner, item);
  }

  build(): SqlQuery {
    const events = readsEvents(this.artifact);
    this.ctes.push({ name: "ls_leads", select: this.leadsSelect() });
    if (events) {
      // The events' time and type are computed in one step and filtered in the next (a fenced step
      // computes each column once per row, instead of once in the filter and again for the columns);
      // then the properties, then each condition an aggregate tests, (on DuckDB) the events some
      // aggregate reads sorted by lead with their flags packed, then the aggregates per lead.
      this.ctes.push({ name: "ls_events_read", select: this.eventsRead() });
      this.ctes.push({ name: "ls_events", select: this.eventsFiltered() });
      this.ctes.push({ name: "ls_event_flags", select: this.eventFlags() });
      if (this.facts.packed) {
        this.ctes.push({ name: "ls_event_rows", select: this.eventRowsSorted() });
        this.ctes.push({ name: "ls_facts", select: this.factsSelect("ls_event_rows", null) });
      } else
        this.ctes.push({
          name: "ls_facts",
          select: this.factsSelect("ls_event_flags", this.facts.rowFilter()),
        });
    }
    this.ctes.push({ name: "ls_chosen", select: this.chosenSelect(events) });
    // Each rule's own points are read only by contributions and by engines' decoders (the totals are
    // computed from the rules' conditions): without them, no step computes them.
    const perRule = this.options.explain === true || (this.options.detail ?? false) !== false;
    if (perRule) this.ctes.push({ name: "ls_points", select: this.pointsSelect() });
    this.ctes.push({ name: "ls_totals", select: this.totalsSelect(perRule ? "ls_points" : "ls_chosen") });
    this.ctes.push({ name: "ls_scored", select: this.scoredSelect() });
    this.ctes.push({ name: "ls_bucketed", select: this.bucketedSelect() });
    return { ctes: this.ctes, select: this.outputSelect() };
  }

  // ---------------------------------------------------------------------------------------- inputs

  private leadsSelect(): SqlSelect {
    const rowColumn = this.options.rowColumn ?? null;
    // A numbering of the leads is needed only where a caller names its own (events filed by position,
    // the detail an engine decodes in input order). `ROW_NUMBER() OVER ()` would also serialise the read:
    // on two threads DuckDB then spent up to twice the CPU (BENCHMARKS.md, "Generated vs hand-written").
    const numbered =
      rowColumn !== null
        ? [{ expr: col("l", rowColumn), as: ROW }]
        : this.options.eventsByRow || this.options.detail
          ? [{ expr: { kind: "row_number" } as SqlExpr, as: ROW }]
          : [];
    return select({
      columns: [
        ...numbered,
        ...(this.options.carry ?? []).map((name) => ({ expr: col("l", name), as: name })),
        { expr: idValue(col("l", "id")), as: "id" },
        ...this.artifact.schema.lead.map((field) => ({
          expr: normalizedValue(col("l", field.name), field.type),
          as: fieldColumn(field.name),
        })),
      ],
      from: { source: this.options.leads, alias: "l" },
    });
  }

  /**
   * The events as read: lead key, type, time, and the raw properties a `where` reads. The type is
   * normalised (trimmed, folded) only when it is not one of the rules' types as written already.
   */
  private eventsRead(): SqlSelect {
    const readers = propertyReaders(this.artifact);
    return select({
      columns: [
        {
          expr: this.options.eventsByRow ? col("e", ROW) : call("bytewise", idValue(col("e", "lead_id"))),
          as: "lead_key",
        },
        { expr: eventType(col("e", "type"), knownEventTypes(this.artifact)), as: "type" },
        { expr: call("epoch_ms", col("e", "at")), as: "at_ms" },
        ...[...readers.keys()].map((name) => ({ expr: col("e", name), as: propertyColumn(name) })),
      ],
      from: { source: this.options.events, alias: "e" },
    });
  }

  /**
   * Events after the as-of time, without a readable time, or of a type no rule knows count nowhere. A
   * property is normalised only for the events of the types whose `where` reads it (NULL for others,
   * which no condition reading it can match: each also tests the type).
   */
  private eventsFiltered(): SqlSelect {
    const at = col("r", "at_ms");
    const type = col("r", "type");
    const properties = eventProperties(this.artifact);
    const columns: SqlSelect["columns"] = [
      { expr: col("r", "lead_key"), as: "lead_key" },
      { expr: type, as: "type" },
      { expr: at, as: "at_ms" },
    ];
    for (const [name, types] of propertyReaders(this.artifact)) {
      const property = properties.find((candidate) => candidate.name === name)!;
      const value = normalizedValue(col("r", propertyColumn(name)), property.type);
      // Only text costs much to normalise (trimmed and folded).
      const isText = property.type === "string" || property.type === "enum";
      const expr = types === null || !isText ? value : when([{ when: inTexts(type, types), result: value }]);
      columns.push({ expr, as: propertyColumn(name) });
    }
    return select({
      columns,
      from: { source: cte("ls_events_read"), alias: "r" },
      where: and(isNotNull(at), cmp("<=", at, this.asOf), inTexts(type, knownEventTypes(this.artifact))),
    });
  }

  /** Each distinct condition the aggregates test, computed once per event (event-facts.ts). */
  private eventFlags(): SqlSelect {
    return select({
      columns: [...EVENT_KEY_AND_TIME, ...this.facts.flagColumns()],
      from: { source: cte("ls_events"), alias: "e" },
    });
  }

  /**
   * Per lead key: the aggregates the items need (event-facts.ts). Aggregated from the events alone, before
   * they meet the leads: an event's facts depend only on its lead key (a `where` reads the event's
   * properties, never the lead's fields), so the join is one row per lead, not one per event. Leads that
   * share an id share its facts, as the JS engine's event index gives each of them the id's events.
   * Events without a lead key form one group, which joins no lead. Read from `events` (the flags, or on
   * DuckDB the sorted rows), `where` keeping the events some aggregate reads (null: all of them).
   */
  private factsSelect(events: string, where: SqlExpr | null): SqlSelect {
    return select({
      columns: [{ expr: col("e", "lead_key"), as: "lead_key" }, ...this.facts.aggregateColumns()],
      from: { source: cte(events), alias: "e" },
      where,
      groupBy: [col("e", "lead_key")],
    });
  }

  /**
   * The events the aggregates read, ordered by lead key (a text key by its hash), their flags packed
   * (dialect.ts `clusterEvents`): a lead's events then reach the aggregate together. The order is for
   * speed only; no result depends on it.
   */
  private eventRowsSorted(): SqlSelect {
    return select({
      columns: [...EVENT_KEY_AND_TIME, ...this.facts.packedColumns()],
      from: { source: cte("ls_event_flags"), alias: "e" },
      where: this.facts.rowFilter(),
      // Ordered to bring a lead's events together, not to sort them: a text key is ordered by its hash,
      // fixed-width, which the sort compares and spills for less (80M events under a 2 GB limit: the sort
      // by the text itself took 57 s of CPU, by an integer position 28 s).
      orderBy: [this.options.eventsByRow ? col("e", "lead_key") : call("hash", col("e", "lead_key"))],
    });
  }

  // ---------------------------------------------------------------------------------------- scoring

  private chosenSelect(events: boolean): SqlSelect {
    const models = this.artifact.models;
    const fallback = this.artifact.defaultModel;
    const model = when(
      models
        .filter((m) => m.when !== null)
        .map((m) => ({ when: this.condition(m.when!, "l", null), result: text(m.name) })),
      fallback === null ? NULL : text(fallback),
    );
    const excluded =
      this.artifact.exclusions.length === 0
        ? NO_TEXT
        : when(
            this.artifact.exclusions.map((exclusion) => ({
              when:
                exclusion.match.kind === "profile"
                  ? this.condition(exclusion.match.expr, "l", null)
                  : this.facts.holds(this.itemOf.get(exclusion)!, null),
              result: text(exclusion.reason),
            })),
          );
    const factColumns = events ? this.facts.chosenColumns(this.items) : [];
    return select({
      columns: [
        { expr: { kind: "star", table: "l" }, as: "" },
        ...factColumns,
        { expr: model, as: "model" },
        { expr: excluded, as: "excluded" },
      ],
      from: { source: cte("ls_leads"), alias: "l" },
      joins: events
        ? [
            {
              source: cte("ls_facts"),
              alias: "f",
              on: cmp("=", col("f", "lead_key"), col("l", this.options.eventsByRow ? ROW : "id")),
            },
          ]
        : [],
    });
  }

  /** Each rule's points, rounded (NULL when it does not fire); event rules also their total before the cap. */
  private pointsSelect(): SqlSelect {
    const columns: SqlSelect["columns"] = [{ expr: { kind: "star", table: "c" }, as: "" }];
    for (const { rule, model, index } of this.rules) {
      const { fires, points } = this.ruleScore(rule, "c");
      const ofModel = cmp("=", col("c", "model"), text(model.name));
      columns.push({ expr: when([{ when: and(ofModel, fires), result: points }]), as: `r${index}` });
      if (this.options.detail === true && rule.match.kind === "event") {
        const total = this.eventTotal(this.itemOf.get(rule)!, rule, "c");
        columns.push({ expr: when([{ when: and(ofModel, fires), result: total }]), as: `t${index}` });
      }
    }
    return select({ columns, from: { source: cte("ls_chosen"), alias: "c" } });
  }

  /** When a rule of the lead's model fires (its model aside), and its points then, rounded. */
  private ruleScore(rule: Rule, table: string): { fires: SqlExpr; points: SqlExpr } {
    const match = rule.match;
    if (match.kind === "profile") {
      return { fires: this.condition(match.expr, table, null), points: this.decimal(round2(rule.points)) };
    }
    const item = this.itemOf.get(rule)!;
    // Some event matches (event rules), or none in the window (`no event`).
    const fires = this.facts.holds(item, table);
    if (match.kind === "no_event") return { fires, points: this.decimal(round2(rule.points)) };
    const total = this.eventTotal(item, rule, table);
    const capped =
      rule.max === null
        ? total
        : when(
            [
              {
                when: cmp(">", call("abs", total), num(rule.max)),
                result: when(
                  [{ when: cmp("<", total, num(0)), result: double(-rule.max) }],
                  double(rule.max),
                ),
              },
            ],
            total,
          );
    return { fires, points: this.roundPoints(capped) };
  }

  /** An event rule's points after decay, before the cap (a double, as the JS engine computes it). */
  private eventTotal(item: EventItem, rule: Rule, table: string): SqlExpr {
    const decay = decayOf(item);
    const count = col(table, `${item.key}_n`);
    if (rule.each) {
      if (decay !== null) return col(table, `${item.key}_sum`);
      return arith("*", double(rule.points), cast("double", count));
    }
    if (decay === null) return double(rule.points);
    // A once-only rule scores its most recent matching event.
    const factor = decayPower(
      1 - decay.percent / 100,
      periods(this.asOf, col(table, `${item.key}_latest`), decay.everyMs),
    );
    return arith("*", double(rule.points), factor);
  }

  /**
   * The section totals, per model: only the rules of the lead's model are evaluated, from their conditions
   * (not through the per-rule columns, which only contributions and engines read).
   */
  private totalsSelect(from: "ls_points" | "ls_chosen"): SqlSelect {
    const indexOf = new Map(this.rules.map(({ rule, index }) => [rule, index]));
    const score = (rule: Rule): SqlExpr => {
      // ls_points holds each rule's points already (NULL unless it fires for a lead of its model).
      if (from === "ls_points") return call("coalesce", col("p", `r${indexOf.get(rule)!}`), this.decimal(0));
      const { fires, points } = this.ruleScore(rule, "p");
      return when([{ when: fires, result: points }], this.decimal(0));
    };
    const sum = (section: "fit" | "engagement") =>
      when(
        this.artifact.models.map((model) => {
          const points = model.rules.filter((rule) => rule.section === section).map(score);
          const total =
            points.length === 0 ? num(0) : points.reduce((left, right) => arith("+", left, right));
          return { when: cmp("=", col("p", "model"), text(model.name)), result: cast(this.points, total) };
        }),
      );
    return select({
      columns: [
        { expr: { kind: "star", table: "p" }, as: "" },
        { expr: sum("fit"), as: "fit" },
        { expr: sum("engagement"), as: "engagement" },
      ],
      from: { source: cte(from), alias: "p" },
    });
  }

  /** The score (clamped by the model's clamp, else the global one) and the grade. */
  private scoredSelect(): SqlSelect {
    const unclamped = cast(this.points, arith("+", col("t", "fit"), col("t", "engagement")));
    const clamps = this.artifact.models
      .map((model) => ({ model, clamp: model.clamp ?? this.artifact.clamp }))
      .filter((entry) => entry.clamp !== null)
      .map(({ model, clamp }) => ({
        when: cmp("=", col("t", "model"), text(model.name)),
        result: when(
          [
            { when: cmp("<", unclamped, num(clamp!.min)), result: this.decimal(clamp!.min) },
            { when: cmp(">", unclamped, num(clamp!.max)), result: this.decimal(clamp!.max) },
          ],
          unclamped,
        ),
      }));
    const score = when(clamps, unclamped);
    return select({
      columns: [
        { expr: { kind: "star", table: "t" }, as: "" },
        { expr: unclamped, as: "unclamped" },
        { expr: score, as: "score" },
        { expr: this.grade(col("t", "fit"), col("t", "engagement"), text), as: "grade" },
        // What a bucket's `grade in [...]` compares: the grade folded, by the same CASE with folded labels
        // (folding the grade text per lead, TRANSLATE, cost DuckDB more than the rest of the leads' steps).
        ...(this.bucketsReadGrade()
          ? [
              {
                expr: this.grade(col("t", "fit"), col("t", "engagement"), (label) => text(foldCase(label))),
                as: "grade_folded",
              },
            ]
          : []),
      ],
      from: { source: cte("ls_totals"), alias: "t" },
    });
  }

  /** The grade, its label written by `label` (as it is, or folded). */
  private grade(fit: SqlExpr, engagement: SqlExpr, label: (label: string) => SqlExpr): SqlExpr {
    const { fit: fitScale, engagement: engagementScale } = this.artifact.grades;
    // One scale alone grades by its own labels (as eval/compile-grades.ts); neither: no grade.
    if (fitScale === null && engagementScale === null) return NO_TEXT;
    if (engagementScale === null)
      return when([{ when: isNotNull(fit), result: labelCase(fitScale!, fit, label) }]);
    if (fitScale === null)
      return when([{ when: isNotNull(engagement), result: labelCase(engagementScale, engagement, label) }]);
    const engagementLabel = (fitLabel: string) =>
      labelCase(engagementScale, engagement, (engagementLabel) => label(fitLabel + engagementLabel));
    return when([{ when: isNotNull(fit), result: labelCase(fitScale, fit, engagementLabel) }]);
  }

  /** Whether a bucket's condition reads the grade. */
  private bucketsReadGrade(): boolean {
    return everyBucket(this.artifact).some(
      (bucket) => bucket.test.kind === "when" && readsGrade(bucket.test.expr),
    );
  }

  private bucketedSelect(): SqlSelect {
    const branches: Array<{ when: SqlExpr; result: SqlExpr }> = [];
    for (const [buckets, models] of this.bucketGroups()) {
      const ofModels = inTexts(col("s", "model"), models);
      for (const bucket of buckets) {
        branches.push({ when: and(ofModels, this.bucketTest(bucket)), result: text(bucket.name) });
      }
    }
    const bucket =
      branches.length === 0
        ? NO_TEXT
        : when([{ when: isNotNull(col("s", "excluded")), result: NULL }, ...branches]);
    return select({
      columns: [
        { expr: { kind: "star", table: "s" }, as: "" },
        { expr: bucket, as: "bucket" },
      ],
      from: { source: cte("ls_scored"), alias: "s" },
    });
  }

  /** The bucket lists in use, each with the models that use it (a model's own, or the global list). */
  private bucketGroups(): Array<[Bucket[], string[]]> {
    const groups: Array<[Bucket[], string[]]> = [];
    const global: string[] = [];
    for (const model of this.artifact.models) {
      if (model.buckets === null) global.push(model.name);
      else groups.push([model.buckets, [model.name]]);
    }
    if (global.length > 0) groups.unshift([this.artifact.buckets, global]);
    return groups;
  }

  private bucketTest(bucket: Bucket): SqlExpr {
    const decides = bucket.test;
    switch (decides.kind) {
      case "otherwise":
        return and();
      case "threshold":
        return cmp(decides.cmp === "!=" ? "<>" : decides.cmp, col("s", "score"), num(decides.value));
      case "when":
        return this.condition(decides.expr, "s", null);
    }
  }

  private outputSelect(): SqlSelect {
    const artifact = this.artifact;
    const o = (name: string) => col("o", name);
    const columns: SqlSelect["columns"] = [
      { expr: o("id"), as: "id" },
      { expr: o("model"), as: "model" },
      { expr: cast("double", o("fit")), as: "fit" },
      { expr: cast("double", o("engagement")), as: "engagement" },
      { expr: cast("double", o("score")), as: "score" },
      { expr: o("grade"), as: "grade" },
      { expr: o("bucket"), as: "bucket" },
      { expr: o("excluded"), as: "excluded" },
      { expr: this.actions(), as: "actions" },
      { expr: text(artifact.name), as: "ruleset" },
      { expr: artifact.version === null ? cast("bigint", NULL) : num(artifact.version), as: "version" },
      { expr: text(artifact.contentHash), as: "content_hash" },
    ];
    if (this.options.explain) columns.push({ expr: this.contributions(), as: "contributions" });
    if (this.options.detail) columns.push(...this.detailColumns(this.options.detail === true));
    for (const name of this.options.carry ?? []) columns.push({ expr: o(name), as: name });
    // Without the caller's order: by id, then (leads that share an id) by their results, so that the rows
    // come in one order whatever order the database reads the leads in.
    const ordered = this.options.rowColumn
      ? [o(ROW)]
      : [o("id"), ...DECISION_KEYS.map((name) => col(null, name))];
    return select({ columns, from: { source: cte("ls_bucketed"), alias: "o" }, orderBy: ordered });
  }

  /** The bucket's actions as JSON text, written here once per bucket (so escaped by JSON and by SQL). */
  private actions(): SqlExpr {
    const branches: Array<{ when: SqlExpr; result: SqlExpr }> = [];
    for (const [buckets, models] of this.bucketGroups()) {
      const ofModels = inTexts(col("o", "model"), models);
      for (const bucket of buckets) {
        branches.push({
          when: and(ofModels, cmp("=", col("o", "bucket"), text(bucket.name))),
          result: text(JSON.stringify(bucket.actions.map(resultAction))),
        });
      }
    }
    return when(branches, text("[]"));
  }

  /** `[{"rule":…,"id":…,"section":…,"file":…,"line":…,"column":…,"points":…}, …]`: fixed parts as literals. */
  private contributions(): SqlExpr {
    const parts: SqlExpr[] = [];
    const fragment = (head: object, points: SqlExpr, fires: SqlExpr) => {
      const prefix = JSON.stringify(head).slice(0, -1);
      parts.push(
        when(
          [{ when: fires, result: concat(text(`,${prefix},"points":`), cast("text", points), text("}")) }],
          text(""),
        ),
      );
    };
    for (const { rule, index } of this.rules) {
      const points = col("o", `r${index}`);
      fragment(contributionHead(rule.text, rule.id, rule.section, rule.loc), points, isNotNull(points));
    }
    for (const model of this.artifact.models) {
      const clamp = clampContribution(this.artifact, model, 0);
      if (clamp === null) continue;
      const moved = and(
        cmp("=", col("o", "model"), text(model.name)),
        cmp("<>", col("o", "score"), col("o", "unclamped")),
      );
      fragment(
        contributionHead(clamp.rule, clamp.id, clamp.section, clamp.loc),
        arith("-", col("o", "score"), col("o", "unclamped")),
        moved,
      );
    }
    if (parts.length === 0) return text("[]");
    return concat(text("["), call("substr", concat(...parts), num(2)), text("]"));
  }

  /**
   * For engines, decoded into full contributions by decode.ts: position, unclamped score, each rule's
   * points and (`events`) the facts of its events.
   */
  private detailColumns(events: boolean): SqlSelect["columns"] {
    const columns: SqlSelect["columns"] = [
      { expr: col("o", ROW), as: ROW },
      { expr: cast("double", col("o", "unclamped")), as: "unclamped" },
    ];
    for (const { rule, index } of this.rules) {
      columns.push({ expr: cast("double", col("o", `r${index}`)), as: `r${index}` });
      if (!events || rule.match.kind !== "event") continue;
      const item = this.itemOf.get(rule)!;
      columns.push({ expr: col("o", `${item.key}_n`), as: `n${index}` });
      // The latest event is read only for once-only rules with decay (decode.ts).
      const latest = this.facts.has(item, "latest") ? col("o", `${item.key}_latest`) : NO_FACT;
      columns.push({ expr: latest, as: `latest${index}` });
      columns.push({ expr: col("o", `t${index}`), as: `t${index}` });
      const aged = this.facts.has(item, "aged") ? col("o", `${item.key}_aged`) : num(0);
      columns.push({ expr: aged, as: `aged${index}` });
    }
    return columns;
  }

  /**
   * A condition over the normalised columns of a lead (`leadTable`) or, in `where`, of an event alone
   * (`leadTable` null: a `where` never reads the lead, resolve-names.ts).
   */
  private condition(expr: Expr, leadTable: string | null, eventTable: string | null): SqlExpr {
    const context: ConditionContext = {
      textHoldsNul: this.options.dialect.textHoldsNul,
      asOf: this.asOf,
      column: (ref: Ref) => {
        if (ref.scope === "event" && eventTable !== null) {
          return ref.name === "at" ? col(eventTable, "at_ms") : col(eventTable, propertyColumn(ref.name));
        }
        if (leadTable === null) throw new Error(`internal: ${ref.name} is not an event property`);
        if (ref.scope === "result") {
          return ref.name === "grade" ? col(leadTable, "grade_folded") : col(leadTable, ref.name);
        }
        return col(leadTable, fieldColumn(ref.name));
      },
    };
    return conditionSql(expr, context);
  }
}

function contributionHead(
  rule: string,
  id: string,
  section: string,
  loc: { file: string; line: number; column: number },
) {
  return { rule, id, section, loc: { file: loc.file, line: loc.line, column: loc.column } };
}

/** Whether a condition reads the result's grade. */
function readsGrade(expr: Expr): boolean {
  return exprRefs(expr).some((ref) => ref.scope === "result" && ref.name === "grade");
}

/** A grade scale's label for a value: the first tier it meets, else the `else` label (else none). */
function labelCase(scale: GradeScale, value: SqlExpr, labelled: (label: string) => SqlExpr): SqlExpr {
  return when(
    scale.tiers.map((tier) => ({
      when: cmp(tier.op, value, num(tier.threshold)),
      result: labelled(tier.label),
    })),
    scale.fallback === null ? NULL : labelled(scale.fallback),
  );
}

/**
 * The largest absolute value a rule's points, a section total or a score can take, or Infinity: a rule
 * adding points for each event without `max` is unbounded (the number of events is).
 */
export function pointsBound(artifact: Artifact): number {
  let bound = 0;
  for (const model of artifact.models) {
    let total = 0;
    for (const rule of model.rules) {
      const each = rule.match.kind === "event" && rule.each;
      total += each ? Math.abs(rule.max ?? Number.POSITIVE_INFINITY) : Math.abs(rule.points);
    }
    const clamp = model.clamp ?? artifact.clamp;
    if (clamp !== null) total = Math.max(total, Math.abs(clamp.min), Math.abs(clamp.max));
    bound = Math.max(bound, total);
  }
  return bound;
}
