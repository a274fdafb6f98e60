import type { ScoreResult } from "../eval/result.js";
import { DEFAULT_CONVERTED, DEFAULT_NOT_CONVERTED, type OutcomeOptions } from "../io/input-options.js";

/**
 * Conversion rates on historical outcomes, so that buckets and grades can be revisited with data: score
 * last quarter's leads with `--outcome converted` and see whether MQLs really convert better than Warm.
 */
export interface ConversionRow {
  /** A bucket name, `(excluded)`, `(no bucket)` or `(unscored)`; a grade, or `(no grade)`. */
  group: string;
  leads: number;
  converted: number;
  /** converted / leads as a percentage with one decimal (half away from zero); null without leads. */
  rate: number | null;
}

export interface ConversionSummary {
  field: string;
  /** Leads with an outcome the field could be read as: these are the ones counted below. */
  known: number;
  converted: number;
  /** Leads whose outcome was missing or unreadable: counted here, left out of the rates. */
  unknown: number;
  /** Of those, the ones with no value… */
  missing: number;
  /** …and the values that are neither converted nor not converted, with their counts. */
  unreadable: Record<string, number>;
  byBucket: ConversionRow[];
  byGrade: ConversionRow[];
}

/**
 * An outcome as read from a lead record: true, false, or null when missing or not one of the values read
 * as converted or not converted (by default 1/0, true/false, yes/no, won/lost; configurable).
 */
export function readOutcome(
  value: unknown,
  outcome: Pick<OutcomeOptions, "converted" | "notConverted"> = {
    converted: DEFAULT_CONVERTED,
    notConverted: DEFAULT_NOT_CONVERTED,
  },
): boolean | null {
  if (value === null || value === undefined) return null;
  const text = (typeof value === "string" ? value : String(value)).trim().toLowerCase();
  if (outcome.converted.includes(text)) return true;
  if (outcome.notConverted.includes(text)) return false;
  return null;
}

export class ConversionTally {
  readonly #buckets = new Map<string, [number, number]>();
  readonly #grades = new Map<string, [number, number]>();
  #missing = 0;
  #unreadable = new Map<string, number>();
  readonly field: string;

  constructor(readonly outcome: OutcomeOptions) {
    this.field = outcome.column;
  }

  add(result: ScoreResult, value: unknown): void {
    const converted = readOutcome(value, this.outcome);
    if (converted === null) {
      const text = value === undefined || value === null ? "" : String(value).trim();
      if (text === "") this.#missing += 1;
      else this.#unreadable.set(text, (this.#unreadable.get(text) ?? 0) + 1);
      return;
    }
    const bucket =
      result.model === null
        ? "(unscored)"
        : result.excluded !== null
          ? "(excluded)"
          : (result.bucket ?? "(no bucket)");
    count(this.#buckets, bucket, converted);
    count(this.#grades, result.grade ?? "(no grade)", converted);
  }

  /** Buckets in `bucketOrder` first (then the others), grades in label order. */
  summary(bucketOrder: readonly string[]): ConversionSummary {
    const known = [...this.#buckets.values()].reduce((sum, [leads]) => sum + leads, 0);
    const converted = [...this.#buckets.values()].reduce((sum, [, yes]) => sum + yes, 0);
    const bucketNames = [
      ...bucketOrder.filter((name) => this.#buckets.has(name)),
      ...[...this.#buckets.keys()].filter((name) => !bucketOrder.includes(name)).sort(),
    ];
    return {
      field: this.field,
      known,
      converted,
      unknown: this.#missing + [...this.#unreadable.values()].reduce((a, b) => a + b, 0),
      missing: this.#missing,
      unreadable: Object.fromEntries([...this.#unreadable].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      byBucket: bucketNames.map((name) => row(name, this.#buckets.get(name)!)),
      byGrade: [...this.#grades.keys()].sort().map((name) => row(name, this.#grades.get(name)!)),
    };
  }
}

function count(groups: Map<string, [number, number]>, key: string, converted: boolean): void {
  const entry = groups.get(key) ?? [0, 0];
  entry[0] += 1;
  if (converted) entry[1] += 1;
  groups.set(key, entry);
}

function row(group: string, [leads, converted]: [number, number]): ConversionRow {
  // Integer arithmetic first, so 1/8 = 12.5% rounds the same on every machine.
  return { group, leads, converted, rate: leads === 0 ? null : Math.round((converted * 1000) / leads) / 10 };
}

/** The conversion table as the summary prints it. */
export function formatConversion(summary: ConversionSummary): string[] {
  const lines = [
    `  conversion (${summary.field}): ${summary.converted} of ${summary.known} converted${summary.unknown > 0 ? `; ${summary.unknown} without a readable outcome, left out` : ""}`,
  ];
  const unreadable = Object.entries(summary.unreadable);
  if (unreadable.length > 0) {
    const shown = unreadable.slice(0, 5).map(([value, count]) => `\`${value}\` ${count}`);
    lines.push(
      `    unreadable outcomes: ${shown.join(", ")}${unreadable.length > 5 ? ", …" : ""} (read: ${summary.field} values must be converted or not converted: configure them under outcome: in leadscore.yaml)`,
    );
  }
  for (const [title, rows] of [
    ["by bucket", summary.byBucket],
    ["by grade", summary.byGrade],
  ] as const) {
    const width = Math.max(...rows.map((r) => r.group.length), 0);
    lines.push(`    ${title}:`);
    for (const r of rows) {
      const rate = r.rate === null ? "-" : `${r.rate.toFixed(1)}%`;
      lines.push(
        `      ${r.group.padEnd(width)}  ${String(r.converted).padStart(6)} / ${String(r.leads).padEnd(6)} ${rate.padStart(6)}`,
      );
    }
  }
  return lines;
}
