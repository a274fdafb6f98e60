import type { Counts } from "./information-value.js";

/** Above this many distinct values a column is an identifier (ids, emails), not something to profile. */
export const MAX_DISTINCT = 1000;

/**
 * One column's values and how each converted, counted as leads stream by. Values are compared as
 * written (trimmed): placeholders such as `Select` stay what they are, so they can be seen and fixed.
 */
export class ColumnTally {
  readonly values = new Map<string, Counts>();
  missing: Counts = { leads: 0, converted: 0 };
  /** Set once the column has more than MAX_DISTINCT values: counting stops. */
  tooManyValues = false;
  /** Leads whose value does not read as a number (a column is numeric when these are few). */
  notNumbers = 0;

  /** Numbers with at most 1% of other values (a typo, `about 200`): binned, the others shown apart. */
  get numeric(): boolean {
    let present = 0;
    for (const counts of this.values.values()) present += counts.leads;
    return present > 0 && this.notNumbers <= present / 100;
  }

  add(raw: unknown, converted: boolean): void {
    if (this.tooManyValues) return;
    const text = raw === undefined || raw === null ? "" : String(raw).trim();
    if (text === "") {
      this.missing.leads += 1;
      if (converted) this.missing.converted += 1;
      return;
    }
    let counts = this.values.get(text);
    if (counts === undefined) {
      if (this.values.size === MAX_DISTINCT) {
        this.tooManyValues = true;
        this.values.clear();
        return;
      }
      counts = { leads: 0, converted: 0 };
      this.values.set(text, counts);
    }
    if (!Number.isFinite(Number(text))) this.notNumbers += 1;
    counts.leads += 1;
    if (converted) counts.converted += 1;
  }
}
