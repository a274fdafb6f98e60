import { setOwnField } from "../eval/own-field.js";

/**
 * CSV headers written for people ("Prospect ID", "Total Time Spent on Website") name lead fields
 * (`prospect_id`, `total_time_spent_on_website`). A header matches a field when it is the field's name, or
 * when its words joined by `_` and lowercased are: exports from CRMs then load without a rename step.
 */
export function fieldKeyOf(header: string): string {
  return header
    .trim()
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toLowerCase();
}

/** Maps a CSV row's headers to field names, computed once per header row. */
export class ColumnMapper {
  readonly #fields: ReadonlyMap<string, string>;
  #headers: readonly string[] | undefined;
  #targets: Array<string | undefined> = [];

  readonly #explicit: ReadonlyMap<string, string>;

  /** `explicit` maps headers to fields by name (`--columns`), before any matching by key. */
  constructor(fieldNames: Iterable<string>, explicit: ReadonlyMap<string, string> = new Map()) {
    this.#explicit = explicit;
    const byKey = new Map<string, string>();
    for (const name of fieldNames) if (!byKey.has(fieldKeyOf(name))) byKey.set(fieldKeyOf(name), name);
    this.#fields = byKey;
  }

  /** The row with its keys renamed to field names; headers that name no field keep their own name. */
  map(row: Readonly<Record<string, string>>): Record<string, string> {
    const headers = Object.keys(row);
    if (!sameHeaders(headers, this.#headers)) this.#plan(headers);
    const mapped: Record<string, string> = {};
    for (let i = 0; i < headers.length; i++) {
      const target = this.#targets[i];
      if (target !== undefined) setOwnField(mapped, target, row[headers[i]!]!);
    }
    return mapped;
  }

  #plan(headers: readonly string[]): void {
    const fieldNames = new Set(this.#fields.values());
    const claimed = new Set(headers.flatMap((h) => this.#explicit.get(h) ?? []));
    const exact = new Set(
      headers.filter((h) => !this.#explicit.has(h) && fieldNames.has(h) && !claimed.has(h)),
    );
    const taken = new Set<string>([...exact, ...claimed]);
    this.#targets = headers.map((header) => {
      const named = this.#explicit.get(header);
      if (named !== undefined) return named;
      if (exact.has(header)) return header;
      const field = this.#fields.get(fieldKeyOf(header));
      // An exact header for the same field, or an earlier header, wins: never two columns into one field.
      // A header that names a field another column already fills is left out rather than overwrite it.
      if (field === undefined || taken.has(field)) return fieldNames.has(header) ? undefined : header;
      taken.add(field);
      return field;
    });
    this.#headers = headers;
  }
}

function sameHeaders(a: readonly string[], b: readonly string[] | undefined): boolean {
  if (b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
