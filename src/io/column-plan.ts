import type { FieldSchema } from "../compile/artifact.js";
import { closestName, didYouMean, editDistance } from "../diagnostics/suggest.js";
import { fieldKeyOf } from "./column-names.js";
import type { InputOptions } from "./input-options.js";

/**
 * Which column of a CSV file fills which lead field, decided once from the header before any record is
 * read: explicit `columns` first, then a header that is a field's name, then a header whose words are
 * (`Lead Origin` → `lead_origin`). Everything that would make every record wrong in the same way is an
 * error about the file, said once, rather than a reject per row: a required field no column feeds, a
 * mapping to no field, two columns for one field. An optional field with no column is a warning.
 */
export interface ColumnPlan {
  /** Per column, the field it fills, or null when the column is not used. */
  targets: ReadonlyArray<string | null>;
  /** The column holding the outcome, when one was asked for. */
  outcomeColumn: number | null;
  /** Said in the summary: optional fields no column feeds. */
  warnings: string[];
  /** The mapping as `--verbose` prints it, one line per field, then the columns not used. */
  lines: string[];
  /** Columns that fill no field (their names), for the summary. */
  unused: string[];
}

/** A file whose header cannot be read as the lead's fields: reported once, as bad input (exit 2). */
export class InputFileError extends Error {
  override readonly name = "InputFileError";
}

