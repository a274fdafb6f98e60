import { printString } from "../../syntax/literals.js";
import { lift } from "../lift.js";
import { round4 } from "../numbers.js";
import type { ColumnTally } from "./column-tally.js";
import { informationValue, weightOfEvidence, type Counts } from "./information-value.js";

export interface ProfileGroup {
  /** A value as written, `(missing)`, a numeric range `[10, 20)`, or `(N other values)`. */
  group: string;
  leads: number;
  converted: number;
  rate: number | null;
  lift: number | null;
  woe: number | null;
}

export interface ColumnProfile {
  column: string;
  /** The lead field a rule would name: the header's words joined by `_`, lowercased. */
  field: string;
  kind: "values" | "numeric" | "identifier";
  distinct: number;
  /** Information value over all the column's groups; null when it cannot be computed. */
  informationValue: number | null;
  groups: ProfileGroup[];
  /** A rule line for the group that separates most, to start a ruleset from; null when none stands out. */
  suggestion: string | null;
}

export interface DataProfile {
  source: string;
  outcome: string;
  leads: number;
  converted: number;
  baseRate: number | null;
  /** Records whose outcome was missing or unreadable: left out. */
  withoutOutcome: number;
  rejected: number;
  /** Strongest first. */
  columns: ColumnProfile[];
}

const NUMERIC_BINS = 5;
/** A value shown on its own needs this share of leads; the rest are grouped. */
const TOP_VALUES = 12;
/** A suggestion needs this many leads behind it (and 1% of all), and a weight of evidence at least this large. */
const SUGGEST_MIN_LEADS = 10;
const SUGGEST_MIN_WOE = 0.3;
/** Points per unit of weight of evidence in suggestions (ln odds ×2.7 ≈ 10 points). */
const POINTS_PER_WOE = 10;

export function profileColumn(column: string, tally: ColumnTally, total: Counts): ColumnProfile {
  const field = column
    .trim()
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toLowerCase();
  if (tally.tooManyValues) {
    return {
      column,
      field,
      kind: "identifier",
      distinct: tally.values.size,
      informationValue: null,
      groups: [],
      suggestion: null,
    };
  }
  const numeric = tally.numeric && tally.values.size > TOP_VALUES;
  const groups: Array<{ group: string; counts: Counts; test: string | null }> = numeric
    ? numericBins(tally, field)
    : valueGroups(tally, field);
  if (tally.missing.leads > 0)
    groups.push({ group: "(missing)", counts: tally.missing, test: `${field} is missing` });
  const rows = groups.map(({ group, counts }) => groupRow(group, counts, total));
  const iv = informationValue(
    groups.map((g) => g.counts),
    total,
  );
  let best: { woe: number; test: string } | null = null;
  for (const { counts, test } of groups) {
    const woe = weightOfEvidence(counts, total);
    if (
      test === null ||
      woe === null ||
      counts.leads < Math.max(SUGGEST_MIN_LEADS, total.leads / 100) ||
      Math.abs(woe) < SUGGEST_MIN_WOE
    )
      continue;
    // The largest weight either way; between equals, the one that adds points (a reason to reach out).
    if (
      best === null ||
      Math.abs(woe) > Math.abs(best.woe) ||
      (Math.abs(woe) === Math.abs(best.woe) && woe > 0)
    )
      best = { woe, test };
  }
  const validField = /^[a-z_][a-z0-9_]*$/.test(field);
  const points = best === null ? 0 : Math.round(Math.abs(best.woe) * POINTS_PER_WOE);
  return {
    column,
    field,
    kind: numeric ? "numeric" : "values",
    distinct: tally.values.size,
    informationValue: iv === null ? null : round4(iv),
    groups: rows,
    suggestion:
      best === null || !validField || points === 0
        ? null
        : `when ${best.test} ${best.woe > 0 ? "add" : "subtract"} ${points}`,
  };
}

function groupRow(group: string, counts: Counts, total: Counts): ProfileGroup {
  const woe = weightOfEvidence(counts, total);
  const groupLift = lift(counts.converted, counts.leads, total.converted, total.leads);
  return {
    group,
    leads: counts.leads,
    converted: counts.converted,
    rate: counts.leads === 0 ? null : round4(counts.converted / counts.leads),
    lift: groupLift === null ? null : round4(groupLift),
    woe: woe === null ? null : round4(woe),
  };
}

/** The most frequent values on their own (ties by value), the rest as one group. */
function valueGroups(
  tally: ColumnTally,
  field: string,
): Array<{ group: string; counts: Counts; test: string | null }> {
  const sorted = [...tally.values].sort(
    ([a, x], [b, y]) => y.leads - x.leads || (a < b ? -1 : a > b ? 1 : 0),
  );
  const shown: Array<{ group: string; counts: Counts; test: string | null }> = sorted
    .slice(0, TOP_VALUES)
    .map(([value, counts]) => ({
      group: value,
      counts,
      test: `${field} = ${printString(value)}`,
    }));
  const rest = sorted.slice(TOP_VALUES);
  if (rest.length > 0) {
    const counts = rest.reduce(
      (sum, [, c]) => ({ leads: sum.leads + c.leads, converted: sum.converted + c.converted }),
      { leads: 0, converted: 0 },
    );
    return [...shown, { group: `(${rest.length} other values)`, counts, test: null }];
  }
  return shown;
}

/**
 * About five bins holding similar numbers of leads, cut between distinct values (`low to high`, both
 * included); the few values that are not numbers follow, each on its own.
 */
function numericBins(
  tally: ColumnTally,
  field: string,
): Array<{ group: string; counts: Counts; test: string | null }> {
  const values = [...tally.values]
    .filter(([text]) => Number.isFinite(Number(text)))
    .map(([text, counts]) => ({ value: Number(text), counts }))
    .sort((a, b) => a.value - b.value);
  const others = [...tally.values].filter(([text]) => !Number.isFinite(Number(text)));
  const total = values.reduce((sum, v) => sum + v.counts.leads, 0);
  const bins: Array<{ low: number; high: number; counts: Counts }> = [];
  let current: { low: number; high: number; counts: Counts } | null = null;
  let seen = 0;
  for (const { value, counts } of values) {
    if (current === null) current = { low: value, high: value, counts: { leads: 0, converted: 0 } };
    current.high = value;
    current.counts.leads += counts.leads;
    current.counts.converted += counts.converted;
    seen += counts.leads;
    if (seen >= ((bins.length + 1) * total) / NUMERIC_BINS && bins.length < NUMERIC_BINS - 1) {
      bins.push(current);
      current = null;
    }
  }
  if (current !== null) bins.push(current);
  return [
    ...bins.map((bin) => ({
      group: bin.low === bin.high ? String(bin.low) : `${bin.low} to ${bin.high}`,
      counts: bin.counts,
      test: bin.low === bin.high ? `${field} = ${bin.low}` : `${field} between ${bin.low} and ${bin.high}`,
    })),
    ...others.map(([text, counts]) => ({ group: text, counts, test: null })),
  ];
}