export function planColumns(
  headers: readonly string[],
  fields: readonly FieldSchema[],
  options: Pick<InputOptions, "columns" | "outcome" | "strictKeys">,
  file: string,
): ColumnPlan {
  const errors: string[] = [];
  const fieldNames = fields.map((field) => field.name);
  const byKey = new Map<string, string>();
  const byLetters = new Map<string, string>();
  for (const name of fieldNames) {
    if (!byKey.has(fieldKeyOf(name))) byKey.set(fieldKeyOf(name), name);
    if (!byLetters.has(lettersOf(name))) byLetters.set(lettersOf(name), name);
  }
  const outcome = options.outcome?.column ?? null;

  // Explicit mappings: the header must exist, the target must be a field.
  const explicit = new Map<number, string>();
  for (const [header, field] of options.columns) {
    const index = headers.indexOf(header);
    if (index === -1) {
      const hint = closestName(header, headers);
      errors.push(
        `the mapping names the column \`${header}\`, which the header does not have` +
          (hint === undefined ? "" : ` (did you mean \`${hint}\`?)`),
      );
      continue;
    }
    if (!fieldNames.includes(field)) {
      const hint = didYouMean(field, fieldNames);
      errors.push(
        `the mapping sends \`${header}\` to \`${field}\`, which is no lead field` +
          (hint === undefined ? ` (the fields: ${fieldNames.join(", ")})` : `: ${hint}`),
      );
      continue;
    }
    explicit.set(index, field);
  }

  const targets: Array<string | null> = headers.map(() => null);
  const sourceOf = new Map<string, number>();
  for (const [index, field] of explicit) {
    const other = sourceOf.get(field);
    if (other !== undefined) {
      errors.push(
        `columns \`${headers[other]}\` and \`${headers[index]}\` are both mapped to \`${field}\`; map one of them`,
      );
      continue;
    }
    targets[index] = field;
    sourceOf.set(field, index);
  }
  const how = new Map<number, string>();
  // A column that would fill a field another column fills is reported once, not once per matching pass.
  const conflicting = new Set<number>();
  // Then exact names, then names by their words (`Lead Origin`), then by their letters (`TotalVisits`
  // for `total_visits`); a field already filled is not filled again.
  const passes = {
    exact: (header: string) => (fieldNames.includes(header) ? header : undefined),
    words: (header: string) => byKey.get(fieldKeyOf(header)),
    letters: (header: string) => byLetters.get(lettersOf(header)),
  };
  for (const pass of ["exact", "words", "letters"] as const) {
    headers.forEach((header, index) => {
      if (explicit.has(index) || options.columns.has(header) || targets[index] !== null) return;
      if (conflicting.has(index)) return;
      const field = passes[pass](header);
      if (field === undefined) return;
      const other = sourceOf.get(field);
      if (other !== undefined) {
        // Only an explicit mapping settles which column fills a field; two matches by name are a question.
        conflicting.add(index);
        if (!explicit.has(other))
          errors.push(
            `columns \`${headers[other]}\` (${other + 1}) and \`${header}\` (${index + 1}) would both fill \`${field}\`; ` +
              `say which with --columns "${headers[other]}=${field}"`,
          );
        return;
      }
      targets[index] = field;
      sourceOf.set(field, index);
      how.set(index, pass === "exact" ? "" : ` (by its ${pass})`);
    });
  }

  let outcomeColumn: number | null = null;
  if (outcome !== null) {
    outcomeColumn = headers.indexOf(outcome);
    if (outcomeColumn === -1)
      outcomeColumn = headers.findIndex((header) => fieldKeyOf(header) === fieldKeyOf(outcome));
    if (outcomeColumn === -1 && sourceOf.has(outcome)) outcomeColumn = sourceOf.get(outcome)!;
    if (outcomeColumn === -1) {
      const hint = closestName(outcome, headers);
      errors.push(
        `the outcome column \`${outcome}\` is no column of the file` +
          (hint === undefined ? ` (its columns: ${headers.join(", ")})` : ` (did you mean \`${hint}\`?)`),
      );
      outcomeColumn = null;
    }
  }

  const warnings: string[] = [];
  const lines: string[] = [];
  for (const field of fields) {
    const index = sourceOf.get(field.name);
    if (index !== undefined) {
      const by = explicit.has(index) ? " (mapped)" : (how.get(index) ?? "");
      lines.push(`${field.name} ← ${headers[index]}${by}`);
      continue;
    }
    const near = nearestHeaders(field.name, headers, targets);
    const nearText = near.length === 0 ? "" : ` (closest columns: ${near.map((h) => `\`${h}\``).join(", ")})`;
    lines.push(`${field.name} ← (no column)`);
    if (!field.optional) {
      errors.push(
        `no column for the required field \`${field.name}\`${nearText}; name it with --columns "Header=${field.name}"`,
      );
    } else {
      warnings.push(
        `no column for the optional field \`${field.name}\`: it is missing for every lead${nearText}`,
      );
    }
  }
  const unused = headers.filter((_, index) => targets[index] === null && index !== outcomeColumn);
  if (outcomeColumn !== null) lines.push(`outcome ← ${headers[outcomeColumn]}`);
  if (unused.length > 0) lines.push(`not used: ${unused.join(", ")}`);
  if (options.strictKeys && unused.length > 0)
    errors.push(`with strict keys every column must fill a field; not used: ${unused.join(", ")}`);

  if (errors.length > 0) {
    throw new InputFileError(
      errors.length === 1
        ? `cannot read \`${file}\`: ${errors[0]}`
        : `cannot read \`${file}\`:\n${errors.map((error) => `  - ${error}`).join("\n")}`,
    );
  }
  return { targets, outcomeColumn, warnings, lines, unused };
}

/** `Total_Visits`, `TotalVisits`, `total visits` → `totalvisits`. */
function lettersOf(name: string): string {
  return fieldKeyOf(name).replace(/_/g, "");
}

/** Up to three unused columns nearest to a field's name, by the edit distance of their keys. */
function nearestHeaders(
  field: string,
  headers: readonly string[],
  targets: ReadonlyArray<string | null>,
): string[] {
  const key = fieldKeyOf(field);
  // A header holding the field's words (`Prospect ID` for `id`) is as near as a small typo.
  const distanceTo = (header: string): number => {
    const words = fieldKeyOf(header);
    return `_${words}_`.includes(`_${key}_`) ? 1 : editDistance(key, words);
  };
  return headers
    .map((header, index) => ({ header, index, distance: distanceTo(header) }))
    .filter(({ index, distance }) => targets[index] === null && distance <= Math.max(2, key.length / 2))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .slice(0, 3)
    .map(({ header }) => header);
}
